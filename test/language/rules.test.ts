import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_RULES } from 'certiref-language';
import { checkText, checkTexts, HEADER, loadFiles, loadFilesWithRegistry, ROOT, rules, bloc } from '../helpers.js';
import { cert, seq } from './rule-cases.js';
import { TESTED } from './rule-tester.js';

const EXAMPLES = path.join(ROOT, 'examples/rules');

// Each rule's tests, one file a rule (test/language/rules/<id>.ts: valid and invalid cases with
// the place of each finding, see rule-tester.ts), run in this one file: one start-up for all.
const RULE_TESTS = path.join(__dirname, 'rules');
for (const file of fs.readdirSync(RULE_TESTS).filter((f) => f.endsWith('.ts')).sort()) await import(path.join(RULE_TESTS, file));

describe('every rule has its tests', () => {
    it('valid and invalid cases for each rule, in test/language/rules/<id>.ts', () => {
        for (const rule of ALL_RULES) {
            expect(fs.existsSync(path.join(RULE_TESTS, `${rule.id}.ts`)), `test/language/rules/${rule.id}.ts`).toBe(true);
            expect(TESTED.get(rule.id)?.valid, `${rule.id}: valid cases`).toBeGreaterThan(0);
            expect(TESTED.get(rule.id)?.invalid, `${rule.id}: invalid cases`).toBeGreaterThan(0);
        }
        expect([...TESTED.keys()].sort()).toEqual(ALL_RULES.map((r) => r.id).sort());
    });
});

/** Findings that an example cannot avoid: a refused suppression leaves its finding in place. */
const ALSO: Record<string, string[]> = {
    'suppression-without-reason': ['competency-without-criterion'],
    // a syntax error pauses the completeness rules, and says so
    'syntax-error': ['checks-paused'], 'checks-paused': ['syntax-error'],
};

describe('every rule has an example that triggers it, and only it', () => {
    for (const rule of ALL_RULES) {
        it(rule.id, async () => {
            // a file, or a folder when the example needs several files (certiref.json …)
            const file = path.join(EXAMPLES, `${rule.id}.ref`);
            const folder = path.join(EXAMPLES, rule.id);
            const files = fs.existsSync(file) ? [file] : fs.readdirSync(folder).filter((f) => f.endsWith('.ref')).map((f) => path.join(folder, f));
            expect(files.length, `examples/rules/${rule.id}.ref or examples/rules/${rule.id}/`).toBeGreaterThan(0);
            // the registry rules' examples are checked against the extract of the RNCP export
            const { documents } = rule.needsRegistry ? await loadFilesWithRegistry(files) : await loadFiles(files);
            const found = [...new Set(documents.flatMap((d) => (d.diagnostics ?? []).map((x) => (x.data as { rule: string }).rule)))];
            expect(found.sort()).toEqual([rule.id, ...(ALSO[rule.id] ?? [])].sort());
        });
    }
});

describe('checks-paused', () => {
    it('says on the certification which file pauses the completeness rules, and goes when the error is fixed', async () => {
        const main = `${HEADER}\nbloc 1 "Bloc"\n  activité A1 "a"\n    compétence C1 "x"\n    compétence C2 "y"\n  modalité E1 "M"\n    évalue C1, C2\n    critère CR1 "x"\n`;
        const broken = 'partie de R\nbloc 2 "B"\n  activité A2 "a"\n    compétence C3 "Troisième."\n  modalité E2 "M"\n    évalue C3\n    critère CR3 "pas fermé\n';
        const { findings } = await checkTexts({ 'main.ref': main, 'sub/b.ref': broken }, { language: 'fr' });
        // C2 has no criterion, but it is not said while b.ref cannot be read whole: the pause is
        expect(findings.map((f) => `${f.file}:${f.line}:${f.rule}`)).toEqual(['main.ref:1:checks-paused', 'b.ref:7:syntax-error']);
        expect(findings[0].message).toBe("Vérifications de complétude suspendues pour la certification R\u00a0: sub/b.ref contient une erreur de syntaxe. Tant qu'elle n'est pas corrigée, ce qui manque (compétence sans critère ou sans évaluation, bloc sans évaluation …) n'est pas signalé.");
        const fixed = await checkTexts({ 'main.ref': main, 'sub/b.ref': broken.replace('fermé\n', 'fermé"\n') });
        expect(fixed.findings.map((f) => `${f.file}:${f.rule}`)).toEqual(['main.ref:competency-without-criterion', 'b.ref:bloc-single-competency']);
    });
});

describe('clean référentiels stay silent', () => {
    it('the starter and the multi-file examples have no finding', async () => {
        const files = ['starter/referentiel.ref', 'multi-file/certification.ref', 'multi-file/bloc-1.ref', 'multi-file/bloc-2.ref']
            .map((f) => path.join(ROOT, 'examples', f));
        const { documents, models } = await loadFiles(files);
        expect(documents.flatMap((d) => d.diagnostics ?? [])).toEqual([]);
        expect(models.map((m) => m.id)).toEqual(['DEMO', 'MULTI']);
        expect(models[1].blocs.map((b) => b.id)).toEqual(['BC01', 'BC02']);
    });
});

describe('criteria and conventions', () => {
    it('a range id judges every competency of the range (CR11 à 13, CR18-19, CR2-1 à CR2-3)', async () => {
        const { findings, models } = await checkText(cert(seq(9), `  modalité E3 "M"
    évalue C11 à C19
    critère CR11 à 13 "a"
    critère CR14 "b"
    critère CR15 à CR17 "c"
    critère CR18-19 "d"`));
        expect(findings).toEqual([]);
        const criteria = models[0].blocs[0].modalities[0].criteria;
        expect(criteria.map((c) => c.judges.map((j) => j.id).join(' '))).toEqual(['C11 C12 C13', 'C14', 'C15 C16 C17', 'C18 C19']);
        expect(criteria.map((c) => c.judgeSource)).toEqual(['convention', 'convention', 'convention', 'convention']);
    });

    it('an unnumbered criterion judges the single competency of its part', async () => {
        const { findings, models } = await checkText(cert(seq(2), `  modalité "Mise en situation"
    partie 1 "P1"
      évalue C11
      critère "a"
      critère "b"
    partie 2 "P2"
      évalue C12
      critère "c"`));
        expect(findings).toEqual([]);
        const parts = models[0].blocs[0].modalities[0].parts;
        expect(parts.map((p) => p.criteria.map((c) => c.judgeSource + ':' + c.judges[0]?.id))).toEqual([['part:C11', 'part:C11'], ['part:C12']]);
    });

    it('declared conventions replace the defaults', async () => {
        const text = `certification R "E"
  accessibilité "a"
  convention "K{n}" juge "C{n}"
bloc 1 "B"
  activité A1 "a"
    compétence C1 "x"
    compétence C2 "y"
  modalité E1 "M"
    évalue C1, C2
    critère K1 "a"
    critère K2 "b"
    critère CR1 "c"`;
        const { findings, models } = await checkText(text);
        expect(rules(findings)).toEqual(['criterion-without-competency']);
        expect(findings[0].line).toBe(12);
        expect(models[0].blocs[0].modalities[0].criteria[0].judges[0].id).toBe('C1');
    });
});

describe('severity settings and suppressions', () => {
    const text = bloc(`  modalité E1 "M"
    évalue C1, C2
    critère CR1 "x"`);

    it('a rule can be switched off or raised', async () => {
        expect(rules((await checkText(text)).findings)).toEqual(['competency-without-criterion']);
        expect((await checkText(text)).findings[0].severity).toBe(2);
        expect((await checkText(text, { rules: { 'competency-without-criterion': 'off' } })).findings).toEqual([]);
        expect((await checkText(text, { rules: { 'competency-without-criterion': 'error' } })).findings[0].severity).toBe(1);
    });

    it('a suppression with a reason hides the finding on the next line', async () => {
        const suppressed = text.replace('    compétence C2', '    // certiref-ignore competency-without-criterion -- jugée à l\'oral\n    compétence C2');
        expect((await checkText(suppressed)).findings).toEqual([]);
    });

    it('a suppression at the end of the line applies to that line', async () => {
        const suppressed = text.replace('compétence C2 "Deuxième."', 'compétence C2 "Deuxième." // certiref-ignore competency-without-criterion : raison');
        expect((await checkText(suppressed)).findings).toEqual([]);
    });

    it('a suppression applies in a file whose lines end with CR, or CRLF, as with LF', async () => {
        const atEnd = text.replace('compétence C2 "Deuxième."', 'compétence C2 "Deuxième." // certiref-ignore competency-without-criterion : raison');
        const above = text.replace('    compétence C2', '    // certiref-ignore competency-without-criterion -- raison\n    compétence C2');
        for (const suppressed of [atEnd, above]) {
            for (const eol of ['\r', '\r\n']) expect((await checkText(suppressed.replace(/\n/g, eol))).findings, JSON.stringify(eol)).toEqual([]);
        }
    });

    it('a directive inside a text is text, not a suppression', async () => {
        const inText = text.replace('compétence C2 "Deuxième."', 'compétence C2 "Deuxième.\n    // certiref-ignore competency-without-criterion -- non"');
        expect(rules((await checkText(inText)).findings)).toEqual(['competency-without-criterion']);
    });

    it('messages exist in French and English', async () => {
        const fr = (await checkText(text, { language: 'fr' })).findings[0].message;
        const en = (await checkText(text, { language: 'en' })).findings[0].message;
        expect(fr).toContain("n'est jugée par aucun critère");
        expect(en).toContain('is judged by no criterion');
    });

    it('every rule has a title and help in both languages', () => {
        for (const rule of ALL_RULES) {
            expect(rule.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
            for (const text of [rule.title, rule.help]) {
                expect(text.fr.length).toBeGreaterThan(10);
                expect(text.en.length).toBeGreaterThan(10);
                expect(text.fr).not.toBe(text.en);
            }
        }
    });
});

describe('options and specialisations are named as the référentiel names them', () => {
    const text = (keyword: string) => `${HEADER}
bloc 6 "Bloc"
  ${keyword} 6A "Première"
    activité A6A.1 "Activité"
      compétence C6A.1 "Première."
      compétence C6A.2 "Deuxième."
    activité A6.2 "Activité mal numérotée"
      compétence C6A.3 "Troisième."
    activité A6A.3 "Activité"
      compétence C6A.4 "Quatrième."
`;
    it('a spécialisation, in French and English', async () => {
        const fr = await checkText(text('spécialisation'), { language: 'fr' });
        const messages = fr.findings.map((f) => f.message);
        expect(messages).toContain("La spécialisation 6A du bloc 6 n'a aucune modalité d'évaluation. Ajoutez-lui une «\u202fmodalité\u202f».");
        expect(messages).toContain("Aucune modalité n'évalue la compétence C6A.1. Ajoutez «\u202févalue C6A.1\u202f» à une modalité de la spécialisation 6A du bloc 6.");
        const en = await checkText(text('specialization'), { language: 'en' });
        expect(en.findings.map((f) => f.message)).toContain('Specialisation 6A of bloc 6 has no evaluation modality. Add a "modality" to it.');
    });

    it('an option', async () => {
        const fr = await checkText(text('option'), { language: 'fr' });
        expect(fr.findings.map((f) => f.message)).toContain("L'option 6A du bloc 6 n'a aucune modalité d'évaluation. Ajoutez-lui une «\u202fmodalité\u202f».");
    });
});
