import { t, type Bilingual } from '../rules/rule.js';

const TOKEN_FR: Record<string, string> = { TEXT: 'un texte entre guillemets', ID: 'un identifiant' };
const TOKEN_EN: Record<string, string> = { TEXT: 'a quoted text', ID: 'an id' };

/** A syntax error in words a référentiel author reads, in French and English. */
export function syntaxMessage(original: string, found: string): Bilingual {
    const shown = found.length > 40 ? found.slice(0, 40) + '…' : found;
    if (/unexpected character/i.test(original)) {
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
    if (found.startsWith('"') || /but found[^"]*`"/.test(original)) {
        return t(
            'Texte non terminé : ce guillemet " ouvre un texte qui n\'est jamais fermé. Ajoutez le guillemet fermant (ou écrivez \\" pour un guillemet dans le texte).',
            'Unterminated text: this " opens a text that is never closed. Add the closing quote (or write \\" for a quote inside the text).',
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
        return t(`Il faut ici ${fr} ; trouvé « ${expecting[2]} ».`, `Expected ${en} here; found "${expecting[2]}".`);
    }
    const oneOf = /Expecting: one of these possible Token sequences:([\s\S]*?)but found: '([^']*)'/.exec(original);
    if (oneOf) {
        const options = [...oneOf[1].matchAll(/\[([^\]]+)\]/g)].map((m) => m[1].replace(/'/g, '').replace(/,\s*/g, ' ')).slice(0, 6);
        const words = options.map((o) => o.replace(/\bTEXT\b/, '"…"').replace(/\bID\b/, 'id')).join(', ');
        return t(`Attendu ici : ${words} ; trouvé « ${oneOf[2]} ».`, `Expected here: ${words}; found "${oneOf[2]}".`);
    }
    return t(`Erreur de syntaxe : ${original}`, `Syntax error: ${original}`);
}
