import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, ROOT } from '../helpers.js';

/**
 * `certiref diff` on pairs of versions built from the seed référentiels, through the built CLI:
 * each pair is a copy of a seed and the same copy with one edit a reviewer would meet.
 */

const temps: string[] = [];
afterAll(() => {
    for (const d of temps.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const MSD = path.join(ROOT, 'referentials/manager-strategie-digitale');
const CPD = path.join(ROOT, 'referentials/chef-de-projet-digital');

/** `old/` and `new/` copies of a seed; `edit` changes the files of `new/` (name → text, undefined removes). */
function versions(seed: string, edit: (files: Record<string, string>) => Record<string, string | undefined>) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'certiref-diff-'));
    temps.push(dir);
    const files: Record<string, string> = {};
    for (const name of fs.readdirSync(seed).filter((n) => n.endsWith('.ref'))) files[name] = fs.readFileSync(path.join(seed, name), 'utf8');
    for (const side of ['old', 'new']) fs.mkdirSync(path.join(dir, side));
    for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, 'old', name), text);
    const edited = edit({ ...files });
    for (const [name, text] of Object.entries(edited)) if (text !== undefined) fs.writeFileSync(path.join(dir, 'new', name), text);
    return dir;
}

function replaceOnce(text: string, from: string | RegExp, to: string): string {
    const next = text.replace(from, to);
    if (next === text) throw new Error(`the edit did not apply: ${String(from)}`);
    return next;
}

/**
 * Another layout of the same référentiel: each paragraph of a text on one line, indentation
 * doubled, a blank line before each element. Blank lines and list items inside texts are kept:
 * they are the text's paragraphs.
 */
function reflow(text: string): string {
    const out: string[] = [];
    let inText = false;
    for (const line of text.split('\n')) {
        const quotes = (line.replace(/\\./g, '').match(/"/g) ?? []).length;
        const previous = out[out.length - 1];
        if (inText && line.trim() !== '' && previous !== undefined && previous.trim() !== '' && !/^\s*([-•]|\d+\.)\s/.test(line)) {
            out[out.length - 1] = `${previous} ${line.trim()}`;
        } else if (!inText && /^\s*(activité|compétence|critère|modalité|partie) /.test(line)) {
            out.push('', line.replace(/^( *)/, '$1$1'));
        } else out.push(inText ? line : line.replace(/^( *)/, '$1$1'));
        if (quotes % 2 === 1) inText = !inText;
    }
    return out.join('\n');
}

/** The three formats of one comparison, run in `cwd`. */
async function diffAll(cwd: string, args: string[] = ['old', 'new']) {
    const text = await cli(['diff', ...args, '--lang', 'en'], { cwd });
    const markdown = await cli(['diff', ...args, '--format', 'markdown', '--lang', 'en'], { cwd });
    const json = await cli(['diff', ...args, '--format', 'json', '--lang', 'en'], { cwd });
    for (const r of [text, markdown, json]) {
        expect(r.stderr).toBe('');
        expect(r.status).toBe(0);
    }
    return { text: text.stdout, markdown: markdown.stdout, json: JSON.parse(json.stdout) as DiffJson };
}

interface ChangeJson {
    status: string; kind: string; id: string | null; name: string; oldId: string | null; bloc: string | null; parent: string | null; text: string | null;
    old: { file: string; line: number } | null; new: { file: string; line: number } | null;
    fields: Array<{ field: string; old?: string; new?: string; added?: string[]; removed?: string[] }>; children: ChangeJson[];
}
interface FindingJson { file: string; line: number; column: number; severity: string; rule: string; message: string }
interface DiffJson {
    tool: { name: string; version: string };
    empty: boolean;
    summary: { added: number; removed: number; renamed: number; changed: number; introduced: { errors: number; warnings: number; infos: number }; resolved: { errors: number; warnings: number; infos: number } };
    certifications: Array<{ id: string; status: string; fields: unknown[]; changes: ChangeJson[]; counts: Record<string, number> | null }>;
    findings: { introduced: FindingJson[]; resolved: FindingJson[] };
}

/** The changes as short strings, to compare a whole report at once. */
function brief(json: DiffJson): string[] {
    const one = (c: ChangeJson): string => {
        const fields = c.fields.map((f) => (f.added || f.removed
            ? `${f.field} ${[...(f.added ?? []).map((x) => `+${x}`), ...(f.removed ?? []).map((x) => `-${x}`)].join(' ')}`
            : `${f.field} ${f.old ?? ''}→${f.new ?? ''}`.slice(0, 60)));
        return [`${c.status} ${c.kind} ${c.oldId ? `${c.oldId}→` : ''}${c.name}`, ...fields].join(' | ');
    };
    return json.certifications.flatMap((cert) => cert.changes.map(one));
}

function findings(list: FindingJson[]): string[] {
    return list.map((f) => `${f.severity} ${f.rule} ${f.file}:${f.line}`);
}

describe('certiref diff OLD NEW', () => {
    it('a competency removed: the competency, what evaluated and judged it, and the error it leaves', async () => {
        const dir = versions(MSD, (f) => ({
            ...f,
            // C2 and its text (four continuation lines)
            'bloc-1.ref': replaceOnce(f['bloc-1.ref'], /\n    compétence C2 "[^"]*"/, ''),
        }));
        const { text, markdown, json } = await diffAll(dir);
        expect(brief(json)).toEqual([
            'removed competency C2',
            'changed modality E1 | evaluates -C2',
            'changed criterion CR2 | judges -C2',
        ]);
        const removed = json.certifications[0].changes[0];
        expect(removed).toMatchObject({ bloc: '1', parent: 'A1', old: { file: 'old/bloc-1.ref', line: 33 }, new: null });
        expect(removed.text).toMatch(/^Analyser les usages, les attentes et les freins .* réponse média adéquaté\.$/);
        expect(findings(json.findings.introduced)).toEqual(['error criterion-without-competency new/bloc-1.ref:75']);
        expect(json.findings.resolved).toEqual([]);
        expect(json.summary).toMatchObject({ added: 0, removed: 1, renamed: 0, changed: 2, introduced: { errors: 1, warnings: 0 } });

        expect(text).toContain('MSD — Manager de la stratégie digitale\n  bloc 1\n');
        expect(text).toContain('    − competency C2 (activity A1) removed  was at old/bloc-1.ref:33\n        « Analyser les usages');
        expect(text).toContain('    ~ modality E1 changed  new/bloc-1.ref:49\n        evaluates: − C2\n');
        expect(text).toContain('    ~ criterion CR2 (modality E1) changed  new/bloc-1.ref:75\n        judges: − C2\n');
        expect(text).toMatch(/Findings introduced \(1\)\n {2}new\/bloc-1\.ref:75:13 {2}error {2}Criterion CR2 should judge C2 .* {2}criterion-without-competency\n/);
        expect(text.trimEnd().split('\n').pop()).toBe('1 removed, 2 changed; 1 error introduced');

        expect(markdown).toMatch(/^### certiref diff — `old` → `new`\n\n\*\*1 removed, 2 changed; 1 error introduced\*\*\n/);
        expect(markdown).toContain('<details>\n<summary><b>MSD — Manager de la stratégie digitale</b> — 3 changes</summary>');
        expect(markdown).toContain('- ➖ competency C2 (activity A1) removed · was at `old/bloc-1.ref:33`');
        // an introduced error is shown open; the model's details are folded
        expect(markdown).toContain('<details open>\n<summary><b>Findings introduced (1)</b></summary>');
        expect(markdown).toContain('- 🔴 error · `new/bloc-1.ref:75:13` · Criterion CR2 should judge C2');
    });

    it('an id renamed, with the criterion numbered after it: two renames and nothing else', async () => {
        const dir = versions(MSD, (f) => ({
            ...f,
            'bloc-1.ref': replaceOnce(replaceOnce(replaceOnce(f['bloc-1.ref'], 'compétence C4 ', 'compétence C40 '), '    évalue C1 à C4\n', '    évalue C1 à C3, C40\n'), 'critère CR4 ', 'critère CR40 '),
        }));
        const { text, markdown, json } = await diffAll(dir);
        expect(brief(json)).toEqual(['renamed competency C4→C40', 'renamed criterion CR4→CR40']);
        // what judges and evaluates the competency is compared through the rename: unchanged
        expect(json.findings).toEqual({ introduced: [], resolved: [] });
        expect(text).toContain('    → competency C4 renamed C40 (activity A2)  new/bloc-1.ref:47\n');
        expect(text).toContain('    → criterion CR4 renamed CR40 (modality E1)  new/bloc-1.ref:88\n');
        expect(text.trimEnd().split('\n').pop()).toBe('2 renamed; no finding introduced or resolved');
        expect(markdown).toContain('- 🔁 competency C4 renamed C40 (activity A2) · `new/bloc-1.ref:47`');
    });

    it('a criterion re-targeted: what it judges, and the findings it resolves and introduces', async () => {
        const dir = versions(MSD, (f) => ({
            ...f,
            // the unnumbered criterion of E3 now says which competency it judges …
            'bloc-3.ref': replaceOnce(f['bloc-3.ref'], '    critère "Le candidat a intégré les livrables', '    critère juge C12 "Le candidat a intégré les livrables'),
            // … and CR3 judges C1 instead of C3
            'bloc-1.ref': replaceOnce(f['bloc-1.ref'], 'critère CR3 "', 'critère CR3 juge C1 "'),
        }));
        const { text, markdown, json } = await diffAll(dir);
        expect(brief(json)).toEqual([
            'changed criterion CR3 | judges +C1 -C3',
            'changed criterion Le candidat a intégré les livrables des prestataires et de… | judges +C12',
        ]);
        expect(findings(json.findings.introduced)).toEqual([
            'warning competency-without-criterion new/bloc-1.ref:43',
            'error criterion-id-mismatch new/bloc-1.ref:84',
        ]);
        expect(findings(json.findings.resolved)).toEqual(['error criterion-without-competency old/bloc-3.ref:68']);
        expect(text).toContain('    ~ criterion « Le candidat a intégré les livrables des prestataires et de… » (modality E3) changed  new/bloc-3.ref:68\n        judges: + C12\n');
        expect(text).toMatch(/Findings resolved \(1\)\n {2}old\/bloc-3\.ref:68:5 {2}error {2}This criterion does not say which competency it judges/);
        expect(markdown).toMatch(/^\*\*2 changed; 1 error introduced, 1 warning introduced, 1 finding resolved\*\*$/m);
        expect(markdown).toContain('- ✏️ criterion CR3 (modality E1) changed · `new/bloc-1.ref:84`\n  - judges: + C1, − C3');
        // resolved findings are folded; introduced errors are not
        expect(markdown).toContain('<details>\n<summary><b>Findings resolved (1)</b></summary>');

        // exit 1 with --fail-on-new-errors (an error came), 0 without
        const failing = await cli(['diff', 'old', 'new', '--fail-on-new-errors'], { cwd: dir });
        expect(failing.status).toBe(1);
        expect((await cli(['diff', 'old', 'new'], { cwd: dir })).status).toBe(0);
    });

    it('a criterion whose only change resolves an error does not fail with --fail-on-new-errors', async () => {
        const dir = versions(MSD, (f) => ({
            ...f,
            'bloc-3.ref': replaceOnce(f['bloc-3.ref'], '    critère "Le candidat a intégré les livrables', '    critère juge C12 "Le candidat a intégré les livrables'),
        }));
        const r = await cli(['diff', 'old', 'new', '--fail-on-new-errors', '--format', 'json'], { cwd: dir });
        expect(r.status).toBe(0);
        expect((JSON.parse(r.stdout) as DiffJson).summary.resolved.errors).toBe(1);
    });

    it('a reformatting (texts rewrapped, indentation and blank lines changed, certiref format) is an empty diff', async () => {
        const dir = versions(CPD, (f) => {
            const out: Record<string, string> = {};
            for (const [name, text] of Object.entries(f)) out[name] = reflow(text);
            return out;
        });
        for (const name of fs.readdirSync(path.join(dir, 'old'))) {
            expect(fs.readFileSync(path.join(dir, 'new', name), 'utf8')).not.toBe(fs.readFileSync(path.join(dir, 'old', name), 'utf8'));
        }
        const { text, markdown, json } = await diffAll(dir);
        expect(text).toBe('certiref diff  old → new\n\nNo change to the référentiels.\n');
        expect(markdown).toBe('### certiref diff — `old` → `new`\n\nNo change to the référentiels.\n');
        expect(json.empty).toBe(true);
        expect(json.certifications).toEqual([]);
        expect(json.findings).toEqual({ introduced: [], resolved: [] });

        // and the canonical layout of `certiref format` too
        expect((await cli(['format', '--write', 'new'], { cwd: dir })).status).toBe(0);
        expect((await diffAll(dir)).json.empty).toBe(true);
    });

    it('a bloc split into two files (its competencies in one, its evaluation in the other) is an empty diff', async () => {
        const dir = versions(MSD, (f) => {
            const text = f['bloc-3.ref'];
            const cut = text.indexOf('  modalité E3');
            const comment = text.lastIndexOf('\n  //', cut);
            return { ...f, 'bloc-3.ref': text.slice(0, comment + 1), 'bloc-3-evaluation.ref': `partie de MSD\n\nbloc 3\n${text.slice(comment + 1)}` };
        });
        expect(fs.readdirSync(path.join(dir, 'new'))).toContain('bloc-3-evaluation.ref');
        const { text, markdown, json } = await diffAll(dir);
        expect(json.empty).toBe(true);
        expect(text).toContain('No change to the référentiels.');
        expect(markdown).toContain('No change to the référentiels.');
    });

    it('a competency moved to another activity, a criterion text edited word by word, a bloc removed with its contents', async () => {
        const dir = versions(CPD, (f) => {
            const lines = f['bloc-2.ref'].split('\n');
            const start = lines.findIndex((l) => l.startsWith('    compétence C2.3 '));
            let end = start + 1;
            while (lines[end].startsWith('      ')) end++;
            const moved = lines.splice(start, end - start);
            lines.splice(lines.findIndex((l) => l.startsWith('  activité A2.3 ')), 0, ...moved);
            return {
                ...f,
                'bloc-2.ref': replaceOnce(lines.join('\n'), 'est complet et couvre tous les aspects', 'est exhaustif et couvre tous les aspects'),
                'bloc-4.ref': undefined,
            };
        });
        const { text, markdown, json } = await diffAll(dir);
        const changes = json.certifications[0].changes;
        expect(brief(json).slice(0, 2)).toEqual([
            'changed competency C2.3 | activity A2.3→A2.2',
            'changed criterion Le cahier des charges est exhaustif et couvre tous les aspe… | text Le cahier des charges est complet et couvre tous les as',
        ]);
        expect(text).toContain('        text: Le cahier des charges est [-complet-]{+exhaustif+} et couvre tous les aspects …\n');
        expect(markdown).toContain('text: Le cahier des charges est <del>complet</del><ins>exhaustif</ins> et couvre tous les aspects …');
        // bloc 4 is one removal holding its activities, competencies, modality, parts and criteria
        const bloc4 = changes[2];
        expect(bloc4).toMatchObject({ status: 'removed', kind: 'bloc', name: '4' });
        const all = (c: ChangeJson): ChangeJson[] => [c, ...c.children.flatMap(all)];
        const removed = all(bloc4);
        expect(removed.filter((c) => c.kind === 'competency').map((c) => c.name)).toEqual(['C4.1', 'C4.2', 'C4.3', 'C4.4', 'C4.5']);
        expect(removed.filter((c) => c.kind === 'criterion')).toHaveLength(20);
        expect(removed.every((c) => c.status === 'removed' && c.old !== null && c.new === null)).toBe(true);
        expect(json.summary).toMatchObject({ removed: 1, changed: 2 });
        expect(findings(json.findings.introduced)).toEqual(['warning activity-without-competency new/bloc-2.ref:19']);
    });

    it('speaks French with --lang fr', async () => {
        const dir = versions(MSD, (f) => ({ ...f, 'bloc-1.ref': replaceOnce(f['bloc-1.ref'], /\n    compétence C2 "[^"]*"/, '') }));
        const r = await cli(['diff', 'old', 'new', '--lang', 'fr'], { cwd: dir });
        expect(r.stdout).toContain('    − compétence C2 (activité A1) supprimée  était en old/bloc-1.ref:33\n');
        expect(r.stdout).toContain('    ~ critère CR2 (modalité E1) modifié  new/bloc-1.ref:75\n        juge\u00a0: − C2\n');
        expect(r.stdout).toMatch(/Constats apparus \(1\)\n {2}new\/bloc-1\.ref:75:13 {2}erreur {2}Le critère CR2 devrait juger C2/);
        expect(r.stdout.trimEnd().split('\n').pop()).toBe('1 suppression, 2 modifications\u202f; 1 erreur apparue');
    });

    it('a certification added and one removed', async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'certiref-diff-'));
        temps.push(dir);
        fs.cpSync(MSD, path.join(dir, 'old/msd'), { recursive: true });
        fs.cpSync(CPD, path.join(dir, 'new/cpd'), { recursive: true });
        const { text, json } = await diffAll(dir);
        expect(json.certifications.map((c) => `${c.status} ${c.id} ${JSON.stringify(c.counts)}`)).toEqual([
            'removed MSD {"blocs":5,"activities":15,"competencies":35,"modalities":7,"criteria":33}',
            'added CPD {"blocs":6,"activities":26,"competencies":30,"modalities":18,"criteria":123}',
        ]);
        expect(json.summary).toMatchObject({ added: 1, removed: 1 });
        expect(text).toContain('CPD — Chef de projet digital (certification added)\n  6 blocs, 26 activities, 30 competencies, 18 modalities, 123 criteria  new/cpd/certification.ref:');
    });

    it('refuses what it cannot compare with exit 2 and one line, and writes -o atomically', async () => {
        const dir = versions(MSD, (f) => f);
        for (const args of [['diff', 'old'], ['diff', 'old', 'new', 'more'], ['diff', 'old', 'nowhere'], ['diff', 'old', 'new', '--format', 'xml'], ['diff', 'old', 'new', '-o', 'new/report.ref']]) {
            const r = await cli(args, { cwd: dir });
            expect(r.status, args.join(' ')).toBe(2);
            expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
            expect(r.stderr).not.toMatch(/\bat .*\.c?js:\d+/);
        }
        expect(fs.existsSync(path.join(dir, 'new/report.ref'))).toBe(false);
        const r = await cli(['diff', 'old', 'new', '-o', 'report.md', '--format', 'markdown'], { cwd: dir });
        expect(r.status).toBe(0);
        expect(r.stdout).toBe('');
        expect(fs.readFileSync(path.join(dir, 'report.md'), 'utf8')).toContain('No change to the référentiels.');
    });
});

describe('certiref diff --git REV', () => {
    function repository(): string {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'certiref-diff-git-'));
        temps.push(dir);
        fs.cpSync(MSD, path.join(dir, 'referentials/msd'), { recursive: true });
        fs.writeFileSync(path.join(dir, 'certiref.json'), '{ "rules": { "id-pattern": "error" } }\n');
        git(dir, 'init', '-q');
        git(dir, 'add', '.');
        git(dir, 'commit', '-q', '-m', 'référentiel');
        return dir;
    }
    function git(cwd: string, ...args: string[]) {
        const r = spawnSync('git', ['-c', 'user.name=certiref', '-c', 'user.email=certiref@example.org', '-c', 'init.defaultBranch=main', ...args], { cwd, encoding: 'utf8' });
        if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
        return r.stdout;
    }

    it('compares the working tree with a revision, naming the old side REV:path', async () => {
        const dir = repository();
        const file = path.join(dir, 'referentials/msd/bloc-1.ref');
        fs.writeFileSync(file, replaceOnce(fs.readFileSync(file, 'utf8'), /\n    compétence C2 "[^"]*"/, ''));
        const { text, json } = await diffAll(dir, ['--git', 'HEAD']);
        expect(brief(json)).toEqual(['removed competency C2', 'changed modality E1 | evaluates -C2', 'changed criterion CR2 | judges -C2']);
        expect(json.certifications[0].changes[0].old).toEqual({ file: 'HEAD:referentials/msd/bloc-1.ref', line: 33, column: 16 });
        expect(text).toContain('certiref diff  HEAD → .\n');
        expect(text).toContain('was at HEAD:referentials/msd/bloc-1.ref:33');

        // from a sub-folder, with a path: the same comparison
        const sub = await cli(['diff', '--git', 'HEAD', 'msd', '--format', 'json'], { cwd: path.join(dir, 'referentials') });
        expect(sub.status).toBe(0);
        expect(brief(JSON.parse(sub.stdout) as DiffJson)).toEqual(brief(json));

        // committed, the working tree equals HEAD and differs from HEAD~1
        git(dir, 'commit', '-q', '-am', 'sans C2');
        expect((await diffAll(dir, ['--git', 'HEAD'])).json.empty).toBe(true);
        expect(brief((await diffAll(dir, ['--git', 'HEAD~1'])).json)).toEqual(brief(json));
    });

    it('reads each side with its own certiref.json', async () => {
        const dir = repository();
        // the settings change (criterion-without-competency becomes a warning), the référentiel does not
        fs.writeFileSync(path.join(dir, 'certiref.json'), '{ "rules": { "criterion-without-competency": "warning" } }\n');
        const { json } = await diffAll(dir, ['--git', 'HEAD']);
        expect(json.certifications).toEqual([]);
        expect(findings(json.findings.resolved)).toEqual([
            'error criterion-without-competency HEAD:referentials/msd/bloc-3.ref:68',
            'error criterion-without-competency HEAD:referentials/msd/bloc-5.ref:187',
            'error criterion-without-competency HEAD:referentials/msd/bloc-5.ref:192',
        ]);
        expect(findings(json.findings.introduced)).toEqual([
            'warning criterion-without-competency referentials/msd/bloc-3.ref:68',
            'warning criterion-without-competency referentials/msd/bloc-5.ref:187',
            'warning criterion-without-competency referentials/msd/bloc-5.ref:192',
        ]);
    });

    it('a folder deleted since the revision is a certification removed; a new one, added', async () => {
        const dir = repository();
        fs.rmSync(path.join(dir, 'referentials/msd'), { recursive: true });
        fs.cpSync(CPD, path.join(dir, 'referentials/cpd'), { recursive: true });
        const { json } = await diffAll(dir, ['--git', 'HEAD', 'referentials']);
        expect(json.certifications.map((c) => `${c.status} ${c.id}`)).toEqual(['removed MSD', 'added CPD']);
        const gone = (await diffAll(dir, ['--git', 'HEAD', 'referentials/msd'])).json;
        expect(gone.certifications.map((c) => `${c.status} ${c.id}`)).toEqual(['removed MSD']);
    });

    it('exit 2 with one line: an unknown revision, outside a repository, a path found nowhere', async () => {
        const dir = repository();
        const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'certiref-nogit-'));
        temps.push(outside);
        fs.cpSync(MSD, path.join(outside, 'msd'), { recursive: true });
        const cases: Array<[string[], string, RegExp]> = [
            [['diff', '--git', 'no-such-rev'], dir, /no-such-rev\u00a0: révision inconnue \/ unknown revision/],
            [['diff', '--git', 'HEAD'], outside, /git rev-parse\u00a0: fatal: not a git repository/],
            [['diff', '--git', 'HEAD', 'nowhere'], dir, /nowhere\u00a0: introuvable ici comme en HEAD \/ not found here nor at HEAD/],
        ];
        for (const [args, cwd, message] of cases) {
            const r = await cli(args, { cwd });
            expect(r.status, args.join(' ')).toBe(2);
            expect(r.stderr).toMatch(message);
            expect(r.stderr.trim().split('\n')).toHaveLength(1);
        }
    });
});
