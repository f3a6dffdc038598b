/**
 * One fiche of France Compétences' RNCP open-data export (format 4.1), as the export carries it.
 * Texts are kept as the export gives them, XML entities decoded (no trimming, no whitespace
 * folding); dates stay in the export's `JJ/MM/AAAA` (see `isoDate`). Each field names the XML
 * element it comes from. Elements this reader does not know are kept in `other`, so that nothing
 * of a fiche is silently lost.
 */
export interface Fiche {
    /** ID_FICHE: France Compétences' internal id. */
    id?: string;
    /** NUMERO_FICHE: `RNCP36490` (or `RS6626` in the répertoire spécifique's export). */
    number: string;
    /** INTITULE */
    title: string;
    /** ABREGE: the kind of certification, `TP` / `Titre professionnel`, `DipViGrM` … */
    abbreviation?: CodeLabel;
    /** ETAT_FICHE: `Publiée` … */
    state?: string;
    /** ACTIF: `Oui` → true, `Non` → false. */
    active?: boolean;
    /** TYPE_ENREGISTREMENT: `Enregistrement de droit`, `Enregistrement sur demande`. */
    registrationType?: string;
    /** NOMENCLATURE_EUROPE: `NIV7` / `Niveau 7`. */
    level?: Level;
    dates: FicheDates;
    /** DUREE_ENREGISTREMENT: years, as written. */
    registrationDuration?: string;
    /** CODES_NSF/NSF */
    nsf: CodeLabel[];
    /** CODES_ROME/ROME */
    rome: CodeLabel[];
    /** FORMACODES/FORMACODE */
    formacodes: CodeLabel[];
    /** CERTIFICATEURS/CERTIFICATEUR */
    certifiers: Certifier[];
    /** EXISTENCE_PARTENAIRES */
    hasPartners?: boolean;
    /** PARTENAIRES/PARTENAIRE */
    partners: Partner[];
    texts: FicheTexts;
    /** SI_JURY_FI|CA|FC|CQ|CL|VAE: the access routes and their juries, in the export's order. */
    accessRoutes: AccessRoute[];
    /** ACCESSIBLE_NOUVELLE_CALEDONIE */
    accessibleNewCaledonia?: boolean;
    /** ACCESSIBLE_POLYNESIE_FRANCAISE */
    accessibleFrenchPolynesia?: boolean;
    /** ANCIENNES_CERTIFICATIONS/ANCIENNE_CERTIFICATION/ID_FICHE_ANCIENNE_CERTIFICATION */
    previous: string[];
    /** NOUVELLES_CERTIFICATIONS/NOUVELLE_CERTIFICATION/ID_FICHE_NOUVELLE_CERTIFICATION */
    next: string[];
    /** BLOCS_COMPETENCES/BLOC_COMPETENCES */
    blocs: FicheBloc[];
    /** CORRESPONDANCES/CORRESPONDANCE */
    correspondences: Correspondence[];
    /** STATISTIQUES_PROMOTIONS/STATISTIQUES_PROMOTION */
    statistics: PromotionStatistics[];
    /** ANNEES_PROMOTIONS_NIVEAU/ANNEE */
    promotionYearsAtLevel: string[];
    /** PUBLICATION_DECRET_GENERAL|CREATION|AUTRE/PUBLICATION_JO */
    publications: Publication[];
    /** LIEN_URL_DESCRIPTION */
    url?: string;
    /** Elements this reader does not know (or values it could not read), with their path. */
    other: OtherElement[];
    /** Where the fiche starts in the export (its `<FICHE>` tag), 1-based. */
    source: SourcePosition;
}

export interface CodeLabel {
    code: string;
    label?: string;
}

export interface Level {
    /** `NIV7` */
    code: string;
    /** `Niveau 7` */
    label?: string;
    /** 3 … 8, when the code reads as `NIVn`. */
    value?: number;
}

/** The fiche's dates as written (`JJ/MM/AAAA`). */
export interface FicheDates {
    /** DATE_DECISION */
    decision?: string;
    /** DATE_EFFET */
    effect?: string;
    /** DATE_FIN_ENREGISTREMENT */
    endOfRegistration?: string;
    /** DATE_DE_PUBLICATION */
    publication?: string;
    /** DATE_LIMITE_DELIVRANCE */
    deliveryLimit?: string;
    /** DATE_DERNIER_JO */
    lastOfficialJournal?: string;
}

export interface Certifier {
    /** SIRET_CERTIFICATEUR */
    siret?: string;
    /** NOM_CERTIFICATEUR */
    name: string;
    /** ETAT_CERTIFICATEUR */
    state?: string;
    /** DATE_DERNIERE_MODIFICATION_ETAT */
    stateDate?: string;
}

export interface Partner {
    /** SIRET_PARTENAIRE */
    siret?: string;
    /** NOM_PARTENAIRE */
    name: string;
    /** HABILITATION_PARTENAIRE: `Habilitation pour organiser l'évaluation …` */
    habilitation?: string;
    /** ETAT_HABILITATION */
    state?: string;
    /** DATE_ACTIF */
    activeDate?: string;
    /** DATE_DERNIERE_MODIFICATION_ETAT */
    stateDate?: string;
}

/** The fiche's free texts, verbatim. */
export interface FicheTexts {
    /** ACTIVITES_VISEES */
    activities?: string;
    /** CAPACITES_ATTESTEES */
    capacities?: string;
    /** SECTEURS_ACTIVITE */
    sectors?: string;
    /** TYPE_EMPLOI_ACCESSIBLES */
    jobs?: string;
    /** OBJECTIFS_CONTEXTE */
    objectives?: string;
    /** REGLEMENTATIONS_ACTIVITES */
    regulations?: string;
    /** PREREQUIS_ENTREE_FORMATION */
    prerequisites?: string;
}

/** The access routes of the export (SI_JURY_FI … SI_JURY_VAE), with France Compétences' labels. */
export type AccessRouteCode = 'FI' | 'CA' | 'FC' | 'CQ' | 'CL' | 'VAE';

export const ACCESS_ROUTES: Record<AccessRouteCode, { fr: string; en: string }> = {
    FI: { fr: 'Après un parcours de formation sous statut d’élève ou d’étudiant', en: 'After a course as a pupil or student' },
    CA: { fr: 'En contrat d’apprentissage', en: 'Under an apprenticeship contract' },
    FC: { fr: 'Après un parcours de formation continue', en: 'After continuing education' },
    CQ: { fr: 'En contrat de professionnalisation', en: 'Under a professionalisation contract' },
    CL: { fr: 'Par candidature individuelle', en: 'By individual application' },
    VAE: { fr: 'Par expérience (VAE)', en: 'Through experience (VAE)' },
};

export interface AccessRoute {
    route: AccessRouteCode;
    /** ACTIF */
    open?: boolean;
    /** COMPOSITION: the jury. */
    jury?: string;
    /** DATE_DERNIERE_MODIFICATION */
    lastModified?: string;
}

export interface FicheBloc {
    /** CODE: `RNCP36490BC01` */
    code: string;
    /** LIBELLE */
    title: string;
    /** LISTE_COMPETENCES: one unstructured text (see `splitCompetencies`). */
    competencies?: string;
    /** MODALITES_EVALUATION: one unstructured text (see `splitModalities`). */
    modalities?: string;
}

/** A correspondence between blocs of this fiche and another fiche (or its blocs). */
export interface Correspondence {
    /** SOURCE/BLOC_COMPETENCES/CODE: blocs of this fiche; empty for the whole certification. */
    source: string[];
    /** DESTINATION/NUMERO_FICHE */
    fiche?: string;
    /** DESTINATION/BLOC_COMPETENCES/CODE: empty for the whole certification. */
    destination: string[];
}

export interface PromotionStatistics {
    /** ANNEE */
    year?: string;
    /** NOMBRE_CERTIFIES */
    certified?: string;
    /** NOMBRE_CERTIFIES_VAE */
    certifiedByVae?: string;
    /** TAUX_INSERTION_GLOBAL_6MOIS (%) */
    employmentRate6Months?: string;
    /** TAUX_INSERTION_METIER_2ANS (%) */
    jobRate2Years?: string;
}

export type PublicationKind = 'general' | 'creation' | 'other';

export interface Publication {
    /** PUBLICATION_DECRET_GENERAL → general, _CREATION → creation, _AUTRE → other */
    kind: PublicationKind;
    /** TITRE */
    title: string;
    /** DATE_PUBLICATION_JO */
    date?: string;
}

export interface OtherElement {
    /** Path from the fiche: `NOUVEL_ELEMENT/SOUS_ELEMENT`. */
    path: string;
    text: string;
}

export interface SourcePosition {
    line: number;
    column: number;
}

/** `JJ/MM/AAAA` → `AAAA-MM-JJ`; anything else → undefined. */
export function isoDate(date: string | undefined): string | undefined {
    const m = date?.trim().match(/^(\d{2})\/(\d{2})\/(\d{4})$/);
    return m ? `${m[3]}-${m[2]}-${m[1]}` : undefined;
}
