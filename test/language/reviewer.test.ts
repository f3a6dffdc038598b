import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkTexts, ROOT } from '../helpers.js';

/**
 * The drafting and dossier rules together, on what the issue and the README show a reviewer:
 * each rule alone has its cases in test/language/rules/<id>.ts.
 */
describe('what a reviewer would say', () => {
    it('of a skeleton: no niveau, no certificateur, « Connaissance des outils », « À rédiger », a criterion « ok »', async () => {
        const SKELETON = fs.readFileSync(path.join(ROOT, 'examples/skeleton/referentiel.ref'), 'utf8');
        const { findings } = await checkTexts({ 'sk.ref': SKELETON }, { language: 'fr', writingRules: true });
        expect(findings.map((f) => `${f.line} ${f.rule}`).sort()).toEqual([
            '10 placeholder-text', '13 placeholder-text', '14 placeholder-text',
            '4 missing-certification-field', '4 missing-certification-field', '4 missing-certification-field',
            '4 required-themes', '4 required-themes', '4 required-themes',
            '8 placeholder-text', '9 competency-action-verb',
        ]);
        expect(findings.find((f) => f.rule === 'competency-action-verb')!.message).toContain('elle nomme un savoir, pas ce que le candidat fait');
    });

    it("of the README's example of the language: two competencies without a purpose, two themes missing", async () => {
        const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
        const section = readme.slice(readme.indexOf('## The language by example'));
        const example = /```\n([\s\S]*?)```/.exec(section)![1];
        const { findings } = await checkTexts({ 'demo.ref': example }, { language: 'en', writingRules: true });
        expect(findings.map((f) => `${f.rule} ${f.message.slice(0, 60)}`).sort()).toEqual([
            'competency-purpose Competency C2 does not say what for: add its purpose (« afin',
            'competency-purpose Competency C3 does not say what for: add its purpose (« afin',
            'required-themes Certification DEMO says nothing of "ecological transition", ',
            'required-themes Certification DEMO says nothing of "health and safety at wor',
        ]);
    });
});
