import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * The tests `npm run mutation` runs against each mutant of packages/language/src/rules and
 * model (stryker.config.mjs): those that run the language in process. They import
 * certiref-language from its sources here (not from its build in out/, which a mutant does
 * not change). The CLI and language-server tests run the bundle, built once: they cannot see a
 * mutant, so they are left out.
 */
const src = path.join(path.dirname(fileURLToPath(import.meta.url)), 'packages/language/src');

export default defineConfig({
    resolve: {
        alias: [
            { find: /^certiref-language\/node$/, replacement: path.join(src, 'node.ts') },
            { find: /^certiref-language\/office$/, replacement: path.join(src, 'export/office.ts') },
            { find: /^certiref-language$/, replacement: path.join(src, 'index.ts') },
        ],
    },
    test: {
        include: ['test/language/**/*.test.ts', 'test/referentials.test.ts'],
        testTimeout: 30_000,
        pool: 'forks',
    },
});
