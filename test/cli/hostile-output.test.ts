import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { escapeMarkdownText, printable } from 'certiref-language';
import { runCli } from '../helpers.js';

/**
 * Text that commands nothing: what a référentiel's titles and its file names hold reaches a CI
 * log, a terminal or a pull-request comment as text — no workflow command (`::error …`,
 * `::add-mask::…`), no escape sequence (clear the screen, rename the window, an OSC 8 link), no
 * HTML, image, link or @mention.
 */

const ESC = '\u001b';
/** Escape sequences a terminal runs: clear the screen, set the window title, a hidden link (OSC 8), CSI in C1. */
const SEQUENCES = `${ESC}[2J${ESC}]0;pwned\u0007${ESC}]8;;https://evil.example${ESC}\\lien${ESC}]8;;${ESC}\\\u009b31m`;
const MARKUP = '<img src=x onerror=alert(1)> ![i](https://evil.example/i.png) @octocat https://evil.example www.evil.example a@b.example #12';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'certiref-hostile-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A modality without id, evaluating C1 that no criterion judges: its title is in the finding's message. */
const referential = (title: string) => `certification R "R"\n  accessibilité "A."\nbloc 1 "Bloc"\n  activité A1 "A"\n    compétence C1 "Un."\n    compétence C2 "Deux."\n  modalité "${title}"\n    évalue C1, C2\n    critère CR2 "Deux."\n`;

function workspace(name: string, files: Record<string, string>): string {
    const d = path.join(dir, name);
    for (const [file, text] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(d, file)), { recursive: true });
        fs.writeFileSync(path.join(d, file), text);
    }
    return d;
}

describe('--format github: nothing from a référentiel becomes a workflow command', () => {
    // a title holding workflow commands on lines of their own, and a file name holding one
    const title = 'Étude\n::error file=README.md,line=1::injected\n::add-mask::secret';
    const d = workspace('github', { 'ok.ref': referential(title), 'x\n::warning file=a,line=1::injected.ref': 'partie de R\nbloc 2 "B"\n  activité A2 "A"\n    compétence C3 "Trois."\n  modalité E2 "E"\n    évalue C3\n' });

    it('annotations have their data escaped; the report after them is between ::stop-commands:: and its token', () => {
        const r = runCli(['check', '--format', 'github', '.'], { cwd: d, env: { GITHUB_STEP_SUMMARY: '' } });
        expect(r.status, r.stderr).toBe(0);
        const lines = r.stdout.split('\n');
        const stop = lines.findIndex((l) => l.startsWith('::stop-commands::'));
        expect(stop).toBeGreaterThan(0);
        const token = lines[stop].slice('::stop-commands::'.length);
        expect(token).toMatch(/^[0-9a-f]{32}$/);
        // before: only annotations, one per line
        for (const line of lines.slice(0, stop)) expect(line).toMatch(/^::(error|warning|notice) file=[^\n]*,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[a-z-]+::/);
        // the token closes the report, once, at its end
        expect(lines.indexOf(`::${token}::`)).toBe(lines.length - 2);
        expect(lines[lines.length - 1]).toBe('');
        // inside, nothing starts a line with :: (the file name and the title are printable)
        expect(lines.slice(stop + 1, -2).filter((l) => l.startsWith('::'))).toEqual([]);
        expect(r.stdout).toContain('U+000A::warning');
        // a new token each run: a référentiel cannot close the region itself
        const again = runCli(['check', '--format', 'github', '.'], { cwd: d, env: { GITHUB_STEP_SUMMARY: '' } }).stdout;
        expect(again).not.toContain(token);
    });

    it('the step summary holds no HTML, image, link or @mention from a title', () => {
        const summary = path.join(dir, 'summary.md');
        const m = workspace('summary', { 'a.ref': referential(`Étude ${MARKUP}`) });
        runCli(['check', '--format', 'github', '.'], { cwd: m, env: { GITHUB_STEP_SUMMARY: summary } });
        const md = fs.readFileSync(summary, 'utf8');
        expect(md).toContain('competency-without-criterion');
        expect(md).not.toMatch(/<img|(?<!\\)!\[|(?<!\\)\]\(|@octocat|https:\/\/|www\.|a@b|(?<!\\)#12/);
        expect(md).toContain('&lt;img src=x onerror=alert(1)&gt;');
    });
});

describe('terminal escape sequences are shown, not run', () => {
    const d = workspace('terminal', { 'a.ref': referential(`Étude ${SEQUENCES}`) });

    it('in the stylish report', () => {
        const r = runCli(['check', '.'], { cwd: d });
        expect(r.stdout).toContain('competency-without-criterion');
        expect(r.stdout).not.toMatch(/[\u001b\u0007\u009b]/);
        expect(r.stdout).toContain('U+001B[2JU+001B]0;pwnedU+0007');
    });

    it('in diff text, the stats table and usage errors', () => {
        const old = workspace('diff-old', { 'a.ref': referential('Étude') });
        const r = runCli(['diff', old, d]);
        expect(r.stdout).toMatch(/Étude/);
        expect(r.stdout).not.toMatch(/[\u001b\u0007\u009b]/);
        const named = workspace(`named${ESC}[2J`, { 'a.ref': referential('Étude') });
        const missing = runCli(['check', path.join(named, `nowhere${ESC}]0;x\u0007.ref`)]);
        expect(missing.status).toBe(2);
        expect(missing.stderr).not.toMatch(/[\u001b\u0007]/);
        expect(missing.stderr).toContain('U+001B');
    });

    it('printable keeps line breaks and tabs when asked, and shows every other control', () => {
        expect(printable('a\tb\nc\u001b[0m\u202Ed')).toBe('aU+0009bU+000AcU+001B[0mU+202Ed');
        expect(printable('a\tb\nc\u0007', { lines: true })).toBe('a\tb\ncU+0007');
    });
});

describe('Markdown: no HTML, image, link or @mention from a text', () => {
    it('escapeMarkdownText breaks what GitHub would link by itself, visibly unchanged', () => {
        const md = escapeMarkdownText(MARKUP);
        expect(md).not.toMatch(/<img|(?<!\\)!\[|(?<!\\)\]\(|@octocat|https:\/\/|www\.|a@b/);
        expect(md.replace(/\u2060/g, '').replace(/\\(.)/g, '$1').replace(/&lt;/g, '<').replace(/&gt;/g, '>')).toBe(MARKUP);
    });

    it('diff --format markdown and export -f md', () => {
        const old = workspace('md-old', { 'a.ref': referential('Étude') });
        const now = workspace('md-new', { 'a.ref': referential(`Étude ${MARKUP}`) });
        for (const md of [runCli(['diff', '--format', 'markdown', old, now]).stdout, runCli(['export', '-f', 'md', now]).stdout]) {
            expect(md).toContain('Étude');
            expect(md).not.toMatch(/<img|(?<!\\)!\[i|(?<!\\)\]\(|@octocat|https:\/\/evil|www\.evil|a@b/);
        }
    });
});
