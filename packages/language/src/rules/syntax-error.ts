import { t, type Bilingual } from '../i18n.js';
import type { RuleMeta } from './rule.js';

/**
 * The text does not follow the grammar. Reported by the document validator, not on the model:
 * the parser's and lexer's errors in plain words (validation/syntax-messages.ts), a text left
 * open, a file that cannot be read.
 */
export const syntaxError: RuleMeta = {
    id: 'syntax-error',
    defaultSeverity: 'error',
    configurable: false,
    title: t('Le texte ne suit pas la syntaxe des référentiels', 'The text does not follow the référentiel syntax'),
    help: t(
        "Le fichier ne peut pas être lu tel qu'il est écrit (mot-clé attendu, texte non terminé …). Corrigez à l'endroit indiqué ; les autres vérifications continuent sur ce qui a pu être lu, sauf celles qui signalent un manque, suspendues jusqu'à la correction (voir checks-paused).",
        'The file cannot be read as written (keyword expected, unterminated text …). Fix it where shown; the other checks go on with what could be read, except those that report something missing, paused until the fix (see checks-paused).',
    ),
};

export const syntaxErrorMessages = {
    /** A workspace file the server could not read (binary, not UTF-8, unreadable …). */
    unreadable: (line: number, column: number, why: Bilingual) => t(
        `Ce fichier ne peut pas être lu (ligne ${line}, colonne ${column}) : ${why.fr}.`,
        `This file cannot be read (line ${line}, column ${column}): ${why.en}.`,
    ),
    /** An open document too large to check, not parsed (parser/size.ts). */
    tooLarge: (why: Bilingual) => t(
        `Ce fichier ne peut pas être vérifié : ${why.fr}.`,
        `This file cannot be checked: ${why.en}.`,
    ),
    /** A text whose closing quote is missing swallowed a line that starts an element. */
    swallowed: (line: string) => t(
        `Texte non terminé : ce texte englobe la ligne « ${line} » ; il lui manque sans doute son guillemet fermant.`,
        `Unterminated text: this text swallows the line "${line}"; it probably lacks its closing quote.`,
    ),
};
