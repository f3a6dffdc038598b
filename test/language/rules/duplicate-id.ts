import { describe, expect, it } from 'vitest';
import { checkText, checkTexts, rules } from '../../helpers.js';
import { bloc, example, HEADER } from '../rule-cases.js';
import { ruleTester } from '../rule-tester.js';

const options = (second: string) => `${HEADER}
bloc 5
  option 1 "Un"
    activité AS1-1 "a"
      compétence CS1-1 "x"
      compétence CS1-2 "y"
    modalité E5 "Étude"
      évalue CS1-1, CS1-2
      critère CR1-1 "a"
      critère CR1-2 "b"
  option 2 "Deux"
    activité AS2-1 "a"
      compétence CS2-1 "z"
      compétence CS2-2 "w"
    modalité ${second} "Étude"
      évalue CS2-1, CS2-2
      critère CR2-1 "a"
      critère CR2-2 "b"
`;

ruleTester('duplicate-id', {
    valid: [
        { name: 'each option may reuse a modality id such as E5', code: options('E5') },
    ],
    invalid: [
        { name: 'the example', code: example('duplicate-id'), errors: [
                { line: 7, column: 16, endLine: 7, endColumn: 18, message: 'Id C1 is already used by the competency declared at a.ref:6. Give it a unique id.', data: { id: 'C1', kind: 'competency' } },
            ] },
        { name: 'a modality id twice in a bloc', code: bloc('  modalité E1 "M"\n    évalue C1, C2\n    critère CR1 "x"\n    critère CR2 "y"\n  modalité E1 "M2"\n    évalue C1\n    critère juge C1 "z"'), errors: [
                { line: 12, column: 12, endLine: 12, endColumn: 14, message: 'Id E1 is already used by the modality declared at a.ref:8. Give it a unique id.', data: { id: 'E1', kind: 'modality' } },
            ] },
        { name: 'a certification declared in two files', code: { 'a.ref': HEADER, 'b.ref': HEADER }, errors: [
                { file: 'b.ref', line: 1, column: 15, endLine: 1, endColumn: 16, message: 'Id R is already used by the certification declared at a.ref:1. Give it a unique id.', data: { id: 'R', kind: 'certification' } },
            ] },
        { name: 'a bloc written in two files with two titles', code: { 'a.ref': `${HEADER}\nbloc 1 "Un"\n  activité A1 "a"\n    compétence C1 "x"`, 'b.ref': 'partie de R\nbloc 1 "Autre"' }, errors: [
                { file: 'b.ref', line: 2, column: 6, endLine: 2, endColumn: 7, message: 'Bloc 1 is already titled "Un" at a.ref:4: a bloc written in several files keeps one title. Remove this title or make them agree.', data: { id: '1', kind: 'bloc' } },
            ] },
    ],
});

describe('duplicate-id', () => {
    it('lets each option reuse a modality id such as E5', async () => {
        const { findings } = await checkText(options('E5'));
        expect(findings).toEqual([]);
    });

    it('reports the same id twice within one option or at certification level', async () => {
        const { findings } = await checkText(bloc(`  modalité E1 "M"
    évalue C1, C2
    critère CR1 "x"
    critère CR2 "y"
  modalité E1 "M2"
    évalue C1
    critère juge C1 "z"`));
        expect(rules(findings)).toEqual(['duplicate-id']);
        expect(findings[0].line).toBe(12);
    });

    it('reports a certification declared in two files', async () => {
        const { findings } = await checkTexts({ 'a.ref': HEADER, 'b.ref': HEADER });
        expect(findings.filter((f) => f.rule === 'duplicate-id').map((f) => f.file)).toEqual(['b.ref']);
    });
});
