import { createHash } from 'node:crypto';
import { URI, type LangiumDocument } from 'langium';
import type { CertirefServices, Severity, SimilarityData } from 'certiref-language';
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

/** The findings of built documents, in the CLI's terms: each message in its document's language (those of the rules `keep` accepts, if given). */
export function toCliDiagnostics(services: CertirefServices, documents: LangiumDocument[], quiet: boolean, keep?: (rule: string) => boolean): CliDiagnostic[] {
    const diagnostics: CliDiagnostic[] = [];
    for (const document of documents) {
        const file = relative(URI.parse(document.uri.toString()).fsPath);
        const language = services.referential.Config.getConfig(document.uri.toString()).language;
        const lines = document.textDocument.getText().split(/\r?\n/);
        const seen = new Map<string, number>();
        for (const f of services.referential.Findings.of(document)) {
            const { severity, rule, range } = f;
            if (quiet && severity !== 'error') continue;
            if (keep && !keep(rule)) continue;
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
                ...(f.data && 'similarity' in f.data ? { similarity: cliSimilarity(f.data.similarity as SimilarityData) } : {}),
            });
        }
    }
    return diagnostics;
}

function cliSimilarity(s: SimilarityData): CliSimilarity {
    const text = (runs: SimilarityData['query']) => runs.map(([t]) => t).join('');
    return {
        score: Math.round(s.score * 100), relation: s.relation, fiche: s.fiche,
        ...(s.bloc ? { bloc: s.bloc } : {}), ...(s.coverage ? { coverage: s.coverage } : {}),
        passage: text(s.passage), text: text(s.query),
    };
}

export function compareDiagnostics(a: CliDiagnostic, b: CliDiagnostic): number {
    return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column;
}
