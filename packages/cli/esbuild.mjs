// Bundles the CLI (and the language server it can start) into one CommonJS file.
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const { version } = JSON.parse(readFileSync(new URL('package.json', import.meta.url), 'utf8'));

// Word and Excel (docx, exceljs: two thirds of the code) in a bundle of their own, read only
// when a Word or Excel export asks for them: every other command starts without reading them.
const officeApart = {
    name: 'office-apart',
    setup(build) {
        build.onResolve({ filter: /(^certiref-language\/office|\/export\/office\.js)$/ }, () => ({ path: './office.cjs', external: true }));
    },
};
// The registry's similarity (its index, the French stemmer, the RNCP reader) apart as well: read
// by `certiref similar` only.
const similarApart = {
    name: 'similar-apart',
    setup(build) {
        build.onResolve({ filter: /^certiref-similar$/ }, () => ({ path: './similar.cjs', external: true }));
    },
};
// The French lexicon of the drafting rules, read beside the bundle on first use (drafting/lexicon-source.ts)
mkdirSync(`${here}/dist`, { recursive: true });
for (const f of ['french-lexicon.txt', 'french-lexicon.LICENSE']) copyFileSync(`${here}/../language/out/drafting/${f}`, `${here}/dist/${f}`);

await esbuild.build({
    entryPoints: [`${here}/../similar/out/index.js`],
    // stopword's ES module: the French list alone, not the 62 languages
    mainFields: ['module', 'main'],
    // the worker thread of the index's build runs this bundle itself (__filename); import.meta is for the unbundled modules
    logOverride: { 'empty-import-meta': 'silent' },
    outfile: `${here}/dist/similar.cjs`,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'warning',
});
await esbuild.build({
    entryPoints: [`${here}/../language/out/export/office.js`],
    outfile: `${here}/dist/office.cjs`,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'warning',
});

// The Word reader of `certiref import docx` (mammoth, jszip), apart for the same reason
const wordReaderApart = {
    name: 'word-reader-apart',
    setup(build) {
        build.onResolve({ filter: /\/docx\/libraries\.js$/ }, () => ({ path: './word-reader.cjs', external: true }));
    },
};
await esbuild.build({
    entryPoints: [`${here}/../import/out/docx/libraries.js`],
    outfile: `${here}/dist/word-reader.cjs`,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'warning',
});

await esbuild.build({
    entryPoints: [`${here}/out/main.js`],
    plugins: [officeApart, wordReaderApart, similarApart],
    // import() becomes require(): the bundle runs in a vm.Script (bin/certiref.cjs), where a
    // real dynamic import has no loader
    supported: { 'dynamic-import': false },
    outfile: `${here}/dist/certiref.cjs`,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: false,
    minify: false,
    banner: { js: '#!/usr/bin/env node' },
    define: { CERTIREF_VERSION: JSON.stringify(version), 'import.meta.url': 'importMetaUrl' },
    inject: [`${here}/import-meta-url.js`],
    logLevel: 'warning',
});

// V8 code cache: run the CLI once on the examples and keep what V8 compiled (see bin/certiref.cjs).
const { spawnSync } = await import('node:child_process');
const warm = spawnSync(process.execPath, [`${here}/bin/certiref.cjs`, "check", `${here}/../../examples/starter`, `${here}/../../examples/multi-file`, `${here}/../../referentials`, "--format", "json"], {
    env: { ...process.env, CERTIREF_WRITE_CODE_CACHE: '1' },
    encoding: 'utf8',
});
if (warm.status === null || warm.status > 1) {
    console.error(`code cache not written: ${warm.stderr}`);
    process.exit(1);
}
