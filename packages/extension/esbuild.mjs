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
await Promise.all([
    esbuild.build({ ...common, entryPoints: [`${here}/src/extension.ts`], outfile: `${here}/dist/extension.cjs`, platform: 'node', format: 'cjs', target: 'node18' }),
    esbuild.build({ ...common, entryPoints: [`${here}/../language/out/export/office.js`], outfile: `${here}/dist/office.cjs`, platform: 'node', format: 'cjs', target: 'node18' }),
    esbuild.build({ ...common, entryPoints: [`${here}/src/server-node.ts`], outfile: `${here}/dist/server.cjs`, platform: 'node', format: 'cjs', target: 'node18',
        plugins: [officeApart], supported: { 'dynamic-import': false },
        define: { 'import.meta.url': 'importMetaUrl' }, banner: { js: "const importMetaUrl = require('url').pathToFileURL(__filename).href;" } }),
    esbuild.build({ ...common, entryPoints: [`${here}/src/web.ts`], outfile: `${here}/dist/web.cjs`, platform: 'browser', format: 'cjs', target: 'es2022',
        define: { process: '{"env":{}}' } }),
    esbuild.build({ ...common, entryPoints: [`${here}/src/server-worker.ts`], outfile: `${here}/dist/server-worker.js`, platform: 'browser', format: 'iife', target: 'es2022',
        plugins: [lexiconInline], define: { process: '{"env":{},"platform":"browser"}' } }),
]);
