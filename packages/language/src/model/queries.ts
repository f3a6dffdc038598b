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
