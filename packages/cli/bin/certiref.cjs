#!/usr/bin/env node
'use strict';
// Runs the bundled CLI, built by `npm run build` into ../dist/certiref.cjs, with V8's code cache
// (../dist/certiref.cjs.cache, written at build time) so that a cold start does not compile the
// whole bundle again. A cache that does not fit this Node version is ignored.
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const Module = require('node:module');

const bundle = path.join(__dirname, '..', 'dist', 'certiref.cjs');
const cacheFile = `${bundle}.cache`;
let code;
try {
    code = fs.readFileSync(bundle, 'utf8');
} catch {
    process.stderr.write('certiref: pas encore construit, lancez `npm run build` / not built yet, run `npm run build`\n');
    process.exit(2);
}
let cachedData;
if (!process.env.CERTIREF_WRITE_CODE_CACHE) {
    try {
        cachedData = fs.readFileSync(cacheFile);
    } catch {
        // no cache: compile
    }
}
const script = new vm.Script(Module.wrap(code.replace(/^#!.*/, '')), { filename: bundle, cachedData });
if (process.env.CERTIREF_WRITE_CODE_CACHE) {
    process.once('beforeExit', () => fs.writeFileSync(cacheFile, script.createCachedData()));
}
const mod = new Module(bundle, module);
mod.filename = bundle;
mod.paths = Module._nodeModulePaths(path.dirname(bundle));
script.runInThisContext()(mod.exports, Module.createRequire(bundle), mod, bundle, path.dirname(bundle));
