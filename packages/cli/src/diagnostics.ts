import { createHash } from 'node:crypto';
import { URI, type LangiumDocument } from 'langium';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { invalidConfigMessage, type CertificationModel, type CertirefDiagnosticData, type ConfigProblem, type Language } from 'certiref-language';
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

/** The diagnostics of built documents, in the CLI's terms. */
export function toCliDiagnostics(documents: LangiumDocument[], quiet: boolean): CliDiagnostic[] {
    const diagnostics: CliDiagnostic[] = [];
    for (const document of documents) {
        const file = relative(URI.parse(document.uri.toString()).fsPath);
        const lines = document.textDocument.getText().split(/\r?\n/);
        const seen = new Map<string, number>();
        for (const d of document.diagnostics ?? []) {
            const severity = SEVERITY[d.severity ?? DiagnosticSeverity.Error];
            if (quiet && severity !== 'error') continue;
            const data = d.data as CertirefDiagnosticData | undefined;
            const rule = data?.rule ?? String(d.code ?? 'unknown');
            const key = `${rule}\u0000${file}\u0000${(lines[d.range.start.line] ?? '').trim()}`;
            const rank = seen.get(key) ?? 0;
            seen.set(key, rank + 1);
            diagnostics.push({
                file,
                line: d.range.start.line + 1,
                column: d.range.start.character + 1,
                endLine: d.range.end.line + 1,
                endColumn: d.range.end.character + 1,
                severity,
                rule,
                message: d.message,
                fingerprint: createHash('sha256').update(`${key}\u0000${rank}`).digest('hex').slice(0, 32),
            });
        }
    }
    return diagnostics;
}

/** The problems of certiref.json files, each where it stands in its file. */
export function configDiagnostics(problems: ConfigProblem[], language: Language): CliDiagnostic[] {
    return problems.map((p) => {
        const file = relative(p.file);
        const message = invalidConfigMessage(p);
        return {
            file, line: p.line, column: p.column, endLine: p.line, endColumn: p.column, severity: 'error', rule: 'invalid-config',
            message: language === 'fr' ? message.fr : message.en,
            fingerprint: createHash('sha256').update(`invalid-config\u0000${file}\u0000${p.message}`).digest('hex').slice(0, 32),
        };
    });
}

export interface PausedCheck {
    certification: string;
    /** The files with a syntax error. */
    files: string[];
    /** Every file of the certification. */
    of: string[];
}

/** The certifications (of the files shown) whose completeness rules a syntax error pauses. */
export function pausedChecks(models: CertificationModel[], shown?: Set<string>): PausedCheck[] {
    const path = (uri: string) => relative(URI.parse(uri).fsPath);
    return models.filter((m) => m.incomplete)
        .map((m) => ({ certification: m.id, files: m.unreadDocuments.map(path), of: m.documents.map(path) }))
        .filter((p) => !shown || p.of.some((f) => shown.has(f)));
}

export function compareDiagnostics(a: CliDiagnostic, b: CliDiagnostic): number {
    return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column;
}
