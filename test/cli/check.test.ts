import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { ALL_RULES } from 'certiref-language';
import { cli, CLI, ROOT, runCli, WRITING_RULES, WRITING_RULES_OFF, WRITING_RULES_OFF_CONFIG } from '../helpers.js';

const temps: string[] = [];
function temp(files: Record<string, string>): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'certiref-cli-'));
    temps.push(dir);
    for (const [name, text] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
        fs.writeFileSync(path.join(dir, name), text);
    }
    // these tests are about the CLI: the drafting and dossier rules have theirs
    if (!Object.keys(files).some((f) => path.basename(f) === 'certiref.json')) fs.writeFileSync(path.join(dir, 'certiref.json'), WRITING_RULES_OFF_CONFIG);
    return dir;
}
afterEach(() => {
    for (const d of temps.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const WARN_ONLY = fs.readFileSync(path.join(ROOT, 'examples/rules/competency-without-criterion.ref'), 'utf8');
const WITH_ERROR = fs.readFileSync(path.join(ROOT, 'examples/rules/unresolved-reference.ref'), 'utf8');

describe('certiref check', () => {
    it('prints the findings for referentials/ and exits 1 because the seeds have errors', async () => {
        const r = await cli(['check', 'referentials']);
        expect(r.status).toBe(1);
        expect(r.stdout).toContain('referentials/chef-de-projet-digital/bloc-6.ref');
        expect(r.stdout).toMatch(/ {2}77:14 +warning {2}Id A6\.4 breaks the A6A\.n pattern.* {2}id-pattern/);
        expect(r.stdout).toMatch(/✖ 27 problems \(3 errors, 17 warnings, 7 info\) in 13 files/);
        expect(r.stderr).toBe('');
    });

    it('exits 0 on a clean référentiel, and when there are only warnings', async () => {
        expect((await cli(['check', 'examples/starter'])).status).toBe(0);
        const dir = temp({ 'a.ref': WARN_ONLY });
        const r = await cli(['check', dir]);
        expect(r.status).toBe(0);
        expect(r.stdout).toContain('competency-without-criterion');
    });

    it('checks the current folder by default', async () => {
        const dir = temp({ 'sub/a.ref': WITH_ERROR, 'node_modules/x.ref': 'garbage', '.hidden/y.ref': 'garbage' });
        const r = await cli(['check', '--format', 'json'], { cwd: dir });
        expect(r.status).toBe(1);
        const out = JSON.parse(r.stdout);
        expect(out.files).toEqual(['sub/a.ref']);
    });

    it('prints the json format with 1-based positions and relative paths', async () => {
        const dir = temp({ 'a.ref': WITH_ERROR });
        const r = await cli(['check', 'a.ref', '--format', 'json'], { cwd: dir });
        const out = JSON.parse(r.stdout);
        expect(out.tool.name).toBe('certiref');
        expect(out.tool.version).toMatch(/^\d+\.\d+\.\d+/);
        expect(out.files).toEqual(['a.ref']);
        expect(out.diagnostics).toEqual([{
            file: 'a.ref', line: 9, column: 20, endLine: 9, endColumn: 23, severity: 'error', rule: 'unresolved-reference',
            message: 'Competency C12 does not exist in certification unresolved-reference. Did you mean C1? Fix the id or declare the competency.',
            fingerprint: expect.stringMatching(/^[0-9a-f]{32}$/),
        }]);
        expect(out.summary).toEqual({ errors: 1, warnings: 0, infos: 0 });
    });

    it('speaks French with --lang fr or a French locale', async () => {
        const dir = temp({ 'a.ref': WARN_ONLY });
        expect((await cli(['check', dir, '--lang', 'fr'])).stdout).toContain("n'est jugée par aucun critère");
        expect((await cli(['check', dir], { env: { LANG: 'fr_FR.UTF-8' } })).stdout).toContain('avertissement');
        expect((await cli(['check', dir], { env: { LANG: 'en_US.UTF-8' } })).stdout).toContain('warning');
    });

    it('--max-warnings, --quiet and --rule', async () => {
        const dir = temp({ 'a.ref': WARN_ONLY });
        expect((await cli(['check', dir, '--max-warnings', '0'])).status).toBe(1);
        expect((await cli(['check', dir, '--max-warnings', '1'])).status).toBe(0);
        expect((await cli(['check', dir, '--quiet'])).stdout).not.toContain('competency-without-criterion');
        const raised = await cli(['check', dir, '--rule', 'competency-without-criterion=error']);
        expect(raised.status).toBe(1);
        expect(raised.stdout).toContain('error');
        expect((await cli(['check', dir, '--rule', 'competency-without-criterion=off', '--format', 'json'])).stdout).toContain('"diagnostics": []');
        // repeated, each one applies
        const writingOff = WRITING_RULES.flatMap((r) => ['--rule', `${r}=off`]);
        const repeated = JSON.parse((await cli(['check', 'referentials', '--format', 'json', '--rule', 'id-pattern=off', '--rule', 'competency-without-criterion=info', '--rule', 'criterion-without-competency=warning', ...writingOff])).stdout);
        expect(repeated.summary).toEqual({ errors: 0, warnings: 3, infos: 2 });
        expect(repeated.diagnostics.map((d: { rule: string }) => d.rule)).not.toContain('id-pattern');
    });

    it('reads certiref.json from the workspace root', async () => {
        const dir = temp({ 'certiref.json': '{ "language": "fr", "rules": { "competency-without-criterion": "error" } }', 'sub/a.ref': WARN_ONLY });
        const r = await cli(['check', '.'], { cwd: dir });
        expect(r.status).toBe(1);
        expect(r.stdout).toContain('erreur');
        // the command line wins over the file
        expect((await cli(['check', '.', '--rule', 'competency-without-criterion=off'], { cwd: dir })).status).toBe(0);
    });

    it('exits 2 with a one-line message on usage, configuration and file errors', async () => {
        const cases: Array<[string[], RegExp, string?]> = [
            [['check', 'no/such/path'], /no\/such\/path: .*no such file or folder/],
            [['check', '--format', 'xml'], /Allowed choices are stylish, json/],
            [['check', '--rule', 'nope=off'], /unknown rule "nope"/],
            [['check', '--rule', 'syntax-error=off'], /cannot be configured/],
            [['check', '--max-warnings', 'many'], /expected a whole number/],
            [['frobnicate'], /unknown command/],
        ];
        for (const [args, message] of cases) {
            const r = await cli(args);
            expect(r.status, args.join(' ')).toBe(2);
            expect(r.stderr, args.join(' ')).toMatch(message);
            expect(r.stderr).not.toMatch(/\n\s+at /);
        }
        // export, stats and diff stop on a broken certiref.json (check reports it, below)
        const bad = temp({ 'certiref.json': '{ "rules": { "id-pattern": "loud" } }', 'a.ref': WARN_ONLY });
        const r = await cli(['export', '.'], { cwd: bad });
        expect(r.status).toBe(2);
        expect(r.stderr).toMatch(/^certiref: certiref\.json:1:14: .*invalid severity for id-pattern/);
        const broken = temp({ 'certiref.json': '{ "rules": ', 'a.ref': WARN_ONLY });
        expect((await cli(['stats', '.'], { cwd: broken })).stderr).toMatch(/certiref\.json:1:\d+: .*invalid JSON/);
    });

    it('reports a broken certiref.json at its place and checks everything, under it with the settings it could read', async () => {
        // the README's example folder among the others: one finding in certiref.json, every other
        // rule example still checked, exit 1 (not 2)
        const r = await cli(['check', 'examples']);
        expect(r.status).toBe(1);
        expect(r.stderr).toBe('');
        expect(r.stdout).toMatch(/^examples\/rules\/invalid-config\/certiref\.json\n {2}4:5 {2}error {2}.*unknown rule "id-patern"\. This setting is ignored: its default applies\. {2}invalid-config$/m);
        expect(r.stdout).toMatch(/^examples\/rules\/unresolved-reference\.ref$/m);
        expect(r.stdout).toMatch(/^examples\/rules\/id-pattern\.ref$/m);
        expect(r.stdout.match(/invalid-config$/gm)).toHaveLength(1);
        // under a config with a bad severity and a good one: the good one applies, the bad one keeps its default
        const dir = temp({ 'certiref.json': '{ "language": "fr", "rules": { "id-pattern": "loud", "competency-without-criterion": "error" } }', 'a.ref': WARN_ONLY, 'other/certiref.json': '{ "rules": ', 'other/b.ref': WARN_ONLY });
        // (the drafting and dossier rules off: the coherence findings are what this is about)
        const json = await cli(['check', '.', '--format', 'json', ...WRITING_RULES.flatMap((w) => ['--rule', `${w}=off`])], { cwd: dir });
        expect(json.status).toBe(1);
        const report = JSON.parse(json.stdout) as { diagnostics: Array<{ file: string; line: number; column: number; severity: string; rule: string; message: string }> };
        expect(report.diagnostics.map((d) => `${d.file}:${d.line}:${d.column}:${d.severity}:${d.rule}`)).toEqual([
            'a.ref:7:16:error:competency-without-criterion',
            'certiref.json:1:32:error:invalid-config',
            'other/b.ref:7:16:warning:competency-without-criterion',
            'other/certiref.json:1:1:error:invalid-config',
        ]);
        expect(report.diagnostics[1].message).toMatch(/^sévérité invalide pour id-pattern\u00a0: .* Ce réglage est ignoré\u00a0: sa valeur par défaut s'applique\.$/);
    });

    it('says which certifications have their completeness checks paused by a syntax error', async () => {
        // checking one file of the pair: the pause is said although the certification's header is elsewhere
        const r = await cli(['check', 'examples/rules/checks-paused.ref']);
        expect(r.status).toBe(1);
        expect(r.stdout).toMatch(/ {2}3:15 +info +Completeness checks paused for certification checks-paused: checks-paused\.ref has a syntax error\. .* {2}checks-paused$/m);
        expect(r.stdout.trimEnd().split('\n').slice(-2)).toEqual([
            '✖ 2 problems (1 error, 0 warnings, 1 info) in 1 file',
            '⏸ Completeness checks paused for checks-paused: syntax error in examples/rules/checks-paused.ref. What is missing is not reported until it is fixed.',
        ]);
        const fr = await cli(['check', 'examples/rules/checks-paused.ref', '--lang', 'fr', '--rule', 'checks-paused=off']);
        expect(fr.stdout.trimEnd().split('\n').pop()).toBe("⏸ Vérifications de complétude suspendues pour checks-paused\u00a0: erreur de syntaxe dans examples/rules/checks-paused.ref. Ce qui manque n'est pas signalé tant qu'elle n'est pas corrigée.");
        const json = JSON.parse((await cli(['check', 'examples/rules/checks-paused.ref', 'examples/starter', '--format', 'json'])).stdout);
        expect(json.paused).toEqual([{ certification: 'checks-paused', files: ['examples/rules/checks-paused.ref'] }]);
        expect(JSON.parse((await cli(['check', 'examples/starter', '--format', 'json'])).stdout).paused).toEqual([]);
    });

    it('writes the report to a file with -o, never into a source file', async () => {
        const dir = temp({ 'a.ref': WARN_ONLY });
        const before = fs.readFileSync(path.join(dir, 'a.ref'), 'utf8');
        const r = await cli(['check', 'a.ref', '--format', 'json', '-o', 'report.json'], { cwd: dir });
        expect(r.status).toBe(0);
        expect(r.stdout).toBe('');
        expect(JSON.parse(fs.readFileSync(path.join(dir, 'report.json'), 'utf8')).summary.warnings).toBe(1);
        expect(fs.readFileSync(path.join(dir, 'a.ref'), 'utf8')).toBe(before);
        expect(fs.readdirSync(dir).sort()).toEqual(['a.ref', 'certiref.json', 'report.json']);
    });

    it('colours the report on a terminal only: never with NO_COLOR, never in a file written with -o', () => {
        const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;
        expect(hasScript, 'the `script` command (util-linux) gives the test a terminal; it is missing').toBe(true);
        const dir = temp({ 'a.ref': WITH_ERROR });
        const { NO_COLOR: _ignored, ...env } = process.env;
        const onTerminal = (command: string) => spawnSync('script', ['-qec', command, '/dev/null'], { cwd: dir, encoding: 'utf8', env: { ...env, LANG: 'C' } });
        const coloured = onTerminal(`${process.execPath} ${CLI} check a.ref`);
        expect(coloured.status).toBe(1);
        expect(coloured.stdout).toContain('\u001b[31merror\u001b[0m');
        expect(onTerminal(`NO_COLOR=1 ${process.execPath} ${CLI} check a.ref`).stdout).not.toContain('\u001b[');
        const toFile = onTerminal(`${process.execPath} ${CLI} check a.ref -o report.txt`);
        expect(toFile.status).toBe(1);
        const report = fs.readFileSync(path.join(dir, 'report.txt'), 'utf8');
        expect(report).toContain('unresolved-reference');
        expect(report).not.toContain('\u001b[');
    });

    it('refuses to write a report over a .ref file (exit 2, nothing read or written)', async () => {
        const dir = temp({ 'a.ref': WARN_ONLY });
        for (const command of [['check', 'a.ref'], ['stats', 'a.ref'], ['export', 'a.ref', '--force']]) {
            const r = await cli([...command, '-o', 'a.ref'], { cwd: dir });
            expect(r.status, command.join(' ')).toBe(2);
            expect(r.stderr).toBe('certiref: a.ref\u00a0: un rapport ne remplace pas un fichier .ref, choisissez un autre nom / a report does not replace a .ref file, choose another name\n');
        }
        expect(fs.readFileSync(path.join(dir, 'a.ref'), 'utf8')).toBe(WARN_ONLY);
    });

    it('says what is wrong with an option value once, in both languages', async () => {
        const r = await cli(['check', '--rule', 'id-pattern']);
        expect(r.status).toBe(2);
        expect(r.stderr).toBe('certiref: --rule <id=severity>\u00a0: attendu ID=off|hint|info|warning|error / expected ID=off|hint|info|warning|error, got "id-pattern"\n');
        expect((await cli(['check', '--max-warnings', '-1'])).stderr).toBe('certiref: --max-warnings <n>\u00a0: nombre entier attendu / expected a whole number, got "-1"\n');
    });

    it('--help lists the options in French and English, --version prints the version', async () => {
        const help = await cli(['check', '--help']);
        expect(help.status).toBe(0);
        for (const option of ['--format', '--output', '--max-warnings', '--quiet', '--rule', '--lang']) expect(help.stdout).toContain(option);
        expect(help.stdout).toContain('langue des messages / language of messages');
        expect(help.stdout).toContain("-h, --help             affiche l'aide / show help");
        expect(help.stdout).not.toContain('(default: {})');
        const top = await cli(['--help']);
        expect(top.stdout).toMatch(/-v, --version +affiche la version \/ print the version/);
        expect(runCli(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
        expect(runCli(['-v']).stdout).toBe(runCli(['--version']).stdout);
    });

    it('every rule documented in the README', () => {
        const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
        for (const rule of ALL_RULES) expect(readme, rule.id).toContain(`\`${rule.id}\``);
    });
});

describe('README', () => {
    it('its rules section is generated from the rules and their examples', () => {
        const r = spawnSync(process.execPath, [path.join(ROOT, 'packages/language/scripts/rules-doc.mjs'), '--check'], { encoding: 'utf8' });
        expect(r.stderr).toBe('');
        expect(r.status).toBe(0);
    });
});

describe('packaging', () => {
    it('npx certiref runs the bundled CLI after npm ci', () => {
        const r = spawnSync(path.join(ROOT, 'node_modules/.bin/certiref'), ['--version'], { encoding: 'utf8' });
        expect(r.status).toBe(0);
        expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    });
});

describe('files as they come', () => {
    it('refuses a file that is not UTF-8, not a .ref file, or an empty folder, with exit 2', async () => {
        const dir = temp({ 'notes.txt': 'x', 'empty/.keep': '' });
        fs.writeFileSync(path.join(dir, 'latin1.ref'), Buffer.from('certification R "R\xe9f\xe9rentiel"\n', 'latin1'));
        const latin1 = await cli(['check', 'latin1.ref'], { cwd: dir });
        expect(latin1.status).toBe(2);
        expect(latin1.stderr).toBe("certiref: latin1.ref:1:19: le texte n'est pas en UTF-8\u202f; enregistrez le fichier en UTF-8 / the text is not UTF-8; save the file as UTF-8\n");
        expect((await cli(['check', 'notes.txt'], { cwd: dir })).stderr).toMatch(/notes\.txt: pas un fichier \.ref \/ not a \.ref file/);
        expect((await cli(['check', 'empty'], { cwd: dir })).status).toBe(2);
        fs.writeFileSync(path.join(dir, 'bin.ref'), Buffer.from([0x63, 0x65, 0x00, 0x01]));
        expect((await cli(['check', 'bin.ref'], { cwd: dir })).stderr).toMatch(/bin\.ref:1:3: fichier binaire/);
    });

    it('checking one file reads the rest of its certification, and nothing of another declaration below it', async () => {
        const main = 'certification R "Exemple"\n  accessibilité "Aménagements pour les candidats en situation de handicap."\n';
        const part = 'partie de R\nbloc 1 "Bloc"\n  activité A1 "A"\n    compétence C1 "Un."\n    compétence C2 "Deux."\n  modalité E1 "M"\n    évalue C1, C2\n    critère CR1 "x"\n    critère CR2 "y"\n';
        const dir = temp({ 'r/certification.ref': main, 'r/blocs/bloc-1.ref': part, 'r/copie/certification.ref': main, 'r/copie/bloc-1.ref': part });
        // the copy's bloc is broken (not UTF-8): it is another certification's, never read
        fs.writeFileSync(path.join(dir, 'r/copie/bloc-1.ref'), Buffer.concat([Buffer.from(part), Buffer.from([0xff, 0xfe])]));
        const r = await cli(['check', path.join(dir, 'r/certification.ref'), '--format', 'json']);
        expect(r.stderr).toBe('');
        expect(r.status).toBe(0);
        // bloc 1 was read: without it, the certification would have no bloc … and no finding says so
        const stats = await cli(['stats', path.join(dir, 'r/certification.ref'), '--format', 'json']);
        expect(JSON.parse(stats.stdout).certifications[0]).toMatchObject({ certification: 'R', competencies: 2 });
    });

    it('reads a file behind a link once, and ignores a byte order mark', async () => {
        const dir = temp({ 'a.ref': '\uFEFF' + WARN_ONLY });
        fs.symlinkSync(path.join(dir, 'a.ref'), path.join(dir, 'alias.ref'));
        const out = JSON.parse((await cli(['check', '.', '--format', 'json'], { cwd: dir })).stdout);
        expect(out.files).toEqual(['a.ref']);
        expect(out.diagnostics.map((d: { line: number; column: number; rule: string }) => `${d.line}:${d.column}:${d.rule}`)).toEqual(['7:16:competency-without-criterion']);
    });

    it('speaks the language of the checked files\' certiref.json', async () => {
        const dir = temp({ 'c1/certiref.json': JSON.stringify({ language: 'fr', rules: WRITING_RULES_OFF }), 'c1/a.ref': WARN_ONLY });
        const r = await cli(['check', 'c1'], { cwd: dir });
        expect(r.stdout).toContain('avertissement');
        expect(r.stdout).toContain('✖ 1 constat (0 erreur, 1 avertissement, 0 info) dans 1 fichier');
    });

    it('checks in batches on worker threads with the same result as in one process', () => {
        const args = ['check', 'referentials', 'examples/starter', 'examples/multi-file', '--format', 'json'];
        const single = runCli(args);
        const sharded = runCli(args, { env: { CERTIREF_SHARD_FILES: '1', CERTIREF_WORKERS: '2' } });
        expect(sharded.status).toBe(single.status);
        expect(JSON.parse(sharded.stdout)).toEqual(JSON.parse(single.stdout));
        expect(JSON.parse(single.stdout).files).toHaveLength(17);
    });
});
