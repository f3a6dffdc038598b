import type { Language, RuleMeta, Severity } from 'certiref-language';

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
    /** For the registry rules: the score, the registry's fiche and bloc, and the shared passage. */
    similarity?: CliSimilarity;
}

export interface CliSimilarity {
    /** 0 … 100. */
    score: number;
    relation: string;
    fiche: { number: string; title: string; active: boolean };
    bloc?: { code: string; title: string };
    coverage?: { similar: number; of: number };
    /** The registry's passage and the référentiel's text, as written. */
    passage: string;
    text: string;
}

/** What `certiref check` found, as every formatter (formatters/) reads it. */
export interface CheckResult {
    language: Language;
    files: string[];
    diagnostics: CliDiagnostic[];
    summary: { errors: number; warnings: number; infos: number };
    /** Certifications whose completeness rules wait for a syntax error to be fixed, with the files that have one. */
    paused: PausedCheck[];
    /** The rules that ran (SARIF lists them, JUnit makes a test case of each); default: those of `check`. */
    rules?: readonly RuleMeta<any>[];
}

export interface PausedCheck {
    certification: string;
    /** The files with a syntax error. */
    files: string[];
    /** Every file of the certification. */
    of: string[];
}

