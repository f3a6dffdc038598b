import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI, ROOT, runCli } from '../helpers.js';

/**
 * Where `-o` writes: a regular file is replaced atomically (a temporary file beside it, made
 * exclusively under a random name, never through a link, then renamed); a device, a pipe or `-`
 * is written to as a stream, never replaced; a link is written through, and a report never
 * reaches a .ref file through one. `format --write` and `export --out` write the same way.
 */

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'certiref-output-'));
fs.chmodSync(dir, 0o755); // one test runs the CLI as user nobody
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const STARTER = path.join(ROOT, 'examples/starter');
const entries = (d: string) => fs.readdirSync(d).sort();

describe('-o to what is not a regular file', () => {
    it('-o /dev/null leaves the device a device (the CI runs as root, who could replace it)', () => {
        const before = fs.statSync('/dev/null');
        const r = runCli(['check', STARTER, '-o', '/dev/null']);
        expect(r.status, r.stderr).toBe(0);
        const after = fs.lstatSync('/dev/null');
        expect(after.isCharacterDevice()).toBe(true);
        expect(after.rdev).toBe(before.rdev);
        expect(after.ino).toBe(before.ino);
    });

    it('-o /dev/stdout writes to standard output and leaves the link a link', () => {
        const link = fs.readlinkSync('/dev/stdout');
        const r = runCli(['check', STARTER, '--format', 'json', '-o', '/dev/stdout']);
        expect(r.status, r.stderr).toBe(0);
        expect(JSON.parse(r.stdout).summary).toEqual({ errors: 0, warnings: 0, infos: 0 });
        expect(fs.lstatSync('/dev/stdout').isSymbolicLink()).toBe(true);
        expect(fs.readlinkSync('/dev/stdout')).toBe(link);
    });

    it('-o - is standard output, for every command that takes -o', () => {
        expect(JSON.parse(runCli(['check', STARTER, '-f', 'json', '-o', '-']).stdout).files).toHaveLength(1);
        expect(runCli(['export', STARTER, '-f', 'json', '-o', '-']).stdout).toMatch(/^\{/);
        expect(runCli(['stats', STARTER, '-o', '-']).stdout).toMatch(/^certification/);
        expect(fs.existsSync(path.join(ROOT, '-'))).toBe(false);
    });

    it('-o a named pipe: its reader gets the report, the pipe stays a pipe', async () => {
        const fifo = path.join(dir, 'report.fifo');
        expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
        const reader = spawn('cat', [fifo]);
        let read = '';
        reader.stdout.on('data', (d) => (read += d));
        const done = new Promise((resolve) => reader.on('exit', resolve));
        const r = runCli(['check', STARTER, '--format', 'json', '-o', fifo]);
        await done;
        expect(r.status, r.stderr).toBe(0);
        expect(JSON.parse(read).summary.errors).toBe(0);
        expect(fs.lstatSync(fifo).isFIFO()).toBe(true);
    });

    it('export -o /dev/null needs no --force (a device is not a file to replace)', () => {
        const r = runCli(['export', STARTER, '-f', 'md', '-o', '/dev/null']);
        expect(r.status, r.stderr).toBe(0);
        expect(fs.lstatSync('/dev/null').isCharacterDevice()).toBe(true);
    });
});

describe('-o to a regular file, and links', () => {
    it('replaces the file atomically, keeps its mode, and leaves no temporary file', () => {
        const out = path.join(dir, 'atomic');
        fs.mkdirSync(out);
        const report = path.join(out, 'report.json');
        fs.writeFileSync(report, 'old');
        fs.chmodSync(report, 0o640);
        const r = runCli(['check', STARTER, '-f', 'json', '-o', report]);
        expect(r.status, r.stderr).toBe(0);
        expect(JSON.parse(fs.readFileSync(report, 'utf8')).files).toHaveLength(1);
        expect(fs.statSync(report).mode & 0o777).toBe(0o640);
        expect(entries(out)).toEqual(['report.json']);
    });

    it('writes through a link to a report (the link stays), never through one to a .ref file', () => {
        const out = path.join(dir, 'links');
        fs.mkdirSync(out);
        fs.writeFileSync(path.join(out, 'real.json'), 'old');
        fs.symlinkSync('real.json', path.join(out, 'report.json'));
        expect(runCli(['check', STARTER, '-f', 'json', '-o', path.join(out, 'report.json')]).status).toBe(0);
        expect(fs.lstatSync(path.join(out, 'report.json')).isSymbolicLink()).toBe(true);
        expect(JSON.parse(fs.readFileSync(path.join(out, 'real.json'), 'utf8')).files).toHaveLength(1);

        fs.writeFileSync(path.join(out, 'bloc.ref'), 'certification X "x"\n');
        fs.symlinkSync('bloc.ref', path.join(out, 'trap.txt'));
        const r = runCli(['check', STARTER, '-o', path.join(out, 'trap.txt')]);
        expect(r.status).toBe(2);
        expect(r.stderr).toMatch(/a report does not replace a \.ref file/);
        expect(fs.readFileSync(path.join(out, 'bloc.ref'), 'utf8')).toBe('certification X "x"\n');
    });

    it('creates nothing through a link that leads nowhere', () => {
        const out = path.join(dir, 'dangling');
        fs.mkdirSync(out);
        fs.symlinkSync(path.join(out, 'elsewhere.ref'), path.join(out, 'report.txt'));
        const r = runCli(['check', STARTER, '-o', path.join(out, 'report.txt')]);
        expect(r.status).toBe(2);
        expect(r.stderr).toMatch(/cannot write/);
        expect(fs.existsSync(path.join(out, 'elsewhere.ref'))).toBe(false);
    });

    it('never opens a temporary file that is already there, or through a link planted at its name', async () => {
        // the name of the temporary file is random: plant links at every name the old scheme
        // used (pid-based) and check none is followed, and that the temporary files are new
        const out = path.join(dir, 'planted');
        fs.mkdirSync(out);
        const victim = path.join(out, 'victim.ref');
        fs.writeFileSync(victim, 'certification V "v"\n');
        for (let pid = 1; pid < 4000; pid++) fs.symlinkSync(victim, path.join(out, `.report.txt.${pid}.tmp`));
        const r = runCli(['check', STARTER, '-o', path.join(out, 'report.txt')]);
        expect(r.status, r.stderr).toBe(0);
        expect(fs.readFileSync(victim, 'utf8')).toBe('certification V "v"\n');
        expect(fs.lstatSync(path.join(out, 'report.txt')).isFile()).toBe(true);
        expect(entries(out).filter((n) => !/^\.report\.txt\.\d+\.tmp$/.test(n))).toEqual(['report.txt', 'victim.ref']);
    });

    it('format --write leaves no temporary file beside the source, and keeps it a file of its mode', () => {
        const out = path.join(dir, 'format');
        fs.mkdirSync(out);
        const file = path.join(out, 'a.ref');
        fs.writeFileSync(file, 'certification   R "R"\n  accessibilité "A."\n');
        fs.chmodSync(file, 0o600);
        const r = runCli(['format', '--write', file]);
        expect(r.status, r.stderr).toBe(0);
        expect(fs.readFileSync(file, 'utf8')).toBe('certification R "R"\n  accessibilité "A."\n');
        expect(fs.statSync(file).mode & 0o777).toBe(0o600);
        expect(entries(out)).toEqual(['a.ref']);
    });

    it('a write that fails leaves no temporary file and says why', () => {
        const out = path.join(dir, 'readonly');
        fs.mkdirSync(out);
        fs.writeFileSync(path.join(out, 'report.txt'), 'old');
        fs.chmodSync(out, 0o500);
        try {
            const r = spawnSync(process.execPath, [CLI, 'check', STARTER, '-o', path.join(out, 'report.txt')], {
                encoding: 'utf8', env: { ...process.env, LANG: 'C' },
                // root writes anywhere: as user nobody
                ...(process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {}),
            });
            expect(r.status).toBe(2);
            expect(r.stderr).toMatch(/cannot write \(EACCES\)/);
            expect(entries(out)).toEqual(['report.txt']);
        } finally {
            fs.chmodSync(out, 0o755);
        }
    });
});
