/**
 * Ids and the conventions that tie a criterion's id to the competency it judges
 * (`CR{n}` judges `C{n}`, `CR{o}-{n}` judges `CS{o}-{n}`) and ranges (`CR11 à 13`, `CR18-19`,
 * `CR2-1 à CR2-3`, `C11 à C13`).
 */
export interface Convention {
    criterion: string;
    competency: string;
}

export const DEFAULT_CONVENTIONS: readonly Convention[] = [
    { criterion: 'CR{n}', competency: 'C{n}' },
    { criterion: 'CR{o}-{n}', competency: 'CS{o}-{n}' },
    { criterion: 'CR{a}.{n}', competency: 'C{a}.{n}' },
];

interface CompiledConvention {
    source: Convention;
    regex: RegExp;
    names: string[];
}

const PLACEHOLDER = /\{([A-Za-z_]\w*)\}/g;

/** Why a convention cannot be used, in French and English. */
export interface ConventionProblem {
    fr: string;
    en: string;
}

export function compileConvention(convention: Convention): CompiledConvention | ConventionProblem {
    const names: string[] = [];
    let pattern = '^';
    let last = 0;
    for (const m of convention.criterion.matchAll(PLACEHOLDER)) {
        pattern += escapeRegex(convention.criterion.slice(last, m.index));
        if (names.includes(m[1])) return { fr: `la marque {${m[1]}} figure deux fois`, en: `placeholder {${m[1]}} appears twice` };
        names.push(m[1]);
        pattern += '([A-Za-z0-9]+)';
        last = m.index! + m[0].length;
    }
    pattern += escapeRegex(convention.criterion.slice(last)) + '$';
    if (names.length === 0) return { fr: 'le motif du critère n\'a aucune marque telle que {n}', en: 'the criterion pattern has no placeholder such as {n}' };
    for (const m of convention.competency.matchAll(PLACEHOLDER)) {
        if (!names.includes(m[1])) return { fr: `la marque {${m[1]}} ne figure pas dans le motif du critère`, en: `placeholder {${m[1]}} is not in the criterion pattern` };
    }
    return { source: convention, regex: new RegExp(pattern, 'i'), names };
}

function escapeRegex(s: string): string {
    return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export class Conventions {
    private readonly compiled: CompiledConvention[];
    private readonly inverse: CompiledConvention[];

    constructor(conventions: readonly Convention[]) {
        const compile = (list: readonly Convention[]) => list
            .map(compileConvention)
            .filter((c): c is CompiledConvention => 'regex' in c);
        this.compiled = compile(conventions);
        this.inverse = compile(conventions.map((c) => ({ criterion: c.competency, competency: c.criterion })));
    }

    /** The conventional criterion ids for a competency id (C3 → CR3): the conventions read backwards. */
    criterionIdsFor(competencyId: string): string[] {
        return apply(this.inverse, competencyId);
    }

    /** The competency ids a single criterion id names under the conventions (usually one). */
    competencyIdsFor(criterionId: string): string[] {
        return apply(this.compiled, criterionId);
    }
}

function apply(conventions: CompiledConvention[], id: string): string[] {
    const out: string[] = [];
    for (const c of conventions) {
        const m = c.regex.exec(id);
        if (!m) continue;
        const values = new Map(c.names.map((n, i) => [n, m[i + 1]]));
        out.push(c.source.competency.replace(PLACEHOLDER, (_, n: string) => values.get(n) ?? ''));
    }
    return out;
}

/** An id cut into a stem and its last number: `CS1-12` → `CS1-`, 12. */
export interface SplitId {
    stem: string;
    number: number;
}

export function splitId(id: string): SplitId | undefined {
    const m = /^(.*?)(\d+)$/.exec(id);
    if (!m) return undefined;
    return { stem: m[1], number: Number(m[2]) };
}

/**
 * The end of a range written in short (`CR11 à 13` means `CR11 à CR13`): a bare number takes
 * the stem of the start.
 */
export function completeRangeEnd(start: string, end: string): string {
    if (/^\d+$/.test(end)) {
        const s = splitId(start);
        if (s) return s.stem + end;
    }
    return end;
}

/** `CR18-19` read as a range `CR18 à CR19`, or undefined. */
export function hyphenRange(id: string): [string, string] | undefined {
    const m = /^(.*?)(\d+)-(\d+)$/.exec(id);
    if (!m) return undefined;
    if (Number(m[3]) <= Number(m[2])) return undefined;
    return [m[1] + m[2], m[1] + m[3]];
}

/** The ids of a range, both ends included, when both ends share a stem: `C11`…`C13`. */
export function idsInRange(start: string, end: string, candidates: Iterable<string>): string[] | undefined {
    const a = splitId(start);
    const b = splitId(end);
    if (!a || !b || a.stem.toLowerCase() !== b.stem.toLowerCase() || a.number > b.number) return undefined;
    const out: string[] = [];
    for (const id of candidates) {
        const s = splitId(id);
        if (s && s.stem.toLowerCase() === a.stem.toLowerCase() && s.number >= a.number && s.number <= b.number) out.push(id);
    }
    return out.sort((x, y) => splitId(x)!.number - splitId(y)!.number);
}

