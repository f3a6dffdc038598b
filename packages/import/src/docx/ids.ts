/**
 * Ids as people write them at the start of a paragraph: `C1. Planifier`, `C1 : …` (French
 * typography: a no-break space before the colon), `CR1-1 — …`, `A1.2 …`, `CR11 à 13 …`,
 * `C 111 …` (Journal officiel), `Compétence 3 : …`, `Activité n° 2 – …`.
 */
export type IdKind = 'activity' | 'competency' | 'criterion' | 'modality' | 'other';

export interface LeadingId {
    /** As written (`C 111` keeps its space; the writer makes it readable and says so). */
    id: string;
    /** The end of a range: `CR11 à 13` → `13`. */
    rangeEnd?: string;
    /** What the id's letters or word say it names. */
    kind: IdKind;
    /** Made from a word and a number (`Compétence 3` → `C3`): not written so in the source. */
    made?: string;
    /** The text after the id and its separator. */
    rest: string;
}

const CODE = String.raw`(?:[A-Z]{1,5}\d+[A-Za-z]?(?:[.\-]\d+[A-Za-z]?)*|[A-Z]{1,2} \d{2,}(?:[.\-]\d+)*)`;
const END = String.raw`(?:[A-Z]{0,5}\d+[A-Za-z]?(?:[.\-]\d+[A-Za-z]?)*)`;
const SPACE = String.raw`[ \t\u00a0\u202f]`;
/** After the id: a punctuation mark (`.` only before a space) or a space, then the text. */
const SEP = String.raw`(?:${SPACE}*[:–—)]${SPACE}*|\.${SPACE}+|${SPACE}+-${SPACE}+|${SPACE}+)`;
const BARE = new RegExp(String.raw`^(${CODE})(?:${SPACE}+(?:à|a|to)${SPACE}+(${END}))?${SEP}(?=\S)`, 'u');
const BARE_ALONE = new RegExp(String.raw`^(${CODE})(?:${SPACE}+(?:à|a|to)${SPACE}+(${END}))?${SPACE}*[:.–—]?${SPACE}*$`, 'u');
const WORD = new RegExp(String.raw`^(activit[ée]|comp[ée]tence|crit[èe]re|modalit[ée]|[ée]preuve|activity|competency|criterion|modality)${SPACE}+(?:n${SPACE}*[°º]${SPACE}*)?([A-Za-z]{0,4}\d+(?:[.\-]\d+)*[A-Za-z]?)(?:${SEP}(?=\S)|${SPACE}*[:.–—]?${SPACE}*$)`, 'iu');

export function kindOfId(id: string): IdKind {
    if (/^(CR|CE|CRE|CRIT)\d/i.test(id)) return 'criterion';
    if (/^(C|CS|CC|CP|CT|CPT|COMP)\s?\d/i.test(id)) return 'competency';
    if (/^(A|AS|AT|AP|ACT)\s?\d/i.test(id)) return 'activity';
    if (/^(E|EP|EV|M|MS|MOD)\d/i.test(id)) return 'modality';
    return 'other';
}

const WORD_KIND: Array<[RegExp, IdKind, string]> = [
    [/^activit/i, 'activity', 'A'],
    [/^comp/i, 'competency', 'C'],
    [/^crit/i, 'criterion', 'CR'],
    [/^(modalit|[ée]preuve)/i, 'modality', 'E'],
];

/** The id a paragraph starts with, or undefined. */
export function leadingId(text: string): LeadingId | undefined {
    const t = text.replace(/^[\s\u00a0\u202f]+/, '');
    const word = WORD.exec(t);
    if (word) {
        const [, w, n] = word;
        const [, kind, letter] = WORD_KIND.find(([re]) => re.test(w))!;
        const id = /^\d/.test(n) ? `${letter}${n}` : n;
        return { id, kind, made: /^\d/.test(n) ? `${w} ${n}` : undefined, rest: t.slice(word[0].length) };
    }
    const bare = BARE.exec(t) ?? BARE_ALONE.exec(t);
    if (!bare) return undefined;
    return { id: bare[1], rangeEnd: bare[2], kind: kindOfId(bare[1]), rest: t.slice(bare[0].length) };
}

/** The ids a text names (`C11, C12 et C13`, `C1 à C4`), for a column of competency references. */
export function idsIn(text: string): string[] {
    return [...text.matchAll(new RegExp(CODE, 'gu'))].map((m) => m[0]);
}
