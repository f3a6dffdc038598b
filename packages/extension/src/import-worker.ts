// The Word and RNCP imports of the desktop extension, in a bundle of their own (dist/import.cjs:
// the importers, mammoth, the RNCP reader, and the language's writer), read only when a command runs.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { countDraft, writeFiles, WriteFilesError, writeRef, type DraftCounts, type PlacedNote } from 'certiref-import';
import { DocxError, importDocx } from 'certiref-import/docx';

export interface ImportOutcome {
    /** What went wrong, in both languages (not a Word document, encrypted, damaged, unwritable …). */
    error?: { fr: string; en: string };
    /** Files that exist with another content: nothing was written (ask, then import again with force). */
    refused?: string[];
    written: string[];
    unchanged: string[];
    /** Each note with the absolute path of its file. */
    notes: Array<PlacedNote & { path: string }>;
    counts?: DraftCounts;
}

/** A Word référentiel as .ref files in `folder`, as `certiref import docx FILE --out folder [--force]`. */
export async function importWordDocument(docx: string, folder: string, force: boolean): Promise<ImportOutcome> {
    const outcome: ImportOutcome = { written: [], unchanged: [], notes: [] };
    let imported;
    try {
        imported = await importDocx(fs.readFileSync(docx), path.basename(docx));
    } catch (e) {
        if (e instanceof DocxError) return { ...outcome, error: { fr: e.fr, en: e.en } };
        const code = (e as NodeJS.ErrnoException).code;
        if (code) return { ...outcome, error: { fr: `lecture impossible (${code})`, en: `cannot read (${code})` } };
        throw e;
    }
    const { files, notes } = writeRef(imported.draft);
    try {
        const result = writeFiles(folder, files, { force });
        return {
            written: result.written, unchanged: result.unchanged, counts: countDraft(imported.draft),
            notes: notes.map((n) => ({ ...n, path: path.join(folder, n.file) })),
        };
    } catch (e) {
        if (e instanceof WriteFilesError && e.reason === 'exists') return { ...outcome, refused: e.files };
        if (e instanceof WriteFilesError) return { ...outcome, error: { fr: e.message.split(' / ')[0], en: e.message } };
        throw e;
    }
}

export { nodeRncpBackend } from './rncp-node.js';
