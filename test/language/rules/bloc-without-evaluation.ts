import { describe, expect, it } from 'vitest';
import { checkText } from '../../helpers.js';
import { CLEAN, example, HEADER } from '../rule-cases.js';
import { ruleTester } from '../rule-tester.js';

const OPTION_WITHOUT_MODALITY = `${HEADER}
bloc 5
  option 1 "Un"
    activité AS1-1 "a"
      compétence CS1-1 "x"
      compétence CS1-2 "y"
    modalité E5 "M"
      évalue CS1-1, CS1-2
      critère CR1-1 "a"
      critère CR1-2 "b"
  option 2 "Deux"
    activité AS2-1 "a"
      compétence CS2-1 "x2"
      compétence CS2-2 "y2"`;

ruleTester('bloc-without-evaluation', {
    valid: [
        { name: 'a bloc with a modality', code: CLEAN },
    ],
    invalid: [
        { name: 'the example', code: example('bloc-without-evaluation'), errors: [
                { line: 13, column: 6, endLine: 13, endColumn: 7, message: 'Bloc 2 has no evaluation modality. Add a "modality" that evaluates its competencies.' },
            ] },
        { name: 'each option is looked at', rules: { 'competency-not-evaluated': 'off', 'competency-without-criterion': 'off' }, code: OPTION_WITHOUT_MODALITY, errors: [
                { line: 13, column: 10, endLine: 13, endColumn: 11, message: 'Option 2 of bloc 5 has no evaluation modality. Add a "modality" to it.' },
            ] },
    ],
});

describe('bloc-without-evaluation', () => {
    it('bloc-without-evaluation looks at each option', async () => {
        const text = OPTION_WITHOUT_MODALITY;
        const { findings } = await checkText(text, { rules: { 'competency-not-evaluated': 'off', 'competency-without-criterion': 'off' } });
        expect(findings.map((f) => `${f.line}:${f.rule}`)).toEqual(['13:bloc-without-evaluation']);
    });
});
