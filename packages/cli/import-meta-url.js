// Lets ESM code that reads import.meta.url run in the CommonJS bundle.
export const importMetaUrl = require('url').pathToFileURL(__filename).href;
