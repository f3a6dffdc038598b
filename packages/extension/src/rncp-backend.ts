// What « Import a référentiel from the RNCP export… » runs, on the desktop and on the web alike:
// the export read from a source of bytes (a file streamed from disk, or bytes in memory), the
// fiche's draft and its .ref files, as `certiref import rncp` writes them.
import { ficheToDraft } from 'certiref-import/rncp';
import { writeRef } from 'certiref-import/write-ref';
import { listFichesFrom, readFichesFrom, type ExportSource, type ReadSummary } from 'certiref-rncp/core';
import type * as vscode from 'vscode';
import type { ImportedFiche, RncpBackend } from './rncp-import.js';

export function rncpBackend(open: (uri: vscode.Uri) => Promise<ExportSource>): RncpBackend {
    return {
        async list(uri, progress) {
            const source = await open(uri);
            return listFichesFrom(source, (p) => progress(p.bytes, p.total));
        },
        async fiche(uri, number): Promise<ImportedFiche> {
            const summary: ReadSummary = { fiches: 0, missing: [] };
            for await (const fiche of readFichesFrom(await open(uri), { numbers: [number] }, summary)) {
                const { files, notes } = writeRef(ficheToDraft(fiche));
                // the fiche's own folder, as certiref import rncp --out writes it
                return { number: fiche.number, title: fiche.title, files: files.map((f) => ({ path: `${fiche.number}/${f.path}`, text: f.text })), notes: notes.length };
            }
            throw Object.assign(new Error(`${number}: not in the export`), {
                format: (language: 'fr' | 'en') => (language === 'fr' ? `${number}\u00a0: absente de l'export (${summary.fiches} fiches).` : `${number}: not in the export (${summary.fiches} fiches).`),
            });
        },
    };
}
