// Builds the extension: the desktop entry and the Node server (CommonJS), the web entry
// (CommonJS for the web extension host) and the server's Web Worker (an IIFE), and copies the
// TextMate grammar from the repository's syntaxes/ (a path outside the extension would be left
// out of the .vsix).
import * as esbuild from 'esbuild';
import { cpSync, mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
mkdirSync(`${here}/syntaxes`, { recursive: true });
cpSync(`${here}/../../syntaxes/certiref.tmLanguage.json`, `${here}/syntaxes/certiref.tmLanguage.json`);

const common = { bundle: true, sourcemap: false, minify: false, logLevel: 'warning', external: ['vscode'] };
// The desktop server's Word and Excel exports (docx, exceljs) in a file of their own, read on the
// first Word or Excel export, not at every start of VS Code
const officeApart = {
    name: 'office-apart',
    setup(build) {
        build.onResolve({ filter: /\/export\/office\.js$/ }, () => ({ path: './office.cjs', external: true }));
    },
};
// The desktop Word and RNCP imports (the importers, mammoth, the RNCP reader, the language's
// writer) in a file of their own, read when a command runs
const importApart = {
    name: 'import-apart',
    setup(build) {
        build.onResolve({ filter: /\/import-worker\.js$/ }, () => ({ path: './import.cjs', external: true }));
    },
};
// The registry's similarity (index, French stemmer, RNCP reader) in a file of its own too, read
// when the setting `certiref.registry.export` names an export
const similarApart = {
    name: 'similar-apart',
    setup(build) {
        build.onResolve({ filter: /^certiref-similar$/ }, () => ({ path: './similar.cjs', external: true }));
    },
};
// The French lexicon of the drafting rules: a file beside the desktop server (read on first use);
// in the Web Worker, which reads no file, a string in the bundle, turned into a lexicon on first use
mkdirSync(`${here}/dist`, { recursive: true });
for (const f of ['french-lexicon.txt', 'french-lexicon.LICENSE']) cpSync(`${here}/../language/out/drafting/${f}`, `${here}/dist/${f}`);
const lexiconInline = {
    name: 'lexicon-inline',
    setup(build) {
        build.onLoad({ filter: /drafting[\\/]lexicon-source\.js$/ }, () => ({
            contents: `export function readLexiconText() { return ${JSON.stringify(readFileSync(`${here}/../language/out/drafting/french-lexicon.txt`, 'utf8'))}; }`,
            loader: 'js',
        }));
    },
};
// The web extension host runs the RNCP import's writer, which reads its files back with the
// language's model builder but runs no drafting rule: its bundle reads no lexicon, and says so if asked
const lexiconUnused = {
    name: 'lexicon-unused',
    setup(build) {
        build.onLoad({ filter: /drafting[\\/]lexicon-source\.js$/ }, () => ({
            contents: 'export function readLexiconText() { throw new Error("certiref: the extension host has no French lexicon (the language server has it)"); }',
            loader: 'js',
        }));
    },
};
await Promise.all([
    esbuild.build({ ...common, entryPoints: [`${here}/src/extension.ts`], outfile: `${here}/dist/extension.cjs`, platform: 'node', format: 'cjs', target: 'node18',
        plugins: [importApart], supported: { 'dynamic-import': false } }),
    esbuild.build({ ...common, minify: true, entryPoints: [`${here}/src/import-worker.ts`], outfile: `${here}/dist/import.cjs`, platform: 'node', format: 'cjs', target: 'node18',
        define: { 'import.meta.url': 'importMetaUrl' }, banner: { js: "const importMetaUrl = require('url').pathToFileURL(__filename).href;" } }),
    esbuild.build({ ...common, entryPoints: [`${here}/../language/out/export/office.js`], outfile: `${here}/dist/office.cjs`, platform: 'node', format: 'cjs', target: 'node18' }),
    esbuild.build({ ...common, entryPoints: [`${here}/../similar/out/index.js`], outfile: `${here}/dist/similar.cjs`, platform: 'node', format: 'cjs', target: 'node18',
        mainFields: ['module', 'main'], logOverride: { 'empty-import-meta': 'silent' } }),
    esbuild.build({ ...common, entryPoints: [`${here}/src/server-node.ts`], outfile: `${here}/dist/server.cjs`, platform: 'node', format: 'cjs', target: 'node18',
        plugins: [officeApart, similarApart], supported: { 'dynamic-import': false },
        define: { 'import.meta.url': 'importMetaUrl' }, banner: { js: "const importMetaUrl = require('url').pathToFileURL(__filename).href;" } }),
    // the RNCP export's byte scan uses Buffer: the `buffer` package in the browser
    // minified: with the RNCP import's reader and writer it weighs 2 MB otherwise
    esbuild.build({ ...common, minify: true, entryPoints: [`${here}/src/web.ts`], outfile: `${here}/dist/web.cjs`, platform: 'browser', format: 'cjs', target: 'es2022',
        plugins: [lexiconUnused], inject: [`${here}/src/buffer-shim.js`], define: { process: '{"env":{}}' } }),
    esbuild.build({ ...common, entryPoints: [`${here}/src/server-worker.ts`], outfile: `${here}/dist/server-worker.js`, platform: 'browser', format: 'iife', target: 'es2022',
        plugins: [lexiconInline], define: { process: '{"env":{},"platform":"browser"}' } }),
]);
