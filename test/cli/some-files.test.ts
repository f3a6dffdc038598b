import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, ROOT } from '../helpers.js';

/**
 * A check of some files of a référentiel — what a pre-commit hook runs on the staged files — says
 * of those files exactly what a check of the whole référentiel says of them: the rest of each
 * certification (its main file above all) is read as context, never reported. Proved on every
 * référentiel of the repository, file by file and in pairs, and on a tree built to break it
 * (a header after long comments, a copy of the référentiel in a subfolder, a continuing file in
 * a subfolder, two declarations side by side).
 */

interface Finding {
    file: string;
    line: number;
    column: number;
    rule: string;
    message: string;
    fingerprint: string;
}

/** The findings of a check, or what stopped it (exit 2). */
async function check(paths: string[], cwd = ROOT): Promise<Finding[] | string> {
    const r = await cli(['check', '--format', 'json', ...paths], { cwd });
    if (r.status === 2) return r.stderr;
    return (JSON.parse(r.stdout) as { diagnostics: Finding[] }).diagnostics;
}

/** The findings on these files, and those of the certiref.json files that govern them (which any check of them reports). */
const of = (findings: Finding[] | string, files: string[]) => (typeof findings === 'string' ? findings : findings.filter((f) => files.includes(f.file) || f.file.endsWith('certiref.json')));

/** Folders holding .ref files directly (the référentiels and examples of the repository). */
function folders(dir: string): string[] {
    const out: string[] = [];
    const walk = (d: string) => {
        const entries = fs.readdirSync(d, { withFileTypes: true });
        if (entries.some((e) => e.isFile() && e.name.endsWith('.ref'))) out.push(d);
        for (const e of entries) if (e.isDirectory()) walk(path.join(d, e.name));
    };
    walk(dir);
    return out;
}

describe('checking some files equals checking the whole folder, for those files', () => {
    const repository = [...folders(path.join(ROOT, 'referentials')), ...folders(path.join(ROOT, 'examples'))].map((f) => path.relative(ROOT, f));

    it('the regression: bloc-3.ref of manager-strategie-digitale alone reads its main file', async () => {
        const r = await cli(['check', 'referentials/manager-strategie-digitale/bloc-3.ref']);
        expect(r.stdout).not.toContain('declares certification');
        expect(of(await check(['referentials/manager-strategie-digitale/bloc-3.ref']), ['referentials/manager-strategie-digitale/bloc-3.ref']))
            .toEqual(of(await check(['referentials/manager-strategie-digitale']), ['referentials/manager-strategie-digitale/bloc-3.ref']));
    });

    for (const folder of repository) {
        it(`${folder}: each file alone, and the first and last together`, async () => {
            // the folder's own files (examples/rules holds each rule's example, and a subfolder with a broken certiref.json)
            const files = fs.readdirSync(path.join(ROOT, folder)).filter((f) => f.endsWith('.ref')).sort().map((f) => `${folder}/${f}`);
            const whole = await check(files);
            for (const file of files) expect(of(await check([file]), [file]), file).toEqual(of(whole, [file]));
            if (files.length > 2) {
                const pair = [files[0], files[files.length - 1]];
                expect(of(await check(pair), pair), pair.join(' ')).toEqual(of(whole, pair));
            }
        }, 120_000);
    }

    const tree = fs.mkdtempSync(path.join(os.tmpdir(), 'certiref-some-files-'));
    afterAll(() => fs.rmSync(tree, { recursive: true, force: true }));
    const write = (name: string, text: string) => {
        fs.mkdirSync(path.dirname(path.join(tree, name)), { recursive: true });
        fs.writeFileSync(path.join(tree, name), text);
    };
    // a main file whose header comes after 12 kB of comments; its blocs in other files, one in a
    // subfolder; a copy of the référentiel below it (another certification: its own folder); a
    // second declaration beside the first (duplicate-id)
    const comments = Array.from({ length: 200 }, (_, i) => `// Note ${i} : ce commentaire précède l'en-tête du référentiel, comme un long avertissement.`).join('\n');
    const main = `${comments}\ncertification R "Référentiel"\n  accessibilité "Aménagements."\n`;
    const bloc = (n: number, extra = '') => `partie de R\n\nbloc ${n} "Bloc ${n}"\n  activité A${n} "A"\n    compétence C${n}.1 "Un ${n}."\n    compétence C${n}.2 "Deux ${n}."\n  modalité E${n} "E"\n    évalue C${n}.1, C${n}.2${extra}\n    critère CR${n}.1 "Un."\n`;
    write('ref/main.ref', main);
    write('ref/bloc-1.ref', bloc(1, ', C2.1'));
    write('ref/sub/bloc-2.ref', bloc(2));
    write('ref/v1/main.ref', main);
    write('ref/v1/bloc-1.ref', bloc(1, ', C9'));
    write('ref/again.ref', 'certification R "Le même"\n');

    it('on a tree built to break it', async () => {
        const whole = await check(['ref'], tree) as Finding[];
        expect(whole.map((f) => `${f.file}:${f.rule}`)).toEqual(expect.arrayContaining(['ref/main.ref:duplicate-id', 'ref/bloc-1.ref:evaluates-outside-bloc', 'ref/v1/bloc-1.ref:unresolved-reference']));
        const files = ['ref/main.ref', 'ref/bloc-1.ref', 'ref/sub/bloc-2.ref', 'ref/v1/main.ref', 'ref/v1/bloc-1.ref', 'ref/again.ref'];
        for (const file of files) expect(of(await check([file], tree), [file]), file).toEqual(of(whole, [file]));
        expect(of(await check(['ref/bloc-1.ref', 'ref/v1/bloc-1.ref'], tree), ['ref/bloc-1.ref', 'ref/v1/bloc-1.ref'])).toEqual(of(whole, ['ref/bloc-1.ref', 'ref/v1/bloc-1.ref']));
    }, 60_000);
});
