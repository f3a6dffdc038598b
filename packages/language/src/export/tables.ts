import type { CertificationModel, ModalityModel } from '../model/types.js';

// What the exports share: text made safe for Markdown, spreadsheets and Office's XML, and the
// part of the référentiels an export asks for.

/**
 * Text that Markdown renderers (GitHub, GitLab …) show as written: HTML's characters as entities,
 * Markdown's punctuation (links, images, emphasis, code, tables) escaped. What GitHub links by
 * itself in plain text — a bare URL (`https://…`, `www.…`), an e-mail address, an `@mention`
 * (which notifies that person when a report is posted), an issue `#12` — gets an invisible word
 * joiner (U+2060) after its `@`, `#`, scheme or `www`, which renderers show as nothing and which
 * breaks the link. Line breaks are left to the caller.
 */
export function escapeMarkdownText(text: string): string {
    return text
        .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
        .replace(/([\\`*_[\]|~#])/g, '\\$1')
        .replace(/^(\s*)([-+])/gm, '$1\\$2')
        .replace(/([@#])(?=[\p{L}\p{N}_])/gu, '$1\u2060')
        .replace(/\b(https?|ftp|www)(?=:\/\/|\.)/gi, '$1\u2060');
}

/**
 * A cell a spreadsheet would run as a formula (=, +, -, @, a tab or a carriage return first) is
 * neutralised with a leading apostrophe, as OWASP advises against CSV injection.
 */
export function neutralise(cell: string): string {
    return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/**
 * Text for the XML inside an Office file (the Word and Excel exports). XML 1.0 forbids most
 * control characters, and Word and Excel refuse a file holding one as corrupt (a paste from
 * Word leaves vertical tabs, its line breaks). A vertical tab or a form feed becomes a line
 * break; any other character XML forbids (a control, U+FFFE, U+FFFF, a lone surrogate) becomes
 * U+FFFD, so that nothing disappears unseen.
 */
export function xmlText(text: string): string {
    return text
        .replace(/[\u000B\u000C]/g, '\n')
        .replace(/[\u0000-\u0008\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/** A copy of an object with its hidden properties (the syntax node, the parent bloc …). */
function clone<T extends object>(value: T, changes: Partial<T>): T {
    return Object.assign(Object.defineProperties({}, Object.getOwnPropertyDescriptors(value)) as T, changes);
}

/**
 * The part of the référentiels an export asks for: one bloc (`--bloc 3`, with its options), and
 * or one modality (`--modality E5`, by id or title) with what holds it. The model is not changed:
 * the result is a view of it.
 */
export function selectModels(models: CertificationModel[], selection: { bloc?: string; modality?: string }): CertificationModel[] {
    if (!selection.bloc && !selection.modality) return models;
    const keep = (m: ModalityModel) => !selection.modality || m.id === selection.modality || m.title === selection.modality;
    return models.map((model) => clone(model, {
        blocs: model.blocs
            .filter((b) => !selection.bloc || b.id === selection.bloc)
            .map((b) => clone(b, {
                modalities: b.modalities.filter(keep),
                activities: selection.modality && !b.modalities.some(keep) ? [] : b.activities,
                options: b.options
                    .filter((o) => !selection.modality || o.modalities.some(keep))
                    .map((o) => clone(o, { modalities: o.modalities.filter(keep) })),
            }))
            .filter((b) => !selection.modality || b.modalities.length > 0 || b.options.length > 0),
    })).filter((m) => m.blocs.length > 0);
}
