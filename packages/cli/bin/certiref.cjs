#!/usr/bin/env node
'use strict';
// Runs the bundled CLI, built by `npm run build` into ../dist/certiref.cjs.
const path = require('node:path');
const bundle = path.join(__dirname, '..', 'dist', 'certiref.cjs');
if (!require('node:fs').existsSync(bundle)) {
    process.stderr.write('certiref: pas encore construit, lancez `npm run build` / not built yet, run `npm run build`\n');
    process.exit(2);
}
require(bundle);
