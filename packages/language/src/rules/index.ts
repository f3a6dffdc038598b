import type { ModelRule, RuleMeta } from './rule.js';
import { activityWithoutCompetency } from './activity-without-competency.js';
import { blocSingleCompetency } from './bloc-single-competency.js';
import { blocWithoutEvaluation } from './bloc-without-evaluation.js';
import { competencyInSeveralBlocs } from './competency-in-several-blocs.js';
import { competencyNotEvaluated } from './competency-not-evaluated.js';
import { competencyWithoutCriterion } from './competency-without-criterion.js';
import { criterionIdMismatch } from './criterion-id-mismatch.js';
import { criterionOutsideEvaluation } from './criterion-outside-evaluation.js';
import { criterionWithoutCompetency } from './criterion-without-competency.js';
import { duplicateId } from './duplicate-id.js';
import { evaluatesOutsideBloc } from './evaluates-outside-bloc.js';
import { idPattern } from './id-pattern.js';
import { invalidConfig } from './invalid-config.js';
import { invalidConvention } from './invalid-convention.js';
import { checksPaused } from './checks-paused.js';
import { missingAccessibilityProvision } from './missing-accessibility-provision.js';
import { reviewNote } from './review-note.js';
import { suppressionWithoutReason } from './suppression-without-reason.js';
import { syntaxError } from './syntax-error.js';
import { unresolvedReference } from './unresolved-reference.js';
import { unusedSuppression } from './unused-suppression.js';
import { REGISTRY_RULES } from './similar-text.js';
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
export { REGISTRY_RULES, REGISTRY_RULE_IDS, similarText, similarOwnVersion } from './similar-text.js';
export { syntaxError, syntaxErrorMessages } from './syntax-error.js';
export { suppressionWithoutReason, suppressionWithoutReasonMessages } from './suppression-without-reason.js';
export { unusedSuppression, unusedSuppressionMessages } from './unused-suppression.js';
export { invalidConfig, invalidConfigMessages } from './invalid-config.js';
export { DEFAULT_THEMES, themeStatus, hasAccessibilityProvision, type ThemeStatus } from './required-themes.js';
export { DEFAULT_LIMITS, measuredTexts, blocCompetenciesText, blocEvaluationText, registryBlocs, type MeasuredText } from './text-too-long.js';
export { certificationFields, registered, BLOC_CODE, RNCP_NUMBER, type CertificationField } from './missing-certification-field.js';
export { blocCode, expectedBlocCode } from './bloc-code-pattern.js';
export { reviewNote, reviewNoteFindings, reviewNoteLines, keptTextLines, reviewComments, type ReviewComment } from './review-note.js';

/**
 * The rules that check a certification's model, in the order they are documented (the README's
 * rules section is generated from this list: `npm run docs`). A new rule: its file, here, an
 * example in examples/rules/, its tests in test/language/rules/ (see ARCHITECTURE.md).
 */
// each rule's data is of its own type: the lists hold them all
export const MODEL_RULES: readonly ModelRule<any>[] = [
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
    checksPaused,
];

/** Every rule users can see and set: the model's, and those checked outside the model (the text itself, the review notes, the suppressions, certiref.json). */
export const ALL_RULES: readonly RuleMeta<any>[] = [syntaxError, ...MODEL_RULES, ...REGISTRY_RULES, reviewNote, suppressionWithoutReason, unusedSuppression, invalidConfig];

/** The rules `certiref check` runs: all but those that need the registry's export (`certiref similar`). */
export const CHECK_RULES: readonly RuleMeta<any>[] = ALL_RULES.filter((r) => !r.needsRegistry);

export const RULES_BY_ID: ReadonlyMap<string, RuleMeta<any>> = new Map(ALL_RULES.map((r) => [r.id, r]));
