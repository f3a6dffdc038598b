import type { Range } from 'vscode-languageserver-types';
import { t } from '../i18n.js';
import { replace } from './fix.js';
import type { RuleMeta } from './rule.js';

/** A `certiref-ignore` comment that suppresses nothing (checked with the suppressions, validation/suppressions.ts). */
export const unusedSuppression: RuleMeta = {
    id: 'unused-suppression',
    defaultSeverity: 'warning',
    title: t("Un commentaire « certiref-ignore » n'ignore rien", 'A `certiref-ignore` comment suppresses nothing'),
    help: t(
        "Le constat visé n'existe plus sur la ligne suivante (ou la règle est inconnue) : supprimez le commentaire.",
        'The finding it targets no longer occurs on the next line (or the rule is unknown): remove the comment.',
    ),
    /** Removes the comment: its whole line when nothing else stands on it. */
    fix({ finding, edits }) {
        const { line, character } = finding.range.start;
        const text = edits.text({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
        const range: Range = text.slice(0, character).trim() === ''
            ? { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }
            : { start: { line, character }, end: finding.range.end };
        return [{ title: t('Supprimer ce commentaire', 'Remove this comment'), edits: replace(finding.uri, range, '') }];
    },
};

export const unusedSuppressionMessages = {
    unknownRule: (unknown: string[]) => t(
        `Règle inconnue dans ce commentaire : ${unknown.join(', ')}. Vérifiez l'identifiant de la règle (voir le README).`,
        `Unknown rule in this comment: ${unknown.join(', ')}. Check the rule id (see the README).`,
    ),
    suppressesNothing: (rules: string[], line: number) => t(
        `Ce commentaire n'ignore rien : aucun constat ${rules.join(', ')} sur la ligne ${line}. Supprimez-le.`,
        `This comment suppresses nothing: no ${rules.join(', ')} finding on line ${line}. Remove it.`,
    ),
};
