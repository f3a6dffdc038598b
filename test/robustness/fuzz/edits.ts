import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { ROOT } from '../../helpers.js';

/**
 * Random edits of the two seed référentiels, as an author (or a bad paste, or a bad disk) makes
 * them: lines inserted, deleted, swapped, duplicated; text inserted or deleted anywhere; the
 * file cut short. Inserted text mixes the keywords and punctuation of the language with the
 * Unicode that breaks naïve code: combining marks, right-to-left text and controls, surrogate
 * pairs and lone surrogates, NUL, lone CR, U+2028, a BOM in the middle, case-folding traps.
 */

export interface SeedFile {
    name: string;
    text: string;
}

export interface Seed {
    name: string;
    files: SeedFile[];
}

export const SEEDS: Seed[] = ['chef-de-projet-digital', 'manager-strategie-digitale'].map((name) => {
    const dir = path.join(ROOT, 'referentials', name);
    return {
        name,
        files: fs.readdirSync(dir).filter((f) => f.endsWith('.ref')).sort().map((f) => ({ name: f, text: fs.readFileSync(path.join(dir, f), 'utf8') })),
    };
});

/** Every line of both seeds: moved or pasted elsewhere, they make edits that stay plausible. */
const SEED_LINES = [...new Set(SEEDS.flatMap((s) => s.files.flatMap((f) => f.text.split('\n'))))];

/** Code units and sequences that have broken text-handling code before. */
export const TRICKY = [
    '\u0000', '\r', '\n', '\r\n', '\t', '\u000B', '\u000C', '\u0085', '\u2028', '\u2029', '\u00A0', '\u202F', '\u3000', '\uFEFF',
    '\u0301', '\u0327', '\u20DD', 'e\u0301', '\u0301\u0301\u0301', '\u200B', '\u200D', '\u034F',
    '\u202E', '\u202B', '\u2066', '\u200F', '\u05D0\u05D1', '\u0627\u0644', '\u202Eevil\u202C',
    '😀', '👩‍👩‍👧', '𝔘', '\uD83D', '\uDE00', '\uDBFF\uDFFF', '\uFFFE', '\uFFFF', '\uFFFD',
    'İ', 'ı', 'ſ', 'K', 'ß', 'ﬁ', 'É', 'é', 'Œ', '«', '»', '’', '‘', '“', '”', '…', '–', '—', '•',
    '<', '>', '&', '=', '+', '-', '@', '|', '%', '#', ';', ':', ',', '.', '*', '/', '\\', "'", '"', '""', '"""', '\\"', '\\\\',
    '/*', '*/', '//', '{', '}', '[', ']', '(', ')', '$', '`', '${x}', '{n}', '&amp;', '<script>', '\u0007', '\u001B[31m',
];

const KEYWORDS = [
    'certification', 'partie de', 'part of', 'rncp', 'niveau', 'level', 'certificateur', 'version', 'date', 'accessibilité', 'handicap',
    'section', 'convention', 'description', 'bloc', 'block', 'option', 'spécialisation', 'activité', 'activity', 'compétence',
    'competency', 'modalité', 'modality', 'partie', 'part', 'type', 'kind', 'individuel', 'groupe', 'livrables', 'évalue', 'evaluates',
    'critère', 'criterion', 'juge', 'judges', 'à', 'to', 'et', 'and', 'COMPÉTENCE', 'Critere',
];

const ID = fc.constantFrom('C1', 'C1.1', 'CS1-1', 'CR1', 'CR1-2', 'CR18-19', 'E1', 'A1', '1', '6A', 'C6A.4', 'BC01', 'a', 'de', 'X', 'C99', 'CR1.1', 'MSD', 'CPD');

/** A short run of text: tricky units, keywords, any printable grapheme, or any code point at all. */
export const textArb: fc.Arbitrary<string> = fc.oneof(
    { weight: 4, arbitrary: fc.string({ unit: fc.constantFrom(...TRICKY), minLength: 1, maxLength: 8 }) },
    { weight: 2, arbitrary: fc.constantFrom(...KEYWORDS).map((k) => ` ${k} `) },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 8 }) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...KEYWORDS), ID, fc.string({ unit: 'grapheme', maxLength: 10 })).map(([k, id, t]) => `\n  ${k} ${id} "${t}"\n`) },
);

/** A whole line: one of the seeds' lines, an element line, or random text. */
const lineArb: fc.Arbitrary<string> = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...SEED_LINES) },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom('', '  ', '    ', '\t'), fc.constantFrom(...KEYWORDS), fc.option(ID), fc.option(textArb)).map(([indent, k, id, t]) => `${indent}${k}${id ? ` ${id}` : ''}${t !== null ? ` "${t}"` : ''}`) },
    { weight: 2, arbitrary: textArb },
);

/** A position in a text, as a fraction of its length (so that shrinking keeps it meaningful). */
const at = fc.integer({ min: 0, max: 1_000_000 });

export type Edit =
    | { op: 'insertLine'; at: number; line: string }
    | { op: 'deleteLines'; at: number; count: number }
    | { op: 'swapLines'; a: number; b: number }
    | { op: 'duplicateLines'; at: number; count: number }
    | { op: 'truncate'; at: number }
    | { op: 'insertText'; at: number; text: string }
    | { op: 'deleteText'; at: number; length: number }
    | { op: 'insertInText'; at: number; within: number; text: string }
    | { op: 'insertBulk'; at: number; kind: BulkKind; count: number };

/**
 * Long runs of one thing, the shapes that once cost the square of their length or overflowed
 * the stack: comments (a line each, or all on one line), a long run of digits in an id, a long
 * list of references, many ranges, many keywords or stray comment ends in a row.
 */
export type BulkKind = 'lineComments' | 'blockComments' | 'digits' | 'references' | 'ranges' | 'keywords' | 'strayCommentEnds';

export function bulkText(kind: BulkKind, count: number): string {
    switch (kind) {
        case 'lineComments': return '// note\n'.repeat(count);
        case 'blockComments': return '/**/ '.repeat(count);
        case 'digits': return `    compétence ${'7'.repeat(count)}x "Long."\n`;
        case 'references': return `    évalue ${Array.from({ length: count }, (_, i) => `C${(i % 40) + 1}`).join(', ')}\n`;
        case 'ranges': return `    évalue ${Array.from({ length: count }, (_, i) => `C${(i % 7) + 1} à C${(i % 13) + 20}`).join(', ')}\n`;
        case 'keywords': return `${'bloc '.repeat(count)}\n`;
        case 'strayCommentEnds': return `${'*/ '.repeat(count)}\n`;
    }
}

/**
 * As many as a stage of the pipeline handles within its limit (STAGE_LIMIT_MS) at a linear cost,
 * and far more than a quadratic one would: a syntax error costs more than a comment.
 */
const BULK_MAX: Record<BulkKind, number> = {
    lineComments: 10_000, blockComments: 10_000, digits: 20_000, references: 5_000, ranges: 5_000, keywords: 2_000, strayCommentEnds: 2_000,
};

const bulkOf = (kinds: BulkKind[]): fc.Arbitrary<Edit> => fc.constantFrom(...kinds).chain((kind) => fc.record({
    op: fc.constant('insertBulk' as const),
    at: fc.integer({ min: 0, max: 1_000_000 }),
    kind: fc.constant(kind),
    count: fc.integer({ min: 1, max: BULK_MAX[kind] }),
}));

const bulkArb = bulkOf(['lineComments', 'blockComments', 'digits', 'references', 'ranges', 'keywords', 'strayCommentEnds']);

const ordinaryEditArb: fc.Arbitrary<Edit> = fc.oneof(
    fc.record({ op: fc.constant('insertLine' as const), at, line: lineArb }),
    fc.record({ op: fc.constant('deleteLines' as const), at, count: fc.integer({ min: 1, max: 6 }) }),
    fc.record({ op: fc.constant('swapLines' as const), a: at, b: at }),
    fc.record({ op: fc.constant('duplicateLines' as const), at, count: fc.integer({ min: 1, max: 6 }) }),
    { weight: 1, arbitrary: fc.record({ op: fc.constant('truncate' as const), at }) },
    { weight: 3, arbitrary: fc.record({ op: fc.constant('insertText' as const), at, text: textArb }) },
    fc.record({ op: fc.constant('deleteText' as const), at, length: fc.integer({ min: 1, max: 40 }) }),
);

/** Ordinary edits, and now and then (one edit in 100) a long run of one thing, which costs seconds. */
export const editArb: fc.Arbitrary<Edit> = fc.oneof({ weight: 99, arbitrary: ordinaryEditArb }, { weight: 1, arbitrary: bulkArb });

/**
 * Edits that mostly keep the file valid, so that the formatter's properties are tested often:
 * text typed inside an existing `"…"` text (its quotes and backslashes escaped), whole lines of
 * the seeds moved, swapped or repeated, comments and blank lines added.
 */
const ordinarySafeEditArb: fc.Arbitrary<Edit> = fc.oneof(
    { weight: 4, arbitrary: fc.record({ op: fc.constant('insertInText' as const), at, within: at, text: textArb }) },
    fc.record({ op: fc.constant('swapLines' as const), a: at, b: at }),
    fc.record({ op: fc.constant('duplicateLines' as const), at, count: fc.integer({ min: 1, max: 6 }) }),
    fc.record({ op: fc.constant('insertLine' as const), at, line: fc.oneof(
        fc.constantFrom('', '   ', '\t', '// note', '/* bloc\n comment */', '// certiref-ignore id-pattern -- raison'),
        textArb.map((t) => `// ${t.replace(/[\r\n\u2028\u2029\u0085]/g, ' ')}`),
        textArb.map((t) => `/* ${t.replace(/\*\//g, '')} */`),
    ) }),
);

/** Safe edits, and now and then many comment lines (valid anywhere between two lines). */
export const safeEditArb: fc.Arbitrary<Edit> = fc.oneof({ weight: 99, arbitrary: ordinarySafeEditArb }, { weight: 1, arbitrary: bulkOf(['lineComments']) });

const scale = (fraction: number, length: number) => Math.floor((fraction / 1_000_001) * length);

/** Applies the edits in order. Lines are split on `\n` (a `\r` stays where it is). */
export function applyEdits(text: string, edits: readonly Edit[]): string {
    let out = text;
    for (const e of edits) {
        const lines = out.split('\n');
        switch (e.op) {
            case 'insertLine':
                lines.splice(scale(e.at, lines.length + 1), 0, e.line);
                out = lines.join('\n');
                break;
            case 'deleteLines':
                lines.splice(scale(e.at, lines.length), e.count);
                out = lines.join('\n');
                break;
            case 'swapLines': {
                const a = scale(e.a, lines.length);
                const b = scale(e.b, lines.length);
                [lines[a], lines[b]] = [lines[b], lines[a]];
                out = lines.join('\n');
                break;
            }
            case 'duplicateLines': {
                const from = scale(e.at, lines.length);
                lines.splice(from, 0, ...lines.slice(from, from + e.count));
                out = lines.join('\n');
                break;
            }
            case 'truncate':
                out = out.slice(0, scale(e.at, out.length + 1));
                break;
            case 'insertText': {
                const i = scale(e.at, out.length + 1);
                out = out.slice(0, i) + e.text + out.slice(i);
                break;
            }
            case 'insertInText': {
                const texts = [...out.matchAll(/"(?:\\[\s\S]|[^"\\])*"/g)];
                if (texts.length === 0) break;
                const t = texts[scale(e.at, texts.length)];
                const i = t.index! + 1 + scale(e.within, t[0].length - 1);
                out = out.slice(0, i) + e.text.replace(/[\\"]/g, '\\$&') + out.slice(i);
                break;
            }
            case 'insertBulk': {
                const lines = out.split('\n');
                lines.splice(scale(e.at, lines.length + 1), 0, bulkText(e.kind, e.count).replace(/\n$/, ''));
                out = lines.join('\n');
                break;
            }
            case 'deleteText': {
                const i = scale(e.at, out.length);
                out = out.slice(0, i) + out.slice(i + e.length);
                break;
            }
        }
    }
    return out;
}

export interface FuzzInput {
    seed: number;
    file: number;
    edits: Edit[];
    /** Also run the Word and Excel exports (slower): one case in `HEAVY_EVERY`. */
    heavy: boolean;
}

export const HEAVY_EVERY = 8;

export const inputArb: fc.Arbitrary<FuzzInput> = fc.record({
    seed: fc.integer({ min: 0, max: SEEDS.length - 1 }),
    file: fc.nat(),
    edits: fc.oneof(fc.array(editArb, { minLength: 1, maxLength: 6 }), fc.array(safeEditArb, { minLength: 1, maxLength: 6 })),
    heavy: fc.integer({ min: 0, max: HEAVY_EVERY - 1 }).map((n) => n === 0),
});
