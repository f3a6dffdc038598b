import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Bilingual, Language } from 'certiref-language';
import { countDraft, writeFiles, WriteFilesError, writeRef, type PlacedNote } from 'certiref-import';
import { ficheToDraft } from 'certiref-import/rncp';
import { EXPORT_VERSION, normaliseFicheNumber, readFiches, RncpExportError, type ReadProgress, type ReadSummary } from 'certiref-rncp';
import { UsageError } from './files.js';
import { IMPORT_TEXTS } from './import.js';
import { relative } from './paths.js';

export interface ImportRncpOptions {
    /** The export: the zip as downloaded, or the XML in it. */
    file: string;
    /** Fiche numbers (`RNCP34762`, `34762`); with `all`, none. */
    fiches: string[];
    all: boolean;
    /** The folder the fiches' folders go to (default: the current folder). */
    out?: string;
    force: boolean;
    language: Language;
    /** Where progress goes (stderr; shown on a terminal only). */
    progress?: NodeJS.WriteStream;
}

export interface ImportRncpResult {
    output: string;
    /** Written, unchanged, refused: per fiche. */
    fiches: Array<{ number: string; folder: string; written: string[]; unchanged: string[]; refused: string[]; notes: PlacedNote[] }>;
    missing: string[];
    exitCode: number;
}

/**
 * `certiref import rncp EXPORT --fiche RNCPnnnnn… | --all [--out DIR] [--force]`: each fiche
 * asked, read from the export as it streams, as a folder of .ref files (`DIR/RNCPnnnnn/`: the
 * certification, one file per bloc), never over a file unless --force (then atomically); the same
 * fiche imported twice changes nothing. With --all, every fiche, a progress bar on a terminal.
 */
export async function importRncp(options: ImportRncpOptions): Promise<ImportRncpResult> {
    const fr = options.language === 'fr';
    if (options.all && options.fiches.length > 0) throw new UsageError('--fiche et --all s\'excluent / --fiche and --all exclude each other');
    if (!options.all && options.fiches.length === 0) throw new UsageError('donnez --fiche RNCPnnnnn (répétable) ou --all / give --fiche RNCPnnnnn (repeatable) or --all');
    const numbers = options.fiches.map((n) => {
        const number = normaliseFicheNumber(n);
        if (!number) throw new UsageError(`--fiche ${n} : numéro de fiche invalide, attendu RNCPnnnnn / invalid fiche number, expected RNCPnnnnn`);
        return number;
    });
    const out = options.out ?? '.';
    if (fs.existsSync(out) && !fs.statSync(out).isDirectory()) throw new UsageError(`${out} : --out attend un dossier, pas un fichier / --out expects a folder, not a file`);
    const bar = new ProgressBar(options.progress ?? process.stderr, fr);
    const summary: ReadSummary = { fiches: 0, missing: [] };
    const result: ImportRncpResult = { output: '', fiches: [], missing: [], exitCode: 0 };
    const lines: string[] = [];
    try {
        for await (const fiche of readFiches(options.file, { numbers: options.all ? undefined : numbers, onProgress: (p) => bar.update(p, result.fiches.length) }, summary)) {
            const draft = ficheToDraft(fiche);
            const { files, notes } = writeRef(draft);
            const folder = path.join(out, fiche.number);
            const entry = { number: fiche.number, folder, written: [] as string[], unchanged: [] as string[], refused: [] as string[], notes };
            try {
                const written = writeFiles(folder, files, { force: options.force });
                entry.written = written.written;
                entry.unchanged = written.unchanged;
            } catch (e) {
                if (!(e instanceof WriteFilesError)) throw e;
                if (e.reason !== 'exists') throw new UsageError(e.message);
                entry.refused = e.files;
                result.exitCode = 2;
            }
            result.fiches.push(entry);
            if (!options.all) lines.push(...describe(entry, countDraft(draft), options.file, fr));
        }
    } catch (e) {
        bar.end();
        if (e instanceof RncpExportError) throw new UsageError(`${relative(e.file)}${e.line !== undefined ? `:${e.line}:${e.column ?? 1}` : ''} : ${e.fr} / ${e.en}`);
        throw e;
    }
    bar.end();
    result.missing = summary.missing;
    if (summary.version !== undefined && summary.version !== EXPORT_VERSION) {
        lines.unshift(fr
            ? `attention\u00a0: export au format ${summary.version}, certiref lit le format ${EXPORT_VERSION}\u00a0; vérifiez les fichiers écrits.`
            : `note: export in format ${summary.version}, certiref reads format ${EXPORT_VERSION}; check the files written.`);
    }
    if (options.all) {
        const written = result.fiches.filter((f) => f.written.length > 0).length;
        const unchanged = result.fiches.filter((f) => f.written.length === 0 && f.refused.length === 0).length;
        const refused = result.fiches.filter((f) => f.refused.length > 0);
        const notes = result.fiches.reduce((n, f) => n + f.notes.length, 0);
        lines.push(fr
            ? `${result.fiches.length} fiches lues dans ${path.basename(options.file)}\u00a0: ${written} écrites, ${unchanged} inchangées, ${refused.length} refusées (fichiers existants), ${notes} endroits à revoir.`
            : `${result.fiches.length} fiches read from ${path.basename(options.file)}: ${written} written, ${unchanged} unchanged, ${refused.length} refused (existing files), ${notes} places to review.`);
        for (const f of refused.slice(0, 20)) lines.push(`  ${relative(f.folder)}${fr ? '\u00a0' : ''}: ${fr ? 'existe déjà, ajoutez --force pour remplacer' : 'already exists, add --force to replace'}`);
        if (refused.length > 20) lines.push(`  … (${refused.length - 20})`);
        lines.push(fr ? `Vérifiez\u00a0: certiref check ${relative(out)}` : `Check: certiref check ${relative(out)}`);
    }
    if (result.missing.length > 0) {
        lines.push(fr
            ? `${result.missing.join(', ')}\u00a0: absente${result.missing.length > 1 ? 's' : ''} de l'export (${summary.fiches} fiches).`
            : `${result.missing.join(', ')}: not in the export (${summary.fiches} fiches).`);
        result.exitCode = 2;
    }
    result.output = lines.join('\n') + '\n';
    return result;
}

function describe(entry: ImportRncpResult['fiches'][number], counts: ReturnType<typeof countDraft>, file: string, fr: boolean): string[] {
    const say = (text: Bilingual) => text[fr ? 'fr' : 'en'];
    const lines: string[] = [];
    for (const f of entry.written) lines.push(`${say(IMPORT_TEXTS.written)}: ${relative(f)}`);
    for (const f of entry.unchanged) lines.push(`${say(IMPORT_TEXTS.unchanged)}: ${relative(f)}`);
    if (entry.refused.length > 0) {
        lines.push(`${entry.refused.map((f) => relative(f)).join(', ')}${fr ? '\u00a0' : ''}: ${fr ? 'existe déjà, ajoutez --force pour remplacer' : 'already exists, add --force to replace'}`);
        return lines;
    }
    lines.push(say(IMPORT_TEXTS.read(`${path.basename(file)} (${entry.number})`, counts)));
    if (entry.notes.length === 0) lines.push(say(IMPORT_TEXTS.nothingToReview));
    else {
        lines.push(say(IMPORT_TEXTS.toReview(entry.notes.length)));
        for (const note of entry.notes) lines.push(`  ${relative(path.join(entry.folder, note.file))}:${note.line}:${note.column}  ${fr ? note.note.fr : note.note.en}`);
    }
    lines.push(say(IMPORT_TEXTS.check(relative(entry.folder))));
    return lines;
}

/** A progress bar on stderr, on a terminal only, for runs over a second: bytes of the export read, fiches written. */
class ProgressBar {
    private readonly started = Date.now();
    private shown = false;
    private last = 0;

    constructor(private readonly stream: NodeJS.WriteStream, private readonly fr: boolean) {}

    update(progress: ReadProgress, written: number): void {
        if (!this.stream.isTTY) return;
        const now = Date.now();
        if (now - this.started < 1000 || now - this.last < 100) return;
        this.last = now;
        this.shown = true;
        const fraction = progress.total > 0 ? Math.min(1, progress.bytes / progress.total) : 0;
        const width = 24;
        const filled = Math.round(fraction * width);
        const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
        const percent = `${Math.floor(fraction * 100)}${this.fr ? '\u00a0' : ' '}%`;
        this.stream.write(`\r\u001b[2Kcertiref: ${bar} ${percent} — ${progress.fiches} fiche${progress.fiches > 1 ? 's' : ''}${this.fr ? ` lue${progress.fiches > 1 ? 's' : ''}, ${written} importée${written > 1 ? 's' : ''}` : ` read, ${written} imported`}`);
    }

    end(): void {
        if (this.shown) this.stream.write('\r\u001b[2K');
    }
}
