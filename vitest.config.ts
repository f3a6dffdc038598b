import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
    test: {
        include: ['test/**/*.test.ts'],
        testTimeout: 30_000,
        hookTimeout: 60_000,
        pool: 'forks',
        // Playwright (inside @vscode/test-web) reads its browsers folder once, when loaded:
        // test/e2e/vscode/prepare.ts fills this one with Debian's Chromium
        env: { PLAYWRIGHT_BROWSERS_PATH: path.join(path.dirname(fileURLToPath(import.meta.url)), '.pw-browsers') },
    },
});
