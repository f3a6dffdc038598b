import { createHash, type Hash } from 'node:crypto';
import { URI, type LangiumDocument } from 'langium';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { CertirefDiagnosticData } from 'certiref-language';
import { relative } from './formatters/stylish.js';

export type Severity = 'error' | 'warning' | 'info' | 'hint';

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

const SEVERITY: Record<number, Severity> = {
    [DiagnosticSeverity.Error]: 'error',
    [DiagnosticSeverity.Warning]: 'warning',
    [DiagnosticSeverity.Information]: 'info',
    [DiagnosticSeverity.Hint]: 'hint',
};

/**
 * The diagnostics of built documents, in the CLI's terms. A fingerprint is the SHA-256 of the
 * rule, the file, the trimmed text of the finding's line and its rank among equal ones; the hash
 * of `rule, file, line` is computed once per rule and line and copied for each rank, so that
 * 100,000 findings on one long line do not hash the line 100,000 times.
 */
export function toCliDiagnostics(documents: LangiumDocument[], quiet: boolean): CliDiagnostic[] {
    const diagnostics: CliDiagnostic[] = [];
    for (const document of documents) {
        const file = relative(URI.parse(document.uri.toString()).fsPath);
        // lines as the editor and the lexer count them (a lone CR ends one too)
        const lines = document.textDocument.getText().split(/\r\n?|\n/);
        const lineIds = new Map<string, number>(); // trimmed text of a line → a small number
        const idOfLine = new Map<number, { id: number; text: string }>(); // line → its number and text
        const seen = new Map<string, { rank: number; hash: Hash }>();
        for (const d of document.diagnostics ?? []) {
            const severity = SEVERITY[d.severity ?? DiagnosticSeverity.Error];
            if (quiet && severity !== 'error') continue;
            const data = d.data as CertirefDiagnosticData | undefined;
            const rule = data?.rule ?? String(d.code ?? 'unknown');
            let line = idOfLine.get(d.range.start.line);
            if (!line) {
                const text = (lines[d.range.start.line] ?? '').trim();
                let id = lineIds.get(text);
                if (id === undefined) lineIds.set(text, (id = lineIds.size));
                idOfLine.set(d.range.start.line, (line = { id, text }));
            }
            const { text } = line;
            const key = `${rule}\u0000${line.id}`;
            let entry = seen.get(key);
            if (!entry) seen.set(key, (entry = { rank: 0, hash: createHash('sha256').update(`${rule}\u0000${file}\u0000${text}\u0000`) }));
            const rank = entry.rank++;
            diagnostics.push({
                file,
                line: d.range.start.line + 1,
                column: d.range.start.character + 1,
                endLine: d.range.end.line + 1,
                endColumn: d.range.end.character + 1,
                severity,
                rule,
                message: d.message,
                fingerprint: entry.hash.copy().update(String(rank)).digest('hex').slice(0, 32),
            });
        }
    }
    return diagnostics;
}

export function compareDiagnostics(a: CliDiagnostic, b: CliDiagnostic): number {
    return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column;
}
