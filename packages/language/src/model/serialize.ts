import { URI } from 'langium';
import { containers, criteriaOfModality, competenciesOf } from './queries.js';
import type { BlocModel, CertificationModel, CriterionModel, ModalityModel, OptionModel, SourceLocation } from './types.js';

/**
 * The model as plain JSON, the shape `certiref export --format json` prints and
 * `model.schema.json` describes. Options become entries of `blocs` with their `option`; every
 * element carries where it was written (`source`: file relative to `base`, 1-based line).
 */
export interface ModelJson {
    certifications: CertificationJson[];
}

export interface SourceJson {
    file: string;
    line: number;
    column: number;
}

export interface CertificationJson {
    id: string;
    title: string;
    rncp: string | null;
    level: string | null;
    certifier: string | null;
    version: string | null;
    date: string | null;
    description: string | null;
    accessibility: string[];
    sections: { title: string; text: string }[];
    conventions: { criterion: string; competency: string }[];
    files: string[];
    blocs: BlocJson[];
    source: SourceJson;
}

export interface BlocJson {
    id: string;
    title: string | null;
    description: string | null;
    option: { id: string; kind: string; title: string | null; description: string | null } | null;
    activities: { id: string; title: string; description: string | null; source: SourceJson; competencies: { id: string; text: string; source: SourceJson }[] }[];
    modalities: ModalityJson[];
    source: SourceJson;
}

export interface ModalityJson {
    id: string | null;
    title: string;
    kind: string | null;
    mode: 'individual' | 'group' | null;
    deliverables: string[];
    description: string | null;
    evaluates: string[];
    parts: { id: string | null; title: string | null; mode: 'individual' | 'group' | null; deliverables: string[]; description: string | null; evaluates: string[]; source: SourceJson }[];
    criteria: { id: string | null; label: string | null; text: string; part: string | null; competencies: string[]; source: SourceJson }[];
    source: SourceJson;
}

export type PathOf = (uri: string) => string;

export function defaultPathOf(uri: string): string {
    return URI.parse(uri).path;
}

export function serializeModel(models: CertificationModel[], pathOf: PathOf = defaultPathOf): ModelJson {
    const src = (s: SourceLocation): SourceJson => ({ file: pathOf(s.uri), line: s.nameRange.start.line + 1, column: s.nameRange.start.character + 1 });
    const partName = (c: CriterionModel): string | null => (c.part ? c.part.id ?? c.part.title ?? String(c.modality.parts.indexOf(c.part) + 1) : null);
    const modality = (m: ModalityModel): ModalityJson => ({
        id: m.id ?? null,
        title: m.title,
        kind: m.kind ?? null,
        mode: m.mode ?? null,
        deliverables: m.deliverables,
        description: m.description ?? null,
        evaluates: m.evaluatedCompetencies.map((c) => c.id),
        parts: m.parts.map((p) => ({
            id: p.id ?? null, title: p.title ?? null, mode: p.mode ?? null, deliverables: p.deliverables,
            description: p.description ?? null, evaluates: p.evaluates.map((c) => c.id), source: src(p.source),
        })),
        criteria: criteriaOfModality(m).map((c) => ({
            id: c.id ?? null, label: c.label ?? null, text: c.text, part: partName(c), competencies: c.judges.map((j) => j.id), source: src(c.source),
        })),
        source: src(m.source),
    });
    const bloc = (container: BlocModel | OptionModel): BlocJson => {
        const b = container.containerKind === 'option' ? container.bloc : container;
        return {
            id: b.id,
            title: b.title ?? null,
            description: b.description ?? null,
            option: container.containerKind === 'option'
                ? { id: container.id, kind: container.keyword.toLowerCase(), title: container.title ?? null, description: container.description ?? null }
                : null,
            activities: container.activities.map((a) => ({
                id: a.id, title: a.title, description: a.description ?? null, source: src(a.source),
                competencies: a.competencies.map((c) => ({ id: c.id, text: c.text, source: src(c.source) })),
            })),
            modalities: container.modalities.map(modality),
            source: src(container.source),
        };
    };
    return {
        certifications: models.map((m) => ({
            id: m.id,
            title: m.title,
            rncp: m.rncp ?? null,
            level: m.level ?? null,
            certifier: m.certifier ?? null,
            version: m.version ?? null,
            date: m.date ?? null,
            description: m.description ?? null,
            accessibility: m.accessibility,
            sections: m.sections,
            conventions: m.conventions.map((c) => ({ criterion: c.criterion, competency: c.competency })),
            files: m.documents.map(pathOf),
            blocs: containers(m)
                .filter((c) => c.containerKind === 'option' || c.options.length === 0 || c.activities.length > 0 || c.modalities.length > 0)
                .map(bloc),
            source: src(m.source),
        })),
    };
}

/** Counts and coverage per certification and bloc (or option): what `certiref stats` prints. */
export interface StatsRow {
    certification: string;
    bloc: string;
    option: string | null;
    activities: number;
    competencies: number;
    modalities: number;
    criteria: number;
    /** Competencies judged by at least one criterion. */
    withCriterion: number;
    /** Competencies evaluated by at least one modality. */
    evaluated: number;
}

export function statistics(models: CertificationModel[]): { rows: StatsRow[]; totals: StatsRow[] } {
    const rows: StatsRow[] = [];
    const totals: StatsRow[] = [];
    for (const m of models) {
        const total: StatsRow = { certification: m.id, bloc: '*', option: null, activities: 0, competencies: 0, modalities: 0, criteria: 0, withCriterion: 0, evaluated: 0 };
        for (const c of containers(m)) {
            if (c.containerKind === 'bloc' && c.options.length > 0 && c.activities.length === 0 && c.modalities.length === 0) continue;
            const competencies = competenciesOf(c);
            const row: StatsRow = {
                certification: m.id,
                bloc: c.containerKind === 'option' ? c.bloc.id : c.id,
                option: c.containerKind === 'option' ? c.id : null,
                activities: c.activities.length,
                competencies: competencies.length,
                modalities: c.modalities.length,
                criteria: c.modalities.flatMap(criteriaOfModality).length,
                withCriterion: competencies.filter((x) => x.criteria.length > 0).length,
                evaluated: competencies.filter((x) => x.evaluatedBy.length > 0).length,
            };
            rows.push(row);
            for (const k of ['activities', 'competencies', 'modalities', 'criteria', 'withCriterion', 'evaluated'] as const) total[k] += row[k];
        }
        totals.push(total);
    }
    return { rows, totals };
}
