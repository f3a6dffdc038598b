import { relativeUri, t, type ModelRule } from './rule.js';

/**
 * While a file of a certification has a syntax error, the rules that report something missing
 * are paused (the rest of the file is unread, not missing): said on the certification, so
 * that silence is never taken for a clean référentiel.
 */
export const checksPaused: ModelRule = {
    id: 'checks-paused',
    defaultSeverity: 'info',
    title: t('Des vérifications attendent la correction d\'une erreur de syntaxe', 'Some checks wait for a syntax error to be fixed'),
    help: t(
        "Tant qu'un fichier de la certification contient une erreur de syntaxe, la suite de ce fichier n'est pas lue : certiref ne signale donc pas ce qui manque (compétence sans critère ou sans évaluation, bloc sans évaluation, activité sans compétence …), pour ne pas prendre du texte non lu pour un manque. Les autres vérifications continuent. Corrigez l'erreur de syntaxe : ces vérifications reprennent.",
        'While a file of the certification has a syntax error, the rest of that file is not read: certiref then does not report what is missing (competency without criterion or evaluation, bloc without evaluation, activity without competency …), so as not to take unread text for a gap. The other checks go on. Fix the syntax error: these checks resume.',
    ),
    check(cert, report) {
        if (!cert.incomplete) return;
        const files = cert.unreadDocuments.map((uri) => relativeUri(cert.source.uri, uri)).join(', ');
        report(cert.source, t(
            `Vérifications de complétude suspendues pour la certification ${cert.id} : ${files ? `${files} contient une erreur de syntaxe` : 'un fichier contient une erreur de syntaxe'}. Tant qu'elle n'est pas corrigée, ce qui manque (compétence sans critère ou sans évaluation, bloc sans évaluation …) n'est pas signalé.`,
            `Completeness checks paused for certification ${cert.id}: ${files ? `${files} has a syntax error` : 'a file has a syntax error'}. Until it is fixed, what is missing (competency without criterion or evaluation, bloc without evaluation …) is not reported.`,
        ), { files: cert.unreadDocuments });
    },
};
