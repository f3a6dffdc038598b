import { createHash } from 'node:crypto';
import { URI, type LangiumDocument } from 'langium';
import type { CertirefServices, Severity } from 'certiref-language';
import { relative } from './formatters/stylish.js';

export type { Severity } from 'certiref-language';

/** One finding, as the `json` format prints it (1-based lines and columns, relative paths). */
export interface CliDiagnostic {
    file: string;
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
    severity: Severity;
    rule: string;
    message: string;
    /** Stable across unrelated edits: rule, file, the text of the line, and the rank among equal ones. */
    fingerprint: string;
}

/** The findings of built documents, in the CLI's terms: each message in its document's language. */
export function toCliDiagnostics(services: CertirefServices, documents: LangiumDocument[], quiet: boolean): CliDiagnostic[] {
    const diagnostics: CliDiagnostic[] = [];
    for (const document of documents) {
        const file = relative(URI.parse(document.uri.toString()).fsPath);
        const language = services.referential.Config.getConfig(document.uri.toString()).language;
        const lines = document.textDocument.getText().split(/\r?\n/);
        const seen = new Map<string, number>();
        for (const f of services.referential.Findings.of(document)) {
            const { severity, rule, range } = f;
            if (quiet && severity !== 'error') continue;
            const key = `${rule}\u0000${file}\u0000${(lines[range.start.line] ?? '').trim()}`;
            const rank = seen.get(key) ?? 0;
            seen.set(key, rank + 1);
            diagnostics.push({
                file,
                line: range.start.line + 1,
                column: range.start.character + 1,
                endLine: range.end.line + 1,
                endColumn: range.end.character + 1,
                severity,
                rule,
                message: f.message[language],
                fingerprint: createHash('sha256').update(`${key}\u0000${rank}`).digest('hex').slice(0, 32),
            });
        }
    }
    return diagnostics;
}

export function compareDiagnostics(a: CliDiagnostic, b: CliDiagnostic): number {
    return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column;
}
