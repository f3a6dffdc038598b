import { describe, expect, it } from 'vitest';
import { checkText, checkTexts, rules } from '../../helpers.js';
import { bloc, CLEAN, example } from '../rule-cases.js';
import { ruleTester } from '../rule-tester.js';

ruleTester('unresolved-reference', {
    valid: [
        { name: 'every name exists', code: CLEAN },
        { name: 'a range of one series', code: bloc('  modalité E1 "M"\n    évalue C1 à C2\n    critère CR1 "x"\n    critère CR2 "y"') },
    ],
    invalid: [
        { name: 'the example', code: example('unresolved-reference'), errors: [
                { line: 9, column: 20, endLine: 9, endColumn: 23, message: 'Competency C12 does not exist in certification unresolved-reference. Did you mean C1? Fix the id or declare the competency.', data: { name: 'C12', kind: 'competency', suggestion: 'C1' } },
            ] },
        { name: 'a missing competency, the closest id suggested', code: bloc('  modalité E1 "M"\n    évalue C1, C2, C3\n    critère CR1 "x"\n    critère CR2 "y"'), errors: [
                { line: 9, column: 20, endLine: 9, endColumn: 22, message: 'Competency C3 does not exist in certification R. Did you mean C2? Fix the id or declare the competency.', data: { name: 'C3', kind: 'competency', suggestion: 'C2' } },
            ] },
        { name: 'a part file whose certification is declared nowhere', code: 'partie de NOPE\nbloc 1 "B"', errors: [
                { line: 1, column: 11, endLine: 1, endColumn: 15, message: 'No file in this folder or a folder above declares certification NOPE. The main file starts with: certification NOPE "title". Check the id.', data: { name: 'NOPE', kind: 'certification' } },
            ] },
        { name: 'a range written backwards', code: bloc('  modalité E1 "M"\n    évalue C2 à C1\n    critère CR1 "x"\n    critère CR2 "y"'), errors: [
                { line: 9, column: 12, endLine: 9, endColumn: 14, message: 'Range C2 to C1 is written backwards: write C1 à C2.', data: { name: 'C2 à C1', suggestion: 'C1 à C2', reason: 'range-reversed' } },
            ] },
        { name: 'a range whose ends are of two series', code: bloc('    compétence CS1-2 "Troisième."\n  modalité E1 "M"\n    évalue C1 à CS1-2\n    critère CR1 "a"\n    critère CR2 "b"\n    critère CR1-2 "c"'), errors: [
                { line: 10, column: 12, endLine: 10, endColumn: 14, message: 'The ends of range C1 to CS1-2 do not share a prefix: a range goes from one id to another of the same series (C11 à C13, CS1-1 à CS1-3).', data: { name: 'C1 à CS1-2', reason: 'range-stems' } },
            ] },
    ],
});

describe('unresolved-reference', () => {
    it('names a missing competency and suggests the closest id', async () => {
        const { findings } = await checkText(bloc(`  modalité E1 "M"
    évalue C1, C2, C3
    critère CR1 "x"
    critère CR2 "y"`));
        expect(rules(findings)).toEqual(['unresolved-reference']);
        expect(findings[0].message).toContain('C3');
        expect(findings[0].message).toMatch(/Did you mean C[12]\?/);
    });

    it('never resolves into another certification', async () => {
        const { findings } = await checkTexts({
            'a.ref': bloc(`  modalité E1 "M"\n    évalue C1, C2\n    critère CR1 "x"\n    critère CR2 "y"`),
            'b.ref': `certification B "Autre"
  accessibilité "Aménagements."
bloc 1 "Bloc"
  activité A9 "Activité"
    compétence C9 "Neuvième."
    compétence C8 "Huitième."
  modalité E9 "M"
    évalue C9, C8, C1
    critère juge C9 "x"
    critère juge C8 "y"`,
        });
        expect(findings.map((f) => `${f.file}:${f.rule}`)).toEqual(['b.ref:unresolved-reference']);
    });

    it('reports a part file whose certification is declared nowhere', async () => {
        const { findings } = await checkText('partie de NOPE\nbloc 1 "B"');
        expect(rules(findings)).toContain('unresolved-reference');
    });
});
