import { t } from '../i18n.js';
import type { RuleMeta } from './rule.js';

/** A `certiref-ignore` comment that names no rule or gives no reason (checked with the suppressions, validation/suppressions.ts). */
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

export const suppressionWithoutReasonMessages = {
    noRule: () => t(
        'Ce commentaire ne nomme aucune règle. Écrivez : // certiref-ignore règle -- raison.',
        'This comment names no rule. Write: // certiref-ignore rule -- reason.',
    ),
    noReason: (rules: string[]) => t(
        `Ce commentaire ignore ${rules.join(', ')} sans donner de raison. Écrivez-la après « -- » : // certiref-ignore règle -- raison.`,
        `This comment suppresses ${rules.join(', ')} without a reason. Write it after "--": // certiref-ignore rule -- reason.`,
    ),
};
