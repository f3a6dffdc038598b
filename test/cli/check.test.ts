import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { ALL_RULES } from 'certiref-language';
import { ROOT, runCli } from '../helpers.js';

const temps: string[] = [];
function temp(files: Record<string, string>): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'certiref-cli-'));
    temps.push(dir);
    for (const [name, text] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
        fs.writeFileSync(path.join(dir, name), text);
    }
    return dir;
}
afterEach(() => {
    for (const d of temps.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const WARN_ONLY = fs.readFileSync(path.join(ROOT, 'examples/rules/competency-without-criterion.ref'), 'utf8');
const WITH_ERROR = fs.readFileSync(path.join(ROOT, 'examples/rules/unresolved-reference.ref'), 'utf8');

describe('certiref check', () => {
    it('prints the findings for referentials/ and exits 1 because the seeds have errors', () => {
        const r = runCli(['check', 'referentials']);
        expect(r.status).toBe(1);
        expect(r.stdout).toContain('referentials/chef-de-projet-digital/bloc-6.ref');
        expect(r.stdout).toMatch(/ {2}77:14 {2}warning {2}Id A6\.4 breaks the A6A\.n pattern.* {2}id-pattern/);
        expect(r.stdout).toMatch(/✖ 6 problems \(3 errors, 3 warnings, 0 info\) in 13 files/);
        expect(r.stderr).toBe('');
    });

    it('exits 0 on a clean référentiel, and when there are only warnings', () => {
        expect(runCli(['check', 'examples/starter']).status).toBe(0);
        const dir = temp({ 'a.ref': WARN_ONLY });
        const r = runCli(['check', dir]);
        expect(r.status).toBe(0);
        expect(r.stdout).toContain('competency-without-criterion');
    });

    it('checks the current folder by default', () => {
        const dir = temp({ 'sub/a.ref': WITH_ERROR, 'node_modules/x.ref': 'garbage', '.hidden/y.ref': 'garbage' });
        const r = runCli(['check', '--format', 'json'], { cwd: dir });
        expect(r.status).toBe(1);
        const out = JSON.parse(r.stdout);
        expect(out.files).toEqual(['sub/a.ref']);
    });

    it('prints the json format with 1-based positions and relative paths', () => {
        const dir = temp({ 'a.ref': WITH_ERROR });
        const r = runCli(['check', 'a.ref', '--format', 'json'], { cwd: dir });
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

    it('speaks French with --lang fr or a French locale', () => {
        const dir = temp({ 'a.ref': WARN_ONLY });
        expect(runCli(['check', dir, '--lang', 'fr']).stdout).toContain("n'est jugée par aucun critère");
        expect(runCli(['check', dir], { env: { LANG: 'fr_FR.UTF-8' } }).stdout).toContain('avertissement');
        expect(runCli(['check', dir], { env: { LANG: 'en_US.UTF-8' } }).stdout).toContain('warning');
    });

    it('--max-warnings, --quiet and --rule', () => {
        const dir = temp({ 'a.ref': WARN_ONLY });
        expect(runCli(['check', dir, '--max-warnings', '0']).status).toBe(1);
        expect(runCli(['check', dir, '--max-warnings', '1']).status).toBe(0);
        expect(runCli(['check', dir, '--quiet']).stdout).not.toContain('competency-without-criterion');
        const raised = runCli(['check', dir, '--rule', 'competency-without-criterion=error']);
        expect(raised.status).toBe(1);
        expect(raised.stdout).toContain('error');
        expect(runCli(['check', dir, '--rule', 'competency-without-criterion=off', '--format', 'json']).stdout).toContain('"diagnostics": []');
    });

    it('reads certiref.json from the workspace root', () => {
        const dir = temp({ 'certiref.json': '{ "language": "fr", "rules": { "competency-without-criterion": "error" } }', 'sub/a.ref': WARN_ONLY });
        const r = runCli(['check', '.'], { cwd: dir });
        expect(r.status).toBe(1);
        expect(r.stdout).toContain('erreur');
        // the command line wins over the file
        expect(runCli(['check', '.', '--rule', 'competency-without-criterion=off'], { cwd: dir }).status).toBe(0);
    });

    it('exits 2 with a one-line message on usage, configuration and file errors', () => {
        const cases: Array<[string[], RegExp, string?]> = [
            [['check', 'no/such/path'], /no\/such\/path: .*no such file or folder/],
            [['check', '--format', 'xml'], /Allowed choices are stylish, json/],
            [['check', '--rule', 'nope=off'], /unknown rule "nope"/],
            [['check', '--rule', 'syntax-error=off'], /cannot be configured/],
            [['check', '--max-warnings', 'many'], /expected a whole number/],
            [['frobnicate'], /unknown command/],
        ];
        for (const [args, message] of cases) {
            const r = runCli(args);
            expect(r.status, args.join(' ')).toBe(2);
            expect(r.stderr, args.join(' ')).toMatch(message);
            expect(r.stderr).not.toMatch(/\n\s+at /);
        }
        const bad = temp({ 'certiref.json': '{ "rules": { "id-pattern": "loud" } }', 'a.ref': WARN_ONLY });
        const r = runCli(['check', '.'], { cwd: bad });
        expect(r.status).toBe(2);
        expect(r.stderr).toMatch(/^certiref: certiref\.json:1:14: .*invalid severity for id-pattern/);
        const broken = temp({ 'certiref.json': '{ "rules": ', 'a.ref': WARN_ONLY });
        expect(runCli(['check', '.'], { cwd: broken }).stderr).toMatch(/certiref\.json:1:\d+: .*invalid JSON/);
    });

    it('writes the report to a file with -o, never into a source file', () => {
        const dir = temp({ 'a.ref': WARN_ONLY });
        const before = fs.readFileSync(path.join(dir, 'a.ref'), 'utf8');
        const r = runCli(['check', 'a.ref', '--format', 'json', '-o', 'report.json'], { cwd: dir });
        expect(r.status).toBe(0);
        expect(r.stdout).toBe('');
        expect(JSON.parse(fs.readFileSync(path.join(dir, 'report.json'), 'utf8')).summary.warnings).toBe(1);
        expect(fs.readFileSync(path.join(dir, 'a.ref'), 'utf8')).toBe(before);
        expect(fs.readdirSync(dir).sort()).toEqual(['a.ref', 'report.json']);
    });

    it('--help lists the options in French and English, --version prints the version', () => {
        const help = runCli(['check', '--help']);
        expect(help.status).toBe(0);
        for (const option of ['--format', '--output', '--max-warnings', '--quiet', '--rule', '--lang']) expect(help.stdout).toContain(option);
        expect(help.stdout).toContain('langue des messages / language of messages');
        expect(runCli(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
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
    it('refuses a file that is not UTF-8, not a .ref file, or an empty folder, with exit 2', () => {
        const dir = temp({ 'notes.txt': 'x', 'empty/.keep': '' });
        fs.writeFileSync(path.join(dir, 'latin1.ref'), Buffer.from('certification R "R\xe9f\xe9rentiel"\n', 'latin1'));
        const latin1 = runCli(['check', 'latin1.ref'], { cwd: dir });
        expect(latin1.status).toBe(2);
        expect(latin1.stderr).toBe("certiref: latin1.ref:1:19: le texte n'est pas en UTF-8 ; enregistrez le fichier en UTF-8 / the text is not UTF-8; save the file as UTF-8\n");
        expect(runCli(['check', 'notes.txt'], { cwd: dir }).stderr).toMatch(/notes\.txt: pas un fichier \.ref \/ not a \.ref file/);
        expect(runCli(['check', 'empty'], { cwd: dir }).status).toBe(2);
        fs.writeFileSync(path.join(dir, 'bin.ref'), Buffer.from([0x63, 0x65, 0x00, 0x01]));
        expect(runCli(['check', 'bin.ref'], { cwd: dir }).stderr).toMatch(/bin\.ref:1:3: fichier binaire/);
    });

    it('reads a file behind a link once, and ignores a byte order mark', () => {
        const dir = temp({ 'a.ref': '\uFEFF' + WARN_ONLY });
        fs.symlinkSync(path.join(dir, 'a.ref'), path.join(dir, 'alias.ref'));
        const out = JSON.parse(runCli(['check', '.', '--format', 'json'], { cwd: dir }).stdout);
        expect(out.files).toEqual(['a.ref']);
        expect(out.diagnostics.map((d: { line: number; column: number; rule: string }) => `${d.line}:${d.column}:${d.rule}`)).toEqual(['7:16:competency-without-criterion']);
    });

    it('speaks the language of the checked files\' certiref.json', () => {
        const dir = temp({ 'c1/certiref.json': '{ "language": "fr" }', 'c1/a.ref': WARN_ONLY });
        const r = runCli(['check', 'c1'], { cwd: dir });
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
