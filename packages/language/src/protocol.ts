import type { RegistrySettings, SeveritySetting } from './config/config.js';
import type { DiffSummary } from './diff/compare.js';
import type { Language } from './i18n.js';

/**
 * certiref's own protocol between the VS Code extension and the language server, on top of the
 * LSP: the names of its requests and notifications and the shapes of their messages. The server
 * (lsp/requests.ts, lsp/server-setup.ts) and the extension both import this module
 * (`certiref-language/protocol`: nothing at run time but these names).
 *
 * The extension asks: the evaluation-grid preview of a document's certification, the outline of
 * the Référentiel tree and the status bar, an export, the formats it can export to, a comparison
 * with an older version; it tells the editor's settings. The Web Worker server asks the
 * extension for the workspace's files.
 */
export const PREVIEW_REQUEST = 'certiref/preview';
export const OUTLINE_REQUEST = 'certiref/outline';
export const EXPORT_REQUEST = 'certiref/export';
export const DIFF_REQUEST = 'certiref/diff';
/** The dossier checklist of a document's certification, as HTML for VS Code's panel (a PreviewResult). */
export const CHECKLIST_REQUEST = 'certiref/checklist';
export const EXPORT_FORMATS_REQUEST = 'certiref/exportFormats';

/** certiref/export: the active document's certification in a format; a binary one (Word, Excel) as `{ base64 }`. */
export interface ExportParams { uri: string; format: string; language?: Language }
export type ExportResult = string | { base64: string } | undefined;

/** certiref/exportFormats: the formats this server can make, for the editor's Export… menu. */
export interface ExportFormatsParams { language?: Language }
export interface ExportFormatInfo { id: string; label: string; description: string; office: boolean }

/** "Compare with…": the older version's files (from git or another folder), as the editor read them. */
export interface DiffParams {
    /** The active document: its certification is the new side. */
    uri: string;
    old: {
        /** What the older version is: `HEAD`, a folder … */
        label: string;
        /** Its files, each with the name the report shows (`HEAD:referentials/bloc-1.ref`). */
        files: Array<{ uri: string; text: string; name: string }>;
    };
    language?: Language;
}

export interface DiffResponse {
    /** The report as HTML (escaped), for the panel. */
    body: string;
    markdown: string;
    text: string;
    empty: boolean;
    summary: DiffSummary;
}

export interface PreviewParams { uri: string; language?: Language }
export interface PreviewResult {
    /** The certification's title. */
    title: string;
    /** The grids as HTML (escaped), for the webview. */
    body: string;
    uri: string;
    version: number;
}

export interface OutlineNode {
    kind: 'certification' | 'bloc' | 'option' | 'activity' | 'competency';
    id: string;
    label: string;
    uri: string;
    line: number;
    /** For competencies: judged by a criterion and evaluated by a modality. */
    covered?: boolean;
    children: OutlineNode[];
}
export interface OutlineResult {
    certification?: OutlineNode;
    /** The files of the active document's certification. */
    documents?: string[];
    counts: { competencies: number; criteria: number; uncovered: number; errors: number; warnings: number };
    /** The files whose syntax error pauses the completeness rules of the certification (none: not paused). */
    paused?: string[];
}

/** The editor's settings, sent by the VS Code extension (`certiref.language`, `certiref.rules`). */
export const SETTINGS_NOTIFICATION = 'certiref/settings';
export interface EditorSettings {
    language: 'auto' | Language;
    /** The editor's display language, for `auto`. */
    displayLanguage?: string;
    rules: Record<string, SeveritySetting>;
    /** `certiref.registry.export` and `certiref.registry.index` (the desktop server only). */
    registry?: RegistrySettings;
}

/** Requests the Web Worker server sends to the extension to read the workspace's files. */
export const READ_FILE_REQUEST = 'certiref/readFile';
export const READ_DIRECTORY_REQUEST = 'certiref/readDirectory';

export interface ReadDirectoryEntry { uri: string; isFile: boolean; isDirectory: boolean }

/** Every request and notification of the protocol: the server handles each, the extension sends or answers it by these names. */
export const PROTOCOL = {
    requests: [PREVIEW_REQUEST, OUTLINE_REQUEST, EXPORT_REQUEST, EXPORT_FORMATS_REQUEST, DIFF_REQUEST, CHECKLIST_REQUEST],
    notifications: [SETTINGS_NOTIFICATION],
    /** Sent by the Web Worker server, answered by the extension. */
    toClient: [READ_FILE_REQUEST, READ_DIRECTORY_REQUEST],
} as const;
