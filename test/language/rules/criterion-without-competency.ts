import { describe, expect, it } from 'vitest';
import { checkText, rules } from '../../helpers.js';
import { bloc, cert, CLEAN, example, seq } from '../rule-cases.js';
import { ruleTester } from '../rule-tester.js';

ruleTester('criterion-without-competency', {
    valid: [
        { name: 'criteria numbered after their competencies', code: CLEAN },
        { name: 'an unnumbered criterion of a part that evaluates one competency', code: cert(seq(2), '  modalité "Mise en situation"\n    partie 1 "P1"\n      évalue C11\n      critère "a"\n    partie 2 "P2"\n      évalue C12\n      critère "c"') },
    ],
    invalid: [
        { name: 'the example: an unnumbered criterion where the modality evaluates several', code: example('criterion-without-competency'), errors: [
                { line: 12, column: 5, endLine: 12, endColumn: 12, message: 'This criterion does not say which competency it judges, and its modality evaluates several (C1, C2). Add "judges …" or an id (CR…).', data: { candidates: ['C1', 'C2'] } },
            ] },
        { name: 'a conventional id whose competency does not exist', code: cert(seq(2), '  modalité E3 "M"\n    évalue C11, C12\n    critère CR11 "a"\n    critère CR12 "b"\n    critère CR20 "c"'), errors: [
                { line: 12, column: 13, endLine: 12, endColumn: 17, message: 'Criterion CR20 should judge C20 under the id conventions, but no such competency exists. Fix the id or add "judges …".', data: { conventionalIds: ['C20'] } },
            ] },
        { name: 'an id that follows no convention', code: bloc('  modalité E1 "M"\n    évalue C1, C2\n    critère CR1 "x"\n    critère CR2 "y"\n    critère K9 "z"'), errors: [
                { line: 12, column: 13, endLine: 12, endColumn: 15, message: 'The id of criterion K9 follows no id convention (CR{n} → C{n} …), so it does not say which competency it judges. Add "judges …" or declare this référentiel\'s convention.' },
            ] },
        { name: 'an unnumbered criterion of a modality that evaluates nothing', code: bloc('  modalité E1 "M"\n    critère CR1 "x"\n    critère CR2 "y"\n  modalité E2 "Autre"\n    critère "z"'), errors: [
                { line: 12, column: 5, endLine: 12, endColumn: 12, message: 'This criterion judges no competency. Add "judges …", an id (CR…), or "evaluates …" to its modality.' },
            ] },
    ],
});

describe('criterion-without-competency', () => {
    it('criterion-without-competency: a conventional id whose competency does not exist', async () => {
        const { findings } = await checkText(cert(seq(2), `  modalité E3 "M"
    évalue C11, C12
    critère CR11 "a"
    critère CR12 "b"
    critère CR20 "c"`));
        expect(rules(findings)).toEqual(['criterion-without-competency']);
        expect(findings[0].message).toContain('C20');
    });
});
