import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { zipSync } from 'fflate';
import { spawn } from 'node:child_process';
import * as net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../helpers.js';
import { AXE_SOURCE, launchWithProfile, type AxeViolation } from '../chromium.js';
import { prepareVsCodeWeb, VSCODE_COMMIT } from './prepare.js';

const EXTENSION = path.join(ROOT, 'packages/extension');
const OUT = path.join(ROOT, 'test/output');

/** A copy of a seed référentiel, mounted as the workspace folder. */
function workspace(): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'certiref-vscode-'));
    fs.cpSync(path.join(ROOT, 'referentials/manager-strategie-digitale'), dir, { recursive: true });
    for (const f of fs.readdirSync(dir)) if (!f.endsWith('.ref')) fs.rmSync(path.join(dir, f));
    // an older version, for "Compare with…": without competency C2 (a hidden folder: not part of the workspace)
    fs.mkdirSync(path.join(dir, '.older'));
    for (const f of fs.readdirSync(dir)) if (f.endsWith('.ref')) fs.copyFileSync(path.join(dir, f), path.join(dir, '.older', f));
    const bloc1 = path.join(dir, '.older', 'bloc-1.ref');
    fs.writeFileSync(bloc1, fs.readFileSync(bloc1, 'utf8').replace(/\n    compétence C2 "[^"]*"/, ''));
    // a small certification of its own, for typing: C3 has no criterion, CR3 is missing between CR2 and CR4
    fs.mkdirSync(path.join(dir, 'demo'));
    fs.writeFileSync(path.join(dir, 'demo', 'referentiel.ref'), DEMO);
    // the RNCP export's extract, zipped as France Compétences publishes it, for the RNCP import
    fs.mkdirSync(path.join(dir, '.rncp'));
    fs.writeFileSync(path.join(dir, '.rncp', 'export-fiches-rncp-v4-1-extract.zip'), zipSync({ 'export_fiches_RNCP_extract.xml': fs.readFileSync(path.join(ROOT, 'examples/rncp/export_fiches_RNCP_extract.xml')) }));
    return dir;
}

const DEMO = [
    'certification DEMO "Démonstration"',
    '  accessibilité "Aménagements possibles pour les candidats en situation de handicap."',
    '',
    'bloc 1 "Bloc"',
    '  activité A1 "Activité"',
    '    compétence C1 "Première compétence."',
    '    compétence C2 "Deuxième compétence."',
    '    compétence C3 "Troisième compétence."',
    '    compétence C4 "Quatrième compétence."',
    '  modalité E1 "Étude de cas"',
    '    évalue C1, C2, C3, C4',
    '    critère CR1 "Premier critère."',
    '    critère CR2 "Deuxième critère."',
    '    critère CR4 "Quatrième critère."',
    '',
].join('\n');

describe('VS Code for the Web, the real workbench in Chromium', () => {
    let browsersPath: string;
    let folder: string;
    beforeAll(() => {
        ({ browsersPath } = prepareVsCodeWeb());
        folder = workspace();
        process.env.PLAYWRIGHT_BROWSERS_PATH = browsersPath;
        fs.mkdirSync(OUT, { recursive: true });
    });
    afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

    it('diagnostics, completion, hover, definition and the preview, through the extension\'s web entry', async () => {
        const { runTests } = await import('@vscode/test-web');
        // the web workbench serves test modules from inside the extension's folder only
        const suite = path.join(EXTENSION, '.e2e', 'suite.cjs');
        fs.mkdirSync(path.dirname(suite), { recursive: true });
        fs.copyFileSync(path.join(ROOT, 'test/e2e/vscode/suite.cjs'), suite);
        await runTests({
            browserType: 'chromium',
            headless: true,
            quality: 'stable',
            commit: VSCODE_COMMIT,
            extensionDevelopmentPath: EXTENSION,
            extensionTestsPath: suite,
            folderPath: folder,
            port: await freePort(),
            printServerLog: false,
            testRunnerDataDir: path.join(ROOT, '.vscode-test-web'),
        } as Parameters<typeof runTests>[0]);
    }, 420_000);

    it('shows the editor and the preview side by side (screenshot in test/output/)', async () => {
        // the workbench served without a test runner, driven by playwright-core as a user would
        // a port of its own: another checkout running this suite on the same machine must not answer instead
        const port = await freePort();
        const server = spawn(process.execPath, [path.join(ROOT, 'node_modules/@vscode/test-web/out/server/index.js'), '--browserType=none', `--commit=${VSCODE_COMMIT}`, '--quality=stable',
            `--extensionDevelopmentPath=${EXTENSION}`, `--port=${port}`, `--testRunnerDataDir=${path.join(ROOT, '.vscode-test-web')}`, folder], { stdio: 'pipe', env: { ...process.env } });
        let log = '';
        server.stdout.on('data', (d) => (log += d));
        server.stderr.on('data', (d) => (log += d));
        const browser = await launchWithProfile({ width: 1600, height: 1000 });
        let page: import('playwright-core').Page | undefined;
        try {
            await waitForServer(port, () => log, () => server.exitCode === null);
            page = await browser.newPage();
            await page.goto(`http://localhost:${port}/`);
            await page.waitForSelector('.monaco-workbench', { timeout: 120_000 });
            // open bloc-5.ref from the explorer, wait for the findings (the status bar counts
            // them), then the preview to the side with its shortcut
            await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'bloc-5.ref' }).dblclick();
            await page.locator('.statusbar', { hasText: /35 (competencies|compétences)/ }).waitFor({ timeout: 120_000 });
            await page.keyboard.press('Control+K');
            await page.keyboard.press('V');
            const frame = await waitForPreviewFrame(page);
            await frame.waitForSelector('table.grid', { timeout: 30_000 });
            await page.waitForTimeout(1000);
            const file = path.join(OUT, 'vscode-web-editor-and-preview.png');
            await page.screenshot({ path: file });
            expect(fs.statSync(file).size).toBeGreaterThan(50_000);
            // the page inside VS Code: its CSP (nothing remote, scripts by nonce only) and axe-core
            // with the theme's real colours
            const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(await frame.content())?.[1] ?? '';
            expect(csp).toMatch(/^default-src 'none'; style-src 'nonce-([0-9a-f]{48})'; script-src 'nonce-\1'; img-src data:$/);
            expect(await axeViolations(frame)).toEqual([]);
            // the preview opens at the blocs of the file being edited (bloc 5, three modalities E5)
            expect(await frame.locator('table.grid caption', { hasText: 'E5' }).count()).toBe(3);
            // a click on a row shows its line in the source: CS2-4 is declared on line 137 of bloc-5.ref
            await frame.locator('th[data-line]', { hasText: 'CS2-4' }).first().click();
            await cursorOnLine(page, 137);
            // the preview focused, as after a look at the grids: Export… and Compare with… are in the
            // palette, and in the preview's title bar (as the Markdown preview's actions)
            const previewGroup = page.locator('.editor-group-container', { has: page.locator('.tab.active', { hasText: /(Preview|Aperçu) bloc-5\.ref/ }) });
            await page.locator('.tab', { hasText: /(Preview|Aperçu) bloc-5\.ref/ }).click();
            await previewGroup.waitFor({ timeout: 30_000 });
            // (the palette from the title bar's command center: the keys typed go to the preview's page)
            await page.locator('.command-center').first().click();
            await page.waitForSelector('.quick-input-widget', { state: 'visible' });
            await page.keyboard.type('>certiref: ', { delay: 20 });
            await page.locator('.quick-input-list .monaco-list-row', { hasText: /certiref: (Export…|Exporter…)/ }).first().waitFor({ timeout: 30_000 });
            await page.locator('.quick-input-list .monaco-list-row', { hasText: /certiref: (Compare with…|Comparer avec…)/ }).first().waitFor({ timeout: 30_000 });
            await page.keyboard.press('Escape');
            await page.screenshot({ path: path.join(OUT, 'vscode-web-preview-title-bar.png') });
            // Export… from the preview's title bar: CSV, saved beside the file under the certification's name
            await previewGroup.locator('.editor-actions .action-label[aria-label*="Export"]').click();
            await page.locator('.quick-input-list .monaco-list-row', { hasText: /^CSV/ }).first().click();
            await page.waitForFunction(() => (document.querySelector('.quick-input-widget input') as HTMLInputElement | null)?.value.endsWith('/MSD.csv'), undefined, { timeout: 30_000 });
            await page.keyboard.press('Enter');
            await page.locator('.notifications-toasts', { hasText: /(Exported|Exporté) ?: MSD\.csv/ }).waitFor({ timeout: 30_000 });
            await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'MSD.csv' }).waitFor({ timeout: 30_000 });
            // the Référentiel view follows the active file: bloc 5's options open, the other blocs closed
            // (the file list folded, to leave the view room: a list only draws the rows it shows)
            await page.locator('.explorer-folders-view').first().waitFor();
            await page.locator('.pane-header', { hasText: /Test Files/i }).first().click();
            await page.locator('.pane-header', { hasText: /^.?(Référentiel|RÉFÉRENTIEL)/i }).click();
            const tree = page.locator('.pane-body .monaco-list-row');
            await tree.filter({ hasText: /^AS1-1 / }).first().waitFor({ timeout: 30_000 });
            expect(await tree.filter({ hasText: /^1 Définir la stratégie digitale/ }).count()).toBe(1);
            expect(await tree.filter({ hasText: /^A1 Définition du positionnement/ }).count()).toBe(0);
            // each competency marked covered or not: CS2-4 is judged by no criterion
            await tree.filter({ hasText: /^AS2-2 / }).first().locator('.monaco-tl-twistie').click();
            await tree.filter({ hasText: /^CS2-4 .*(not covered|non couverte)$/ }).first().waitFor({ timeout: 30_000 });
            await tree.filter({ hasText: /^AS2-1 / }).first().locator('.monaco-tl-twistie').click();
            await tree.filter({ hasText: /^CS2-1 .*(covered|couverte)$/ }).filter({ hasNotText: /(not covered|non couverte)$/ }).first().waitFor({ timeout: 30_000 });
            await page.screenshot({ path: path.join(OUT, 'vscode-web-tree.png') });
            // dark and high-contrast themes: the preview takes the theme's colours and stays accessible
            for (const [theme, name] of [['Dark Modern', 'dark'], ['Dark High Contrast', 'high-contrast'], ['Light High Contrast', 'high-contrast-light']]) {
                await page.locator('.monaco-editor').first().click({ position: { x: 300, y: 300 } });
                await page.keyboard.press('Control+K');
                await page.keyboard.press('Control+T');
                await page.waitForSelector('.quick-input-widget', { state: 'visible' });
                await page.keyboard.type(theme, { delay: 20 });
                await page.waitForTimeout(500);
                await page.keyboard.press('Enter');
                await page.waitForSelector(`.monaco-workbench.${{ dark: 'vs-dark', 'high-contrast': 'hc-black', 'high-contrast-light': 'hc-light' }[name]}`, { timeout: 30_000 });
                const themed = await waitForPreviewFrame(page);
                await themed.waitForSelector('table.grid', { timeout: 30_000 });
                await themed.waitForFunction((kind) => document.body.classList.contains(kind), name === 'dark' ? 'vscode-dark' : 'vscode-high-contrast');
                await page.waitForTimeout(500);
                await page.screenshot({ path: path.join(OUT, `vscode-web-${name}.png`) });
                expect(await axeViolations(themed), theme).toEqual([]);
            }
            // "Compare with…" from the command palette: no git in the browser, so straight to the
            // file dialog (VS Code's own, in the browser), where the older version's folder is typed
            await page.keyboard.press('F1');
            await page.keyboard.type('certiref: Compare with');
            await page.locator('.quick-input-list .monaco-list-row', { hasText: /Compare with|Comparer avec/ }).first().waitFor({ timeout: 30_000 });
            await page.keyboard.press('Enter');
            const input = page.locator('.quick-input-widget input');
            await page.waitForFunction(() => (document.querySelector('.quick-input-widget input') as HTMLInputElement | null)?.value.startsWith('/'), undefined, { timeout: 30_000 });
            await input.fill(`${(await input.inputValue()).replace(/[^/]*$/, '')}.older/`);
            // the dialog lists the folder typed (its files, no more the .older folder of the
            // root's listing); its button, named after the command, takes it
            await page.waitForFunction(() => {
                const rows = [...document.querySelectorAll('.quick-input-list .monaco-list-row')].map((r) => r.textContent ?? '');
                return rows.some((r) => r.includes('certification.ref')) && !rows.some((r) => r.includes('.older'));
            }, undefined, { timeout: 30_000 });
            await page.locator('.quick-input-widget .monaco-button', { hasText: /^(Compare|Comparer)$/ }).click();
            const compare = await waitForFrame(page, 'main.certiref-grid ul.changes');
            // the older version lacks competency C2: here it is added, and E1 evaluates it
            await compare.locator('li.change.added', { hasText: /C2/ }).waitFor({ timeout: 30_000 });
            expect(await compare.locator('li.change.changed', { hasText: /E1/ }).first().textContent()).toMatch(/(evaluates|évalue): \+ C2/);
            await page.waitForTimeout(500);
            await page.screenshot({ path: path.join(OUT, 'vscode-web-compare.png') });
            // its page too is accessible in the theme last chosen (high contrast)
            expect(await axeViolations(compare)).toEqual([]);
            // a click on a change shows its line: C2 is declared on line 33 of bloc-1.ref
            await compare.locator('li.change.added', { hasText: /C2/ }).click();
            await cursorOnLine(page, 33, 'bloc-1.ref');
            // after a reload, the panels come back (their serializers restore them). VS Code for the
            // Web saves the open editors every five seconds when idle and cannot wait on a page
            // unload: give it that time, as a user who reloads does
            await page.waitForTimeout(7000);
            await page.reload();
            await page.waitForSelector('.monaco-workbench', { timeout: 120_000 });
            await page.waitForTimeout(8000);
            await page.screenshot({ path: path.join(OUT, 'vscode-web-after-reload.png') });
            // the comparison, the active tab beside the editor, is compared again …
            await waitForFrame(page, 'main.certiref-grid ul.changes');
            // … and the preview behind it comes back when its tab is shown
            await page.locator('.tab', { hasText: /(Preview|Aperçu) bloc-\d\.ref/ }).click();
            const restored = await waitForPreviewFrame(page);
            await restored.waitForSelector('table.grid', { timeout: 120_000 });
            // the dossier checklist from the command palette, beside the editor; a click on a
            // finding shows its line: CS2-4, judged by no criterion, is on line 137 of bloc-5.ref
            await page.locator('.tab', { hasText: 'bloc-5.ref' }).filter({ hasNotText: /(Preview|Aperçu)/ }).first().click();
            await page.locator('.monaco-editor').first().click({ position: { x: 300, y: 300 } });
            await page.keyboard.press('F1');
            await page.keyboard.type('certiref: Show the Dossier Checklist', { delay: 20 });
            await page.locator('.quick-input-list .monaco-list-row', { hasText: /Dossier Checklist|liste de contrôle du dossier/ }).first().waitFor({ timeout: 30_000 });
            await page.keyboard.press('Enter');
            const checklist = await waitForFrame(page, 'main.certiref-grid table.checklist');
            await checklist.locator('li.finding', { hasText: 'bloc-5.ref:137' }).first().waitFor({ timeout: 30_000 });
            await page.waitForTimeout(500);
            await page.screenshot({ path: path.join(OUT, 'vscode-web-checklist.png') });
            expect(await axeViolations(checklist)).toEqual([]);
            await checklist.locator('li.finding', { hasText: 'bloc-5.ref:137' }).first().click();
            await cursorOnLine(page, 137, 'bloc-5.ref');

            // typing a new criterion: `crit`, the snippet chosen in the list, the line as written
            // (the word typed replaced, the next free id); in a small référentiel of its own
            await page.locator('.monaco-editor').first().click({ position: { x: 300, y: 300 } });
            await page.keyboard.press('Control+P');
            await page.waitForSelector('.quick-input-widget', { state: 'visible' });
            await page.keyboard.type('demo/referentiel.ref', { delay: 20 });
            await page.locator('.quick-input-list .monaco-list-row', { hasText: 'referentiel.ref' }).first().waitFor({ timeout: 30_000 });
            await page.keyboard.press('Enter');
            await page.locator('.tab.active', { hasText: 'referentiel.ref' }).waitFor({ timeout: 30_000 });
            await page.locator('.statusbar', { hasText: /4 (competencies|compétences)/ }).waitFor({ timeout: 120_000 });
            await goTo(page, '14');
            await page.keyboard.press('End');
            await page.keyboard.press('Enter');
            await page.keyboard.type('crit', { delay: 60 });
            await page.keyboard.press('Control+Space');
            const suggestion = page.locator('.suggest-widget .monaco-list-row', { hasText: /critère CR3/ }).first();
            await suggestion.waitFor({ timeout: 30_000 });
            // the list is filtered by what was typed, and offers each keyword once, in the file's language
            const offered = (await page.locator('.suggest-widget .monaco-list-row .label-name').allTextContents()).map((t) => t.trim());
            expect(offered.filter((t) => /^crit/i.test(t)).sort()).toEqual(['critère', 'critère CR3']);
            await page.screenshot({ path: path.join(OUT, 'vscode-web-completion-list.png') });
            await suggestion.click();
            await page.keyboard.press('Escape');
            await expectLine(page, 15, '    critère CR3 ""');
            await page.screenshot({ path: path.join(OUT, 'vscode-web-completion.png') });
            // the line taken out again (VS Code for the Web saves as one types)
            await deleteLine(page, 15, '');

            // « Create criterion CR3 » on C3, which no criterion judges: the line between CR2 and
            // CR4, its placeholder « À rédiger » selected (9 characters, the cursor at their end), typed over
            await goTo(page, '8:17');
            await page.keyboard.press('Control+.');
            const fix = page.locator('.action-widget .monaco-list-row', { hasText: /(Create criterion|Créer le critère) CR3/ }).first();
            await fix.waitFor({ timeout: 30_000 });
            // the only fix, focused: Enter takes it, as a user does
            await page.keyboard.press('Enter');
            await page.locator('.statusbar-item', { hasText: /Ln 14, Col 27 \(9 selected\)/ }).waitFor({ timeout: 30_000 });
            await expectLine(page, 14, '    critère CR3 "À rédiger"');
            await page.screenshot({ path: path.join(OUT, 'vscode-web-quick-fix.png') });
            await page.keyboard.type('Troisième critère.', { delay: 20 });
            await expectLine(page, 14, '    critère CR3 "Troisième critère."');
            await expectLine(page, 15, '    critère CR4 "Quatrième critère."');
            await deleteLine(page, 14, '    critère CR4 "Quatrième critère."');
        } catch (e) {
            // what the screen showed when it failed
            await page?.screenshot({ path: path.join(OUT, 'vscode-web-failure.png') }).catch(() => undefined);
            throw e;
        } finally {
            await browser.close();
            server.kill();
        }
    }, 420_000);
});

/** axe-core run inside a frame (evaluated through the debugger protocol, which the page's CSP does not block). */
async function axeViolations(frame: import('playwright-core').Frame): Promise<string[]> {
    await frame.evaluate(AXE_SOURCE);
    return frame.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
        return (await axe.run(document, { resultTypes: ['violations'] })).violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
    });
}

/** A TCP port nobody listens on, from the system. */
function freePort(): Promise<number> {
    return new Promise((resolve, reject) => {
        const probe = net.createServer();
        probe.on('error', reject);
        probe.listen(0, 'localhost', () => {
            const { port } = probe.address() as net.AddressInfo;
            probe.close(() => resolve(port));
        });
    });
}

async function waitForServer(port: number, log: () => string, alive: () => boolean): Promise<void> {
    const start = Date.now();
    for (;;) {
        if (!alive()) throw new Error(`the VS Code for the Web server stopped:\n${log()}`);
        try {
            const r = await fetch(`http://localhost:${port}/`);
            if (r.ok && alive()) return;
        } catch {
            // not yet
        }
        if (Date.now() - start > 60_000) throw new Error(`the VS Code for the Web server did not start:\n${log()}`);
        await new Promise((r) => setTimeout(r, 300));
    }
}

/**
 * The source editor (of `file`, when given) has its cursor on `line`: Monaco marks that line's
 * number, focused or not (the status bar's "Ln" shows only while the editor has the focus, which
 * a webview's late focus report can take back after a click in it).
 */
async function cursorOnLine(page: import('playwright-core').Page, line: number, file?: string): Promise<void> {
    if (file) await page.locator('.tab.active', { hasText: file }).first().waitFor({ timeout: 60_000 });
    await page.locator('.monaco-editor .line-numbers.active-line-number', { hasText: new RegExp(`^${line}$`) }).first().waitFor({ timeout: 60_000 });
}

/** Go to Line (Ctrl+G): `14`, or `8:17` for a column too. */
async function goTo(page: import('playwright-core').Page, where: string): Promise<void> {
    await page.keyboard.press('Control+G');
    await page.waitForSelector('.quick-input-widget', { state: 'visible' });
    await page.keyboard.type(where, { delay: 20 });
    await page.keyboard.press('Enter');
    await page.locator('.statusbar-item', { hasText: new RegExp(`Ln ${where.split(':')[0]}, Col ${where.split(':')[1] ?? '1'}\\b`) }).waitFor({ timeout: 30_000 });
}

/** The active editor's line `line` reads `text` (what Monaco draws there, spaces as spaces). */
async function expectLine(page: import('playwright-core').Page, line: number, text: string): Promise<void> {
    await page.waitForFunction(([n, want]) => {
        const editor = [...document.querySelectorAll('.editor-group-container.active .monaco-editor')].find((e) => e.querySelector('.view-lines'));
        if (!editor) return false;
        // a line number and its text are drawn at the same height
        const number = [...editor.querySelectorAll('.line-numbers')].find((e) => e.textContent?.trim() === String(n)) as HTMLElement | undefined;
        const top = number?.parentElement?.style.top;
        const row = [...editor.querySelectorAll('.view-line')].find((e) => (e as HTMLElement).style.top === top);
        // spaces as Monaco draws them: no-break spaces, and dots where whitespace is shown (in a selection)
        return row?.textContent?.replace(/[\u00a0\u00b7\u2e31]/g, ' ') === want;
    }, [line, text] as const, { timeout: 30_000 });
}

/** Deletes line `line` (Ctrl+Shift+K); the next line, `next`, takes its place. */
async function deleteLine(page: import('playwright-core').Page, line: number, next: string): Promise<void> {
    await goTo(page, String(line));
    await page.keyboard.press('Control+Shift+K');
    await expectLine(page, line, next);
}

async function waitForPreviewFrame(page: import('playwright-core').Page) {
    return waitForFrame(page, 'main.certiref-grid table.grid');
}

/** The webview frame that shows `selector`. */
async function waitForFrame(page: import('playwright-core').Page, selector: string) {
    const start = Date.now();
    for (;;) {
        for (const frame of page.frames()) {
            if (await frame.locator(selector).count().catch(() => 0)) return frame;
        }
        if (Date.now() - start > 120_000) throw new Error(`no webview with ${selector}`);
        await page.waitForTimeout(500);
    }
}
