export * from './draft.js';
export * from './write-ref.js';
export * from './write-files.js';
