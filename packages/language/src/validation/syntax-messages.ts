import { AstUtils, GrammarAST } from 'langium';
import { CertirefGrammar } from '../generated/grammar.js';
import { distance } from '../rules/unresolved-reference.js';
import { unusualCharacters } from '../util/characters.js';
import { t, type Bilingual } from '../i18n.js';

const TOKEN_FR: Record<string, string> = { TEXT: 'un texte entre guillemets', UNCLOSED_TEXT: 'un texte entre guillemets', ID: 'un identifiant (par ex. C1)' };
const TOKEN_EN: Record<string, string> = { TEXT: 'a quoted text', UNCLOSED_TEXT: 'a quoted text', ID: 'an id (e.g. C1)' };

/** What the validator knows around a syntax error. */
export interface SyntaxContext {
    /** The unexpected token follows a closing quote with no space between them (`"dit "oui" …"`). */
    afterQuote?: boolean;
}

/**
 * Found text as a message shows it: at most 40 characters (never half of one), and the
 * characters one cannot see (controls, NUL, direction marks, BOM) written U+XXXX.
 */
function visible(found: string): string {
    const chars = Array.from(found);
    const cut = chars.length > 40 ? chars.slice(0, 40).join('') + '…' : found;
    return cut.replace(/[\u0000-\u001F\u007F-\u009F\u200B-\u200F\u2028-\u202E\u2060-\u2069\uFEFF]/g, (c) => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}

/** A syntax error in words a référentiel author reads, in French and English. */
export function syntaxMessage(original: string, found: string, context: SyntaxContext = {}): Bilingual {
    const shown = visible(found);
    if (context.afterQuote && found.length > 0 && !found.startsWith('"') && !/unexpected character/i.test(original)) {
        // `"Le candidat dit "bonjour" au client."`: the inner quote closed the text
        return t(
            `Le guillemet droit " juste avant « ${shown} » ferme le texte. Pour citer à l'intérieur d'un texte, écrivez « … » (guillemets français) ou \\"…\\".`,
            `The straight quote " just before "${shown}" ends the text. To quote inside a text, write « … » (French quotes) or \\"…\\".`,
        );
    }
    if (/unexpected character/i.test(original)) {
        if (found.startsWith('\uFFFD')) {
            return t(
                'Caractère « \uFFFD » : un octet que l\'éditeur n\'a pas pu lire. Le fichier n\'est sans doute pas en UTF-8 : enregistrez-le en UTF-8.',
                'Character "\uFFFD": a byte the editor could not read. The file is probably not UTF-8: save it as UTF-8.',
            );
        }
        if (found.startsWith('*/')) {
            return t(
                '« */ » ferme un commentaire qui n\'est pas ouvert : les commentaires /* … */ ne s\'imbriquent pas, le premier « */ » les ferme.',
                '"*/" closes a comment that is not open: /* … */ comments do not nest, the first "*/" closes them.',
            );
        }
        if (shown.startsWith('"')) {
            return t(
                'Texte non terminé : ce guillemet " ouvre un texte qui n\'est jamais fermé. Ajoutez le guillemet fermant (ou écrivez \\" pour un guillemet dans le texte).',
                'Unterminated text: this " opens a text that is never closed. Add the closing quote (or write \\" for a quote inside the text).',
            );
        }
        // a character that looks like another (Cyrillic С), or shows nothing (a combining accent): its code point
        const unusual = unusualCharacters(Array.from(found).slice(0, 40).join(''));
        return t(
            `Caractère inattendu « ${shown} »${unusual ? ` (${unusual})` : ''}. Les textes s'écrivent entre guillemets "…", les identifiants en lettres, chiffres, « . », « - » et « _ ».`,
            `Unexpected character "${shown}"${unusual ? ` (${unusual})` : ''}. Texts are written between quotes "…", ids with letters, digits, ".", "-" and "_".`,
        );
    }
    if (original === 'unclosed text') {
        return t(
            'Texte non terminé : ce guillemet " ouvre un texte qui n\'est jamais fermé. Ajoutez le guillemet fermant (ou écrivez \\" pour un guillemet dans le texte).',
            'Unterminated text: this " opens a text that is never closed. Add the closing quote (or write \\" for a quote inside the text).',
        );
    }
    if (/but found: ''|found `'?`?\.?$|found ``/.test(original) || (/^Expecting: one of these possible Token sequences/.test(original) && /\[certification\]/.test(original) && found === '')) {
        return t(
            'Le fichier est vide : il commence par « certification ID "titre" » (fichier principal) ou « partie de ID » (autre fichier de la certification).',
            'The file is empty: it starts with certification ID "title" (main file) or partie de ID / part of ID (another file of the certification).',
        );
    }
    const redundant = /Redundant input, expecting EOF but found: (.*)/.exec(original)
        ?? /Expecting token of type 'EOF' but found `([^`]*)`/.exec(original);
    if (redundant) {
        // where an element (bloc, activité, critère …) may start: a word near a keyword is a typo
        const keyword = closestKeyword(redundant[1]);
        if (keyword) {
            return t(
                `« ${redundant[1]} » n'est pas un mot-clé. Vouliez-vous dire « ${keyword} » ?`,
                `"${redundant[1]}" is not a keyword. Did you mean "${keyword}"?`,
            );
        }
        const hint = outOfPlaceHint(redundant[1]);
        if (hint) return hint;
        return t(
            `« ${redundant[1]} » est inattendu ici : chaque élément commence par un mot-clé (bloc, activité, compétence, modalité, partie, critère …) à sa place.`,
            `"${redundant[1]}" is not expected here: each element starts with a keyword (bloc, activity, competency, modality, part, criterion …) in its place.`,
        );
    }
    const expecting = /Expecting token of type '([^']+)' but found `([^`]*)`/.exec(original);
    if (expecting) {
        const what = expecting[1];
        const fr = TOKEN_FR[what] ?? `« ${what.toLowerCase()} »`;
        const en = TOKEN_EN[what] ?? `"${what.toLowerCase()}"`;
        const shownFound = expecting[2].length > 40 ? expecting[2].slice(0, 40) + '…' : expecting[2];
        return t(`Il faut ici ${fr} ; trouvé « ${shownFound} ».`, `Expected ${en} here; found "${shownFound}".`);
    }
    const oneOf = /Expecting: one of these possible Token sequences:([\s\S]*?)but found: '([^']*)'/.exec(original);
    if (oneOf) {
        const options = [...oneOf[1].matchAll(/\[([^\]]+)\]/g)].map((m) => m[1].replace(/'/g, '').replace(/,\s*/g, ' ')).slice(0, 6);
        const found = oneOf[2].startsWith('"') ? oneOf[2] : `« ${oneOf[2]} »`;
        const foundEn = oneOf[2].startsWith('"') ? oneOf[2] : `"${oneOf[2]}"`;
        if (options.some((o) => /^ID$/.test(o))) {
            return t(`Il faut ici un identifiant (par ex. C1) ; trouvé ${found}.`, `Expected an id (e.g. C1) here; found ${foundEn}.`);
        }
        const words = [...new Set(options.map((o) => o.replace(/\bUNCLOSED_TEXT\b/, '"…"').replace(/\bTEXT\b/, '"…"')))].join(', ');
        return t(`Attendu ici : ${words} ; trouvé ${found}.`, `Expected here: ${words}; found ${foundEn}.`);
    }
    return t(`Erreur de syntaxe : ${original}`, `Syntax error: ${original}`);
}

/** Lower case, without accents. */
function fold(word: string): string {
    return word.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

let keywordRules: Map<string, string[]> | undefined;

/** The keywords of the language by grammar rule (KwCompetency: `compétence`, `competence`, `competency` …), accented first. */
function keywordsByRule(): Map<string, string[]> {
    keywordRules ??= new Map(CertirefGrammar().rules
        .filter((r) => /^Kw/.test(r.name))
        .map((r) => [r.name, AstUtils.streamAst(r).filter(GrammarAST.isKeyword).map((k) => k.value).toArray()] as [string, string[]])
        .filter(([, words]) => words.length > 0));
    return keywordRules;
}

function keywords(): string[][] {
    return [...keywordsByRule().values()];
}

const MODALITY_PROPERTIES = ['KwKind', 'KwMode', 'KwDeliverables', 'KwEvaluates'];
const HEADER_FIELDS = ['KwRncp', 'KwLevel', 'KwCertifier', 'KwVersion', 'KwDate', 'KwAccessibility', 'KwSection', 'KwConvention'];

/** Where a keyword found out of place belongs, for the keywords whose place is easy to get wrong. */
function outOfPlaceHint(found: string): Bilingual | undefined {
    const lower = found.toLowerCase();
    const rule = [...keywordsByRule()].find(([, words]) => words.includes(lower))?.[0];
    if (!rule) return undefined;
    if (MODALITY_PROPERTIES.includes(rule) || rule === 'KwDescription') {
        return t(
            `« ${found} » est inattendu ici : dans une modalité ou une partie, type, individuel ou groupe, livrables, évalue et description s'écrivent avant les critères ; une description de bloc, d'option ou d'activité suit directement son titre. Placez cette ligne plus haut.`,
            `"${found}" is not expected here: in a modality or a part, kind, individual or group, deliverables, evaluates and description come before the criteria; the description of a bloc, option or activity follows its title. Move this line up.`,
        );
    }
    if (rule === 'KwJudges') {
        return t(
            `« ${found} » est inattendu ici : dans un critère, « juge … » s'écrit avant le texte : critère CR1 juge C1 "…".`,
            `"${found}" is not expected here: in a criterion, "judges …" comes before the text: criterion CR1 judges C1 "…".`,
        );
    }
    if (rule === 'KwCompetency') {
        return t(
            `« ${found} » est inattendu ici : une compétence s'écrit juste sous son activité ou sous la compétence précédente : activité A1 "…", puis compétence C1 "…".`,
            `"${found}" is not expected here: a competency is written right under its activity or the previous competency: activity A1 "…", then competency C1 "…".`,
        );
    }
    if (HEADER_FIELDS.includes(rule)) {
        return t(
            `« ${found} » est inattendu ici : niveau, certificateur, accessibilité, section, convention … s'écrivent dans l'en-tête du fichier principal, sous « certification ID "titre" » et avant le premier bloc.`,
            `"${found}" is not expected here: level, certifier, accessibility, section, convention … belong in the main file's header, under certification ID "title" and before the first bloc.`,
        );
    }
    return undefined;
}

/**
 * The keyword a misspelt word was meant to be (`competance` → `compétence`, `critére` → `critère`),
 * shown with its accents; undefined when the word is a keyword or near none.
 */
export function closestKeyword(word: string): string | undefined {
    if (word.length < 4 || !/^\p{L}+$/u.test(word)) return undefined;
    const lower = word.toLowerCase();
    const folded = fold(word);
    let best: { shown: string; d: number } | undefined;
    for (const words of keywords()) {
        if (words.includes(lower)) return undefined;
        for (const w of words) {
            if (w.length < 4) continue;
            const d = distance(folded, fold(w));
            if (d <= (folded.length >= 8 ? 2 : 1) && (!best || d < best.d)) {
                // the form written with accents, when the closest one is the same word without them
                best = { shown: words.find((x) => fold(x) === fold(w)) ?? w, d };
            }
        }
    }
    return best?.shown;
}
