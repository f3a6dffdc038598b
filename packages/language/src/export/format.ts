import type { Finding } from '../finding.js';
import type { Bilingual, Language } from '../i18n.js';
import type { CertificationModel } from '../model/types.js';
import type { Candidate } from '../model/view.js';

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
    /** The findings of the exported certifications' documents (the HTML grid shows them with `withFindings`). */
    findings: Finding[];
    /**
     * Show the checker's findings in the deliverable (`--with-findings`): a jury or France
     * Compétences receives none by default; the editor's preview always shows them.
     */
    withFindings?: boolean;
    /** The candidates to make grids for (`--candidates`): Word and Excel, filled in with each one's name, date and examiners. */
    candidates?: Candidate[];
    /** CSV's separator (`--separator`); default: the language's (`csvSeparator`). */
    separator?: string;
    /** A document's path as the export shows it (default: the file's name; JSON: the URI's path). */
    pathOf?: (uri: string) => string;
    /** Word and Excel's makers, loaded on first use, where the host has them (the CLI, the Node server). */
    office?: () => Promise<OfficeRenderers>;
}

/** What Word and Excel read of the context, beside the language. */
export interface OfficeOptions {
    /** Grids for these candidates only (Word: one document each, made by the caller; Excel: a sheet each). */
    candidates?: Candidate[];
}

export interface OfficeRenderers {
    toDocx(models: CertificationModel[], language: Language, options?: OfficeOptions): Promise<Uint8Array>;
    toXlsx(models: CertificationModel[], language: Language, options?: OfficeOptions): Promise<Uint8Array>;
}

/** A format made by Node's libraries (Word, Excel): bytes, only where the host lends `context.office`. */
export function officeFormat(id: string, label: string, description: Bilingual,
    make: (office: OfficeRenderers, models: CertificationModel[], language: Language, options: OfficeOptions) => Promise<Uint8Array>): ExportFormat {
    return {
        id, label, description, binary: true, office: true,
        async render(models, { language, office, candidates }) {
            if (!office) throw new Error(`${label} needs Node (certiref export --format ${id})`);
            return make(await office(), models, language, { candidates });
        },
    };
}
