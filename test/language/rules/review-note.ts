import { describe, expect, it } from 'vitest';
import { reviewComments, reviewNote } from 'certiref-language';
import { example, HEADER } from '../rule-cases.js';
import { ruleTester } from '../rule-tester.js';

const BLOC = `bloc 1 "Bloc"
  activité A1 "Activité"
    compétence C1 "Première."
    compétence C2 "Deuxième."
  modalité E1 "Étude de cas"
    évalue C1, C2
    critère CR1 "Premier."
    critère CR2 "Deuxième."
`;
const NOTE = '    // à revoir\u00a0: la cellule a deux paragraphes sans identifiant.\n    // to review: the cell has two paragraphs without an id.\n';
const noted = HEADER + '\n' + BLOC.replace('    critère CR2', `${NOTE}    critère CR2`);

ruleTester('review-note', {
    valid: [
        { name: 'no note', code: HEADER + '\n' + BLOC },
        { name: 'an ordinary comment, and « à revoir » inside a text', code: HEADER + '\n' + BLOC.replace('"Première."', '"Première : à revoir : chaque année."').replace('  modalité', '  // revoir le titre plus tard\n  modalité') },
        { name: 'switched off', rules: { 'review-note': 'off' }, code: noted },
    ],
    invalid: [
        { name: 'the example', code: example('review-note'), errors: [
            { line: 11, column: 5, endLine: 12, endColumn: 121, severity: 'info', message: 'To review: this criterion stands in a row of several competencies (C1, C2, table 2, row 3): check what it judges. Check this point, then remove this comment.' },
        ] },
        { name: 'a note in both languages: one finding over its two lines, in the language of the messages', code: noted, language: 'fr', errors: [
            { line: 11, column: 5, endLine: 12, endColumn: 61, message: 'À revoir\u00a0: la cellule a deux paragraphes sans identifiant. Vérifiez ce point, puis supprimez ce commentaire.' },
        ] },
        { name: 'anywhere in a file — above its header, at its end, in a continuing file — written by hand, in any case and spacing', code: {
            'a.ref': `// À REVOIR : le titre vient du nom du fichier.\n${HEADER}`,
            'b.ref': `partie de R\n${BLOC}    // to review:the last criterion may judge C1 too\n`,
        }, errors: [
            { file: 'a.ref', line: 1, column: 1, message: 'To review: le titre vient du nom du fichier. Check this point, then remove this comment.' },
            { file: 'b.ref', line: 10, column: 5, message: 'To review: the last criterion may judge C1 too Check this point, then remove this comment.' },
        ] },
    ],
});

describe('review-note: the form it reads', () => {
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

    it('its quick fix removes the note\'s lines, whole', () => {
        const finding = { rule: 'review-note', uri: 'file:///a.ref', range: { start: { line: 10, character: 4 }, end: { line: 11, character: 60 } }, data: {} };
        const fixes = reviewNote.fix!({ finding, model: undefined as never, edits: undefined as never });
        expect(fixes).toEqual([{ title: { fr: 'Supprimer cette note (le point est vu)', en: 'Remove this note (the point is checked)' }, edits: [
            { uri: 'file:///a.ref', range: { start: { line: 10, character: 0 }, end: { line: 12, character: 0 } }, newText: '' },
        ] }]);
    });
});
