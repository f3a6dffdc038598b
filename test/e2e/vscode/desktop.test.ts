import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../helpers.js';

/**
 * Desktop VS Code runs the same test bodies as the web suite (suite.cjs), through the desktop
 * entry and the Node server. It needs a VS Code executable: set VSCODE_EXECUTABLE, or have
 * `code` on the PATH. VS Code cannot be downloaded on the project's machines: there the test is
 * skipped, and says so — it is never counted as passed.
 */
const executable = process.env.VSCODE_EXECUTABLE ?? (spawnSync('which', ['code'], { encoding: 'utf8' }).stdout.trim() || undefined);
if (!executable) {
    console.warn('\n*** The desktop VS Code suite DID NOT RUN: no VS Code executable (set VSCODE_EXECUTABLE). The web suite ran the same tests in VS Code for the Web. ***\n');
}

describe('desktop VS Code (@vscode/test-electron)', () => {
    it.skipIf(!executable)('runs the shared suite through the desktop entry', async () => {
        const { runTests } = await import('@vscode/test-electron');
        const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'certiref-desktop-'));
        fs.cpSync(path.join(ROOT, 'referentials/manager-strategie-digitale'), folder, { recursive: true });
        // the RNCP export's extract, zipped, for the RNCP import (as the web suite)
        fs.mkdirSync(path.join(folder, '.rncp'));
        fs.writeFileSync(path.join(folder, '.rncp', 'export-fiches-rncp-v4-1-extract.zip'), zipSync({ 'export_fiches_RNCP_extract.xml': fs.readFileSync(path.join(ROOT, 'examples/rncp/export_fiches_RNCP_extract.xml')) }));
        const code = await runTests({
            vscodeExecutablePath: executable!,
            extensionDevelopmentPath: path.join(ROOT, 'packages/extension'),
            extensionTestsPath: path.join(ROOT, 'test/e2e/vscode/desktop-runner.cjs'),
            launchArgs: [folder, '--disable-extensions'],
        });
        expect(code).toBe(0);
    }, 300_000);
});
