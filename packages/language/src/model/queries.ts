import type { ActivityModel, BlocModel, CertificationModel, CompetencyModel, ContainerModel, CriterionModel, ModalityModel, OptionModel } from './types.js';

/** Blocs and their options, in order: every place that holds activities and modalities. */
export function containers(cert: CertificationModel): Array<BlocModel | OptionModel> {
    return cert.blocs.flatMap((b) => [b, ...b.options]);
}

export function allModalities(container: ContainerModel): ModalityModel[] {
    return container.modalities;
}

export function allCriteria(container: ContainerModel): CriterionModel[] {
    return container.modalities.flatMap(criteriaOfModality);
}

export function criteriaOfModality(m: ModalityModel): CriterionModel[] {
    return [...m.criteria, ...m.parts.flatMap((p) => p.criteria)];
}

export function allActivities(cert: CertificationModel): ActivityModel[] {
    return containers(cert).flatMap((c) => c.activities);
}

export function allCompetencies(cert: CertificationModel): CompetencyModel[] {
    return allActivities(cert).flatMap((a) => a.competencies);
}

export function competenciesOf(container: ContainerModel): CompetencyModel[] {
    return container.activities.flatMap((a) => a.competencies);
}

export function allCriteriaOf(cert: CertificationModel): CriterionModel[] {
    return containers(cert).flatMap(allCriteria);
}

/** Per modality: what it evaluates (a set), and its criteria by the competency they judge. */
interface ModalityIndex {
    evaluated: Set<CompetencyModel>;
    judging: Map<CompetencyModel, CriterionModel[]>;
    outside: CriterionModel[];
}

const modalityIndexes = new WeakMap<ModalityModel, ModalityIndex>();

/**
 * Read once per modality (and kept while the model lives): an export or a grid asking, for each
 * of 10,000 competencies, which of 10,000 criteria judge it would otherwise read them all each
 * time.
 */
function indexOf(m: ModalityModel): ModalityIndex {
    let index = modalityIndexes.get(m);
    if (!index) {
        const evaluated = new Set(m.evaluatedCompetencies);
        const judging = new Map<CompetencyModel, CriterionModel[]>();
        const outside: CriterionModel[] = [];
        for (const cr of criteriaOfModality(m)) {
            for (const c of new Set(cr.judges)) {
                const list = judging.get(c);
                if (list) list.push(cr);
                else judging.set(c, [cr]);
            }
            if (!cr.judges.some((c) => evaluated.has(c))) outside.push(cr);
        }
        modalityIndexes.set(m, (index = { evaluated, judging, outside }));
    }
    return index;
}

/** Whether the modality evaluates the competency. */
export function evaluatesCompetency(m: ModalityModel, c: CompetencyModel): boolean {
    return indexOf(m).evaluated.has(c);
}

/** The modality's criteria that judge the competency, in their order. */
export function criteriaJudging(m: ModalityModel, c: CompetencyModel): CriterionModel[] {
    return indexOf(m).judging.get(c) ?? [];
}

/** The modality's criteria that judge nothing it evaluates (or nothing at all), in their order. */
export function criteriaOutsideEvaluation(m: ModalityModel): CriterionModel[] {
    return indexOf(m).outside;
}
