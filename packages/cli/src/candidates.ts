import { parse } from 'csv-parse/sync';
import { describeProblem, readSource } from 'certiref-language/node';
import type { Candidate } from 'certiref-language';
import { UsageError } from './files.js';
import { relative } from './paths.js';

/**
 * The columns a list of candidates may have, by their header in French or English (case,
 * accents and spaces aside): the name, and optionally the date of the evaluation and the
 * examiners.
 */
const HEADERS: Record<keyof Candidate, string[]> = {
    name: ['name', 'nom', 'candidate', 'candidat', 'candidate name', 'nom du candidat', 'nom prenom', 'nom et prenom', 'prenom nom', 'full name'],
    date: ['date', "date de l'evaluation", "date d'evaluation", 'date of the evaluation', 'evaluation date', 'date evaluation'],
    examiners: ['examiners', 'examinateurs', 'examinateur', 'examiner', 'jury', 'evaluateurs', 'evaluators', 'membres du jury', 'jury members'],
};

const normalise = (header: string) => header.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[’]/g, "'").replace(/[\s_,-]+/g, ' ').trim();

/** A problem of the list at a place: `file:line:col: message fr / message en`, exit 2. */
function problem(file: string, line: number, column: number, fr: string, en: string): UsageError {
    return new UsageError(describeProblem({ file, line, column, message: { fr, en } }, relative(file)));
}

/**
 * The candidates of a CSV file (`--candidates`): a header row — `name` or `nom`, optionally
 * `date` and `examiners` / `examinateurs` —, then one candidate a row; `;` or `,` between
 * fields (as the header row has them), UTF-8 with or without a byte order mark. Anything else
 * is a UsageError with the file, line and column.
 */
export function readCandidates(file: string): Candidate[] {
    const read = readSource(file);
    if ('problem' in read) throw new UsageError(describeProblem(read.problem, relative(file)));
    const text = read.text;
    const firstLine = text.split(/\r\n|\r|\n/, 1)[0] ?? '';
    if (firstLine.trim() === '') {
        throw problem(file, 1, 1, 'liste de candidats vide : une ligne d\'en-tête (nom ; date ; examinateurs) puis un candidat par ligne',
            'empty list of candidates: a header row (name, date, examiners) then one candidate a row');
    }
    // the header row says the separator: French spreadsheets write `;`, English ones `,`
    const delimiter = firstLine.includes(';') ? ';' : firstLine.includes('\t') ? '\t' : ',';
    let rows: string[][];
    try {
        rows = parse(text, { delimiter, skip_empty_lines: true, trim: true, relax_column_count: false }) as string[][];
    } catch (e) {
        const error = e as { code?: string; lines?: number; bytes?: number; message: string };
        const line = error.lines ?? 1;
        // the column of the character at fault, from the parser's byte offset, on its line
        const upTo = Buffer.from(text).subarray(0, error.bytes ?? 0).toString();
        const lineStart = Math.max(upTo.lastIndexOf('\n'), upTo.lastIndexOf('\r')) + 1;
        const column = upTo.split(/\r\n|\r|\n/).length === line ? upTo.length - lineStart + 1 : 1;
        const what = error.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH'
            ? { fr: `cette ligne n'a pas autant de champs que l'en-tête (séparateur « ${delimiter} »)`, en: `this row has not as many fields as the header (separator "${delimiter}")` }
            : error.code === 'CSV_QUOTE_NOT_CLOSED'
                ? { fr: 'guillemet ouvert jamais fermé', en: 'a quote is opened and never closed' }
                : { fr: `CSV illisible (${error.code ?? error.message})`, en: `unreadable CSV (${error.code ?? error.message})` };
        throw problem(file, line, Math.max(1, column), what.fr, what.en);
    }
    const [header, ...records] = rows;
    const columns = header.map((h) => (Object.keys(HEADERS) as Array<keyof Candidate>).find((k) => HEADERS[k].includes(normalise(h))));
    const unknown = columns.findIndex((c) => c === undefined);
    if (unknown >= 0) {
        const at = firstLine.indexOf(header[unknown]);
        throw problem(file, 1, at >= 0 ? at + 1 : 1, `colonne inconnue « ${header[unknown]} » : attendu nom, date, examinateurs`,
            `unknown column "${header[unknown]}": expected name, date, examiners`);
    }
    const nameColumn = columns.indexOf('name');
    if (nameColumn < 0) {
        throw problem(file, 1, 1, 'pas de colonne « nom » dans l\'en-tête : nom ; date ; examinateurs', 'no "name" column in the header: name, date, examiners');
    }
    const lines = text.split(/\r\n|\r|\n/);
    const candidates: Candidate[] = [];
    let lineIndex = 0;
    for (const record of records) {
        // the record's line, for a message: the next non-empty line after the previous record (a field over several lines aside)
        do lineIndex++; while (lineIndex < lines.length && lines[lineIndex].trim() === '');
        const candidate: Candidate = { name: '' };
        record.forEach((value, i) => {
            if (value) candidate[columns[i]!] = value;
        });
        if (!candidate.name) throw problem(file, lineIndex + 1, 1, 'candidat sans nom', 'a candidate without a name');
        candidates.push(candidate);
    }
    if (candidates.length === 0) throw problem(file, 2, 1, 'aucun candidat après l\'en-tête', 'no candidate after the header');
    return candidates;
}
