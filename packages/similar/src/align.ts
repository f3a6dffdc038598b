import type { Token } from './text.js';

/**
 * How close two texts are, and where: the passage of the other text (a window of its words) that
 * shares the most with this one.
 *
 * The score is a weighted Dice coefficient: the share of the words of both passages that the
 * other passage has too, each word weighing by its rarity in the registry (a word found in every
 * bloc, « entreprise », weighs little; « géopolitique » weighs much). A word counts as shared
 * when its stem is the same (`évaluer` / `évaluation` / `évalue`), or, for part of its weight,
 * when the other passage has a synonym of it. The order of the words does not count: a clause
 * moved elsewhere in the sentence is still shared.
 */
export interface Alignment {
    /** 0 … 1. */
    score: number;
    /** The window of the candidate, as token indices (end exclusive). */
    start: number;
    end: number;
    /** For each token of the query: shared (exactly or by a synonym) with the window. */
    queryShared: boolean[];
    /** For each token of the window (start … end): shared with the query. */
    windowShared: boolean[];
    /** How many words of the query the window shares. */
    sharedWords: number;
}

export interface AlignOptions {
    /** A word's weight (its rarity). */
    weight(stem: string): number;
    /** The stems that count as synonyms of a stem. */
    synonyms?(stem: string): readonly string[] | undefined;
    /** The part of a word's weight a synonym earns (0 … 1). */
    synonymCredit?: number;
    /** Above this many matching positions, the window search only starts at the first ones. */
    maxPositions?: number;
}

/** What a query needs for alignments with many candidates, prepared once. */
export interface PreparedQuery {
    tokens: Token[];
    /** Distinct stems of the query, with their count and weight. */
    stems: string[];
    counts: number[];
    weights: number[];
    /** The query's total weight. */
    total: number;
    /** Stem of a candidate word → the query stem it matches, and the credit (1, or a synonym's). */
    match: Map<string, { index: number; credit: number }>;
}

export function prepareQuery(tokens: Token[], options: AlignOptions): PreparedQuery {
    const index = new Map<string, number>();
    const stems: string[] = [];
    const counts: number[] = [];
    const weights: number[] = [];
    let total = 0;
    for (const t of tokens) {
        let i = index.get(t.stem);
        if (i === undefined) {
            i = stems.length;
            index.set(t.stem, i);
            stems.push(t.stem);
            counts.push(0);
            weights.push(options.weight(t.stem));
        }
        counts[i]++;
        total += weights[i];
    }
    const match = new Map<string, { index: number; credit: number }>();
    stems.forEach((s, i) => match.set(s, { index: i, credit: 1 }));
    const credit = options.synonymCredit ?? 0.8;
    if (options.synonyms && credit > 0) {
        stems.forEach((s, i) => {
            for (const other of options.synonyms!(s) ?? []) {
                if (!match.has(other)) match.set(other, { index: i, credit });
            }
        });
    }
    return { tokens, stems, counts, weights, total, match };
}

/**
 * The window of `candidate` closest to the query, or undefined when they share no word.
 * `segments` (one per candidate token, never decreasing): a window stays within one segment
 * (one item of a registry list), never joining the end of an item to the start of the next.
 */
export function align(query: PreparedQuery, candidate: Token[], options: AlignOptions, segments?: ArrayLike<number>): Alignment | undefined {
    if (query.total === 0 || candidate.length === 0) return undefined;
    const n = candidate.length;
    const prefix = new Float64Array(n + 1);
    const hit: Array<{ index: number; credit: number } | undefined> = new Array(n);
    const positions: number[] = [];
    for (let k = 0; k < n; k++) {
        const w = options.weight(candidate[k].stem);
        prefix[k + 1] = prefix[k] + w;
        const m = query.match.get(candidate[k].stem);
        hit[k] = m;
        if (m) positions.push(k);
    }
    if (positions.length === 0) return undefined;
    const starts = Math.min(positions.length, options.maxPositions ?? 400);
    const used = new Int32Array(query.stems.length);
    let best = { score: -1, i: 0, j: 0 };
    for (let a = 0; a < starts; a++) {
        used.fill(0);
        let shared = 0;
        const from = positions[a];
        for (let b = a; b < positions.length; b++) {
            const k = positions[b];
            if (segments && segments[k] !== segments[from]) break;
            const m = hit[k]!;
            if (used[m.index] < query.counts[m.index]) {
                used[m.index]++;
                shared += m.credit * (query.weights[m.index] + (prefix[k + 1] - prefix[k]));
            }
            const windowWeight = prefix[k + 1] - prefix[from];
            const score = shared / (query.total + windowWeight);
            if (score > best.score) best = { score, i: from, j: k + 1 };
        }
    }
    // which words are shared, for the passage shown side by side
    used.fill(0);
    const windowShared: boolean[] = [];
    for (let k = best.i; k < best.j; k++) {
        const m = hit[k];
        const shared = m !== undefined && used[m.index] < query.counts[m.index];
        if (shared) used[m!.index]++;
        windowShared.push(shared);
    }
    // the first occurrences of each query word the window matched (by itself or a synonym)
    const available = Array.from(used);
    const queryShared = query.tokens.map((t) => {
        const i = query.match.get(t.stem)!.index;
        if (available[i] === 0) return false;
        available[i]--;
        return true;
    });
    return { score: Math.min(1, best.score), start: best.i, end: best.j, queryShared, windowShared, sharedWords: queryShared.filter(Boolean).length };
}
