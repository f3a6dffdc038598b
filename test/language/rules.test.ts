import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_RULES } from 'certiref-language';
import { checkText, checkTexts, HEADER, loadFiles, loadFilesWithRegistry, ROOT, rules, bloc } from '../helpers.js';

const EXAMPLES = path.join(ROOT, 'examples/rules');

/** Findings that an example cannot avoid: a refused suppression leaves its finding in place. */
const ALSO: Record<string, string[]> = { 'suppression-without-reason': ['competency-without-criterion'] };

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

describe('duplicate-id', () => {
    const options = (second: string) => `${HEADER}
bloc 5
  option 1 "Un"
    activité AS1-1 "a"
      compétence CS1-1 "x"
      compétence CS1-2 "y"
    modalité E5 "Étude"
      évalue CS1-1, CS1-2
      critère CR1-1 "a"
      critère CR1-2 "b"
  option 2 "Deux"
    activité AS2-1 "a"
      compétence CS2-1 "z"
      compétence CS2-2 "w"
    modalité ${second} "Étude"
      évalue CS2-1, CS2-2
      critère CR2-1 "a"
      critère CR2-2 "b"
`;
    it('lets each option reuse a modality id such as E5', async () => {
        const { findings } = await checkText(options('E5'));
        expect(findings).toEqual([]);
    });

    it('reports the same id twice within one option or at certification level', async () => {
        const { findings } = await checkText(bloc(`  modalité E1 "M"
    évalue C1, C2
    critère CR1 "x"
    critère CR2 "y"
  modalité E1 "M2"
    évalue C1
    critère juge C1 "z"`));
        expect(rules(findings)).toEqual(['duplicate-id']);
        expect(findings[0].line).toBe(12);
    });

    it('reports a certification declared in two files', async () => {
        const { findings } = await checkTexts({ 'a.ref': HEADER, 'b.ref': HEADER });
        expect(findings.filter((f) => f.rule === 'duplicate-id').map((f) => f.file)).toEqual(['b.ref']);
    });
});

describe('criteria and conventions', () => {
    const seq = (n: number, from = 11) => Array.from({ length: n }, (_, i) => `    compétence C${from + i} "c${from + i}"`).join('\n');
    const cert = (competencies: string, modality: string) => `${HEADER}
bloc 3 "B"
  activité A6 "a"
${competencies}
${modality}`;

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

    it('criterion-without-competency: a conventional id whose competency does not exist', async () => {
        const { findings } = await checkText(cert(seq(2), `  modalité E3 "M"
    évalue C11, C12
    critère CR11 "a"
    critère CR12 "b"
    critère CR20 "c"`));
        expect(rules(findings)).toEqual(['criterion-without-competency']);
        expect(findings[0].message).toContain('C20');
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

    it('criterion-outside-evaluation stays silent when nothing is declared', async () => {
        const { findings } = await checkText(bloc(`  modalité E1 "M"
    critère CR1 "x"
    critère CR2 "y"`));
        expect(findings).toEqual([]);
    });
});

describe('structure rules', () => {
    it('id-pattern needs a clear majority', async () => {
        const text = `${HEADER}
bloc 6
  spécialisation 6A "S"
    activité A6A.1 "a"
      compétence C6A.1 "x"
    activité A6.2 "b"
      compétence C6A.2 "y"
    modalité "Cas pratique"
      évalue C6A.1 à C6A.2
      critère juge C6A.1 "a"
      critère juge C6A.2 "b"`;
        const { findings } = await checkText(text);
        expect(findings).toEqual([]);
    });

    it('bloc-without-evaluation looks at each option', async () => {
        const text = `${HEADER}
bloc 5
  option 1 "Un"
    activité AS1-1 "a"
      compétence CS1-1 "x"
      compétence CS1-2 "y"
    modalité E5 "M"
      évalue CS1-1, CS1-2
      critère CR1-1 "a"
      critère CR1-2 "b"
  option 2 "Deux"
    activité AS2-1 "a"
      compétence CS2-1 "x2"
      compétence CS2-2 "y2"`;
        const { findings } = await checkText(text, { rules: { 'competency-not-evaluated': 'off', 'competency-without-criterion': 'off' } });
        expect(findings.map((f) => `${f.line}:${f.rule}`)).toEqual(['13:bloc-without-evaluation']);
    });

    it('evaluates-outside-bloc: without `évalue`, a criterion that judges a competency of another bloc or option', async () => {
        const text = `${HEADER}
bloc 1 "Un"
  activité A1 "a"
    compétence C1 "Un."
    compétence C2 "Deux."
  modalité E1 "M"
    critère CR1 "a"
    critère CR2 "b"
    critère CR3 "c"
bloc 2 "Deux"
  activité A2 "a"
    compétence C3 "Trois."
    compétence C4 "Quatre."
  modalité E2 "M"
    critère CR4 "d"
bloc 5
  option 1 "O1"
    activité AS1-1 "a"
      compétence CS1-1 "x1"
      compétence CS1-2 "y1"
    modalité E5 "M"
      critère CR1-1 "a"
      critère CR1-2 "b"
  option 2 "O2"
    activité AS2-1 "a"
      compétence CS2-1 "x2"
      compétence CS2-2 "y2"
    modalité E5 "M"
      critère CR2-1 "a"
      critère CR1-2 "b"`;
        const en = await checkText(text);
        expect(en.findings.filter((f) => f.rule === 'evaluates-outside-bloc').map((f) => `${f.line}:${f.message}`)).toEqual([
            '11:Criterion CR3 of modality E1 (bloc 1) judges C3, of bloc 2: a bloc is evaluated by its own modalities. Move the criterion to a modality of bloc 2, or fix it.',
            '32:Criterion CR1-2 of modality E5 (option 2 of bloc 5) judges CS1-2, of option 1: an option is evaluated by its own modalities. Move the criterion to a modality of option 1, or fix it.',
        ]);
        const fr = await checkText(text, { language: 'fr' });
        expect(fr.findings.find((f) => f.rule === 'evaluates-outside-bloc')!.message).toBe('Le critère CR3 de la modalité E1 (bloc 1) juge C3, du bloc 2 : un bloc est évalué par ses propres modalités. Déplacez le critère dans une modalité du bloc 2, ou corrigez-le.');
        // the competency left without a criterion in option 2 is named with its option
        expect(en.findings.filter((f) => f.rule === 'competency-not-evaluated').map((f) => f.message)).toEqual(['No modality evaluates competency CS2-2. Add "evaluates CS2-2" to a modality of option 2 of bloc 5.']);
    });

    it('evaluates-outside-bloc stays silent for a modality of the whole bloc, written before its options', async () => {
        const text = `${HEADER}
bloc 5 "Cinq"
  modalité E5 "Commune"
    critère CR1-1 "a"
    critère CR2-1 "b"
  option 1 "O1"
    activité AS1-1 "a"
      compétence CS1-1 "x1"
  option 2 "O2"
    activité AS2-1 "a"
      compétence CS2-1 "x2"`;
        const { findings } = await checkText(text, { rules: { 'bloc-single-competency': 'off' } });
        expect(findings).toEqual([]);
    });

    it('competency-in-several-blocs compares texts regardless of case, accents and punctuation', async () => {
        const text = `${HEADER}
bloc 1 "A"
  activité A1 "a"
    compétence C1 "Piloter le budget."
    compétence C2 "Autre."
  modalité E1 "M"
    critère CR1 "a"
    critère CR2 "b"
bloc 2 "B"
  activité A2 "a"
    compétence C3 "piloter le BUDGET"
    compétence C4 "Encore une autre."
  modalité E2 "M"
    critère CR3 "a"
    critère CR4 "b"`;
        const { findings } = await checkText(text);
        expect(findings.map((f) => `${f.line}:${f.rule}`)).toEqual(['13:competency-in-several-blocs']);
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
        expect(messages).toContain("La spécialisation 6A du bloc 6 n'a aucune modalité d'évaluation. Ajoutez-lui une « modalité ».");
        expect(messages).toContain("Aucune modalité n'évalue la compétence C6A.1. Ajoutez « évalue C6A.1 » à une modalité de la spécialisation 6A du bloc 6.");
        const en = await checkText(text('specialization'), { language: 'en' });
        expect(en.findings.map((f) => f.message)).toContain('Specialisation 6A of bloc 6 has no evaluation modality. Add a "modality" to it.');
    });

    it('an option', async () => {
        const fr = await checkText(text('option'), { language: 'fr' });
        expect(fr.findings.map((f) => f.message)).toContain("L'option 6A du bloc 6 n'a aucune modalité d'évaluation. Ajoutez-lui une « modalité ».");
    });
});
