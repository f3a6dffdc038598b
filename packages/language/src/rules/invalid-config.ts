import type { ConfigProblem } from '../config/config.js';
import { t } from '../i18n.js';
import type { RuleMeta } from './rule.js';

/** A problem of certiref.json: `check` reports it at its place, the editor on each file it applies to. */
export const invalidConfig: RuleMeta = {
    id: 'invalid-config',
    defaultSeverity: 'error',
    configurable: false,
    title: t('Le fichier certiref.json contient une erreur', 'The certiref.json file has an error'),
    help: t(
        "Une clé, une règle ou une sévérité de certiref.json n'est pas reconnue : ce réglage est ignoré (sa valeur par défaut s'applique), les autres s'appliquent. « certiref check » le signale à sa place dans certiref.json et vérifie tout le reste ; l'éditeur le signale sur chaque fichier concerné ; export, stats et diff s'arrêtent (code 2).",
        'A key, rule or severity of certiref.json is not recognised: that setting is ignored (its default applies), the others apply. `certiref check` reports it at its place in certiref.json and checks everything else; the editor shows it on each file it applies to; export, stats and diff stop (exit 2).',
    ),
};

export const invalidConfigMessages = {
    /** What is wrong, and that the setting keeps its default (the editor and the CLI say it alike). */
    setting: (problem: ConfigProblem) => t(
        `${problem.message}. Ce réglage est ignoré : sa valeur par défaut s'applique.`,
        `${problem.message}. This setting is ignored: its default applies.`,
    ),
    /** The same, on a document the file applies to: where the problem stands. */
    problem: (problem: ConfigProblem) => {
        const message = invalidConfigMessages.setting(problem);
        return t(`${problem.file}:${problem.line}:${problem.column} : ${message.fr}`, `${problem.file}:${problem.line}:${problem.column}: ${message.en}`);
    },
};
