import { smallest } from '../util/arrays.js';
/**
 * Text as written in a .ref file: `"…"` over several lines (where `\"` is a quote and `\\` a
 * backslash; any other backslash stays as written), or `"""…"""` taken as it is. The model
 * keeps prose readable: lines of a paragraph are joined with a space, a blank line separates
 * paragraphs, and lines that start with a bullet (-, •, –, *, 1., 2) …) stay on their own line.
 * A `"""` text keeps its line breaks (only the indentation common to its lines is removed).
 */
export function unquote(token: string): string {
    if (isRaw(token)) return token.slice(3, -3);
    if (token.startsWith('"') && token.endsWith('"') && token.length >= 2) {
        return token.slice(1, -1).replace(/\\(["\\])/g, '$1');
    }
    return token;
}

function isRaw(token: string): boolean {
    return token.startsWith('"""') && token.endsWith('"""') && token.length >= 6;
}

/** A raw text's lines as written, less their common indentation and the blank first and last lines. */
function dedent(text: string): string {
    const all = text.replace(/\r\n?/g, '\n').split('\n');
    let first = 0;
    let end = all.length;
    while (first < end && all[first].trim() === '') first++;
    while (end > first && all[end - 1].trim() === '') end--;
    const lines = all.slice(first, end);
    const indent = smallest(lines.filter((l) => l.trim() !== '').map((l) => /^[ \t]*/.exec(l)![0].length));
    return lines.map((l) => l.slice(Number.isFinite(indent) ? indent : 0).trimEnd()).join('\n');
}

const BULLET = /^([-•–*·▪◦]|\d{1,2}[.)])\s/;

/** A line the language keeps on its own line inside a paragraph: a list item (-, •, –, *, 1., 2) …). */
export const BULLET_LINE: RegExp = BULLET;

export function normalizeText(raw: string | undefined): string {
    if (raw === undefined) return '';
    const lines = raw.replace(/\r\n?/g, '\n').split('\n').map((l) => l.trim());
    const paragraphs: string[] = [];
    let current: string[] = [];
    const flush = () => {
        if (current.length > 0) paragraphs.push(current.join(''));
        current = [];
    };
    for (const line of lines) {
        if (line === '') {
            flush();
            continue;
        }
        if (current.length === 0) current.push(line);
        else if (BULLET.test(line)) current.push('\n' + line);
        else current.push(' ' + line);
    }
    flush();
    return paragraphs.join('\n\n');
}

/** Text of a TEXT token, unquoted and normalised (a raw text keeps its lines). */
export function textOf(token: string | undefined): string {
    if (token === undefined) return '';
    return isRaw(token) ? dedent(unquote(token)) : normalizeText(unquote(token));
}

/** A key to compare two texts regardless of case, accents, punctuation and spacing. */
export function comparisonKey(text: string): string {
    return text
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, ' ')
        .trim();
}
