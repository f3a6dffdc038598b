import { describe, expect, it } from 'vitest';
import { checkText } from '../../helpers.js';
import { cert, example, seq } from '../rule-cases.js';
import { ruleTester } from '../rule-tester.js';

ruleTester('criterion-id-mismatch', {
    valid: [
        { name: 'ranges whose ends exist (CR11 à 13, CR18-19, CR15 à CR17)', code: cert(seq(9), '  modalité E3 "M"\n    évalue C11 à C19\n    critère CR11 à 13 "a"\n    critère CR14 "b"\n    critère CR15 à CR17 "c"\n    critère CR18-19 "d"') },
        { name: '« juge » names what the id names', code: cert(seq(2), '  modalité E3 "M"\n    évalue C11, C12\n    critère CR11 juge C11 "a"\n    critère CR12 "b"') },
    ],
    invalid: [
        { name: 'the example', code: example('criterion-id-mismatch'), errors: [
                { line: 10, column: 13, endLine: 10, endColumn: 18, message: 'Criterion CR1-2 judges CS1-1, but its id names CS1-2. Rename it or fix "judges".', data: { judges: ['CS1-1'] } },
                { line: 11, column: 13, endLine: 11, endColumn: 18, message: 'Criterion CR1-1 judges CS1-2, but its id names CS1-1. Rename it or fix "judges".', data: { judges: ['CS1-2'] } },
            ] },
        { name: 'an explicit judge outside the range or the id', code: cert(seq(4), '  modalité E3 "M"\n    évalue C11 à C14\n    critère CR11 à 13 juge C14 "a"\n    critère CR11 à 13 juge C12 "b"\n    critère CR14 juge C11, C13 "c"'), errors: [
                { line: 12, column: 13, endLine: 12, endColumn: 17, message: 'Criterion CR11 à 13 judges C14, but its id names C11, C12, C13. Rename it or fix "judges".', data: { judges: ['C14'] } },
                { line: 14, column: 13, endLine: 14, endColumn: 17, message: 'Criterion CR14 judges C11, C13, but its id names C14. Rename it or fix "judges".', data: { judges: ['C11', 'C13'] } },
            ] },
        { name: 'a range whose start or end names no competency', code: cert(seq(3), '  modalité E3 "M"\n    évalue C11 à C13\n    critère CR11 à 31 "a"\n    critère CR12-14 "b"\n    critère CR10 à 12 "c"'), errors: [
                { line: 11, column: 13, endLine: 11, endColumn: 17, message: 'Criterion CR11 à 31 names C11 to C31 under the id conventions, but C31 does not exist (the competencies of this range run C11 to C13). Fix the end of the range.', data: { missing: ['C31'] } },
                { line: 12, column: 13, endLine: 12, endColumn: 20, message: 'Criterion CR12-14 names C12 to C14 under the id conventions, but C14 does not exist (the competencies of this range run C12 to C13). Fix the end of the range.', data: { missing: ['C14'] } },
                { line: 13, column: 13, endLine: 13, endColumn: 17, message: 'Criterion CR10 à 12 names C10 to C12 under the id conventions, but C10 does not exist (the competencies of this range run C11 to C12). Fix the end of the range.', data: { missing: ['C10'] } },
            ] },
        { name: 'a range of which one competency exists names that one, not a span', code: cert(seq(3), '  modalité E3 "M"\n    évalue C11 à C13\n    critère CR13 à 15 "a"'), errors: [
                { line: 11, column: 13, endLine: 11, endColumn: 17, message: 'Criterion CR13 à 15 names C13 to C15 under the id conventions, but C15 does not exist (the competencies of this range run C13). Fix the end of the range.', data: { missing: ['C15'] } },
            ] },
    ],
});

describe('criterion-id-mismatch', () => {
    it('criterion-id-mismatch: an explicit judge outside the range or the id', async () => {
        const { findings } = await checkText(cert(seq(4), `  modalité E3 "M"
    évalue C11 à C14
    critère CR11 à 13 juge C14 "a"
    critère CR11 à 13 juge C12 "b"
    critère CR14 juge C11, C13 "c"`));
        expect(findings.filter((f) => f.rule === 'criterion-id-mismatch').map((f) => f.line)).toEqual([12, 14]);
    });

    it('criterion-id-mismatch: a range whose start or end names no competency (CR11 à 31, CR12-14, CR10 à 12)', async () => {
        const text = cert(seq(3), `  modalité E3 "M"
    évalue C11 à C13
    critère CR11 à 31 "a"
    critère CR12-14 "b"
    critère CR10 à 12 "c"`);
        const { findings } = await checkText(text);
        expect(findings.map((f) => `${f.line}:${f.rule}`)).toEqual(['11:criterion-id-mismatch', '12:criterion-id-mismatch', '13:criterion-id-mismatch']);
        expect(findings[0].message).toBe('Criterion CR11 à 31 names C11 to C31 under the id conventions, but C31 does not exist (the competencies of this range run C11 to C13). Fix the end of the range.');
        expect(findings[2].message).toMatch(/^Criterion CR10 à 12 names C10 to C12 under the id conventions, but C10 does not exist/);
        const fr = await checkText(text, { language: 'fr' });
        expect(fr.findings[1].message).toBe("Le critère CR12-14 désigne C12 à C14 d'après les conventions d'identifiants, mais C14 n'existe pas (les compétences de cette plage vont de C12 à C13). Corrigez la borne de la plage.");
    });
});
