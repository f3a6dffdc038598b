import { counted, noun, t, type Bilingual } from 'certiref-language';

/** What the CLI's reports and messages say, in French and English (usage errors say both at once). */
export const TEXTS = {
    tooManyWarnings: (count: number, maximum: number) => t(
        `certiref : trop d'avertissements (${count}, maximum ${maximum}).`,
        `certiref: too many warnings (${count}, maximum ${maximum}).`,
    ),
    exportSyntaxErrors: (count: number) => t(
        `certiref : ${count} erreur(s) de syntaxe, l'export peut être incomplet (voir certiref check).`,
        `certiref: ${count} syntax error(s), the export may be incomplete (see certiref check).`,
    ),
    notFormatted: t('erreur de syntaxe, fichier non formaté (voir certiref check)', 'syntax error, file not formatted (see certiref check)'),
    formatted: t('formaté', 'formatted'),
    notCanonical: t('pas au format canonique', 'not in the canonical layout'),
    allCanonical: (files: number) => t(`✔ ${files} fichier(s) au format canonique.`, `✔ ${files} file(s) in the canonical layout.`),
    reading: t('lecture', 'reading'),
    checking: t('vérification', 'checking'),
    files: t('fichiers', 'files'),
    total: t('total', 'total'),
    /** The stylish report's last line. */
    summary: (total: number, errors: number, warnings: number, infos: number, files: number) => t(
        `✖ ${counted(total, NOUNS.finding, 'fr')} (${counted(errors, NOUNS.error, 'fr')}, ${counted(warnings, NOUNS.warning, 'fr')}, ${counted(infos, NOUNS.info, 'fr')}) dans ${counted(files, NOUNS.file, 'fr')}`,
        `✖ ${counted(total, NOUNS.finding, 'en')} (${counted(errors, NOUNS.error, 'en')}, ${counted(warnings, NOUNS.warning, 'en')}, ${counted(infos, NOUNS.info, 'en')}) in ${counted(files, NOUNS.file, 'en')}`,
    ),
    noFinding: (files: number) => t(`✔ Aucun constat dans ${counted(files, NOUNS.file, 'fr')}.`, `✔ No problems in ${counted(files, NOUNS.file, 'en')}.`),
    githubTitle: t('## certiref : vérification des référentiels', '## certiref: référentiel check'),
    githubClean: (files: number) => t(`✅ Aucun constat dans ${files} fichier(s).`, `✅ No problems in ${files} file(s).`),
    githubCounts: (mark: string, errors: number, warnings: number, infos: number, files: number) => t(
        `${mark} **${errors}** erreur(s), **${warnings}** avertissement(s), **${infos}** info(s) dans ${files} fichier(s).`,
        `${mark} **${errors}** error(s), **${warnings}** warning(s), **${infos}** info(s) in ${files} file(s).`,
    ),
    githubHeader: t('| fichier | ligne | sévérité | règle | message |', '| file | line | severity | rule | message |'),
} satisfies Record<string, Bilingual | ((...args: never[]) => Bilingual)>;

const NOUNS = {
    finding: noun('constat', 'constats', 'problem', 'problems'),
    error: noun('erreur', 'erreurs', 'error', 'errors'),
    warning: noun('avertissement', 'avertissements', 'warning', 'warnings'),
    info: noun('info', 'infos', 'info', 'info'),
    file: noun('fichier', 'fichiers', 'file', 'files'),
};
