import { stemmer } from '@orama/stemmers/french';
import { fra } from 'stopword';

/**
 * French text as the similarity sees it: words, each reduced to a stem that ignores case,
 * accents, plural and conjugation endings (Snowball's French stemmer), function words left out.
 * Every token keeps its place in the original text, so that a passage can be shown as written.
 */
export interface Token {
    /** The stem, lowercase, without accents: `évaluer`, `Evaluons`, `évaluée` → `evalu`. */
    stem: string;
    /** Where the word stands in the text (UTF-16 offsets, end exclusive). */
    start: number;
    end: number;
}

/**
 * Changing anything that changes stems (the stemmer, the stop words, the tokeniser) changes this
 * number, so that an index built with other stems is built again.
 */
export const NORMALISER_VERSION = 1;

/**
 * Words that carry no content in a référentiel, besides Snowball's list of French function words
 * (articles, pronouns, auxiliaries): the elided forms an apostrophe leaves (`jusqu'`, `lorsqu'`),
 * and the connectors that join any competency to its purpose (`afin de`, `notamment`).
 */
const EXTRA_STOP_WORDS = [
    'jusqu', 'lorsqu', 'puisqu', 'quoiqu', 'presqu', 'quelqu', 'aujourd', 'hui',
    'afin', 'ainsi', 'notamment', 'etc', 'dont', 'lors', 'selon', 'entre', 'comme', 'aussi', 'ou', 'tout', 'toute', 'tous',
    'toutes', 'chaque', 'plus', 'moins', 'tres', 'bien', 'si', 'non', 'vers', 'chez', 'sous', 'dès', 'depuis', 'via', 'cas',
    'echeant', 'egalement', 'telle', 'tel', 'tels', 'telles', 'maniere', 'façon', 'facon',
];

/** Lowercase without diacritics (`É` → `e`), ligatures opened (`œ` → `oe`). */
export function fold(word: string): string {
    return word.toLowerCase().replace(/œ/g, 'oe').replace(/æ/g, 'ae').normalize('NFD').replace(/\p{M}/gu, '');
}

const STOP_WORDS: ReadonlySet<string> = new Set([...fra, ...EXTRA_STOP_WORDS].map(fold));

const DIGIT = /\p{N}/u;

const stems = new Map<string, string | null>();

/** The stem of one word, or null for a word that carries no content (function word, code, number). */
export function stemOf(word: string): string | null {
    let stem = stems.get(word);
    if (stem !== undefined) return stem;
    const lower = word.toLowerCase().normalize('NFC').replace(/œ/g, 'oe').replace(/æ/g, 'ae');
    const folded = fold(lower);
    if (folded.length < 2 || STOP_WORDS.has(folded) || DIGIT.test(folded)) stem = null;
    else {
        // Snowball reads accents (`é` ends a past participle): stem first, fold after
        stem = fold(stemmer(lower));
        if (stem.length < 2) stem = folded;
    }
    // the cache is bounded: a registry has a few hundred thousand distinct words
    if (stems.size > 500_000) stems.clear();
    stems.set(word, stem);
    return stem;
}

const LETTER_OR_DIGIT = /[\p{L}\p{M}\p{N}]/u;

/**
 * Letters (with their combining marks) and digits make words; apostrophes, hyphens, spaces and
 * punctuation separate them. Latin letters are told by their code (the registry's texts are
 * French), any other character by its Unicode category.
 */
function isWordChar(c: number): boolean {
    if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39);
    if (c >= 0xc0 && c <= 0x24f) return c !== 0xd7 && c !== 0xf7;
    if (c >= 0x300 && c <= 0x36f) return true;
    return LETTER_OR_DIGIT.test(String.fromCharCode(c));
}

/** Calls `each` with the stem and place of every content word of a text, in order. */
export function forEachStem(text: string, each: (stem: string, start: number, end: number) => void): void {
    const n = text.length;
    let i = 0;
    while (i < n) {
        while (i < n && !isWordChar(text.charCodeAt(i))) i++;
        const start = i;
        while (i < n && isWordChar(text.charCodeAt(i))) i++;
        if (i > start) {
            const stem = stemOf(text.slice(start, i));
            if (stem !== null) each(stem, start, i);
        }
    }
}

/** The content words of a text, stemmed, in order, with their places. */
export function tokenize(text: string): Token[] {
    const out: Token[] = [];
    forEachStem(text, (stem, start, end) => out.push({ stem, start, end }));
    return out;
}
