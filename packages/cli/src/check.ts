import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { URI } from 'langium';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { Language, SeveritySetting } from 'certiref-language';
import type { CertirefDiagnosticData } from 'certiref-language';
import { createNodeServices, loadDocuments } from 'certiref-language/node';
import { collectFiles, UsageError } from './files.js';
import { relative } from './formatters/stylish.js';
import { Progress } from './progress.js';

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

export interface CheckResult {
    language: Language;
    files: string[];
    diagnostics: CliDiagnostic[];
    summary: { errors: number; warnings: number; infos: number };
}

export interface CheckOptions extends WorkspaceOptions {
    quiet: boolean;
}

const SEVERITY: Record<number, Severity> = {
    [DiagnosticSeverity.Error]: 'error',
    [DiagnosticSeverity.Warning]: 'warning',
    [DiagnosticSeverity.Information]: 'info',
    [DiagnosticSeverity.Hint]: 'hint',
};

export interface WorkspaceOptions {
    paths: string[];
    language?: Language;
    defaultLanguage: Language;
    rules?: Record<string, SeveritySetting>;
}

/**
 * The .ref files named on the command line, loaded and built together (parse, link, validate)
 * with certiref.json and the command line's settings. Every command starts here.
 */
export async function loadWorkspace(options: WorkspaceOptions) {
    const files = collectFiles(options.paths.length > 0 ? options.paths : ['.']);
    const { Certiref, shared, config } = createNodeServices();
    config.forcedLanguage = options.language;
    config.defaultLanguage = options.defaultLanguage;
    config.overrides = options.rules ?? {};
    const progress = new Progress(files.length, options.language ?? options.defaultLanguage);
    progress.follow(shared);
    let documents, problems;
    try {
        ({ documents, problems } = await loadDocuments(Certiref, files, (n) => progress.read(n)));
    } finally {
        progress.end();
    }
    if (problems.length > 0) throw new UsageError(problems.map((p) => `${relative(p.file)}: ${p.message}`).join('\n'));
    const configProblems = config.problems();
    if (configProblems.length > 0) {
        throw new UsageError(configProblems.map((p) => `${relative(p.file)}:${p.line}:${p.column}: ${p.message}`).join('\n'));
    }
    const language = config.getConfig(URI.file(path.resolve('certiref.ref')).toString()).language;
    return { services: Certiref, documents, language };
}

/** Loads the files, builds them together, and returns every finding, sorted by file and place. */
export async function check(options: CheckOptions): Promise<CheckResult> {
    const { documents, language } = await loadWorkspace(options);
    const diagnostics: CliDiagnostic[] = [];
    for (const document of documents) {
        const file = relative(URI.parse(document.uri.toString()).fsPath);
        const lines = document.textDocument.getText().split(/\r?\n/);
        const seen = new Map<string, number>();
        for (const d of document.diagnostics ?? []) {
            const severity = SEVERITY[d.severity ?? DiagnosticSeverity.Error];
            if (options.quiet && severity !== 'error') continue;
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
    diagnostics.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
    return {
        language,
        files: documents.map((d) => relative(URI.parse(d.uri.toString()).fsPath)),
        diagnostics,
        summary: {
            errors: diagnostics.filter((d) => d.severity === 'error').length,
            warnings: diagnostics.filter((d) => d.severity === 'warning').length,
            infos: diagnostics.filter((d) => d.severity === 'info' || d.severity === 'hint').length,
        },
    };
}
