import { describe, expect, it } from 'vitest';
import { checkText } from '../../helpers.js';
import { example, HEADER } from '../rule-cases.js';
import { ruleTester } from '../rule-tester.js';

const NO_MAJORITY = `${HEADER}
bloc 6
  spécialisation 6A "S"
    activité A6A.1 "a"
      compétence C6A.1 "x"
    activité A6.2 "b"
      compétence C6A.2 "y"
    modalité "Cas pratique"
      évalue C6A.1 à C6A.2
      critère juge C6A.1 "a"
      critère juge C6A.2 "b"`;

ruleTester('id-pattern', {
    valid: [
        { name: 'no clear majority: nothing to break', code: NO_MAJORITY },
        { name: 'a hierarchical numbering (C1.1, C1.2, C2.1) is not one pattern', code: `${HEADER}
bloc 1 "B"
  activité A1 "a"
    compétence C1.1 "x"
    compétence C1.2 "y"
  activité A2 "b"
    compétence C2.1 "z"
    compétence C2.2 "w"
  modalité E1 "M"
    évalue C1.1, C1.2, C2.1, C2.2
    critère CR1.1 "a"
    critère CR1.2 "b"
    critère CR2.1 "c"
    critère CR2.2 "d"` },
    ],
    invalid: [
        { name: 'the example: an activity off its siblings\' pattern', code: example('id-pattern'), errors: [
                { line: 12, column: 14, endLine: 12, endColumn: 18, message: 'Id A6.4 breaks the A6A.n pattern of the other ids of specialisation 6A and its competency is C6A.4. Rename it A6A.4?', data: { id: 'A6.4', suggestedId: 'A6A.4' } },
            ] },
    ],
});

describe('id-pattern', () => {
    it('id-pattern needs a clear majority', async () => {
        const text = NO_MAJORITY;
        const { findings } = await checkText(text);
        expect(findings).toEqual([]);
    });
});
