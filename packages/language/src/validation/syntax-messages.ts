import { t, type Bilingual } from '../rules/rule.js';

const TOKEN_FR: Record<string, string> = { TEXT: 'un texte entre guillemets', UNCLOSED_TEXT: 'un texte entre guillemets', ID: 'un identifiant (par ex. C1)' };
const TOKEN_EN: Record<string, string> = { TEXT: 'a quoted text', UNCLOSED_TEXT: 'a quoted text', ID: 'an id (e.g. C1)' };

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
export function syntaxMessage(original: string, found: string): Bilingual {
    const shown = visible(found);
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
        return t(
            `Caractère inattendu « ${shown} ». Les textes s'écrivent entre guillemets "…", les identifiants en lettres, chiffres, « . », « - » et « _ ».`,
            `Unexpected character "${shown}". Texts are written between quotes "…", ids with letters, digits, ".", "-" and "_".`,
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
