import { createHash } from 'node:crypto';
import { URI, type LangiumDocument } from 'langium';
import { invalidConfigMessages, type CertificationModel, type CertirefServices, type ConfigProblem, type Language, type SimilarityData } from 'certiref-language';
import { relative } from './paths.js';
import type { CliDiagnostic, CliSimilarity, PausedCheck } from './result.js';

/** The findings of built documents, in the CLI's terms: each message in its document's language (those of the rules `keep` accepts, if given). */
export function toCliDiagnostics(services: CertirefServices, documents: LangiumDocument[], quiet: boolean, keep?: (rule: string) => boolean): CliDiagnostic[] {
    const diagnostics: CliDiagnostic[] = [];
    for (const document of documents) {
        const file = relative(URI.parse(document.uri.toString()).fsPath);
        const language = services.referential.Config.getConfig(document.uri.toString()).language;
        const lines = document.textDocument.getText().split(/\r\n|\r|\n/);
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

/** The problems of certiref.json files, each where it stands in its file. */
export function configDiagnostics(problems: ConfigProblem[], language: Language): CliDiagnostic[] {
    return problems.map((p) => {
        const file = relative(p.file);
        const message = invalidConfigMessages.setting(p);
        return {
            file, line: p.line, column: p.column, endLine: p.line, endColumn: p.column, severity: 'error', rule: 'invalid-config',
            message: message[language],
            fingerprint: createHash('sha256').update(`invalid-config\u0000${file}\u0000${p.message}`).digest('hex').slice(0, 32),
        };
    });
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
