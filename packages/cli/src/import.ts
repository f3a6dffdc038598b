import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Language } from 'certiref-language';
import { countDraft, writeFiles, WriteFilesError, writeRef, type DraftCertification, type DraftCounts, type PlacedNote } from 'certiref-import';
import { DocxError, importDocx } from 'certiref-import/docx';
import { UsageError } from './files.js';
import { relative } from './formatters/stylish.js';

export interface ImportOptions {
    /** The source (its name titles the output folder by default). */
    file: string;
    /** The folder the .ref files go to (default: the document's name, in the current folder). */
    out?: string;
    force: boolean;
    language: Language;
}

export interface ImportResult {
    output: string;
    written: string[];
    unchanged: string[];
    notes: PlacedNote[];
    counts: DraftCounts;
}

/** `3 blocs`, `1 bloc`. */
const n = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** The bytes of the file to import, or a usage error that says why not. */
export function readSourceFile(file: string): Uint8Array {
    try {
        const stat = fs.statSync(file);
        if (!stat.isFile()) throw new UsageError(`${file} : n'est pas un fichier / is not a file`);
        return fs.readFileSync(file);
    } catch (e) {
        if (e instanceof UsageError) throw e;
        const code = (e as NodeJS.ErrnoException).code;
        throw new UsageError(code === 'ENOENT' ? `${file} : fichier introuvable / file not found` : `${file} : lecture impossible / cannot read (${code ?? (e as Error).message})`);
    }
}

/**
 * `certiref import docx FILE.docx`: the Word référentiel as .ref files (one main file, one per
 * bloc) in a folder, never over a file unless --force, each atomically. A summary says what was
 * read and lists, file:line:col, every place that needs a look (the review notes, which
 * `certiref check` reports until they are removed).
 */
export async function importWord(options: ImportOptions): Promise<ImportResult> {
    const fr = options.language === 'fr';
    const bytes = readSourceFile(options.file);
    let imported;
    try {
        imported = await importDocx(bytes, path.basename(options.file));
    } catch (e) {
        if (e instanceof DocxError) throw new UsageError(`${options.file} : ${e.fr} / ${e.en}`);
        throw e;
    }
    const left = imported.summary.formFields > 0
        ? [fr
            ? `Laissé de côté\u00a0: ${n(imported.summary.formFields, 'champ', 'champs')} de formulaire à remplir (candidat, date, signatures, cases à cocher).`
            : `Left out: ${n(imported.summary.formFields, 'form field', 'form fields')} to fill in (candidate, date, signatures, check boxes).`]
        : [];
    return writeImported(imported.draft, options, left);
}

/**
 * What every `certiref import` does with its draft: the .ref files into `--out` (default: a
 * folder named after the source), nothing over an existing file unless --force, and the summary —
 * files written, what was read, `extra` lines of the importer, every place to review.
 */
export function writeImported(draft: DraftCertification, options: ImportOptions, extra: string[] = []): ImportResult {
    const fr = options.language === 'fr';
    const file = options.file;
    const { files, notes } = writeRef(draft);
    // by default a folder named after the document, beside it in the current folder (characters no file system takes left out)
    const out = options.out ?? (path.basename(file).replace(/\.[^.]+$/, '').replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_').trim() || 'referentiel');
    if (fs.existsSync(out) && !fs.statSync(out).isDirectory()) {
        throw new UsageError(`${out} : --out attend un dossier, pas un fichier / --out expects a folder, not a file`);
    }
    let result;
    try {
        result = writeFiles(out, files, { force: options.force });
    } catch (e) {
        if (e instanceof WriteFilesError) {
            const shown = e.files.map((f) => relative(f)).join(', ');
            if (e.reason === 'exists') throw new UsageError(`${shown} : existe déjà, ajoutez --force pour remplacer / already exists, add --force to replace`);
            throw new UsageError(e.message);
        }
        throw e;
    }
    const counts = countDraft(draft);
    const lines: string[] = [];
    for (const f of result.written) lines.push(`${fr ? 'écrit\u00a0' : 'written'}: ${relative(f)}`);
    for (const f of result.unchanged) lines.push(`${fr ? 'inchangé\u00a0' : 'unchanged'}: ${relative(f)}`);
    // other .ref files in the folder join the same certification when they say `partie de ID`
    const ours = new Set(files.map((f) => path.resolve(out, f.path)));
    const others = fs.readdirSync(out).filter((n) => n.toLowerCase().endsWith('.ref') && !ours.has(path.resolve(out, n)));
    if (others.length > 0) {
        lines.push(fr
            ? `attention\u00a0: ${others.map((n) => relative(path.join(out, n))).join(', ')} ${others.length > 1 ? 'sont' : 'est'} aussi dans ce dossier, sans venir de cet import.`
            : `note: ${others.map((n) => relative(path.join(out, n))).join(', ')} ${others.length > 1 ? 'are' : 'is'} also in this folder and did not come from this import.`);
    }
    lines.push('');
    lines.push(fr
        ? `Lu dans ${path.basename(file)}\u00a0: ${n(counts.blocs, 'bloc', 'blocs')}${counts.options ? ` (${n(counts.options, 'option', 'options')})` : ''}, ${n(counts.activities, 'activité', 'activités')}, ${n(counts.competencies, 'compétence', 'compétences')}, ${n(counts.modalities, 'modalité', 'modalités')}${counts.parts ? ` (${n(counts.parts, 'partie', 'parties')})` : ''}, ${n(counts.criteria, 'critère', 'critères')}.`
        : `Read from ${path.basename(file)}: ${n(counts.blocs, 'bloc', 'blocs')}${counts.options ? ` (${n(counts.options, 'option', 'options')})` : ''}, ${n(counts.activities, 'activity', 'activities')}, ${n(counts.competencies, 'competency', 'competencies')}, ${n(counts.modalities, 'modality', 'modalities')}${counts.parts ? ` (${n(counts.parts, 'part', 'parts')})` : ''}, ${n(counts.criteria, 'criterion', 'criteria')}.`);
    lines.push(...extra);
    if (notes.length === 0) {
        lines.push(fr ? 'Aucun endroit à revoir.' : 'No place to review.');
    } else {
        lines.push(fr
            ? `${n(notes.length, 'endroit', 'endroits')} à revoir (commentaires «\u00a0à revoir\u00a0», signalés par certiref check jusqu'à ce que vous les supprimiez)\u00a0:`
            : `${n(notes.length, 'place', 'places')} to review ("to review" comments, reported by certiref check until you remove them):`);
        for (const note of notes) lines.push(`  ${relative(path.join(out, note.file))}:${note.line}:${note.column}  ${fr ? note.note.fr : note.note.en}`);
    }
    lines.push(fr ? `Vérifiez\u00a0: certiref check ${relative(out)}` : `Check: certiref check ${relative(out)}`);
    return { output: lines.join('\n') + '\n', written: result.written, unchanged: result.unchanged, notes, counts };
}
