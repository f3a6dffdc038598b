import { t, type Bilingual } from 'certiref-language/i18n';

export { languageOfLocale, type Language } from 'certiref-language/i18n';

/** What the extension itself says (titles, pickers, the tree, the status bar), in French and English. */
export const TEXTS = {
    previewTitle: (name: string) => t(`Aperçu ${name}`, `Preview ${name}`),
    checklistTitle: (name: string) => t(`Liste de contrôle ${name}`, `Checklist ${name}`),
    exportPlaceholder: t("Format d'export", 'Export format'),
    exportPlaceholderWeb: t(
        "Format d'export (Word et Excel : VS Code sur l'ordinateur, ou certiref export --format docx|xlsx)",
        'Export format (Word and Excel: desktop VS Code, or certiref export --format docx|xlsx)',
    ),
    exported: (name: string) => t(`Exporté : ${name}`, `Exported: ${name}`),
    status: (competencies: number) => t(`${competencies} compétences`, `${competencies} competencies`),
    statusTooltip: (criteria: number, uncovered: number) => t(
        `${criteria} critères · ${uncovered} compétence(s) sans critère ou sans évaluation`,
        `${criteria} criteria · ${uncovered} competenc(ies) without criterion or evaluation`,
    ),
    statusPaused: t('vérifications suspendues', 'checks paused'),
    statusPausedTooltip: (names: string) => t(
        `Vérifications de complétude suspendues : ${names} contient une erreur de syntaxe ; ce qui manque n'est pas signalé tant qu'elle n'est pas corrigée.`,
        `Completeness checks paused: ${names} has a syntax error; what is missing is not reported until it is fixed.`,
    ),
    covered: t('couverte', 'covered'),
    notCovered: t('non couverte', 'not covered'),
    compareGit: t('$(git-commit) Une révision git…', '$(git-commit) A git revision…'),
    compareGitDescription: t('HEAD, une branche, une étiquette', 'HEAD, a branch, a tag'),
    comparePath: t('$(file) Un fichier ou un dossier…', '$(file) A file or folder…'),
    comparePathDescription: t('une autre version du référentiel', 'another version of the référentiel'),
    comparePlaceholder: t('Comparer le référentiel avec…', 'Compare the référentiel with…'),
    compareButton: t('Comparer', 'Compare'),
    referentials: t('Référentiels', 'Référentiels'),
    compareFailed: (message: string) => t(`certiref : comparaison impossible : ${message}`, `certiref: cannot compare: ${message}`),
    compareTitle: (what: string) => t(`Changements depuis ${what}`, `Changes since ${what}`),
    copiedMarkdown: t('Rapport copié en Markdown.', 'Report copied as Markdown.'),
    copyMarkdown: t('Copier en Markdown', 'Copy as Markdown'),
    anotherRevision: t('Autre révision…', 'Another revision…'),
    revisionPlaceholder: t('Révision à comparer', 'Revision to compare with'),
    revisionPrompt: t('Révision git (HEAD~3, main, un commit…)', 'Git revision (HEAD~3, main, a commit…)'),
} satisfies Record<string, Bilingual | ((...args: never[]) => Bilingual)>;
