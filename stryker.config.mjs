// Mutation testing of the rules and the model: `npm run mutation` (about half an hour on two
// cores; not part of `npm test`). StrykerJS 9.6 (the last release for Node 20) with its vitest
// runner, on the in-process tests of vitest.mutation.config.ts. No type checker: Stryker's needs
// TypeScript's compiler API, which TypeScript 7 does not have (a mutant that does not type-check
// runs all the same, and is killed or survives on its behaviour). Results: reports/mutation/
// (HTML and JSON, not committed); the score and the survivors are recorded in
// test/robustness/RESULTS.md.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
    testRunner: 'vitest',
    vitest: { configFile: 'vitest.mutation.config.ts', related: false },
    plugins: ['@stryker-mutator/vitest-runner'],
    // the rules; the model (`-- --mutate 'packages/language/src/model/**/*.ts'`) is covered by
    // every test, so each of its mutants runs them all: an hour and more on two cores
    mutate: ['packages/language/src/rules/**/*.ts', '!packages/language/src/rules/index.ts'],
    // a second run re-tests only what changed (source or tests) since the first
    incremental: true,
    incrementalFile: 'reports/mutation/stryker-incremental.json',
    coverageAnalysis: 'perTest',
    ignoreStatic: true,
    concurrency: 2,
    timeoutMS: 30_000,
    reporters: ['clear-text', 'progress', 'html', 'json'],
    htmlReporter: { fileName: 'reports/mutation/index.html' },
    jsonReporter: { fileName: 'reports/mutation/mutation.json' },
    clearTextReporter: { allowColor: false, logTests: false, maxTestsToLog: 0 },
    // the sandbox holds what the tests read, nothing else (node_modules is linked, not copied)
    ignorePatterns: [
        '/*', '!/packages', '!/test', '!/examples', '!/referentials', '!/package.json', '!/tsconfig.json', '!/vitest.mutation.config.ts',
        '/packages/extension', '/packages/*/dist', '/packages/*/out', '/test/e2e', '/test/output',
    ],
    tempDirName: '.stryker-tmp',
    // Stryker rewrites the sandbox's tsconfig.json with TypeScript's compiler API, which
    // TypeScript 7 does not have: name a file that is not there, and the rewrite is skipped
    // (paths in the sandbox are the project's own, and nothing compiles it there).
    tsconfigFile: 'no-tsconfig-for-stryker.json',
    cleanTempDir: true,
};
