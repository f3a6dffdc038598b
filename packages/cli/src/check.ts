import * as path from 'node:path';
import { URI } from 'langium';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { Language } from 'certiref-language';
import type { CertirefDiagnosticData } from 'certiref-language';
import { createNodeServices, loadDocuments } from 'certiref-language/node';
import { collectFiles, UsageError } from './files.js';
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
}

export interface CheckResult {
    language: Language;
    files: string[];
    diagnostics: CliDiagnostic[];
    summary: { errors: number; warnings: number; infos: number };
}

export interface CheckOptions {
    paths: string[];
    /** `--lang`: wins over certiref.json. */
    language?: Language;
    /** The environment's language, when neither `--lang` nor certiref.json names one. */
    defaultLanguage: Language;
    rules: Record<string, 'off' | Severity>;
    quiet: boolean;
}

const SEVERITY: Record<number, Severity> = {
    [DiagnosticSeverity.Error]: 'error',
    [DiagnosticSeverity.Warning]: 'warning',
    [DiagnosticSeverity.Information]: 'info',
    [DiagnosticSeverity.Hint]: 'hint',
};

/** Loads the files, builds them together, and returns every finding, sorted by file and place. */
export async function check(options: CheckOptions): Promise<CheckResult> {
    const files = collectFiles(options.paths.length > 0 ? options.paths : ['.']);
    const { Certiref, config } = createNodeServices();
    config.forcedLanguage = options.language;
    config.defaultLanguage = options.defaultLanguage;
    config.overrides = options.rules;
    const { documents, problems } = await loadDocuments(Certiref, files);
    if (problems.length > 0) throw new UsageError(problems.map((p) => `${relative(p.file)}: ${p.message}`).join('\n'));
    const configProblems = config.problems();
    if (configProblems.length > 0) {
        throw new UsageError(configProblems.map((p) => `${relative(p.file)}:${p.line}:${p.column}: ${p.message}`).join('\n'));
    }
    const diagnostics: CliDiagnostic[] = [];
    for (const document of documents) {
        const file = relative(URI.parse(document.uri.toString()).fsPath);
        for (const d of document.diagnostics ?? []) {
            const severity = SEVERITY[d.severity ?? DiagnosticSeverity.Error];
            if (options.quiet && severity !== 'error') continue;
            const data = d.data as CertirefDiagnosticData | undefined;
            diagnostics.push({
                file,
                line: d.range.start.line + 1,
                column: d.range.start.character + 1,
                endLine: d.range.end.line + 1,
                endColumn: d.range.end.character + 1,
                severity,
                rule: data?.rule ?? String(d.code ?? 'unknown'),
                message: d.message,
            });
        }
    }
    diagnostics.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
    const cwdConfig = config.getConfig(URI.file(path.resolve('certiref.ref')).toString());
    return {
        language: cwdConfig.language,
        files: documents.map((d) => relative(URI.parse(d.uri.toString()).fsPath)),
        diagnostics,
        summary: {
            errors: diagnostics.filter((d) => d.severity === 'error').length,
            warnings: diagnostics.filter((d) => d.severity === 'warning').length,
            infos: diagnostics.filter((d) => d.severity === 'info' || d.severity === 'hint').length,
        },
    };
}
