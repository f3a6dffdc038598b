import { UnitKind } from './registry.js';
import type { IndexedBloc, IndexedFiche, Match, RegistryIndex, SharedPassage } from './registry-index.js';
import { tokenize } from './text.js';

/**
 * A référentiel compared with the registry: each competency and each modality with the blocs of
 * every fiche, each bloc through its competencies. What is close to the certification's own fiche
 * or to one of its versions is told apart from what is close to another certification.
 */

/** A text of the référentiel; `key` lets the caller find the element again. */
export interface QueryText {
    key: string;
    text: string;
}

export interface QueryBloc {
    key: string;
    title: string;
    competencies: QueryText[];
    modalities: QueryText[];
}

export interface QueryCertification {
    /** Its own number in the registry (`RNCP39568`), if registered. */
    rncp?: string;
    /** The numbers of its previous versions, as the référentiel declares them. */
    previous: string[];
    /** The numbers of its next versions, as the référentiel declares them. */
    next?: string[];
    blocs: QueryBloc[];
}

export interface SimilarityOptions {
    /** Findings from this score up (0 … 1). */
    threshold: number;
    /** From this score up, a finding is a near copy (its rule's severity; below, one step lower). */
    strong: number;
    /** A passage shares at least this many words with the text (short phrases are everyone's). */
    minSharedWords: number;
    /** At most this many other certifications per element (the best). */
    maxMatches: number;
    /** Synonyms of a stem, if a source of them is given (certiref ships none: see the README), and their part of a word's weight. */
    synonyms?: (stem: string) => readonly string[] | undefined;
    synonymCredit?: number;
}

/** The threshold and the minimum of shared words are chosen from the labelled set (bench/RESULTS.md). */
export const DEFAULT_OPTIONS: SimilarityOptions = { threshold: 0.4, strong: 0.7, minSharedWords: 4, maxMatches: 3 };

/** How a fiche relates to the certification being written. */
export type Relation = 'other' | 'own' | 'previous' | 'next';

export interface SimilarPassage extends SharedPassage {
    score: number;
    relation: Relation;
    /** How the relation is known: the référentiel declares it, or the registry's version links. */
    relationSource?: 'declared' | 'registry';
    fiche: { number: string; title: string; active: boolean };
    bloc?: { code: string; title: string };
    /** What the passage is: a bloc's title, competencies, modalities, or a fiche's capacities. */
    kind: UnitKind;
    /** Other blocs of other fiches with this very passage, not listed one by one. */
    alsoIn: number;
    /** For a bloc: how many of its competencies resemble this registry bloc. */
    coverage?: { similar: number; of: number };
}

export interface ElementSimilarity {
    key: string;
    element: 'competency' | 'bloc' | 'modality';
    /** Close passages of other certifications, best first (at most `maxMatches`). */
    others: SimilarPassage[];
    /** Close passages of the certification's own fiche and versions, best first. */
    family: SimilarPassage[];
    /** Other close blocs of other certifications, beyond those listed. */
    unlisted: number;
}

/** What the référentiel takes from one fiche of its own certification (its own fiche, a version). */
export interface FamilySummary {
    fiche: { number: string; title: string; active: boolean };
    relation: Relation;
    relationSource: 'declared' | 'registry';
    /** Competencies of the référentiel found in that fiche, of all of them. */
    competencies: number;
    of: number;
    /** Its blocs where they were found, each with how many. */
    blocs: Array<{ code: string; title: string; competencies: number }>;
}

export interface CertificationSimilarity {
    elements: ElementSimilarity[];
    /** The certification's own fiche and versions found in the registry, best first. */
    family: FamilySummary[];
}

/** The registry's version links of an index, both ways, computed once per index. */
const versionLinks = new WeakMap<RegistryIndex, { previous: Map<string, string[]>; next: Map<string, string[]> }>();

function linksOf(index: RegistryIndex) {
    let links = versionLinks.get(index);
    if (links) return links;
    const previous = new Map<string, string[]>();
    const next = new Map<string, string[]>();
    const add = (map: Map<string, string[]>, from: string, to: string) => {
        const list = map.get(from);
        if (list) list.push(to);
        else map.set(from, [to]);
    };
    for (const f of index.fiches) {
        const number = f.number.toUpperCase();
        // the registry may say a link on one side only: both sides are read
        for (const p of f.previous) {
            add(previous, number, p.toUpperCase());
            add(next, p.toUpperCase(), number);
        }
        for (const n of f.next) {
            add(next, number, n.toUpperCase());
            add(previous, n.toUpperCase(), number);
        }
    }
    links = { previous, next };
    versionLinks.set(index, links);
    return links;
}

/** The fiches that are this certification: its own number, and its versions, both ways. */
export function familyOf(index: RegistryIndex, certification: Pick<QueryCertification, 'rncp' | 'previous' | 'next'>): Map<string, { relation: Relation; source: 'declared' | 'registry' }> {
    const links = linksOf(index);
    const out = new Map<string, { relation: Relation; source: 'declared' | 'registry' }>();
    const walk = (start: string, relation: 'previous' | 'next') => {
        const queue = [start];
        while (queue.length > 0) {
            const n = queue.shift()!;
            for (const l of (relation === 'previous' ? links.previous : links.next).get(n) ?? []) {
                if (out.has(l)) continue;
                out.set(l, { relation, source: 'registry' });
                queue.push(l);
            }
        }
    };
    const own = certification.rncp?.toUpperCase();
    if (own) out.set(own, { relation: 'own', source: 'declared' });
    const declared = (numbers: string[] | undefined, relation: 'previous' | 'next') => {
        for (const n of (numbers ?? []).map((x) => x.toUpperCase())) {
            if (n !== own && (!out.has(n) || out.get(n)!.source === 'registry')) out.set(n, { relation, source: 'declared' });
        }
    };
    declared(certification.previous, 'previous');
    declared(certification.next, 'next');
    if (own) {
        walk(own, 'previous');
        walk(own, 'next');
    }
    for (const p of certification.previous.map((x) => x.toUpperCase())) walk(p, 'previous');
    for (const n of (certification.next ?? []).map((x) => x.toUpperCase())) walk(n, 'next');
    if (own) out.set(own, { relation: 'own', source: 'declared' });
    return out;
}

type FamilyRelation = { relation: Relation; source: 'declared' | 'registry' };
/** A fiche's relation to the certification (undefined: another certification), looked up once per fiche. */
type Family = (fiche: IndexedFiche) => FamilyRelation | undefined;

function familyLookup(numbers: Map<string, FamilyRelation>): Family {
    const known = new Map<IndexedFiche, FamilyRelation | null>();
    return (fiche) => {
        let relation = known.get(fiche);
        if (relation === undefined) {
            relation = numbers.get(fiche.number.toUpperCase()) ?? null;
            known.set(fiche, relation);
        }
        return relation ?? undefined;
    };
}

/** Compares a certification's competencies, blocs and modalities with the registry. */
export function compareCertification(index: RegistryIndex, certification: QueryCertification, options: SimilarityOptions = DEFAULT_OPTIONS): CertificationSimilarity {
    const family = familyLookup(familyOf(index, certification));
    const out: ElementSimilarity[] = [];
    const summaries = new Map<string, FamilySummary>();
    let competencies = 0;
    // the aggregation of a bloc reads its competencies' matches from a lower floor than findings
    const floor = Math.min(options.threshold, 0.3);
    for (const bloc of certification.blocs) {
        const perCompetency: Array<{ text: QueryText; weight: number; matches: Match[] }> = [];
        for (const competency of bloc.competencies) {
            const matches = index.search(competency.text, { group: 'competencies', minScore: floor, synonyms: options.synonyms, synonymCredit: options.synonymCredit })
                .filter((m) => m.sharedWords >= options.minSharedWords);
            const weight = tokenize(competency.text).reduce((sum, t) => sum + index.weight(t.stem, 'competencies'), 0);
            perCompetency.push({ text: competency, weight, matches });
            competencies++;
            const counted = new Set<string>();
            for (const m of matches) {
                if (m.score < options.threshold) continue;
                const relation = family(m.fiche);
                if (!relation) continue;
                const summary = summaries.get(m.fiche.number) ?? {
                    fiche: { number: m.fiche.number, title: m.fiche.title, active: m.fiche.active }, relation: relation.relation, relationSource: relation.source,
                    competencies: 0, of: 0, blocs: [],
                };
                summaries.set(m.fiche.number, summary);
                if (!counted.has(m.fiche.number)) summary.competencies++;
                counted.add(m.fiche.number);
                const code = m.bloc?.code ?? '';
                const bloc = summary.blocs.find((b) => b.code === code);
                if (bloc) {
                    if (!counted.has(`${m.fiche.number} ${code}`)) bloc.competencies++;
                } else summary.blocs.push({ code, title: m.bloc?.title ?? '', competencies: 1 });
                counted.add(`${m.fiche.number} ${code}`);
            }
            const element = summarise(competency.key, 'competency', matches.filter((m) => m.score >= options.threshold), family, options);
            if (element) out.push(element);
        }
        const blocElement = compareBloc(bloc, perCompetency, family, options);
        if (blocElement) out.push(blocElement);
        for (const modality of bloc.modalities) {
            const matches = index.search(modality.text, { group: 'modalities', minScore: options.threshold, synonyms: options.synonyms, synonymCredit: options.synonymCredit })
                .filter((m) => m.sharedWords >= options.minSharedWords);
            const element = summarise(modality.key, 'modality', matches, family, options);
            if (element) out.push(element);
        }
    }
    const order: Record<Relation, number> = { own: 0, previous: 1, next: 2, other: 3 };
    const summaryList = [...summaries.values()]
        .map((f) => ({ ...f, of: competencies, blocs: f.blocs.sort((a, b) => b.competencies - a.competencies || a.code.localeCompare(b.code)) }))
        .sort((a, b) => order[a.relation] - order[b.relation] || b.competencies - a.competencies);
    return { elements: out, family: summaryList };
}

/**
 * A bloc resembles a registry bloc when its competencies do: its score is the share of its
 * competencies' weight found there (each competency counting by its best score in that bloc).
 */
function compareBloc(bloc: QueryBloc, competencies: Array<{ text: QueryText; weight: number; matches: Match[] }>, family: Family,
    options: SimilarityOptions): ElementSimilarity | undefined {
    const total = competencies.reduce((sum, c) => sum + c.weight, 0);
    if (total === 0 || competencies.length === 0) return undefined;
    const perBloc = new Map<IndexedBloc, { score: number; similar: number; best?: Match }>();
    for (const c of competencies) {
        const best = new Map<IndexedBloc, Match>();
        for (const m of c.matches) {
            if (!m.bloc || m.kind === UnitKind.Modalities) continue;
            const seen = best.get(m.bloc);
            if (!seen || m.score > seen.score) best.set(m.bloc, m);
        }
        for (const [b, m] of best) {
            const entry = perBloc.get(b) ?? { score: 0, similar: 0 };
            entry.score += (c.weight / total) * m.score;
            if (m.score >= options.threshold) entry.similar++;
            if (!entry.best || m.score > entry.best.score) entry.best = m;
            perBloc.set(b, entry);
        }
    }
    // another certification's bloc: two competencies at least (one, for a bloc of one) and the
    // threshold over the whole bloc; a bloc of the certification's own versions: one competency
    // is enough to say which bloc of the previous version this one continues
    const needed = Math.min(2, competencies.length);
    const matches: Array<Match & { coverage: { similar: number; of: number } }> = [];
    for (const entry of perBloc.values()) {
        if (!entry.best) continue;
        const own = family(entry.best.fiche) !== undefined;
        if (own ? entry.similar < 1 : entry.score < options.threshold || entry.similar < needed) continue;
        matches.push({ ...entry.best, score: entry.score, coverage: { similar: entry.similar, of: competencies.length } });
    }
    if (matches.length === 0) return undefined;
    matches.sort((x, y) => y.score - x.score);
    return summarise(bloc.key, 'bloc', matches, family, options);
}

/**
 * The matches of one element: the certification's own fiche and versions apart; the others, one
 * per registry bloc, the same passage in several fiches counted once.
 */
function summarise(key: string, element: ElementSimilarity['element'], matches: Array<Match & { coverage?: SimilarPassage['coverage'] }>, family: Family, options: SimilarityOptions): ElementSimilarity | undefined {
    const others: SimilarPassage[] = [];
    const familyPassages: SimilarPassage[] = [];
    const byPassage = new Map<string, SimilarPassage>();
    const seenBlocs = new Set<string>();
    for (const m of matches) {
        const blocKey = `${m.fiche.number}\u0000${m.bloc?.code ?? ''}`;
        if (seenBlocs.has(blocKey)) continue;
        seenBlocs.add(blocKey);
        const relation = family(m.fiche);
        if (relation) {
            familyPassages.push(toPassage(m, relation.relation, relation.source));
            continue;
        }
        const same = `${m.text.slice(m.passage.start, m.passage.end)}\u0000${Math.round(m.score * 100)}`;
        const first = byPassage.get(same);
        if (first) {
            first.alsoIn++;
            continue;
        }
        const passage = toPassage(m, 'other', undefined);
        byPassage.set(same, passage);
        others.push(passage);
    }
    if (others.length === 0 && familyPassages.length === 0) return undefined;
    const kept = others.slice(0, options.maxMatches);
    // what is not listed is still counted: "and 12 other blocs"
    const unlisted = others.slice(options.maxMatches).reduce((sum, o) => sum + 1 + o.alsoIn, 0);
    return { key, element, others: kept, family: familyPassages, unlisted };
}

function toPassage(m: Match & { coverage?: SimilarPassage['coverage'] }, relation: Relation, source: 'declared' | 'registry' | undefined): SimilarPassage {
    return {
        score: m.score,
        relation,
        ...(source ? { relationSource: source } : {}),
        fiche: { number: m.fiche.number, title: m.fiche.title, active: m.fiche.active },
        ...(m.bloc ? { bloc: { code: m.bloc.code, title: m.bloc.title } } : {}),
        kind: m.kind,
        text: m.text,
        passage: m.passage,
        passageWords: m.passageWords,
        query: m.query,
        queryWords: m.queryWords,
        sharedWords: m.sharedWords,
        alsoIn: 0,
        ...(m.coverage ? { coverage: m.coverage } : {}),
    };
}
