import type { ConfigProblem } from '../config/config.js';
import { t } from '../i18n.js';
import type { RuleMeta } from './rule.js';

/** A problem of certiref.json, shown on each file it applies to (the CLI stops on it with exit 2). */
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

export const invalidConfigMessages = {
    problem: (problem: ConfigProblem) => t(
        `${problem.file}:${problem.line}:${problem.column} : ${problem.message}. Ce réglage est ignoré.`,
        `${problem.file}:${problem.line}:${problem.column}: ${problem.message}. This setting is ignored.`,
    ),
};
