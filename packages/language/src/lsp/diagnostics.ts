import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { Finding, Severity } from '../finding.js';
import type { Bilingual, Language } from '../i18n.js';

/**
 * The language server's edge: a finding as an LSP diagnostic, and back. Nothing else in
 * certiref makes or reads LSP diagnostics; the CLI, the preview, the diff and the exports read
 * findings (`services.referential.Findings`).
 */

/** What every certiref diagnostic carries in `data`: the rule, the message in both languages, and the rule's own data. */
export interface CertirefDiagnosticData {
    rule: string;
    message: Bilingual;
    [key: string]: unknown;
}

const LSP_SEVERITY: Record<Severity, DiagnosticSeverity> = {
    error: DiagnosticSeverity.Error,
    warning: DiagnosticSeverity.Warning,
    info: DiagnosticSeverity.Information,
    hint: DiagnosticSeverity.Hint,
};

/** A finding as the editor shows it: its message in the document's language, `code` and `data` naming its rule. */
export function toDiagnostic(finding: Finding, language: Language): Diagnostic {
    const data: CertirefDiagnosticData = { rule: finding.rule, message: finding.message, ...(finding.data ?? {}) };
    return {
        range: finding.range,
        severity: LSP_SEVERITY[finding.severity],
        message: finding.message[language],
        code: finding.rule,
        source: 'certiref',
        data,
    };
}

/** The rule and the rule's data of a diagnostic the editor sends back (a code action's context). */
export function findingDataOf(diagnostic: Diagnostic): CertirefDiagnosticData | undefined {
    const data = diagnostic.data as CertirefDiagnosticData | undefined;
    return data?.rule ? data : undefined;
}
