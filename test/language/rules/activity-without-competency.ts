import { CLEAN, example } from '../rule-cases.js';
import { ruleTester } from '../rule-tester.js';

ruleTester('activity-without-competency', {
    valid: [
        { name: 'every activity has competencies', code: CLEAN },
    ],
    invalid: [
        { name: 'the example', code: example('activity-without-competency'), errors: [
                { line: 8, column: 12, endLine: 8, endColumn: 14, message: 'Activity A2 has no competency. Add at least one "competency" under it.' },
            ] },
    ],
});
