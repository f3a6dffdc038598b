/**
 * The registry as the similarity index needs it: each fiche's number, title, status, versions, and
 * the texts of its blocs. Filled from the RNCP open-data export by its reader.
 */
export interface RegistryBloc {
    /** `RNCP34762BC01`. */
    code: string;
    title: string;
    /** `LISTE_COMPETENCES`: one text per bloc, as published. */
    competencies: string;
    /** `MODALITES_EVALUATION`. */
    modalities: string;
}

export interface RegistryFiche {
    /** `RNCP34762`. */
    number: string;
    title: string;
    active: boolean;
    /** Numbers of the versions it replaces (`ANCIENNES_CERTIFICATIONS`). */
    previous: string[];
    /** Numbers of the versions that replace it (`NOUVELLES_CERTIFICATIONS`). */
    next: string[];
    blocs: RegistryBloc[];
    /** `CAPACITES_ATTESTEES`: indexed for a fiche without blocs (the older ones). */
    capacities?: string;
}

/** What an indexed text is. */
export const UnitKind = {
    BlocTitle: 0,
    Competencies: 1,
    Modalities: 2,
    /** The capacities of a fiche without blocs. */
    Capacities: 3,
} as const;
export type UnitKind = (typeof UnitKind)[keyof typeof UnitKind];

/** Texts compared with a référentiel's competencies and blocs, or with its modalities. */
export type UnitGroup = 'competencies' | 'modalities';

export function groupOf(kind: number): UnitGroup {
    return kind === UnitKind.Modalities ? 'modalities' : 'competencies';
}
