import { t, type ModelRule } from './rule.js';

const ACCESSIBILITY_WORDS = /handicap|accessibilit|disabilit|accessibility|inclusi/i;

export const missingAccessibilityProvision: ModelRule = {
    id: 'missing-accessibility-provision',
    needsCompleteModel: true,
    defaultSeverity: 'warning',
    title: t('La certification ne dit rien du handicap ni de l\'accessibilité', 'The certification says nothing of disability and accessibility'),
    help: t(
        "Les référentiels prennent en compte le handicap et l'accessibilité, notamment par des modalités d'évaluation adaptées. Ajoutez « accessibilité \"…\" » à l'en-tête de la certification.",
        'Référentiels take disability and accessibility into account, including adapted evaluation modalities. Add `accessibility "…"` to the certification header.',
    ),
    check(cert, report) {
        if (!cert.declared) return;
        if (cert.accessibility.some((a) => a.trim().length > 0)) return;
        if (cert.sections.some((s) => ACCESSIBILITY_WORDS.test(s.title))) return;
        report(cert.source, t(
            `La certification ${cert.id} ne décrit pas les aménagements pour les candidats en situation de handicap. Ajoutez « accessibilité \"…\" » à son en-tête.`,
            `Certification ${cert.id} describes no provisions for candidates with disabilities. Add accessibility "…" to its header.`,
        ));
    },
};
