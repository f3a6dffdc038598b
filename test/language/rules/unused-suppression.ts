import { bloc, example } from '../rule-cases.js';
import { ruleTester } from '../rule-tester.js';

const text = bloc('  modalité E1 "M"\n    évalue C1, C2\n    critère CR1 "x"');

ruleTester('unused-suppression', {
    valid: [
        { name: 'a suppression that suppresses a finding', code: text.replace('    compétence C2', "    // certiref-ignore competency-without-criterion -- jugée à l'oral\n    compétence C2") },
        { name: 'a suppression whose rule is off is not « unused »', rules: { 'competency-without-criterion': 'off' }, code: text.replace('    compétence C1', "    // certiref-ignore competency-without-criterion -- jugée à l'oral\n    compétence C1") },
    ],
    invalid: [
        { name: 'the example: the finding is gone', code: example('unused-suppression'), errors: [
                { line: 7, column: 5, endLine: 7, endColumn: 79, message: 'This comment suppresses nothing: no competency-without-criterion finding on line 8. Remove it.' },
            ] },
        { name: 'an unknown rule', code: text.replace('    compétence C2', '    // certiref-ignore competency-without-criterion, no-such-rule -- raison\n    compétence C2'), errors: [
                { line: 7, column: 5, endLine: 7, endColumn: 76, message: 'Unknown rule in this comment: no-such-rule. Check the rule id (see the README).' },
            ] },
    ],
});
