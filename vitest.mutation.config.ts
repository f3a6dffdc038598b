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
        // the fast in-process tests of the rules and the model: each rule's valid and invalid
        // cases (rules.test.ts runs test/language/rules/<id>.ts), the mutants, the
        // view-model, the texts and ids, the edge cases
        include: [
            'test/language/rules.test.ts', 'test/language/mutants.test.ts', 'test/language/view.test.ts',
            'test/language/text.test.ts', 'test/language/edge-cases.test.ts',
        ],
        testTimeout: 30_000,
        // the language is imported once per test worker and kept between mutants: Stryker's
        // mutants are switched on at run time, not written into the files, so nothing needs
        // importing again (static mutants, evaluated at import, are left out: ignoreStatic)
        isolate: false,
    },
});
