// Bundles the CLI (and the language server it can start) into one CommonJS file.
import * as esbuild from 'esbuild';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const { version } = JSON.parse(readFileSync(new URL('package.json', import.meta.url), 'utf8'));

await esbuild.build({
    entryPoints: [`${here}/out/main.js`],
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
