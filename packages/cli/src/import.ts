import * as fs from 'node:fs';
import * as path from 'node:path';
import { counted, noun, t, type Bilingual, type Language } from 'certiref-language';
import { countDraft, writeFiles, WriteFilesError, writeRef, type DraftCertification, type DraftCounts, type PlacedNote } from 'certiref-import';
import { DocxError, importDocx } from 'certiref-import/docx';
import { UsageError } from './files.js';
import { relative } from './paths.js';

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

const NOUNS = {
    bloc: noun('bloc', 'blocs', 'bloc', 'blocs'),
    option: noun('option', 'options', 'option', 'options'),
    activity: noun('activité', 'activités', 'activity', 'activities'),
    competency: noun('compétence', 'compétences', 'competency', 'competencies'),
    modality: noun('modalité', 'modalités', 'modality', 'modalities'),
    part: noun('partie', 'parties', 'part', 'parts'),
    criterion: noun('critère', 'critères', 'criterion', 'criteria'),
    field: noun('champ', 'champs', 'form field', 'form fields'),
    place: noun('endroit', 'endroits', 'place', 'places'),
};

/** What `certiref import` says, in French and English. */
export const IMPORT_TEXTS = {
    written: t('écrit\u00a0', 'written'),
    unchanged: t('inchangé\u00a0', 'unchanged'),
    others: (files: string[]) => t(
        `attention\u00a0: ${files.join(', ')} ${files.length > 1 ? 'sont' : 'est'} aussi dans ce dossier, sans venir de cet import.`,
        `note: ${files.join(', ')} ${files.length > 1 ? 'are' : 'is'} also in this folder and did not come from this import.`,
    ),
    read: (source: string, c: DraftCounts) => {
        const say = (language: Language) => [
            `${counted(c.blocs, NOUNS.bloc, language)}${c.options ? ` (${counted(c.options, NOUNS.option, language)})` : ''}`,
            counted(c.activities, NOUNS.activity, language), counted(c.competencies, NOUNS.competency, language),
            `${counted(c.modalities, NOUNS.modality, language)}${c.parts ? ` (${counted(c.parts, NOUNS.part, language)})` : ''}`,
            counted(c.criteria, NOUNS.criterion, language),
        ].join(', ');
        return t(`Lu dans ${source}\u00a0: ${say('fr')}.`, `Read from ${source}: ${say('en')}.`);
    },
    formFields: (count: number) => t(
        `Laissé de côté\u00a0: ${counted(count, NOUNS.field, 'fr')} de formulaire à remplir (candidat, date, signatures, cases à cocher).`,
        `Left out: ${counted(count, NOUNS.field, 'en')} to fill in (candidate, date, signatures, check boxes).`,
    ),
    nothingToReview: t('Aucun endroit à revoir.', 'No place to review.'),
    toReview: (count: number) => t(
        `${counted(count, NOUNS.place, 'fr')} à revoir (commentaires «\u00a0à revoir\u00a0», signalés par certiref check jusqu'à ce que vous les supprimiez)\u00a0:`,
        `${counted(count, NOUNS.place, 'en')} to review ("to review" comments, reported by certiref check until you remove them):`,
    ),
    check: (folder: string) => t(`Vérifiez\u00a0: certiref check ${folder}`, `Check: certiref check ${folder}`),
} satisfies Record<string, Bilingual | ((...args: never[]) => Bilingual)>;

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
    const bytes = readSourceFile(options.file);
    let imported;
    try {
        imported = await importDocx(bytes, path.basename(options.file));
    } catch (e) {
        if (e instanceof DocxError) throw new UsageError(`${options.file} : ${e.fr} / ${e.en}`);
        throw e;
    }
    const left = imported.summary.formFields > 0 ? [IMPORT_TEXTS.formFields(imported.summary.formFields)[options.language]] : [];
    return writeImported(imported.draft, options, left);
}

/**
 * What every `certiref import` does with its draft: the .ref files into `--out` (default: a
 * folder named after the source), nothing over an existing file unless --force, and the summary —
 * files written, what was read, `extra` lines of the importer, every place to review.
 */
export function writeImported(draft: DraftCertification, options: ImportOptions, extra: string[] = []): ImportResult {
    const language = options.language;
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
    const say = (text: Bilingual) => text[language];
    const lines: string[] = [];
    for (const f of result.written) lines.push(`${say(IMPORT_TEXTS.written)}: ${relative(f)}`);
    for (const f of result.unchanged) lines.push(`${say(IMPORT_TEXTS.unchanged)}: ${relative(f)}`);
    // other .ref files in the folder join the same certification when they say `partie de ID`
    const ours = new Set(files.map((f) => path.resolve(out, f.path)));
    const others = fs.readdirSync(out).filter((name) => name.toLowerCase().endsWith('.ref') && !ours.has(path.resolve(out, name)));
    if (others.length > 0) lines.push(say(IMPORT_TEXTS.others(others.map((name) => relative(path.join(out, name))))));
    lines.push('', say(IMPORT_TEXTS.read(path.basename(file), counts)), ...extra);
    if (notes.length === 0) lines.push(say(IMPORT_TEXTS.nothingToReview));
    else {
        lines.push(say(IMPORT_TEXTS.toReview(notes.length)));
        for (const note of notes) lines.push(`  ${relative(path.join(out, note.file))}:${note.line}:${note.column}  ${note.note[language]}`);
    }
    lines.push(say(IMPORT_TEXTS.check(relative(out))));
    return { output: lines.join('\n') + '\n', written: result.written, unchanged: result.unchanged, notes, counts };
}
