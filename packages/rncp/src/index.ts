// certiref-rncp for Node: everything of `core.ts`, and reading export files from disk.
export * from './core.js';
export { openExport } from './source.js';
export { listFiches, readFiches } from './files.js';
