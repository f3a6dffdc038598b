import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cli, ROOT } from '../helpers.js';

const temps: string[] = [];
const temp = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'certiref-format-'));
    temps.push(dir);
    return dir;
};
afterEach(() => {
    for (const d of temps.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const SEED_FILES = ['chef-de-projet-digital', 'manager-strategie-digitale'].flatMap((f) =>
    fs.readdirSync(path.join(ROOT, 'referentials', f)).filter((n) => n.endsWith('.ref')).map((n) => path.join('referentials', f, n)));

describe('certiref format', () => {
    it('the seeds are in the canonical layout, and a de-indented, re-spaced copy comes back to it', async () => {
        for (const file of SEED_FILES) {
            const original = fs.readFileSync(path.join(ROOT, file), 'utf8');
            expect((await cli(['format', file])).stdout, file).toBe(original);
            const dir = temp();
            // every line de-indented, and the words after the element keywords spread out
            const messy = original.split('\n').map((l) => l.trimStart().replace(/^(bloc|activité|compétence|modalité|critère|partie|option|spécialisation|évalue|type|livrables) /, '$1   ')).join('\n');
            fs.writeFileSync(path.join(dir, 'messy.ref'), messy);
            const r = await cli(['format', 'messy.ref'], { cwd: dir });
            expect(r.status).toBe(0);
            expect(r.stdout, file).toBe(original);
        }
    });

    it('--check lists what is not formatted (exit 1); --write rewrites it; the model does not change', async () => {
        const dir = temp();
        const original = fs.readFileSync(path.join(ROOT, 'referentials/manager-strategie-digitale/bloc-3.ref'), 'utf8');
        fs.writeFileSync(path.join(dir, 'certification.ref'), fs.readFileSync(path.join(ROOT, 'referentials/manager-strategie-digitale/certification.ref')));
        fs.writeFileSync(path.join(dir, 'bloc-3.ref'), original.replace(/\n {4}compétence/g, '\ncompétence'));
        const before = JSON.parse((await cli(['export', '.'], { cwd: dir })).stdout);
        const check = await cli(['format', '.', '--check'], { cwd: dir });
        expect(check.status).toBe(1);
        expect(check.stdout).toBe('bloc-3.ref: not in the canonical layout\n');
        const write = await cli(['format', '.', '--write'], { cwd: dir });
        expect(write.status).toBe(0);
        expect(write.stdout).toBe('bloc-3.ref: formatted\n');
        expect(fs.readFileSync(path.join(dir, 'bloc-3.ref'), 'utf8')).toBe(original);
        expect(fs.readdirSync(dir).sort()).toEqual(['bloc-3.ref', 'certification.ref']);
        const after = JSON.parse((await cli(['export', '.'], { cwd: dir })).stdout);
        const strip = (x: unknown) => JSON.stringify(x, (k, v) => (k === 'source' ? undefined : v));
        expect(strip(after)).toBe(strip(before));
        expect((await cli(['format', '.', '--check'], { cwd: dir })).status).toBe(0);
    });

    it('never touches a file with a syntax error (exit 2, with its place)', async () => {
        const dir = temp();
        const broken = 'certification R "E"\nbloc 1 "B" extra\n';
        fs.writeFileSync(path.join(dir, 'a.ref'), broken);
        const r = await cli(['format', '.', '--write'], { cwd: dir });
        expect(r.status).toBe(2);
        expect(r.stderr).toBe('a.ref:2:12: syntax error, file not formatted (see certiref check)\n');
        expect(r.stdout).toBe('');
        expect(fs.readFileSync(path.join(dir, 'a.ref'), 'utf8')).toBe(broken);
    });

    it('keeps comments and says what to do with several files', async () => {
        const dir = temp();
        fs.writeFileSync(path.join(dir, 'a.ref'), 'certification R "E" // titre provisoire\n/* bloc à venir */\n   accessibilité "a"\n');
        // a comment on its own line goes with what follows it
        expect((await cli(['format', 'a.ref'], { cwd: dir })).stdout).toBe('certification R "E" // titre provisoire\n  /* bloc à venir */\n  accessibilité "a"\n');
        fs.writeFileSync(path.join(dir, 'b.ref'), 'partie de R\n');
        const r = await cli(['format', '.'], { cwd: dir });
        expect(r.status).toBe(2);
        expect(r.stderr).toMatch(/several files: add --check or --write/);
    });
});

describe('certiref format, edge cases', () => {
    it('keeps CRLF line endings, all of them', async () => {
        const dir = temp();
        fs.writeFileSync(path.join(dir, 'x.ref'), 'certification D "T"\r\n   accessibilité """a\r\n  b"""\r\n/* c1\r\n c2 */\r\nbloc 1 "B"\r\n');
        const out = (await cli(['format', 'x.ref'], { cwd: dir })).stdout;
        expect(out).toBe('certification D "T"\r\n  accessibilité """a\r\n  b"""\r\n\r\n/* c1\r\n c2 */\r\nbloc 1 "B"\r\n');
        fs.writeFileSync(path.join(dir, 'x.ref'), out);
        expect((await cli(['format', '.', '--check'], { cwd: dir })).status).toBe(0);
    });

    it('puts what follows a line comment on the next line', async () => {
        const dir = temp();
        fs.writeFileSync(path.join(dir, 'x.ref'), 'certification D "T"\n  accessibilité "a"\nbloc 1 "B"\n  activité A1 "a"\n    compétence C1 // note\n    "Analyser."\n');
        const r = await cli(['format', 'x.ref'], { cwd: dir });
        expect(r.status, r.stderr).toBe(0);
        expect(r.stdout).toBe('certification D "T"\n  accessibilité "a"\n\nbloc 1 "B"\n  activité A1 "a"\n    compétence C1 // note\n      "Analyser."\n');
    });
});
