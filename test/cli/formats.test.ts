import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { Ajv } from 'ajv';
import AjvDraft04Module from 'ajv-draft-04';
import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { CHECK_RULES } from 'certiref-language';
import { cli, CLI, ROOT, WRITING_RULES } from '../helpers.js';

/** The output formats are tested on the référentiels' coherence findings: the drafting and dossier rules have their own tests. */
const COHERENCE_ONLY = WRITING_RULES.flatMap((r) => ['--rule', `${r}=off`]);

const REFS = 'referentials';

/** The official SARIF 2.1.0 schema (draft-04), compiled with ajv-draft-04. */
function sarifValidator() {
    const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'test/fixtures/sarif-schema-2.1.0.json'), 'utf8'));
    // ajv-draft-04 is CommonJS with a `default` export; the schema's formats (uri, date-time) are not checked
    const AjvDraft04 = (AjvDraft04Module as unknown as { default: typeof AjvDraft04Module }).default ?? AjvDraft04Module;
    return new (AjvDraft04 as unknown as typeof Ajv)({ allErrors: true, strict: false, logger: false }).compile(schema);
}

describe('--format sarif', () => {
    let r: Awaited<ReturnType<typeof cli>>;
    let log: ReturnType<typeof JSON.parse>;
    beforeAll(async () => {
        r = await cli(['check', REFS, '--format', 'sarif', ...COHERENCE_ONLY]);
        log = JSON.parse(r.stdout);
    });

    it('is valid SARIF 2.1.0 (official schema)', () => {
        const validate = sarifValidator();
        const valid = validate(log);
        expect(validate.errors ?? []).toEqual([]);
        expect(valid).toBe(true);
        expect(r.status).toBe(1);
    });

    it('lists every rule check runs (not the registry rules of certiref similar), with results that point at them by stable id and relative path', () => {
        const run = log.runs[0];
        expect(run.tool.driver.name).toBe('certiref');
        expect(run.tool.driver.rules.map((x: { id: string }) => x.id)).toEqual(CHECK_RULES.map((x) => x.id));
        for (const rule of run.tool.driver.rules) {
            expect(rule.shortDescription.text.length).toBeGreaterThan(10);
            expect(rule.help.text.length).toBeGreaterThan(10);
            // help that a code-scanning user can follow: both languages, no path into certiref's own repository
            expect(rule.help.markdown).toMatch(/^\*\*EN\*\* .+\n\n\*\*FR\*\* .+/);
            expect(rule.help.markdown).not.toContain('examples/rules');
        }
        expect(run.results).toHaveLength(6);
        const first = run.results.find((x: { ruleId: string }) => x.ruleId === 'id-pattern');
        expect(first.level).toBe('warning');
        expect(run.tool.driver.rules[first.ruleIndex].id).toBe('id-pattern');
        expect(first.locations[0].physicalLocation.artifactLocation.uri).toBe('referentials/chef-de-projet-digital/bloc-6.ref');
        expect(first.locations[0].physicalLocation.region).toMatchObject({ startLine: 77, startColumn: 14 });
        expect(first.partialFingerprints['certiref/v1']).toMatch(/^[0-9a-f]{32}$/);
    });

    it('keeps fingerprints when unrelated lines move', async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'certiref-sarif-'));
        try {
            const text = fs.readFileSync(path.join(ROOT, 'examples/rules/competency-without-criterion.ref'), 'utf8');
            fs.writeFileSync(path.join(dir, 'a.ref'), text);
            const before = JSON.parse((await cli(['check', 'a.ref', '--format', 'sarif'], { cwd: dir })).stdout).runs[0].results[0];
            fs.writeFileSync(path.join(dir, 'a.ref'), '// une ligne de plus\n\n' + text);
            const after = JSON.parse((await cli(['check', 'a.ref', '--format', 'sarif'], { cwd: dir })).stdout).runs[0].results[0];
            expect(after.locations[0].physicalLocation.region.startLine).toBe(before.locations[0].physicalLocation.region.startLine + 2);
            expect(after.partialFingerprints).toEqual(before.partialFingerprints);
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });
});

describe('fingerprints and line breaks', () => {
    it('a file whose lines end with CR, CRLF or LF gives the same fingerprints', async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'certiref-eol-'));
        try {
            const text = fs.readFileSync(path.join(ROOT, 'examples/rules/competency-without-criterion.ref'), 'utf8');
            const fingerprints: string[][] = [];
            for (const eol of ['\n', '\r\n', '\r']) {
                fs.writeFileSync(path.join(dir, 'a.ref'), text.replace(/\n/g, eol));
                fingerprints.push(JSON.parse((await cli(['check', 'a.ref', '--format', 'json', ...COHERENCE_ONLY], { cwd: dir })).stdout).diagnostics.map((d: { line: number; fingerprint: string }) => `${d.line} ${d.fingerprint}`));
            }
            expect(fingerprints[0]).toHaveLength(1);
            expect(fingerprints[1]).toEqual(fingerprints[0]);
            expect(fingerprints[2]).toEqual(fingerprints[0]);
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });
});

describe('--format junit', () => {
    it('has a test suite per file and a test case per rule, failing where the rule has findings', async () => {
        const r = await cli(['check', REFS, '--format', 'junit', ...COHERENCE_ONLY]);
        expect(r.status).toBe(1);
        const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(r.stdout);
        const suites = doc.testsuites.testsuite;
        expect(suites).toHaveLength(13);
        for (const suite of suites) expect(suite.testcase).toHaveLength(CHECK_RULES.length);
        const failing = suites.flatMap((s: { name: string; testcase: { name: string; failure?: { type: string } }[] }) =>
            s.testcase.filter((t) => t.failure).map((t) => `${t.name} ${t.failure!.type}`));
        expect(failing.sort()).toEqual([
            'referentials/chef-de-projet-digital/bloc-6.ref id-pattern warning',
            'referentials/manager-strategie-digitale/bloc-3.ref criterion-without-competency error',
            'referentials/manager-strategie-digitale/bloc-5.ref competency-without-criterion warning',
            'referentials/manager-strategie-digitale/bloc-5.ref criterion-without-competency error',
        ]);
        expect(doc.testsuites.failures).toBe('4');
    });
});

describe('--format github', () => {
    it('prints annotations, then the full report, and writes a Markdown summary', async () => {
        const summary = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'certiref-gh-')), 'summary.md');
        fs.writeFileSync(summary, '# earlier step\n');
        const r = await cli(['check', REFS, '--format', 'github', ...COHERENCE_ONLY], { env: { GITHUB_STEP_SUMMARY: summary } });
        expect(r.status).toBe(1);
        const lines = r.stdout.split('\n');
        expect(lines[0]).toBe('::warning file=referentials/chef-de-projet-digital/bloc-6.ref,line=77,col=14,endLine=77,endColumn=18,title=id-pattern::'
            + 'Id A6.4 breaks the A6A.n pattern of the other ids of specialisation 6A and its competency is C6A.4. Rename it A6A.4?');
        expect(lines.filter((l) => l.startsWith('::error ')).length).toBe(3);
        expect(lines.filter((l) => l.startsWith('::warning ')).length).toBe(3);
        expect(r.stdout).toContain('✖ 6 problems (3 errors, 3 warnings, 0 info) in 13 files');
        const md = fs.readFileSync(summary, 'utf8');
        expect(md.startsWith('# earlier step\n## certiref')).toBe(true);
        expect(md).toContain('**3** error(s), **3** warning(s)');
        expect(md).toContain('| `referentials/manager-strategie-digitale/bloc-5.ref` | 137:18 | warning | `competency-without-criterion` |');
    });

    it('without $GITHUB_STEP_SUMMARY, prints the same and writes no summary; in French, the summary is French', async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'certiref-gh-'));
        try {
            const { GITHUB_STEP_SUMMARY: _ignored, ...env } = process.env;
            const without = spawnSync(process.execPath, [CLI, 'check', REFS, '--format', 'github', ...COHERENCE_ONLY], { cwd: ROOT, encoding: 'utf8', env: { ...env, LANG: 'C' } });
            expect(without.status).toBe(1);
            expect(without.stderr).toBe('');
            expect(without.stdout.split('\n').filter((l) => /^::(error|warning|notice) /.test(l)).length).toBe(6);
            const summary = path.join(dir, 'summary.md');
            await cli(['check', REFS, '--format', 'github', '--lang', 'fr', ...COHERENCE_ONLY], { env: { GITHUB_STEP_SUMMARY: summary } });
            const md = fs.readFileSync(summary, 'utf8');
            expect(md).toContain('## certiref\u00a0: vérification des référentiels');
            expect(md).toContain('| `referentials/manager-strategie-digitale/bloc-5.ref` | 137:18 | avertissement | `competency-without-criterion` |');
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });

    it('escapes newlines, percent signs, colons and commas', async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'certiref-gh-'));
        try {
            fs.writeFileSync(path.join(dir, 'a,b:c.ref'), 'certification X "T"\nbloc 1 "B" extra');
            const r = await cli(['check', '.', '--format', 'github'], { cwd: dir });
            expect(r.stdout).toMatch(/^::error file=a%2Cb%3Ac\.ref,line=2/m);
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });
});

describe('certiref export --format json', () => {
    let r: Awaited<ReturnType<typeof cli>>;
    let model: ReturnType<typeof JSON.parse>;
    beforeAll(async () => {
        r = await cli(['export', REFS]);
        model = JSON.parse(r.stdout);
    });

    it('matches the published JSON Schema', () => {
        const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'packages/cli/schema/certiref-model.schema.json'), 'utf8'));
        const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);
        validate(model);
        expect(validate.errors ?? []).toEqual([]);
        expect(r.status).toBe(0);
    });

    it('has the model of both référentiels', () => {
        expect(model.certifications.map((c: { id: string }) => c.id)).toEqual(['CPD', 'MSD']);
        const msd = model.certifications[1];
        expect(msd.blocs.map((b: { id: string; option: { id: string } | null }) => b.id + (b.option ? `/${b.option.id}` : ''))).toEqual(['1', '2', '3', '4', '5/1', '5/2', '5/3']);
        const e3 = msd.blocs[2].modalities[0];
        expect(e3.id).toBe('E3');
        expect(e3.evaluates).toEqual(['C11', 'C12', 'C13', 'C14']);
        expect(e3.criteria.map((c: { id: string | null; competencies: string[] }) => `${c.id}:${c.competencies.join('+')}`))
            .toEqual(['null:', 'CR11:C11+C12+C13', 'CR14:C14', 'null:C14', 'null:C14']);
        const e5 = msd.blocs[4].modalities[0];
        expect(e5.criteria[0]).toMatchObject({ id: 'CR1-1', part: 'Partie en groupe', competencies: ['CS1-1'] });
        expect(msd.blocs[0].activities[0].competencies[0]).toMatchObject({ id: 'C1', source: { file: 'referentials/manager-strategie-digitale/bloc-1.ref' } });
    });
});

describe('certiref stats', () => {
    it('counts and coverage per certification and bloc, as a table or JSON', async () => {
        const table = await cli(['stats', REFS]);
        expect(table.status).toBe(0);
        expect(table.stdout.split('\n')[0]).toMatch(/^certification\s+bloc\s+option\s+activities\s+competencies\s+modalities\s+criteria\s+with criterion\s+evaluated$/);
        expect(table.stdout).toMatch(/MSD\s+5\s+2\s+2\s+5\s+1\s+3\s+3\/5 \(60 %\)\s+5\/5 \(100 %\)/);
        expect((await cli(['stats', REFS, '--lang', 'fr'])).stdout).toContain('compétences');
        const json = JSON.parse((await cli(['stats', REFS, '--format', 'json'])).stdout);
        expect(json.certifications).toEqual([
            expect.objectContaining({ certification: 'CPD', activities: 26, competencies: 30, modalities: 18, criteria: 123, withCriterion: 30, evaluated: 30 }),
            expect.objectContaining({ certification: 'MSD', activities: 15, competencies: 35, modalities: 7, criteria: 33, withCriterion: 33, evaluated: 35 }),
        ]);
        expect(json.certifications[1].coverage.criterion).toBeCloseTo(33 / 35);
    });

    it('as HTML, the dossier checklist: each requirement met or not, its findings with file:line', async () => {
        const r = await cli(['stats', 'examples/skeleton', '--format', 'html']);
        expect(r.status).toBe(0);
        expect(r.stdout).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
        expect(r.stdout).toContain("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">");
        expect(r.stdout).toContain('Dossier checklist — 10 of 18 requirements met');
        // the header: no level, a finding at the certification's line
        expect(r.stdout).toMatch(/<tr class="unmet"><th scope="row">Level<\/th><td class="status">✘ not met<\/td><td><ul class="findings"><li class="finding"><span class="where">examples\/skeleton\/referentiel\.ref:4<\/span> — Certification SK has no level\./);
        expect(r.stdout).toMatch(/<tr class="not-applicable"><th scope="row">RNCP number<\/th><td class="status">— not applicable<\/td>/);
        expect(r.stdout).toMatch(/<tr class="met"><th scope="row">Theme: disability and accessibility<\/th><td class="status">✔ met<\/td><td><div class="detail">&quot;handicap&quot;/);
        // bloc 1: « Connaissance des outils » on line 9, placeholders on lines 8, 10, 13, 14
        const bloc = r.stdout.slice(r.stdout.indexOf('<h2>Bloc 1'));
        expect(bloc).toMatch(/Competencies written with an action verb in the infinitive<\/th><td class="status">✘ not met<\/td><td><ul class="findings"><li class="finding"><span class="where">examples\/skeleton\/referentiel\.ref:9<\/span>/);
        expect([...bloc.matchAll(/referentiel\.ref:(\d+)<\/span> — [^<]*holds &quot;(À rédiger|ok)&quot;/g)].map((m) => m[1])).toEqual(['8', '10', '13', '14']);
        // no script, no data-line in the page: file:line says where
        expect(r.stdout).not.toMatch(/<script|data-line="/);
        const fr = (await cli(['stats', 'examples/skeleton', '--format', 'html', '--lang', 'fr'])).stdout;
        expect(fr).toContain('Liste de contrôle du dossier — 10 exigences remplies sur 18');
        expect(fr).toContain('<td class="status">✘ à reprendre</td>');
    });
});

describe('globs', () => {
    it('accepts glob patterns and says when one matches nothing', async () => {
        const r = await cli(['check', 'referentials/*/bloc-5.ref', 'referentials/*/certification.ref', '--format', 'json']);
        expect(JSON.parse(r.stdout).files).toEqual([
            'referentials/chef-de-projet-digital/bloc-5.ref', 'referentials/chef-de-projet-digital/certification.ref',
            'referentials/manager-strategie-digitale/bloc-5.ref', 'referentials/manager-strategie-digitale/certification.ref',
        ]);
        const none = await cli(['check', 'nothing/**/*.ref']);
        expect(none.status).toBe(2);
        expect(none.stderr).toMatch(/no \.ref file matches/);
    });
});

describe('every format on the examples', () => {
    // the rule examples (each shows its finding; invalid-config is a folder with a broken
    // certiref.json, tested apart), the starter and the multi-file example
    const rules = fs.readdirSync(path.join(ROOT, 'examples/rules')).filter((f) => f.endsWith('.ref')).map((f) => `examples/rules/${f}`);
    let json: Awaited<ReturnType<typeof cli>>;
    let expected: { files: string[]; diagnostics: Array<{ file: string; line: number; column: number; severity: string; rule: string }> };
    beforeAll(async () => {
        json = await cli(['check', ...rules, '--format', 'json']);
        expected = JSON.parse(json.stdout);
    });

    it('json: each rule example shows its own rule, with the exit code of its severity', async () => {
        expect(json.status).toBe(1);
        expect(expected.files).toHaveLength(rules.length);
        for (const file of expected.files) {
            const rule = path.basename(file, '.ref');
            expect(expected.diagnostics.map((d) => `${d.file}:${d.rule}`), file).toContain(`${file}:${rule}`);
        }
        for (const clean of ['examples/starter', 'examples/multi-file']) {
            const r = await cli(['check', clean, '--format', 'json']);
            expect(r.status, clean).toBe(0);
            expect(JSON.parse(r.stdout).diagnostics, clean).toEqual([]);
        }
    });

    it('sarif, junit, github and stylish report the same findings', async () => {
        const sarif = await cli(['check', ...rules, '--format', 'sarif']);
        expect(sarif.status).toBe(1);
        const log = JSON.parse(sarif.stdout);
        const validate = sarifValidator();
        validate(log);
        expect(validate.errors ?? []).toEqual([]);
        const results = log.runs[0].results as Array<{ ruleId: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }> }>;
        expect(results.map((x) => `${x.locations[0].physicalLocation.artifactLocation.uri}:${x.locations[0].physicalLocation.region.startLine}:${x.locations[0].physicalLocation.region.startColumn}:${x.ruleId}`))
            .toEqual(expected.diagnostics.map((d) => `${d.file}:${d.line}:${d.column}:${d.rule}`));

        const junit = await cli(['check', ...rules, '--format', 'junit']);
        expect(junit.status).toBe(1);
        const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(junit.stdout);
        expect(Number(doc.testsuites.failures)).toBe(new Set(expected.diagnostics.map((d) => `${d.file} ${d.rule}`)).size);

        const github = await cli(['check', ...rules, '--format', 'github']);
        expect(github.status).toBe(1);
        const annotations = github.stdout.split('\n').filter((l) => /^::(error|warning|notice) /.test(l));
        expect(annotations).toHaveLength(expected.diagnostics.length);

        const stylish = await cli(['check', ...rules]);
        expect(stylish.status).toBe(1);
        const errors = expected.diagnostics.filter((d) => d.severity === 'error').length;
        const warnings = expected.diagnostics.filter((d) => d.severity === 'warning').length;
        const infos = expected.diagnostics.filter((d) => d.severity === 'info').length;
        expect(stylish.stdout).toContain(`✖ ${expected.diagnostics.length} problems (${errors} errors, ${warnings} warnings, ${infos} info) in ${rules.length} files`);
    });

    it('every format of a clean référentiel exits 0', async () => {
        for (const format of ['stylish', 'json', 'sarif', 'junit', 'github']) {
            const r = await cli(['check', 'examples/starter', '--format', format]);
            expect(r.status, format).toBe(0);
            expect(r.stderr, format).toBe('');
        }
    });
});
