import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Ajv } from 'ajv';
import AjvDraft04Module from 'ajv-draft-04';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers.js';

// The registry rules through the CLI, on the six real fiches of the extract.
const EXTRACT = path.join(ROOT, 'examples/rncp/export_fiches_RNCP_extract.xml');
const FIXTURES = path.join(ROOT, 'test/fixtures/similar');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'certiref-similar-cli-'));
const INDEX = path.join(work, 'index');
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

function similar(args: string[], env: Record<string, string> = {}) {
    return runCli(['similar', ...args, '--registry', EXTRACT, '--index', INDEX], { env });
}

interface JsonReport {
    diagnostics: Array<{ file: string; line: number; rule: string; severity: string; message: string; similarity?: { score: number; relation: string; fiche: { number: string }; bloc?: { code: string }; passage: string; text: string } }>;
    registry: { fiches: number; blocs: number; built: boolean };
}

function json(args: string[]): JsonReport {
    const r = similar([...args, '--format', 'json']);
    expect(r.status, r.stderr).toBe(0);
    return JSON.parse(r.stdout) as JsonReport;
}

describe('certiref similar', () => {
    it('builds the index once, then reuses it until the export changes', () => {
        const exportCopy = path.join(work, 'export.xml');
        fs.copyFileSync(EXTRACT, exportCopy);
        const index = path.join(work, 'own-index');
        const run = () => runCli(['similar', path.join(FIXTURES, 'copy'), '--registry', exportCopy, '--index', index]);
        const first = run();
        expect(first.status, first.stderr).toBe(0);
        expect(first.stderr).toMatch(/building the registry's index \(no index yet\)/);
        expect(first.stderr).toMatch(/index built in [\d.]+ s \(6 fiches, 31 blocs\)/);
        expect(fs.readdirSync(index)).toEqual([expect.stringMatching(/^export-[0-9a-f]{12}\.certiref-index$/)]);
        const second = run();
        expect(second.stderr).toBe('');
        expect(second.stdout).toBe(first.stdout);
        fs.appendFileSync(exportCopy, '\n');
        expect(run().stderr).toMatch(/\(the export changed\)/);
        // an index cut short is built again
        const file = path.join(index, fs.readdirSync(index)[0]);
        fs.truncateSync(file, fs.statSync(file).size - 1000);
        const damaged = run();
        expect(damaged.status, damaged.stderr).toBe(0);
        expect(damaged.stderr).toMatch(/\(the index was damaged\)/);
        expect(damaged.stdout).toBe(first.stdout);
        expect(runCli(['similar', path.join(FIXTURES, 'copy'), '--registry', exportCopy, '--index', index, '--rebuild']).stderr).toMatch(/\(--rebuild\)/);
    });

    it('finds reworded competencies of other certifications, with the score, the fiche, the bloc and the shared passage', () => {
        const report = json([path.join(FIXTURES, 'copy')]);
        const c1 = report.diagnostics.find((d) => d.line === 9)!;
        expect(c1.rule).toBe('similar-text');
        expect(c1.severity).toBe('info');
        // clauses moved, a verb changed, a word dropped: still found, in both versions of the programme
        // the same score in both versions of the programme: the active fiche first
        expect(c1.message).toMatch(/^Competency 89% similar to bloc RNCP39568BC01 "Appréhender et évaluer les transformations de la société et de l’environnement …" of fiche RNCP39568 "Diplôme d’études supérieures en management \(Programme Grande École\)" \(shared passage: "contextes économiques et géopolitiques qui peuvent venir impacter les choix stratégiques pour l'entreprise et la conduite opérationnelle …"\)\. Also close to RNCP34762BC01 \(89%\)(, RNCP\d+BC\d\d \(\d+%\))*\. A référentiel that reproduces another may be refused/);
        expect(c1.similarity).toMatchObject({ score: 89, relation: 'other', fiche: { number: 'RNCP39568' }, bloc: { code: 'RNCP39568BC01' } });
        expect(c1.similarity!.text).toMatch(/^Pour la conduite opérationnelle/);
        // a competency of the référentiel's own words: nothing
        expect(report.diagnostics.some((d) => d.line === 11)).toBe(false);
        // a bloc whose two competencies come from the same registry bloc
        const bloc = report.diagnostics.find((d) => d.line === 15)!;
        expect(bloc.message).toMatch(/^Bloc \d+% similar to bloc RNCP35625BC03 .*; 2 of its 2 competencies resemble it/);
        expect(report.registry).toMatchObject({ fiches: 6, blocs: 31 });
    });

    it('recognises the versions of one programme bloc by bloc, and leaves unrelated fiches below the threshold', () => {
        const report = json([path.join(FIXTURES, 'rncp39568')]);
        const own = report.diagnostics.filter((d) => d.rule === 'similar-own-version');
        // one summary on the certification: its own fiche, and its previous version by the registry's links
        expect(own[0].line).toBe(2);
        expect(own[0].message).toMatch(/^The registry knows this certification: its texts take up its own fiche RNCP39568 \(18 competencies of 19; blocs .*\), its previous version \(as the registry says\) RNCP34762 \(\d+ competenc/);
        const blocs = own.filter((d) => / Bloc continuing /.test(` ${d.message}`)).map((d) => [d.line, /bloc (RNCP34762BC\d\d)/.exec(d.message)![1]]);
        expect(blocs).toEqual([[5, 'RNCP34762BC01'], [49, 'RNCP34762BC02'], [64, 'RNCP34762BC02'], [72, 'RNCP34762BC03']]);
        // nothing is a reproduction of the certification's own fiche or of its previous version
        const others = report.diagnostics.filter((d) => d.rule === 'similar-text');
        expect(others.every((d) => d.similarity!.fiche.number === 'RNCP35625')).toBe(true);
        // the three unrelated certifications never come up
        expect(report.diagnostics.some((d) => /RNCP3(6490|6612|7674)/.test(d.message))).toBe(false);
    });

    it('sees the previous version from the other side: RNCP39568 is RNCP34762\'s next version', () => {
        const dir = path.join(work, 'rncp34762');
        fs.mkdirSync(dir, { recursive: true });
        const text = fs.readFileSync(path.join(FIXTURES, 'copy/referentiel.ref'), 'utf8').replace('  niveau 7', '  rncp RNCP34762\n  niveau 7');
        fs.writeFileSync(path.join(dir, 'referentiel.ref'), text);
        const report = json([dir]);
        const c1 = report.diagnostics.filter((d) => d.line === 10);
        expect(c1.map((d) => d.rule)).toEqual(['similar-own-version']);
        expect(c1[0].message).toMatch(/taken \d+% from its next version \(as the registry says\) RNCP39568/);
    });

    it('says each finding in every format check has', () => {
        const args = [path.join(FIXTURES, 'copy')];
        const sarif = JSON.parse(similar([...args, '--format', 'sarif']).stdout);
        const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'test/fixtures/sarif-schema-2.1.0.json'), 'utf8'));
        const AjvDraft04 = (AjvDraft04Module as unknown as { default: typeof AjvDraft04Module }).default ?? AjvDraft04Module;
        const validate = new (AjvDraft04 as unknown as typeof Ajv)({ allErrors: true, strict: false, logger: false }).compile(schema);
        expect(validate(sarif), JSON.stringify(validate.errors)).toBe(true);
        expect(sarif.runs[0].tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(['similar-text', 'similar-own-version']);
        expect(sarif.runs[0].results[0]).toMatchObject({ ruleId: 'similar-text', level: 'note', properties: { similarity: { fiche: { number: 'RNCP39568' } } } });
        const junit = similar([...args, '--format', 'junit']).stdout;
        expect(junit).toContain('<testcase classname="certiref.similar-text"');
        expect(junit).toMatch(/<failure type="info" message="4 × similar-text: Competency/);
        expect(junit).not.toContain('competency-without-criterion');
        const github = similar([...args, '--format', 'github'], { GITHUB_STEP_SUMMARY: '' }).stdout;
        // GitHub's escaping: % is %25
        expect(github).toMatch(/^::notice file=test\/fixtures\/similar\/copy\/referentiel\.ref,line=9,col=16,endLine=9,endColumn=18,title=similar-text::Competency 89%25 similar to bloc RNCP39568BC01/m);
        const stylish = similar(args).stdout;
        expect(stylish).toMatch(/ {2}9:16 +info {2}Competency 89% similar to bloc RNCP39568BC01 .* {2}similar-text/);
        expect(stylish).toMatch(/✖ 4 problems \(0 errors, 0 warnings, 4 info\) in 1 file/);
        const french = similar([...args, '--lang', 'fr']).stdout;
        expect(french).toContain('Compétence proche à 89\u202f% du bloc RNCP39568BC01 «\u202fAppréhender');
    });

    it('follows the rule settings and the suppression comments like any rule', () => {
        const dir = path.join(work, 'suppressed');
        fs.mkdirSync(dir, { recursive: true });
        const text = fs.readFileSync(path.join(FIXTURES, 'copy/referentiel.ref'), 'utf8')
            .replace('    compétence C1 ', '    // certiref-ignore similar-text -- the school\'s own earlier wording\n    compétence C1 ');
        fs.writeFileSync(path.join(dir, 'referentiel.ref'), text);
        const report = json([dir]);
        expect(report.diagnostics.map((d) => d.line)).toEqual([16, 18, 20]);
        // check does not run the registry rules: the comment is not "unused" there
        const check = runCli(['check', dir, '--format', 'json']);
        expect(JSON.parse(check.stdout).diagnostics.map((d: { rule: string }) => d.rule)).not.toContain('unused-suppression');
        const warnings = similar([dir, '--rule', 'similar-text=warning', '--format', 'json']);
        expect(JSON.parse(warnings.stdout).diagnostics.map((d: { severity: string }) => d.severity)).toEqual(['warning', 'warning', 'warning']);
        const off = similar([dir, '--rule', 'similar-text=off', '--format', 'json']);
        expect(JSON.parse(off.stdout).diagnostics).toEqual([]);
        // a higher threshold keeps only the closest
        const strict = similar([dir, '--threshold', '90%', '--format', 'json']);
        expect(JSON.parse(strict.stdout).diagnostics.map((d: { line: number }) => d.line)).toEqual([18, 20]);
    });

    it('takes the export from certiref.json, and says clearly what is missing or wrong', () => {
        const dir = path.join(work, 'configured');
        fs.mkdirSync(dir, { recursive: true });
        fs.copyFileSync(path.join(FIXTURES, 'copy/referentiel.ref'), path.join(dir, 'referentiel.ref'));
        fs.writeFileSync(path.join(dir, 'certiref.json'), JSON.stringify({ registry: { export: path.relative(dir, EXTRACT), index: '../index' } }));
        const configured = runCli(['similar', dir, '--format', 'json']);
        expect(configured.status, configured.stderr).toBe(0);
        expect(JSON.parse(configured.stdout).diagnostics).toHaveLength(4);
        const none = runCli(['similar', path.join(FIXTURES, 'copy')]);
        expect(none.status).toBe(2);
        expect(none.stderr).toMatch(/--registry EXPORT/);
        const missing = runCli(['similar', path.join(FIXTURES, 'copy'), '--registry', path.join(work, 'nope.zip')]);
        expect(missing.status).toBe(2);
        expect(missing.stderr).toMatch(/nope\.zip\u202f: fichier introuvable \/ no such file/);
        const broken = path.join(work, 'broken.xml');
        fs.writeFileSync(broken, fs.readFileSync(EXTRACT, 'utf8').slice(0, 50_000));
        const cut = runCli(['similar', path.join(FIXTURES, 'copy'), '--registry', broken, '--index', INDEX]);
        expect(cut.status).toBe(2);
        expect(cut.stderr).toMatch(/broken\.xml:\d+:\d+: .* \/ .*truncated/);
        expect(fs.readdirSync(INDEX).filter((f) => f.startsWith('broken'))).toEqual([]);
        // an index that cannot be written: where, why, what to do
        const blocked = runCli(['similar', path.join(FIXTURES, 'copy'), '--registry', EXTRACT, '--index', path.join(broken, 'index')]);
        expect(blocked.status).toBe(2);
        expect(blocked.stderr).toMatch(/broken\.xml\/index\/export_fiches_RNCP_extract-[0-9a-f]{12}\.certiref-index\u202f: l'index ne peut pas être écrit \(ENOTDIR\), choisissez un autre dossier avec --index/);
        const badThreshold = runCli(['similar', path.join(FIXTURES, 'copy'), '--registry', EXTRACT, '--threshold', '150%']);
        expect(badThreshold.status).toBe(2);
    });
});
