import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';
import { ROOT } from '../helpers.js';

/**
 * The TextMate grammar VS Code colours .ref files with, run by VS Code's own engine
 * (vscode-textmate with the Oniguruma regular expressions of vscode-oniguruma).
 */
const GRAMMAR = path.join(ROOT, 'syntaxes/certiref.tmLanguage.json');
let grammar: textmate.IGrammar;

interface Token { text: string; scopes: string[]; line: number }

function tokenize(text: string): Token[] {
    const out: Token[] = [];
    let stack = textmate.INITIAL;
    text.split('\n').forEach((line, i) => {
        const result = grammar.tokenizeLine(line, stack);
        for (const t of result.tokens) out.push({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes, line: i });
        stack = result.ruleStack;
    });
    return out;
}

const isString = (t: Token) => t.scopes.some((s) => s.startsWith('string.'));
const isKeyword = (t: Token) => t.scopes.some((s) => s.startsWith('keyword.'));

beforeAll(async () => {
    const require = createRequire(import.meta.url);
    await oniguruma.loadWASM(fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer);
    const registry = new textmate.Registry({
        onigLib: Promise.resolve({ createOnigScanner: (p: string[]) => new oniguruma.OnigScanner(p), createOnigString: (s: string) => new oniguruma.OnigString(s) }),
        loadGrammar: async () => textmate.parseRawGrammar(fs.readFileSync(GRAMMAR, 'utf8'), GRAMMAR),
    });
    grammar = (await registry.loadGrammar('source.certiref'))!;
});

describe('the TextMate grammar (syntaxes/)', () => {
    it('colours the prose inside a text as a string, and the keywords outside it as keywords', () => {
        const source = [
            'certification DEMO "Chargé(e) de communication : type de groupe et partie"',
            'bloc 1 "Concevoir une campagne"',
            '  activité A1 "Analyse de la demande, partie du type individuel et groupe"',
            '    compétence C1 "Analyser le brief du client en identifiant les objectifs, les cibles',
            '      et les contraintes de la partie critère du groupe."',
            '  modalité E1 "Étude de cas"',
            '    type "étude de cas : la partie de groupe"',
            '    groupe',
            '    évalue C1 à C3, C4 et C5',
            '    critère CR1 juge C1 "La partie \\"type\\" de groupe et le critère"',
            '    critère CR2 """Un texte "tel quel" de la partie',
            '      type et groupe"""',
            '// un commentaire de la partie type',
            '/* partie',
            '   groupe */ partie de X',
        ].join('\n');
        const tokens = tokenize(source);
        const prose = ['de', 'et', 'partie', 'type', 'groupe', 'critère', 'individuel'];
        // every word of the prose, wherever it stands in a text (on its first line or the next), is a string
        const inTexts = tokens.filter((t) => isString(t));
        for (const word of prose) {
            expect(inTexts.some((t) => new RegExp(`(^|[^\\p{L}])${word}([^\\p{L}]|$)`, 'u').test(t.text)), word).toBe(true);
        }
        for (const t of inTexts) expect(isKeyword(t), `${t.line + 1}: ${t.text}`).toBe(false);
        const words = (line: number) => tokens.filter((t) => t.line === line && t.text.trim() !== '');
        // no keyword scope on any token of a text's lines that lies inside the text
        expect(words(3).slice(2).every(isString)).toBe(true);
        expect(words(4).every(isString)).toBe(true);
        expect(words(10).slice(2).every(isString)).toBe(true);
        expect(words(11).every(isString)).toBe(true);
        // the keywords outside the texts, and the range and list words between ids
        const keyword = (line: number, text: string) => words(line).find((t) => t.text === text);
        for (const [line, text] of [[0, 'certification'], [1, 'bloc'], [2, 'activité'], [3, 'compétence'], [5, 'modalité'], [6, 'type'], [7, 'groupe'], [8, 'évalue'], [8, 'à'], [8, 'et'], [9, 'critère'], [9, 'juge'], [14, 'partie de']] as const) {
            const t = keyword(line, text);
            expect(t, `${line + 1}: ${text}`).toBeDefined();
            expect(isKeyword(t!), `${line + 1}: ${text} ${t!.scopes.join(' ')}`).toBe(true);
        }
        // the escaped quote does not close the text; comments are comments, on one line or several
        expect(words(9).filter(isString).map((t) => t.text).join('')).toBe('"La partie \\"type\\" de groupe et le critère"');
        expect(words(12).every((t) => t.scopes.some((s) => s.startsWith('comment.')))).toBe(true);
        expect(words(13).concat(words(14).slice(0, 1)).every((t) => t.scopes.some((s) => s.startsWith('comment.')))).toBe(true);
        // an id after a keyword is not a keyword (`option A`, `partie B`)
        const option = tokenize('  option A "x"\n  partie B "y"');
        expect(option.filter((t) => t.text === 'A' || t.text === 'B').some(isKeyword)).toBe(false);
    });

    it('knows every keyword of the language grammar, in any case, accented or not', () => {
        // the grammar's keywords: its quoted words (the grammar file has no other quotes)
        const langium = fs.readFileSync(path.join(ROOT, 'packages/language/src/certiref.langium'), 'utf8').replace(/\/\/.*$/gm, '');
        const keywords = [...langium.matchAll(/'([^'\s]+)'/g)].map((m) => m[1]).filter((k) => /\p{L}/u.test(k));
        expect(keywords.length).toBeGreaterThan(50);
        for (const word of new Set(keywords)) {
            // where the language puts it: `partie de X`, `C1 à C3`, else first on its line
            const line = word === 'de' ? 'partie de X' : word === 'of' ? 'part of X' : ['à', 'a', 'to', 'et', 'and'].includes(word) ? `évalue C1 ${word} C3` : `  ${word} X "…"`;
            for (const variant of [line, line.toUpperCase(), line.replace(/(^|\s)(\p{L})/u, (_, s: string, c: string) => s + c.toUpperCase())]) {
                const found = tokenize(variant).find((t) => t.text.toLowerCase().includes(word === 'de' || word === 'of' ? `${variant.split(' ')[0].toLowerCase()} ${word}` : word.toLowerCase()) && t.text.trim().length >= word.length);
                expect(found && isKeyword(found), `${word}: ${variant} → ${JSON.stringify(tokenize(variant).map((t) => [t.text, t.scopes.at(-1)]))}`).toBe(true);
            }
        }
    });

    it('is not written over by `langium generate`, and the extension ships this very file', () => {
        expect(JSON.parse(fs.readFileSync(path.join(ROOT, 'langium-config.json'), 'utf8')).languages[0].textMate).toBeUndefined();
        expect(fs.readFileSync(path.join(ROOT, 'packages/extension/syntaxes/certiref.tmLanguage.json'), 'utf8')).toBe(fs.readFileSync(GRAMMAR, 'utf8'));
    });
});
