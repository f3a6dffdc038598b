import { t, type ModelRule, type RuleMeta } from './rule.js';
import { duplicateId } from './duplicate-id.js';
import { unresolvedReference } from './unresolved-reference.js';
import { idPattern } from './id-pattern.js';
import { invalidConvention } from './invalid-convention.js';
import {
    activityWithoutCompetency, blocSingleCompetency, blocWithoutEvaluation, competencyInSeveralBlocs,
    competencyNotEvaluated, competencyWithoutCriterion, criterionIdMismatch, criterionOutsideEvaluation,
    criterionWithoutCompetency, evaluatesOutsideBloc, missingAccessibilityProvision,
} from './coverage.js';
import { competencyActionVerb } from './competency-action-verb.js';
import { competencyStateVerb } from './competency-state-verb.js';
import { competencyPurpose } from './competency-purpose.js';
import { vagueCriterion } from './vague-criterion.js';
import { placeholderText } from './placeholder-text.js';
import { duplicateText } from './duplicate-text.js';
import { missingCertificationField } from './missing-certification-field.js';
import { blocCodePattern } from './bloc-code-pattern.js';
import { textTooLong } from './text-too-long.js';
import { requiredThemes } from './required-themes.js';

export * from './rule.js';
export { DEFAULT_THEMES, themeStatus, hasAccessibilityProvision, type ThemeStatus } from './required-themes.js';
export { DEFAULT_LIMITS, measuredTexts, blocCompetenciesText, blocEvaluationText, registryBlocs, type MeasuredText } from './text-too-long.js';
export { certificationFields, registered, BLOC_CODE, RNCP_NUMBER, type CertificationField } from './missing-certification-field.js';
export { blocCode, expectedBlocCode } from './bloc-code-pattern.js';

/** The rules that check a certification's model, in the order they are documented. */
export const MODEL_RULES: readonly ModelRule[] = [
    unresolvedReference,
    duplicateId,
    competencyWithoutCriterion,
    competencyNotEvaluated,
    criterionWithoutCompetency,
    criterionIdMismatch,
    criterionOutsideEvaluation,
    evaluatesOutsideBloc,
    idPattern,
    activityWithoutCompetency,
    blocWithoutEvaluation,
    blocSingleCompetency,
    competencyInSeveralBlocs,
    missingAccessibilityProvision,
    invalidConvention,
    // how it is written (drafting rules)
    competencyActionVerb,
    competencyStateVerb,
    competencyPurpose,
    vagueCriterion,
    placeholderText,
    duplicateText,
    // what the France Compétences dossier needs
    missingCertificationField,
    blocCodePattern,
    textTooLong,
    requiredThemes,
];

/** The drafting rules, and the rules of the dossier checklist (for the checklist view). */
export const DRAFTING_RULES: readonly string[] = ['competency-action-verb', 'competency-state-verb', 'competency-purpose', 'vague-criterion', 'placeholder-text', 'duplicate-text'];
export const DOSSIER_RULES: readonly string[] = ['missing-certification-field', 'bloc-code-pattern', 'text-too-long', 'required-themes', 'missing-accessibility-provision'];

/** Rules checked outside the model: the text itself, and the suppression comments. */
export const syntaxError: RuleMeta = {
    id: 'syntax-error',
    defaultSeverity: 'error',
    configurable: false,
    title: t('Le texte ne suit pas la syntaxe des référentiels', 'The text does not follow the référentiel syntax'),
    help: t(
        "Le fichier ne peut pas être lu tel qu'il est écrit (mot-clé attendu, texte non terminé …). Corrigez à l'endroit indiqué ; les autres vérifications continuent sur ce qui a pu être lu.",
        'The file cannot be read as written (keyword expected, unterminated text …). Fix it where shown; the other checks go on with what could be read.',
    ),
};

export const suppressionWithoutReason: RuleMeta = {
    id: 'suppression-without-reason',
    defaultSeverity: 'error',
    configurable: false,
    title: t('Un constat est ignoré sans raison', 'A finding is suppressed without a reason'),
    help: t(
        'Ignorer un constat demande de nommer la règle et d\'écrire une raison : « // certiref-ignore règle -- raison ».',
        'Suppressing a finding needs the rule and a stated reason: `// certiref-ignore rule -- reason`.',
    ),
};

export const unusedSuppression: RuleMeta = {
    id: 'unused-suppression',
    defaultSeverity: 'warning',
    title: t("Un commentaire « certiref-ignore » n'ignore rien", 'A `certiref-ignore` comment suppresses nothing'),
    help: t(
        "Le constat visé n'existe plus sur la ligne suivante (ou la règle est inconnue) : supprimez le commentaire.",
        'The finding it targets no longer occurs on the next line (or the rule is unknown): remove the comment.',
    ),
};

export const invalidConfig: RuleMeta = {
    id: 'invalid-config',
    defaultSeverity: 'error',
    configurable: false,
    title: t('Le fichier certiref.json contient une erreur', 'The certiref.json file has an error'),
    help: t(
        "Une clé, une règle ou une sévérité de certiref.json n'est pas reconnue : le réglage est ignoré. La CLI s'arrête (code 2) ; l'éditeur le signale sur chaque fichier concerné.",
        'A key, rule or severity of certiref.json is not recognised: the setting is ignored. The CLI stops (exit 2); the editor shows it on each file it applies to.',
    ),
};

export const ALL_RULES: readonly RuleMeta[] = [syntaxError, ...MODEL_RULES, suppressionWithoutReason, unusedSuppression, invalidConfig];

export const RULES_BY_ID: ReadonlyMap<string, RuleMeta> = new Map(ALL_RULES.map((r) => [r.id, r]));
