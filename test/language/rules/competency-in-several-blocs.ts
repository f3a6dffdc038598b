import { describe, expect, it } from 'vitest';
import { checkText } from '../../helpers.js';
import { example, HEADER } from '../rule-cases.js';
import { ruleTester } from '../rule-tester.js';

const SAME_TEXT = `${HEADER}
bloc 1 "A"
  activité A1 "a"
    compétence C1 "Piloter le budget."
    compétence C2 "Autre."
  modalité E1 "M"
    critère CR1 "a"
    critère CR2 "b"
bloc 2 "B"
  activité A2 "a"
    compétence C3 "piloter le BUDGET"
    compétence C4 "Encore une autre."
  modalité E2 "M"
    critère CR3 "a"
    critère CR4 "b"`;

ruleTester('competency-in-several-blocs', {
    valid: [
        { name: 'different texts', code: example('competency-in-several-blocs').replace('compétence C3 "Piloter le budget du projet afin de respecter l\'enveloppe."', 'compétence C3 "Suivre le budget du projet afin de respecter l\'enveloppe."') },
    ],
    invalid: [
        { name: 'the example', code: example('competency-in-several-blocs'), errors: [
                { line: 15, column: 16, endLine: 15, endColumn: 18, message: 'Competency C3 (bloc 2) repeats competency C1 of bloc 1 (a.ref:6). Keep it in one bloc.', data: { other: 'C1' } },
            ] },
        { name: 'texts compared regardless of case, accents and punctuation', code: SAME_TEXT, errors: [
                { line: 13, column: 16, endLine: 13, endColumn: 18, message: 'Competency C3 (bloc 2) repeats competency C1 of bloc 1 (a.ref:6). Keep it in one bloc.', data: { other: 'C1' } },
            ] },
    ],
});

describe('competency-in-several-blocs', () => {
    it('competency-in-several-blocs compares texts regardless of case, accents and punctuation', async () => {
        const text = SAME_TEXT;
        const { findings } = await checkText(text);
        expect(findings.map((f) => `${f.line}:${f.rule}`)).toEqual(['13:competency-in-several-blocs']);
    });
});
