import { CLEAN } from '../rule-cases.js';
import { ruleTester } from '../rule-tester.js';

const text = CLEAN;

ruleTester('invalid-config', {
    valid: [
        { name: 'known rules and severities', code: text, certirefJson: '{ "rules": { "id-pattern": "off" } }' },
    ],
    invalid: [
        { name: 'an unknown rule', code: text, certirefJson: '{ "rules": { "no-such-rule": "off" } }', errors: [
                { line: 1, column: 1, endLine: 1, endColumn: 1, message: /certiref\.json:1:14: .* unknown rule "no-such-rule"\. This setting is ignored\.$/ },
            ] },
        { name: 'a severity that does not exist', code: text, certirefJson: '{\n  "rules": { "id-pattern": "loud" }\n}', errors: [
                { line: 1, column: 1, endLine: 1, endColumn: 1, message: /certiref\.json:2:14: .* invalid severity for id-pattern\. This setting is ignored\.$/ },
            ] },
    ],
});
