import type { ExportFormat } from '../format.js';
import { csv } from './csv.js';
import { docx } from './docx.js';
import { html } from './html.js';
import { json } from './json.js';
import { md } from './md.js';
import { xlsx } from './xlsx.js';

export type { ExportContext, ExportFormat, OfficeRenderers } from '../format.js';

/**
 * Every export format, in the order `certiref export --help` lists them. The CLI's `--format`,
 * the server's `certiref/export` and `certiref/exportFormats` (the editor's Export… menu) read
 * this list. A new format: its file in this folder, here, and its tests (see ARCHITECTURE.md).
 */
export const EXPORT_FORMATS: readonly ExportFormat[] = [json, html, md, csv, xlsx, docx];

export function exportFormat(id: string): ExportFormat | undefined {
    return EXPORT_FORMATS.find((f) => f.id === id);
}
