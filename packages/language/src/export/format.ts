import type { Finding } from '../finding.js';
import type { Bilingual, Language } from '../i18n.js';
import type { CertificationModel } from '../model/types.js';

/**
 * An export format: what `certiref export --format <id>` writes, what the editor's Export…
 * offers and the server's `certiref/export` answers. One file per format in `formats/`, listed
 * in `formats/index.ts`; each lays out the model's views (model/view.ts), never the syntax tree.
 */
export interface ExportFormat {
    /** `--format`'s value, and the extension of the files written. */
    id: string;
    /** Its name in a menu: Word, Excel, HTML … */
    label: string;
    /** What it is for, in a menu. */
    description: Bilingual;
    /** Bytes (a zip): written to a file, never to a terminal; sent base64 to the editor. */
    binary: boolean;
    /** Made with Node's libraries (Word, Excel): only where the host lends them (`context.office`). */
    office?: boolean;
    render(models: CertificationModel[], context: ExportContext): Promise<string | Uint8Array>;
}

export interface ExportContext {
    language: Language;
    /** The findings of the exported certifications' documents (the HTML grid shows them). */
    findings: Finding[];
    /** A document's path as the export shows it (default: the file's name; JSON: the URI's path). */
    pathOf?: (uri: string) => string;
    /** Word and Excel's makers, loaded on first use, where the host has them (the CLI, the Node server). */
    office?: () => Promise<OfficeRenderers>;
}

export interface OfficeRenderers {
    toDocx(models: CertificationModel[], language: Language): Promise<Uint8Array>;
    toXlsx(models: CertificationModel[], language: Language): Promise<Uint8Array>;
}
