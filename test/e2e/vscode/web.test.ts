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
        try {
            await waitForServer(port, () => log);
            const page = await browser.newPage();
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
            // after a reload, the preview comes back (its serializer restores it)
            await page.reload();
            await page.waitForSelector('.monaco-workbench', { timeout: 120_000 });
            await page.waitForTimeout(8000);
            await page.screenshot({ path: path.join(OUT, 'vscode-web-after-reload.png') });
            const restored = await waitForPreviewFrame(page);
            await restored.waitForSelector('table.grid', { timeout: 120_000 });
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
    const start = Date.now();
    for (;;) {
        for (const frame of page.frames()) {
            if (await frame.locator('main.certiref-grid').count().catch(() => 0)) return frame;
        }
        if (Date.now() - start > 120_000) throw new Error('no preview webview');
        await page.waitForTimeout(500);
    }
}
