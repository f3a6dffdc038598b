import { t } from '../i18n.js';
import type { CertificationModel } from '../model/types.js';
import { type Bilingual, type ModelRule } from './rule.js';

/** RNCP34826, or 34826 as some write it. */
export const RNCP_NUMBER = /^(?:RNCP)?(\d{3,6})$/i;
/** A bloc's code in the registry: RNCP34826BC04. */
export const BLOC_CODE = /^RNCP(\d{3,6})BC(\d{2})$/i;

/** The fields France Compétences' fiche needs, read from the model (one place to adapt when the model grows). */
export interface CertificationField {
    field: 'level' | 'certifier' | 'rncp' | 'version-or-date';
    label: Bilingual;
    /** Written, and well-formed. */
    present: boolean;
    /** Not required (yet): the RNCP number of a certification not registered. */
    applies: boolean;
    /** What is wrong with what is written, when it is written but not well-formed. */
    problem?: Bilingual;
}

/** Whether a certification shows it is registered: an RNCP number, or blocs coded RNCPnnnnnBCnn. */
export function registered(cert: CertificationModel): boolean {
    return cert.rncp !== undefined || cert.blocs.some((b) => BLOC_CODE.test(b.id));
}

export function certificationFields(cert: CertificationModel): CertificationField[] {
    const level = cert.level?.trim();
    const levelOk = level !== undefined && /^[1-8]$/.test(level);
    const rncp = cert.rncp?.trim();
    return [
        {
            field: 'level', label: t('niveau', 'level'), present: levelOk, applies: true,
            problem: level !== undefined && !levelOk ? t(
                `le niveau « ${level} » n'est pas un niveau du cadre national des certifications (1 à 8 ; l'ancien niveau III est le niveau 5, l'ancien II le 6, l'ancien I le 7)`,
                `level "${level}" is not a level of the national qualifications framework (1 to 8; the former level III is 5, II is 6, I is 7)`,
            ) : undefined,
        },
        { field: 'certifier', label: t('certificateur', 'certifier'), present: (cert.certifier ?? '').trim().length > 0, applies: true },
        {
            field: 'rncp', label: t('numéro RNCP', 'RNCP number'), present: rncp !== undefined && RNCP_NUMBER.test(rncp), applies: registered(cert),
            problem: rncp !== undefined && !RNCP_NUMBER.test(rncp) ? t(
                `le numéro « ${rncp} » n'a pas la forme d'un numéro RNCP (RNCP suivi de chiffres : RNCP34826)`,
                `"${rncp}" is not in the form of an RNCP number (RNCP then digits: RNCP34826)`,
            ) : undefined,
        },
        {
            field: 'version-or-date', label: t('version ou date', 'version or date'),
            present: (cert.version ?? '').trim().length > 0 || (cert.date ?? '').trim().length > 0, applies: true,
        },
    ];
}

const MISSING: Record<CertificationField['field'], Bilingual> = {
    level: t("n'a pas de niveau", 'has no level'),
    certifier: t("n'a pas de certificateur", 'has no certifier'),
    rncp: t("n'a pas de numéro RNCP", 'has no RNCP number'),
    'version-or-date': t("n'a ni version ni date", 'has neither a version nor a date'),
};

const HOW: Record<CertificationField['field'], Bilingual> = {
    level: t('Ajoutez « niveau 6 » (ou le niveau visé, de 1 à 8) à son en-tête.', 'Add "level 6" (or the level sought, 1 to 8) to its header.'),
    certifier: t('Ajoutez « certificateur "…" » (l\'organisme qui délivre la certification) à son en-tête.', 'Add `certifier "…"` (the body that awards the certification) to its header.'),
    rncp: t('Ajoutez « rncp RNCP… » à son en-tête : ses blocs portent déjà des codes RNCP.', 'Add `rncp RNCP…` to its header: its blocs already carry RNCP codes.'),
    'version-or-date': t('Ajoutez « version "…" » ou « date "…" » à son en-tête, pour que le jury et France Compétences sachent quel texte ils lisent.', 'Add `version "…"` or `date "…"` to its header, so that the jury and France Compétences know which text they read.'),
};

export const missingCertificationField: ModelRule = {
    id: 'missing-certification-field',
    defaultSeverity: 'warning',
    title: t("Il manque un champ à l'en-tête de la certification", 'A field of the certification header is missing'),
    help: t(
        "La fiche RNCP demande le niveau (cadre national des certifications, 1 à 8), le certificateur, et une version ou une date du référentiel ; une fois la certification enregistrée (ses blocs ont des codes RNCP…BC…), son numéro RNCP. Un champ écrit mais mal formé (« niveau III », « rncp 12ab ») est signalé aussi.",
        'The RNCP fiche needs the level (national qualifications framework, 1 to 8), the certifier, and a version or a date of the référentiel; once the certification is registered (its blocs have RNCP…BC… codes), its RNCP number. A field written but ill-formed ("niveau III", "rncp 12ab") is reported too.',
    ),
    check(cert, report) {
        if (!cert.declared) return;
        for (const f of certificationFields(cert)) {
            if (f.problem) {
                report(cert.source, t(`Certification ${cert.id} : ${f.problem.fr}. Corrigez-le.`, `Certification ${cert.id}: ${f.problem.en}. Fix it.`), { field: f.field });
            } else if (f.applies && !f.present) {
                report(cert.source, t(
                    `La certification ${cert.id} ${MISSING[f.field].fr}. ${HOW[f.field].fr}`,
                    `Certification ${cert.id} ${MISSING[f.field].en}. ${HOW[f.field].en}`,
                ), { field: f.field });
            }
        }
    },
};
