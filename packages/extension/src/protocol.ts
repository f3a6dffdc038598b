// certiref's own requests between the extension and its language server (the same names the
// server registers, see certiref-language's lsp/requests.ts and lsp/server-setup.ts).
export const PREVIEW_REQUEST = 'certiref/preview';
export const OUTLINE_REQUEST = 'certiref/outline';
export const EXPORT_REQUEST = 'certiref/export';
export const EXPORT_FORMATS_REQUEST = 'certiref/exportFormats';
export const DIFF_REQUEST = 'certiref/diff';
export const CHECKLIST_REQUEST = 'certiref/checklist';
export const SETTINGS_NOTIFICATION = 'certiref/settings';
export const READ_FILE_REQUEST = 'certiref/readFile';
export const READ_DIRECTORY_REQUEST = 'certiref/readDirectory';
export type { DiffParams, DiffResponse, EditorSettings, ExportFormatInfo, OutlineNode, OutlineResult, PreviewResult } from 'certiref-language';
