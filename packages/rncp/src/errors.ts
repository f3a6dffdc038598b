/** A problem with an export file: where (file, 1-based line and column of the XML) and what, in French and English. */
export class RncpExportError extends Error {
    constructor(
        readonly file: string,
        readonly line: number | undefined,
        readonly column: number | undefined,
        readonly fr: string,
        readonly en: string,
    ) {
        super(`${file}${line !== undefined ? `:${line}:${column ?? 1}` : ''}: ${en}`);
        this.name = 'RncpExportError';
    }

    /** `file:line:col: message` in the language asked. */
    format(language: 'fr' | 'en'): string {
        const where = this.line !== undefined ? `${this.file}:${this.line}:${this.column ?? 1}` : this.file;
        return `${where}: ${language === 'fr' ? this.fr : this.en}`;
    }
}
