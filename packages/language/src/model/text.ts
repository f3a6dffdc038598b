/**
 * Text as written in a .ref file: `"…"` over several lines (with `\"` and `\\` escapes) or
 * `"""…"""` taken as it is. The model keeps prose readable: common indentation is removed,
 * lines of a paragraph are joined with a space, a blank line separates paragraphs, and lines that
 * start with a bullet (-, •, –, *) stay on their own line.
 */
export function unquote(token: string): string {
    if (token.startsWith('"""') && token.endsWith('"""') && token.length >= 6) return token.slice(3, -3);
    if (token.startsWith('"') && token.endsWith('"') && token.length >= 2) {
        return token.slice(1, -1).replace(/\\([\s\S])/g, (_, c: string) => c);
    }
    return token;
}

const BULLET = /^([-•–*·▪◦]|\d+[.)])\s/;

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

/** Text of a TEXT token, unquoted and normalised. */
export function textOf(token: string | undefined): string {
    return token === undefined ? '' : normalizeText(unquote(token));
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
