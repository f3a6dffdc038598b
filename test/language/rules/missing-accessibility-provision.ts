import { bloc, CLEAN, example } from '../rule-cases.js';
import { ruleTester } from '../rule-tester.js';

ruleTester('missing-accessibility-provision', {
    valid: [
        { name: 'an « accessibilité » field', code: CLEAN },
        { name: 'a section on disability', code: 'certification R "Exemple"\n  section "Candidats en situation de handicap" "Épreuves adaptées."\n' },
        { name: 'a file that continues a certification declares nothing', code: { 'a.ref': bloc(''), 'b.ref': 'partie de R\nbloc 2 "B"' } },
    ],
    invalid: [
        { name: 'an « accessibilité » field of blanks or empty says nothing', code: { 'a.ref': 'certification R "Exemple"\n  accessibilité "   "\n', 'b.ref': 'certification S "Autre"\n  accessibilité ""\n' }, errors: [
                { line: 1, column: 15, endLine: 1, endColumn: 16, message: 'Certification R describes no provisions for candidates with disabilities. Add accessibility "…" to its header.' },
                { file: 'b.ref', line: 1, column: 15, endLine: 1, endColumn: 16, message: 'Certification S describes no provisions for candidates with disabilities. Add accessibility "…" to its header.' },
            ] },
        { name: 'the example', code: example('missing-accessibility-provision'), errors: [
                { line: 1, column: 15, endLine: 1, endColumn: 46, message: 'Certification missing-accessibility-provision describes no provisions for candidates with disabilities. Add accessibility "…" to its header.' },
            ] },
    ],
});
