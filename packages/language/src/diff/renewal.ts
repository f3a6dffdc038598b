import { competenciesOf, containers } from '../model/queries.js';
import type { BlocModel, CertificationModel, CompetencyModel, ModalityModel } from '../model/types.js';
import { analyseCorrespondences, similarityMatrix, type BlocContent, type CheckedCorrespondence, type ProposedCorrespondence } from './correspondences.js';

/**
 * The renewal file of a certification: two versions (the registered one and the renewed one,
 * usually two RNCP numbers), the correspondence of their blocs — declared by the new version, or
 * else proposed from content with a score —, and the table of changes: each element that is new,
 * gone or reworded, with its previous and new text, the nature of the change and an empty
 * justification for the author to fill in. Both tables are what France Compétences asks of a
 * renewal; `export/renewal-office.ts` writes them in Word and Excel.
 */

export interface RenewalVersion {
    id: string;
    title: string;
    rncp?: string;
    version?: string;
    date?: string;
}

export interface RenewalBloc {
    id: string;
    rncp?: string;
    title?: string;
}

export interface RenewalCorrespondence {
    old: RenewalBloc[];
    new: RenewalBloc[];
    /** 0 … 1, from content. */
    score: number;
    /** Declared by the new version, or proposed from content. */
    origin: 'declared' | 'proposed';
    strength?: ProposedCorrespondence['strength'];
    /** For a declared one: what the content says of it. */
    check?: Pick<CheckedCorrespondence, 'verdict' | 'better'>;
}

export type RenewalChangeNature = 'added' | 'removed' | 'reworded' | 'retitled' | 'changed';

export interface RenewalChange {
    kind: 'certification' | 'bloc' | 'competency' | 'modality';
    /** The element as named in the new version (in the old one when removed). */
    element: string;
    /** The bloc of the new version it stands in (the old one when removed). */
    bloc?: string;
    old?: string;
    new?: string;
    nature: RenewalChangeNature;
    /** For a reworded text: how close the two texts are (0 … 1). */
    score?: number;
}

export interface RenewalFile {
    old: RenewalVersion;
    new: RenewalVersion;
    correspondences: RenewalCorrespondence[];
    /** Blocs of the previous version with no correspondence. */
    unmatchedOld: RenewalBloc[];
    /** Blocs of the new version with no correspondence: new blocs. */
    unmatchedNew: RenewalBloc[];
    changes: RenewalChange[];
    /** Competencies kept word for word, not listed among the changes. */
    unchanged: number;
}

/** Two texts closer than this are the same competency reworded; below, one is gone and the other new. */
export const REWORDED_THRESHOLD = 0.45;

function version(model: CertificationModel): RenewalVersion {
    return { id: model.id, title: model.title, rncp: model.rncp, version: model.version, date: model.date };
}

function blocOf(bloc: BlocModel): RenewalBloc {
    return { id: bloc.id, rncp: bloc.id, title: bloc.title };
}

function blocs(model: CertificationModel): BlocModel[] {
    return containers(model).filter((c): c is BlocModel => c.containerKind === 'bloc');
}

/** A bloc's competencies, its options' included. */
function competencies(bloc: BlocModel): CompetencyModel[] {
    return [bloc, ...bloc.options].flatMap((c) => competenciesOf(c));
}

function modalities(bloc: BlocModel): ModalityModel[] {
    return [bloc, ...bloc.options].flatMap((c) => c.modalities);
}

export function blocContent(bloc: BlocModel): BlocContent {
    return {
        id: bloc.id,
        title: bloc.title,
        texts: [...[bloc, ...bloc.options].flatMap((c) => c.activities.map((a) => a.title)), ...competencies(bloc).map((c) => c.text)],
    };
}

const same = (a: string | undefined, b: string | undefined) => (a ?? '').replace(/\s+/g, ' ').trim() === (b ?? '').replace(/\s+/g, ' ').trim();

/**
 * The renewal file of `oldModel` → `newModel`. `declared` are the correspondences the new
 * version states (new bloc ids ← old bloc ids); when there are none, the proposed ones stand in
 * for them, each with its score, for the author to confirm.
 */
export function renewalFile(oldModel: CertificationModel, newModel: CertificationModel, declared: Array<{ new: string[]; old: string[] }> = []): RenewalFile {
    const oldBlocs = blocs(oldModel);
    const newBlocs = blocs(newModel);
    const analysis = analyseCorrespondences(oldBlocs.map(blocContent), newBlocs.map(blocContent), declared);
    const byId = (list: BlocModel[], id: string) => list.find((b) => b.id === id);
    const correspondences: RenewalCorrespondence[] = declared.length > 0
        ? analysis.checked.map((c) => ({
            old: c.old.map((id) => byId(oldBlocs, id)).filter((b): b is BlocModel => Boolean(b)).map(blocOf),
            new: c.new.map((id) => byId(newBlocs, id)).filter((b): b is BlocModel => Boolean(b)).map(blocOf),
            score: c.score,
            origin: 'declared' as const,
            check: { verdict: c.verdict, better: c.better },
        }))
        : analysis.proposals.map((p) => ({
            old: p.old.map((id) => blocOf(byId(oldBlocs, id)!)),
            new: p.new.map((id) => blocOf(byId(newBlocs, id)!)),
            score: p.score,
            origin: 'proposed' as const,
            strength: p.strength,
        }));
    const matchedOld = new Set(correspondences.flatMap((c) => c.old.map((b) => b.id)));
    const matchedNew = new Set(correspondences.flatMap((c) => c.new.map((b) => b.id)));

    const changes: RenewalChange[] = [];
    // the certification's own fields
    for (const [field, a, b] of [['title', oldModel.title, newModel.title], ['level', oldModel.level, newModel.level], ['certifier', oldModel.certifier, newModel.certifier]] as const) {
        if (!same(a, b)) changes.push({ kind: 'certification', element: field, old: a, new: b, nature: a === undefined ? 'added' : b === undefined ? 'removed' : 'changed' });
    }
    let unchanged = 0;
    const paired = new Set<CompetencyModel>();
    const pairedModalities = new Set<ModalityModel>();
    for (const c of correspondences) {
        const olds = c.old.map((b) => byId(oldBlocs, b.id)!);
        const news = c.new.map((b) => byId(newBlocs, b.id)!);
        // a bloc kept one for one and renamed
        if (olds.length === 1 && news.length === 1 && !same(olds[0]!.title, news[0]!.title)) {
            changes.push({ kind: 'bloc', element: news[0]!.id, bloc: news[0]!.id, old: `${olds[0]!.id} ${olds[0]!.title ?? ''}`.trim(), new: `${news[0]!.id} ${news[0]!.title ?? ''}`.trim(), nature: 'retitled' });
        }
        // competencies: each new one with the closest old one of the corresponding blocs
        const oldComps = olds.flatMap(competencies).filter((x) => !paired.has(x));
        const newComps = news.flatMap(competencies);
        const scores = similarityMatrix(oldComps.map((x) => x.text), newComps.map((x) => x.text));
        const pairs = greedyPairs(scores, REWORDED_THRESHOLD);
        for (const [i, j, score] of pairs) {
            const before = oldComps[i]!;
            const after = newComps[j]!;
            paired.add(before);
            paired.add(after);
            if (same(before.text, after.text)) unchanged++;
            else changes.push({ kind: 'competency', element: after.id, bloc: after.bloc.id, old: `${before.id} ${before.text}`, new: `${after.id} ${after.text}`, nature: 'reworded', score });
        }
        for (const after of newComps.filter((x) => !paired.has(x))) {
            changes.push({ kind: 'competency', element: after.id, bloc: after.bloc.id, new: `${after.id} ${after.text}`, nature: 'added' });
            paired.add(after);
        }
        // modalities, by their titles and descriptions
        const oldMods = olds.flatMap(modalities).filter((m) => !pairedModalities.has(m));
        const newMods = news.flatMap(modalities);
        const modalityText = (m: ModalityModel) => [m.title, m.kind, m.description].filter(Boolean).join('\n');
        for (const [i, j, score] of greedyPairs(similarityMatrix(oldMods.map(modalityText), newMods.map(modalityText)), REWORDED_THRESHOLD)) {
            pairedModalities.add(oldMods[i]!);
            pairedModalities.add(newMods[j]!);
            if (!same(modalityText(oldMods[i]!), modalityText(newMods[j]!))) {
                changes.push({ kind: 'modality', element: modalityName(newMods[j]!), bloc: news[0]!.id, old: modalityText(oldMods[i]!), new: modalityText(newMods[j]!), nature: 'reworded', score });
            }
        }
        for (const m of newMods.filter((x) => !pairedModalities.has(x))) {
            changes.push({ kind: 'modality', element: modalityName(m), bloc: news[0]!.id, new: modalityText(m), nature: 'added' });
            pairedModalities.add(m);
        }
    }
    // what the old version had and the new one does not take up
    for (const bloc of newBlocs.filter((b) => !matchedNew.has(b.id))) {
        changes.push({ kind: 'bloc', element: bloc.id, bloc: bloc.id, new: `${bloc.id} ${bloc.title ?? ''}`.trim(), nature: 'added' });
        for (const x of competencies(bloc)) changes.push({ kind: 'competency', element: x.id, bloc: bloc.id, new: `${x.id} ${x.text}`, nature: 'added' });
    }
    for (const bloc of oldBlocs.filter((b) => !matchedOld.has(b.id))) {
        changes.push({ kind: 'bloc', element: bloc.id, bloc: bloc.id, old: `${bloc.id} ${bloc.title ?? ''}`.trim(), nature: 'removed' });
    }
    for (const bloc of oldBlocs) {
        for (const x of competencies(bloc).filter((c) => !paired.has(c))) changes.push({ kind: 'competency', element: x.id, bloc: bloc.id, old: `${x.id} ${x.text}`, nature: 'removed' });
        for (const m of modalities(bloc).filter((c) => !pairedModalities.has(c))) changes.push({ kind: 'modality', element: modalityName(m), bloc: bloc.id, old: [m.title, m.kind, m.description].filter(Boolean).join('\n'), nature: 'removed' });
    }
    return {
        old: version(oldModel),
        new: version(newModel),
        correspondences,
        unmatchedOld: oldBlocs.filter((b) => !matchedOld.has(b.id)).map(blocOf),
        unmatchedNew: newBlocs.filter((b) => !matchedNew.has(b.id)).map(blocOf),
        changes,
        unchanged,
    };
}

/** A modality as the table of changes names it: its id, else the start of its title. */
function modalityName(m: ModalityModel): string {
    if (m.id) return m.id;
    const words = m.title.split(/\s+/);
    return words.length > 8 ? `« ${words.slice(0, 8).join(' ')} … »` : `« ${m.title} »`;
}

/** Pairs rows and columns by decreasing score, each at most once, above `threshold`. */
function greedyPairs(scores: number[][], threshold: number): Array<[number, number, number]> {
    const all: Array<[number, number, number]> = [];
    scores.forEach((row, i) => row.forEach((score, j) => {
        if (score >= threshold) all.push([i, j, score]);
    }));
    all.sort((a, b) => b[2] - a[2] || a[0] - b[0] || a[1] - b[1]);
    const rows = new Set<number>();
    const columns = new Set<number>();
    const pairs: Array<[number, number, number]> = [];
    for (const [i, j, score] of all) {
        if (rows.has(i) || columns.has(j)) continue;
        rows.add(i);
        columns.add(j);
        pairs.push([i, j, score]);
    }
    return pairs.sort((a, b) => a[1] - b[1]);
}
