import { comparisonKey } from '../model/text.js';

/**
 * Correspondences between the blocs of two versions of a certification, from their content: the
 * renewed fiche must declare which blocs of the new version correspond to which of the previous
 * one (France Compétences' « tableau de correspondance »). Blocs are compared by their words
 * (title, activities, competencies), weighted by how rare each word is among all the blocs of
 * both versions (TF-IDF, cosine): two blocs that share their specific words score high, two
 * blocs that share only the words every bloc uses score low.
 */

/** What a bloc says, for the comparison. */
export interface BlocContent {
    /** Its id in the référentiel. */
    id: string;
    /** Its RNCP code (`RNCP34762BC01`), when it has one. */
    rncp?: string;
    title?: string;
    /** Its activities' titles, competencies' texts … */
    texts: string[];
}

/** A correspondence proposed from content: new blocs ← old blocs, with the score that supports it. */
export interface ProposedCorrespondence {
    /** Ids of blocs of the new version. */
    new: string[];
    /** Ids of blocs of the previous version. */
    old: string[];
    /** 0 … 1: the similarity of the blocs' content. */
    score: number;
    /** `strong` (≥ 0.5), `likely` (≥ 0.3) or `weak`. */
    strength: 'strong' | 'likely' | 'weak';
}

/** A correspondence declared by the new version, checked against the content. */
export interface CheckedCorrespondence {
    new: string[];
    old: string[];
    score: number;
    /** `supported`: the content agrees; `weak`: the blocs share little; `better`: another old bloc matches this new one much better. */
    verdict: 'supported' | 'weak' | 'better';
    /** With `better`: the old bloc the content points to, and its score. */
    better?: { old: string; score: number };
}

export interface CorrespondenceAnalysis {
    /** score[i][j]: old bloc i against new bloc j. */
    scores: number[][];
    old: BlocContent[];
    new: BlocContent[];
    proposals: ProposedCorrespondence[];
    /** Old blocs no new bloc corresponds to, by content. */
    unmatchedOld: string[];
    /** New blocs that correspond to no old bloc, by content. */
    unmatchedNew: string[];
    checked: CheckedCorrespondence[];
}

/** Below this score, blocs are not proposed as corresponding. */
export const CORRESPONDENCE_THRESHOLD = 0.15;
/** A single pair of texts that match well (a competency kept, reworded) weighs this much of its similarity. */
const PAIR_WEIGHT = 0.5;
/** An old bloc scoring at least this fraction of a new bloc's best is proposed with it. */
const NEAR_BEST = 0.7;

const STOPWORDS = new Set(('les des une que qui dans pour par sur avec son ses leur leurs aux une est sont etre cette ces afin '
    + 'tout tous toute toutes plus moins comme ainsi elle elles ils lui dont entre vers sans sous selon non mais car donc '
    + 'the and for with from that this which are its their into of to in on by or an a').split(' '));

/** Words of a text, folded (case, accents), without the commonest words, roughly stemmed. */
export function contentWords(text: string): string[] {
    return comparisonKey(text).split(' ').filter((w) => w.length >= 3 && !STOPWORDS.has(w) && !/^\d+$/.test(w)).map(stem);
}

/** A rough French stem: `évaluer`, `évaluation`, `évaluations` → `evalu`. */
function stem(word: string): string {
    for (const suffix of ['issements', 'issement', 'ations', 'ation', 'ements', 'ement', 'ments', 'ment', 'euses', 'euse', 'eurs', 'eur', 'ices', 'ice',
        'ites', 'ite', 'ives', 'ive', 'ifs', 'if', 'ables', 'able', 'antes', 'ante', 'ants', 'ant', 'ees', 'ee', 'er', 'ir', 'es', 'e', 's', 'x']) {
        if (word.endsWith(suffix) && word.length - suffix.length >= 4) return word.slice(0, -suffix.length);
    }
    return word;
}

/** TF-IDF vectors of texts (unit length), the IDF taken over these texts. */
function vectors(texts: string[][]): Array<Map<string, number>> {
    const counts = texts.map((parts) => {
        const words = new Map<string, number>();
        for (const text of parts) for (const w of contentWords(text)) words.set(w, (words.get(w) ?? 0) + 1);
        return words;
    });
    const documents = new Map<string, number>();
    for (const c of counts) for (const w of c.keys()) documents.set(w, (documents.get(w) ?? 0) + 1);
    return counts.map((c) => {
        const v = new Map<string, number>();
        let norm = 0;
        for (const [w, n] of c) {
            const weight = (1 + Math.log(n)) * Math.log(1 + texts.length / documents.get(w)!);
            v.set(w, weight);
            norm += weight * weight;
        }
        norm = Math.sqrt(norm) || 1;
        for (const [w, x] of v) v.set(w, x / norm);
        return v;
    });
}

/**
 * How much of new bloc `n` old bloc `o` covers: for each text of the new bloc (its title, each
 * competency), the best match among the old bloc's texts, averaged; and the other way round;
 * the score is the larger of the two (a bloc split in two covers each half well).
 */
function blocScores(oldBlocs: BlocContent[], newBlocs: BlocContent[]): number[][] {
    const textsOf = (b: BlocContent) => [b.title ?? '', ...b.texts].filter((t) => t.trim() !== '');
    const oldTexts = oldBlocs.map(textsOf);
    const newTexts = newBlocs.map(textsOf);
    const all = vectors([...oldTexts.flat(), ...newTexts.flat()].map((t) => [t]));
    let k = 0;
    const oldVectors = oldTexts.map((ts) => ts.map(() => all[k++]!));
    const newVectors = newTexts.map((ts) => ts.map(() => all[k++]!));
    const coverage = (from: Array<Map<string, number>>, by: Array<Map<string, number>>) =>
        from.length === 0 || by.length === 0 ? 0 : from.reduce((sum, a) => sum + Math.max(...by.map((b) => cosine(a, b))), 0) / from.length;
    const best = (from: Array<Map<string, number>>, by: Array<Map<string, number>>) =>
        Math.max(0, ...from.flatMap((a) => by.map((b) => cosine(a, b))));
    return oldVectors.map((o) => newVectors.map((n) => round(Math.max(coverage(n, o), coverage(o, n), PAIR_WEIGHT * best(n, o)))));
}

function cosine(a: Map<string, number>, b: Map<string, number>): number {
    const [small, large] = a.size <= b.size ? [a, b] : [b, a];
    let sum = 0;
    for (const [w, x] of small) sum += x * (large.get(w) ?? 0);
    return sum;
}

function strength(score: number): ProposedCorrespondence['strength'] {
    return score >= 0.5 ? 'strong' : score >= 0.3 ? 'likely' : 'weak';
}

/**
 * Scores every old bloc against every new bloc, proposes for each new bloc the old blocs that
 * match it best (several when a bloc was split or merged), and checks the declared
 * correspondences (`declared`: new bloc ids ← old bloc ids) against those scores.
 */
export function analyseCorrespondences(
    oldBlocs: BlocContent[],
    newBlocs: BlocContent[],
    declared: Array<{ new: string[]; old: string[] }> = [],
): CorrespondenceAnalysis {
    const scores = blocScores(oldBlocs, newBlocs);
    const proposals: ProposedCorrespondence[] = [];
    const matchedOld = new Set<string>();
    newBlocs.forEach((bloc, j) => {
        const best = Math.max(0, ...oldBlocs.map((_, i) => scores[i]![j]!));
        if (best < CORRESPONDENCE_THRESHOLD) return;
        const old = oldBlocs.map((b, i) => ({ id: b.id, score: scores[i]![j]! }))
            .filter((o) => o.score >= CORRESPONDENCE_THRESHOLD && o.score >= best * NEAR_BEST)
            .sort((a, b) => b.score - a.score);
        for (const o of old) matchedOld.add(o.id);
        proposals.push({ new: [bloc.id], old: old.map((o) => o.id), score: best, strength: strength(best) });
    });
    // an old bloc that is no new bloc's best may still be best matched by one: propose that too
    oldBlocs.forEach((bloc, i) => {
        if (matchedOld.has(bloc.id)) return;
        const row = scores[i]!;
        const best = Math.max(0, ...row);
        if (best < CORRESPONDENCE_THRESHOLD) return;
        const j = row.indexOf(best);
        const proposal = proposals.find((p) => p.new.length === 1 && p.new[0] === newBlocs[j]!.id);
        if (proposal) proposal.old.push(bloc.id);
        else proposals.push({ new: [newBlocs[j]!.id], old: [bloc.id], score: best, strength: strength(best) });
        matchedOld.add(bloc.id);
    });
    const index = (blocs: BlocContent[], id: string) => blocs.findIndex((b) => b.id === id || b.rncp === id);
    const checked = declared.map((d): CheckedCorrespondence => {
        const pairs = d.new.flatMap((n) => d.old.map((o) => ({ j: index(newBlocs, n), i: index(oldBlocs, o) }))).filter((p) => p.i >= 0 && p.j >= 0);
        const score = pairs.length === 0 ? 0 : Math.max(...pairs.map((p) => scores[p.i]![p.j]!));
        // the old bloc the content points to for these new blocs
        let better: CheckedCorrespondence['better'];
        for (const n of d.new) {
            const j = index(newBlocs, n);
            if (j < 0) continue;
            oldBlocs.forEach((b, i) => {
                if (d.old.includes(b.id) || (b.rncp && d.old.includes(b.rncp))) return;
                if (scores[i]![j]! > Math.max(score * 1.5, CORRESPONDENCE_THRESHOLD) && scores[i]![j]! > (better?.score ?? 0)) better = { old: b.id, score: scores[i]![j]! };
            });
        }
        return { new: d.new, old: d.old, score, verdict: better ? 'better' : score < CORRESPONDENCE_THRESHOLD ? 'weak' : 'supported', better };
    });
    return {
        scores,
        old: oldBlocs,
        new: newBlocs,
        proposals,
        unmatchedOld: oldBlocs.filter((b) => !matchedOld.has(b.id)).map((b) => b.id),
        unmatchedNew: newBlocs.filter((b) => !proposals.some((p) => p.new.includes(b.id))).map((b) => b.id),
        checked,
    };
}

function round(x: number): number {
    return Math.round(x * 1000) / 1000;
}
