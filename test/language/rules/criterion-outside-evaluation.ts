import { describe, expect, it } from 'vitest';
import { checkText } from '../../helpers.js';
import { bloc, CLEAN, example } from '../rule-cases.js';
import { ruleTester } from '../rule-tester.js';

ruleTester('criterion-outside-evaluation', {
    valid: [
        { name: 'nothing declared: the criteria say what is evaluated', code: bloc('  modalité E1 "M"\n    critère CR1 "x"\n    critère CR2 "y"') },
        { name: 'each criterion judges what its modality evaluates', code: CLEAN },
    ],
    invalid: [
        { name: 'the example: a criterion of a part judges what the part does not evaluate', code: example('criterion-outside-evaluation'), errors: [
                { line: 12, column: 15, endLine: 12, endColumn: 18, message: 'Criterion CR2 judges C2, which its part does not evaluate (evaluates C1). Add C2 to "evaluates" or fix the criterion.', data: { outside: ['C2'] } },
            ] },
        { name: 'a criterion judges what its modality does not evaluate', code: bloc('  modalité E1 "M"\n    évalue C1\n    critère CR1 "x"\n    critère CR2 "y"\n  modalité E2 "N"\n    évalue C2\n    critère juge C2 "z"'), errors: [
                { line: 11, column: 13, endLine: 11, endColumn: 16, message: 'Criterion CR2 judges C2, which its modality does not evaluate (evaluates C1). Add C2 to "evaluates" or fix the criterion.', data: { outside: ['C2'] } },
            ] },
    ],
});

describe('criterion-outside-evaluation', () => {
    it('criterion-outside-evaluation stays silent when nothing is declared', async () => {
        const { findings } = await checkText(bloc(`  modalité E1 "M"
    critère CR1 "x"
    critère CR2 "y"`));
        expect(findings).toEqual([]);
    });
});
