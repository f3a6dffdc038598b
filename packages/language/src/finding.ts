import type { Range } from 'vscode-languageserver-types';
import type { Bilingual } from './i18n.js';

/**
 * A finding: what certiref says about a référentiel, as a plain value. The validator makes the
 * findings of each document (syntax errors, the model rules' findings, the suppressions, with
 * the severities of the settings); everything else reads them — the CLI's reports, the preview
 * and the outline, the diff, the HTML export. Only the language server's edge
 * (`lsp/diagnostics.ts`) turns one into an LSP diagnostic.
 */
export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** The severities, most serious first. */
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

/** Facts a rule gives with a finding (the ids involved, a suggested replacement …), typed by each rule. */
export type FindingData = Record<string, unknown>;

export interface Finding<D extends object = FindingData> {
    /** The rule's id (`competency-without-criterion`, `syntax-error` …). */
    rule: string;
    severity: Severity;
    /** What is wrong and what to do, in both languages. */
    message: Bilingual;
    /** The document's URI. */
    uri: string;
    range: Range;
    data?: D;
}

/** Errors, warnings, and the rest (info and hint), as the summaries count them. */
export function countBySeverity(findings: ReadonlyArray<{ severity: Severity }>): { errors: number; warnings: number; infos: number } {
    return {
        errors: findings.filter((f) => f.severity === 'error').length,
        warnings: findings.filter((f) => f.severity === 'warning').length,
        infos: findings.filter((f) => f.severity === 'info' || f.severity === 'hint').length,
    };
}
