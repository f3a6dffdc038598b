import { bloc, example } from '../rule-cases.js';
import { ruleTester } from '../rule-tester.js';

const text = bloc('  modalité E1 "M"\n    évalue C1, C2\n    critère CR1 "x"');

ruleTester('suppression-without-reason', {
    valid: [
        { name: 'a suppression with its reason', code: text.replace('    compétence C2', "    // certiref-ignore competency-without-criterion -- jugée à l'oral\n    compétence C2") },
    ],
    invalid: [
        { name: 'the example: no reason', code: example('suppression-without-reason'), errors: [
                { line: 7, column: 5, endLine: 7, endColumn: 52, message: 'This comment suppresses competency-without-criterion without a reason. Write it after "--": // certiref-ignore rule -- reason.' },
            ] },
        { name: 'no rule named', code: text.replace('    compétence C2', '    // certiref-ignore -- raison\n    compétence C2'), errors: [
                { line: 7, column: 5, endLine: 7, endColumn: 33, message: 'This comment names no rule. Write: // certiref-ignore rule -- reason.' },
            ] },
    ],
});
