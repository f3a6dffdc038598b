/**
 * French typography for the French that certiref writes: a no-break space before « : » (U+00A0)
 * and a narrow one before « ; ? ! » and inside « » (U+202F), so that a sign never wraps alone
 * onto the next line. Applied where French text is made — a bilingual message (`t`), the
 * labels of the exports and views — never to the user's text: a quotation « … » is kept as
 * written (only the spaces that touch its own guillemets change), and so are the values a
 * caller sets apart (`frenchLabel`, `colon`).
 */
export const NBSP = '\u00A0';
export const NNBSP = '\u202F';

/**
 * A plain space before a high sign that ends a word (not `a:b`, not a path's `x :y`), before a
 * closing guillemet, or after an opening one.
 */
const SPACES = /(?<=\S) ([:;?!])(?=\s|$|[»"'’)\].,;:!?*_`])|(?<=\S) (»)|(«) (?=\S)/g;

/** Where the quotations « … » of a text lie (their content, guillemets excluded); they nest. */
function quotations(text: string): Array<[number, number]> {
    const out: Array<[number, number]> = [];
    let depth = 0;
    let start = 0;
    for (let i = 0; i < text.length; i++) {
        if (text[i] === '«') {
            if (depth++ === 0) start = i + 1;
        } else if (text[i] === '»' && depth > 0 && --depth === 0) out.push([start, i]);
    }
    // a quotation never closed: the rest is the user's, kept as it is
    if (depth > 0) out.push([start, text.length]);
    return out;
}

/**
 * French typography on a text of certiref's own that may quote the user's words in « »: the
 * quotations' content stays as written, only the spaces that touch their guillemets change.
 */
export function frenchTypography(text: string): string {
    if (!/ [:;?!»]|« /.test(text)) return text;
    const quoted = quotations(text);
    // a space at `at` belongs to a quotation's content, except the two that touch its own guillemets
    const inside = (at: number) => quoted.some(([from, to]) => at > from && at < to - 1);
    return text.replace(SPACES, (match, sign: string | undefined, close: string | undefined, open: string | undefined, offset: number) => {
        if (inside(open ? offset + 1 : offset)) return match;
        return open ? `«${NNBSP}` : close ? `${NNBSP}»` : `${sign === ':' ? NBSP : NNBSP}${sign}`;
    });
}

/** ": " as each language writes it after a label (`Livrables : …`, `Deliverables: …`). */
export function colon(language: 'fr' | 'en'): string {
    return language === 'fr' ? `${NBSP}: ` : ': ';
}

/** Every French string of a table of labels, set in French typography (the English ones as they are). */
export function frenchLabels<T extends Record<string, unknown>>(labels: T): T {
    return Object.fromEntries(Object.entries(labels).map(([k, v]) => [k, typeof v === 'string' ? frenchTypography(v) : v])) as T;
}
