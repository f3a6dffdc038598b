import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../helpers.js';
import { launchWithProfile } from '../chromium.js';
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
    return dir;
}

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
            port: 3101,
            printServerLog: false,
            testRunnerDataDir: path.join(ROOT, '.vscode-test-web'),
        } as Parameters<typeof runTests>[0]);
    }, 420_000);

    it('shows the editor and the preview side by side (screenshot in test/output/)', async () => {
        // the workbench served without a test runner, driven by playwright-core as a user would
        const port = 3102;
        const server = spawn(process.execPath, [path.join(ROOT, 'node_modules/@vscode/test-web/out/server/index.js'), '--browserType=none', `--commit=${VSCODE_COMMIT}`, '--quality=stable',
            `--extensionDevelopmentPath=${EXTENSION}`, `--port=${port}`, `--testRunnerDataDir=${path.join(ROOT, '.vscode-test-web')}`, folder], { stdio: 'pipe', env: { ...process.env } });
        let log = '';
        server.stdout.on('data', (d) => (log += d));
        server.stderr.on('data', (d) => (log += d));
        const browser = await launchWithProfile({ width: 1600, height: 1000 });
        let page: import('playwright-core').Page | undefined;
        try {
            await waitForServer(port, () => log);
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
            // the preview opens at the blocs of the file being edited (bloc 5, three modalities E5)
            expect(await frame.locator('table.grid caption', { hasText: 'E5' }).count()).toBe(3);
            // a click on a row shows its line in the source: CS2-4 is declared on line 137 of bloc-5.ref
            await frame.locator('th[data-line]', { hasText: 'CS2-4' }).first().click();
            await page.locator('.statusbar', { hasText: /Ln 137, Col 1/ }).waitFor({ timeout: 60_000 });
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
            // after a reload, the panels come back (their serializers restore them); the web
            // workbench saves its layout a moment after a change and cannot during an unload, so
            // a tab opened just before a reload is not part of it: give it that moment
            await page.waitForTimeout(3000);
            await page.reload();
            await page.waitForSelector('.monaco-workbench', { timeout: 120_000 });
            await page.waitForTimeout(8000);
            await page.screenshot({ path: path.join(OUT, 'vscode-web-after-reload.png') });
            // the comparison, the active tab beside the editor, is compared again …
            await waitForFrame(page, 'main.certiref-grid ul.changes');
            // … and the preview behind it comes back when its tab is shown
            await page.locator('.tab', { hasText: /(Preview|Aperçu) bloc-5\.ref/ }).click();
            const restored = await waitForPreviewFrame(page);
            await restored.waitForSelector('table.grid', { timeout: 120_000 });
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

async function waitForServer(port: number, log: () => string): Promise<void> {
    const start = Date.now();
    for (;;) {
        try {
            const r = await fetch(`http://localhost:${port}/`);
            if (r.ok) return;
        } catch {
            // not yet
        }
        if (Date.now() - start > 60_000) throw new Error(`the VS Code for the Web server did not start:\n${log()}`);
        await new Promise((r) => setTimeout(r, 300));
    }
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
