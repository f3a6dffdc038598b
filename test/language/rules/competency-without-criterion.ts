import { describe, expect, it } from 'vitest';
import { checkText } from '../../helpers.js';
import { bloc, cert, CLEAN, example, seq } from '../rule-cases.js';
import { ruleTester } from '../rule-tester.js';

ruleTester('competency-without-criterion', {
    valid: [
        { name: 'a criterion judges each competency', code: CLEAN },
        { name: 'a criterion judges it with « juge »', code: bloc('  modalité E1 "M"\n    évalue C1, C2\n    critère CR1 "x"\n    critère juge C2 "y"') },
    ],
    invalid: [
        { name: 'the example', code: example('competency-without-criterion'), errors: [
                { line: 7, column: 16, endLine: 7, endColumn: 18, message: 'Competency C2 is judged by no criterion. Add a criterion CR2 in modality E1.', data: { competency: 'C2', suggestedCriterionId: 'CR2' } },
            ] },
        { name: 'the criterion numbered for it judges another competency', code: cert(seq(3), '  modalité E3 "M"\n    évalue C11 à C13\n    critère CR11 "a"\n    critère CR12 juge C11 "b"\n    critère CR13 "c"'), errors: [
                { line: 7, column: 16, endLine: 7, endColumn: 19, message: 'Competency C12 is judged by no criterion: criterion CR12 (a.ref:12), numbered for it, judges C11. Fix that criterion, or add a criterion that judges C12.', data: { competency: 'C12' } },
            ] },
    ],
});

describe('competency-without-criterion', () => {
    it('competency-without-criterion names the criterion numbered for it when that one judges something else', async () => {
        const text = cert(seq(3), `  modalité E3 "M"
    évalue C11 à C13
    critère CR11 "a"
    critère CR12 juge C11 "b"
    critère CR13 "c"`);
        const fr = (await checkText(text, { language: 'fr' })).findings.filter((f) => f.rule === 'competency-without-criterion');
        expect(fr.map((f) => `${f.line}:${f.message}`)).toEqual([
            "7:La compétence C12 n'est jugée par aucun critère : le critère CR12 (a.ref:12), numéroté pour elle, juge C11. Corrigez ce critère, ou ajoutez un critère qui juge C12.",
        ]);
        const en = (await checkText(text, { language: 'en' })).findings.filter((f) => f.rule === 'competency-without-criterion');
        expect(en[0].message).toBe('Competency C12 is judged by no criterion: criterion CR12 (a.ref:12), numbered for it, judges C11. Fix that criterion, or add a criterion that judges C12.');
        // no suggestion to add a second CR12
        expect(en[0].message).not.toMatch(/Add a criterion CR12/);
    });
});
