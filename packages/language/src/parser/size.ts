import { t, type Bilingual } from '../i18n.js';

/**
 * How large a file certiref checks. Memory grows with the number of tokens — words, symbols,
 * blanks, texts, comments — far more than with bytes: a syntax tree, a model and an index are
 * built for each token, about 1 kB in all, so that a 20 MB file of prose (few long texts) is
 * checked in seconds while 7 MB of one-line elements (2 million tokens) took 1.8 GB. Above
 * these limits a file is refused with its size and the limit, never read until memory runs
 * out (an abort, exit 134, with nothing said).
 */
export const LIMITS = {
    /** Tokens (about: see countTokens). */
    tokens: 2_000_000,
    /** Bytes, checked before reading the file at all. */
    bytes: 64 * 1024 * 1024,
};

/**
 * The number of tokens of a text, about, without lexing it (no allocation): a run of blanks, a
 * run of letters and digits, a `"…"` text, a comment, any other character each count one.
 */
export function countTokens(text: string): number {
    let count = 0;
    let i = 0;
    const n = text.length;
    while (i < n) {
        const c = text.charCodeAt(i);
        count++;
        if (c === 34 /* " */) {
            i++;
            while (i < n && text.charCodeAt(i) !== 34) i += text.charCodeAt(i) === 92 /* \ */ ? 2 : 1;
            i++;
        } else if (c === 47 /* / */ && text.charCodeAt(i + 1) === 47) {
            while (i < n && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
        } else if (c === 47 && text.charCodeAt(i + 1) === 42 /* * */) {
            const end = text.indexOf('*/', i + 2);
            i = end < 0 ? n : end + 2;
        } else if (isBlank(c)) {
            while (i < n && isBlank(text.charCodeAt(i))) i++;
        } else if (isWord(c)) {
            while (i < n && isWord(text.charCodeAt(i))) i++;
        } else i++;
    }
    return count;
}

function isBlank(c: number): boolean {
    return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x202f || c === 0x2028 || c === 0x2029 || c === 0xfeff;
}

function isWord(c: number): boolean {
    return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 46 || c === 45 || (c >= 0xc0 && c <= 0x24f);
}

const MB = (bytes: number, language: 'fr' | 'en') => (bytes / (1024 * 1024)).toFixed(1).replace('.', language === 'fr' ? ',' : '.');
const thousands = (n: number, language: 'fr' | 'en') => n.toLocaleString(language === 'fr' ? 'fr-FR' : 'en-US').replace(/[\u00A0\u202F]/g, language === 'fr' ? '\u202F' : ',');

/** The length of a text in UTF-8, without encoding it (the Web Worker server has no Buffer). */
function utf8Length(text: string): number {
    let bytes = 0;
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c < 0x80) bytes += 1;
        else if (c < 0x800) bytes += 2;
        else if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length) {
            bytes += 4;
            i++;
        } else bytes += 3;
    }
    return bytes;
}

/** Why a file of `bytes` bytes is not read at all, or undefined. */
export function bytesProblem(bytes: number): Bilingual | undefined {
    if (bytes <= LIMITS.bytes) return undefined;
    return t(
        `fichier trop grand (${MB(bytes, 'fr')} Mo, la limite est de ${MB(LIMITS.bytes, 'fr')} Mo) ; découpez-le en plusieurs fichiers, par exemple un par bloc`,
        `file too large (${MB(bytes, 'en')} MB, the limit is ${MB(LIMITS.bytes, 'en')} MB); split it into several files, one per bloc for instance`,
    );
}

/** Why a text is too large to check, or undefined (linear, no allocation: see countTokens). */
export function sizeProblem(text: string): Bilingual | undefined {
    if (text.length <= LIMITS.tokens) return undefined; // fewer characters than the limit has tokens
    const tokens = countTokens(text);
    if (tokens <= LIMITS.tokens) return undefined;
    const bytes = utf8Length(text);
    return t(
        `fichier trop grand pour être vérifié (environ ${thousands(tokens, 'fr')} mots et signes, ${MB(bytes, 'fr')} Mo ; la limite est de ${thousands(LIMITS.tokens, 'fr')}) ; découpez-le en plusieurs fichiers, par exemple un par bloc`,
        `file too large to check (about ${thousands(tokens, 'en')} words and symbols, ${MB(bytes, 'en')} MB; the limit is ${thousands(LIMITS.tokens, 'en')}); split it into several files, one per bloc for instance`,
    );
}
