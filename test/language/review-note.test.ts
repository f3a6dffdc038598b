import { describe, expect, it } from 'vitest';
import { reviewComments } from 'certiref-language';
import { checkTexts } from '../helpers.js';

const HEADER = 'certification T "Titre"\n  accessibilité "Aménagements."\n';
const BLOC = `bloc 1 "Bloc"
  activité A1 "Activité"
    compétence C1 "Première."
    compétence C2 "Deuxième."
  modalité E1 "Étude de cas"
    évalue C1, C2
    critère CR1 "Premier."
    critère CR2 "Deuxième."
`;

describe('review-note: an importer\'s « à revoir » comments are information findings at their place', () => {
    it('a note in both languages: one finding on its lines, in the language of the messages; none once removed', async () => {
        const note = '    // à revoir\u00a0: la cellule a deux paragraphes sans identifiant.\n    // to review: the cell has two paragraphs without an id.\n';
        const text = HEADER + BLOC.replace('    critère CR2', `${note}    critère CR2`);
        const fr = await checkTexts({ 'a.ref': text }, { language: 'fr' });
        expect(fr.findings.map((f) => `${f.line}:${f.rule}:${f.severity}`)).toEqual(['10:review-note:3']);
        expect(fr.findings[0].message).toBe('À revoir\u00a0: la cellule a deux paragraphes sans identifiant. Vérifiez ce point, puis supprimez ce commentaire.');
        const en = await checkTexts({ 'a.ref': text }, { language: 'en' });
        expect(en.findings[0].message).toBe('To review: the cell has two paragraphs without an id. Check this point, then remove this comment.');
        expect((await checkTexts({ 'a.ref': HEADER + BLOC })).findings).toEqual([]);
    });

    it('anywhere in a file — above its header, at its end, in a continuing file — and written by hand, in any case and spacing', async () => {
        const { findings } = await checkTexts({
            'a.ref': `// À REVOIR : le titre vient du nom du fichier.\n${HEADER}`,
            'b.ref': `partie de T\n${BLOC}    // to review:the last criterion may judge C1 too\n`,
        });
        expect(findings.map((f) => `${f.file}:${f.line}:${f.rule}`)).toEqual(['a.ref:1:review-note', 'b.ref:10:review-note']);
        expect(findings[1].message).toBe('To review: the last criterion may judge C1 too Check this point, then remove this comment.');
    });

    it('pairs a French line with the English line right below it, and nothing else', () => {
        const at = (line: number, text: string) => ({ line, character: 2, text });
        expect(reviewComments([
            at(1, '// à revoir : un'), at(2, '// to review: one'),
            at(3, '// à revoir : deux'), at(4, '// a revoir : trois'),
            at(6, '// to review: four'), at(7, '// une remarque ordinaire'), at(8, '// à revoir: cinq'),
        ]).map((n) => [n.line, n.endLine, n.message.fr])).toEqual([
            [1, 2, 'À revoir\u00a0: un Vérifiez ce point, puis supprimez ce commentaire.'],
            [3, 3, 'À revoir\u00a0: deux Vérifiez ce point, puis supprimez ce commentaire.'],
            [4, 4, 'À revoir\u00a0: trois Vérifiez ce point, puis supprimez ce commentaire.'],
            [6, 6, 'À revoir\u00a0: four Vérifiez ce point, puis supprimez ce commentaire.'],
            [8, 8, 'À revoir\u00a0: cinq Vérifiez ce point, puis supprimez ce commentaire.'],
        ]);
    });

    it('can be switched off like any rule', async () => {
        const text = HEADER + BLOC.replace('  modalité', '  // à revoir : x\n  modalité');
        expect((await checkTexts({ 'a.ref': text }, { rules: { 'review-note': 'off' } })).findings).toEqual([]);
    });
});
