// The Word and Excel exports, apart from the rest of the language package: they weigh (docx,
// exceljs) and only Node uses them — the CLI, and the desktop language server for VS Code's
// Export… (the Web Worker server leaves them out).
export { toDocx } from './docx.js';
export { toXlsx } from './xlsx.js';
export { renewalToDocx, renewalToXlsx } from './renewal-office.js';
