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

/**
 * Beyond this length a text is no id a convention was written for; a convention whose
 * placeholders touch (`C{a}{n}`) would take the square of its length to match.
 */
const LONGEST_CONVENTIONAL_ID = 256;

function apply(conventions: CompiledConvention[], id: string): string[] {
    const out: string[] = [];
    if (id.length > LONGEST_CONVENTIONAL_ID) return out;
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
    // a scan from the end rather than /^(.*?)(\d+)$/, whose backtracking took the square of the
    // length of an id of many digits not ending in one (20,000 digits then a letter: seconds)
    const start = digitsBefore(id, id.length);
    if (start === id.length) return undefined;
    return { stem: id.slice(0, start), number: Number(id.slice(start)) };
}

/** Where the run of ASCII digits that ends at `end` starts (`end` when there is none). */
function digitsBefore(id: string, end: number): number {
    let i = end;
    while (i > 0 && id.charCodeAt(i - 1) >= 48 && id.charCodeAt(i - 1) <= 57) i--;
    return i;
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
    // `stem digits - digits` read from the end, in one pass (as splitId)
    const last = digitsBefore(id, id.length);
    if (last === id.length || last < 2 || id[last - 1] !== '-') return undefined;
    const first = digitsBefore(id, last - 1);
    if (first === last - 1) return undefined;
    const stem = id.slice(0, first);
    const from = id.slice(first, last - 1);
    const to = id.slice(last);
    if (Number(to) <= Number(from)) return undefined;
    return [stem + from, stem + to];
}

/**
 * Ids grouped by stem (case aside) and sorted by number, so that a range is found by two binary
 * searches rather than by reading every id (a référentiel of 10,000 competencies and 20,000
 * ranges would otherwise read 200 million ids).
 */
export class IdIndex {
    private readonly byStem = new Map<string, Array<{ id: string; number: number }>>();

    constructor(ids: Iterable<string>) {
        for (const id of ids) {
            const s = splitId(id);
            if (!s) continue;
            const key = s.stem.toLowerCase();
            const list = this.byStem.get(key);
            if (list) list.push({ id, number: s.number });
            else this.byStem.set(key, [{ id, number: s.number }]);
        }
        // stable: ids of equal number keep the order they were given in
        for (const list of this.byStem.values()) list.sort((a, b) => a.number - b.number);
    }

    /** The ids of this stem whose number lies between `low` and `high`, both included, by number. */
    between(stem: string, low: number, high: number): string[] {
        const span = this.span(stem, low, high);
        const out: string[] = [];
        if (span) for (let i = span.from; i < span.to; i++) out.push(span.list[i].id);
        return out;
    }

    /** Where the ids of a range stand in their stem's list: `list[from]` to `list[to - 1]`. */
    span(stem: string, low: number, high: number): { key: string; list: ReadonlyArray<{ id: string }>; from: number; to: number } | undefined {
        const key = stem.toLowerCase();
        const list = this.byStem.get(key);
        if (!list) return undefined;
        return { key, list, from: firstNotBefore(list, (n) => n < low), to: firstNotBefore(list, (n) => n <= high) };
    }
}

/**
 * The ranges of one list (`évalue C1 à C10000, C1 à C10000, …`), each giving only the ids no
 * range before it gave: an id is read once however many ranges cover it, so 20,000 ranges over
 * 10,000 competencies cost about 30,000 steps, not 200 million. Positions already given are
 * skipped through a map of jumps (as in a union-find), shortened as they are followed.
 */
export class RangeReader {
    private readonly next = new Map<string, Map<number, number>>();

    constructor(private readonly index: IdIndex) {}

    /** The ids of `start à end` (ends of one stem, in order) that no earlier range gave, by number. */
    newIds(start: SplitId, end: SplitId): string[] {
        const span = this.index.span(start.stem, start.number, end.number);
        const out: string[] = [];
        if (!span) return out;
        let jumps = this.next.get(span.key);
        if (!jumps) this.next.set(span.key, (jumps = new Map()));
        const find = (p: number): number => {
            let q = p;
            while (jumps.has(q)) q = jumps.get(q)!;
            for (let r = p; r !== q;) {
                const n = jumps.get(r)!;
                jumps.set(r, q);
                r = n;
            }
            return q;
        };
        for (let p = find(span.from); p < span.to; p = find(p + 1)) {
            out.push(span.list[p].id);
            jumps.set(p, p + 1);
        }
        return out;
    }
}

/** The first position of a list sorted by number whose number is not `before` (all are: its length). */
function firstNotBefore(list: Array<{ number: number }>, before: (n: number) => boolean): number {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (before(list[mid].number)) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}

/** The ids of a range, both ends included, when both ends share a stem: `C11`…`C13`. */
export function idsInRange(start: string, end: string, candidates: Iterable<string> | IdIndex): string[] | undefined {
    const a = splitId(start);
    const b = splitId(end);
    if (!a || !b || a.stem.toLowerCase() !== b.stem.toLowerCase() || a.number > b.number) return undefined;
    const index = candidates instanceof IdIndex ? candidates : new IdIndex(candidates);
    return index.between(a.stem, a.number, b.number);
}
