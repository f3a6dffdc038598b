export * from './text.js';
export * from './align.js';
export * from './registry.js';
export * from './registry-index.js';
export * from './compare.js';
export * from './store.js';
export * from './export-reader.js';
