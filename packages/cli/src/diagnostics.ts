import { createHash, type Hash } from 'node:crypto';
import { URI, type LangiumDocument } from 'langium';
import { invalidConfigMessages, type CertificationModel, type CertirefServices, type ConfigProblem, type Language, type SimilarityData } from 'certiref-language';
import { relative } from './paths.js';
import type { CliDiagnostic, CliSimilarity, PausedCheck } from './result.js';

/**
 * The findings of built documents, in the CLI's terms: each message in its document's language
 * (those of the rules `keep` accepts, if given).
 * A fingerprint is the SHA-256 of the rule, the file, the trimmed text of the finding's line and
 * its rank among equal ones; the hash of `rule, file, line` is computed once per rule and line and
 * copied for each rank, so that 100,000 findings on one long line do not hash the line 100,000
 * times.
 */
export function toCliDiagnostics(services: CertirefServices, documents: LangiumDocument[], quiet: boolean, keep?: (rule: string) => boolean): CliDiagnostic[] {
    const diagnostics: CliDiagnostic[] = [];
    for (const document of documents) {
        const file = relative(URI.parse(document.uri.toString()).fsPath);
        const language = services.referential.Config.getConfig(document.uri.toString()).language;
        const lines = document.textDocument.getText().split(/\r\n|\r|\n/);
        const lineIds = new Map<string, number>(); // trimmed text of a line → a small number
        const idOfLine = new Map<number, { id: number; text: string }>(); // line → its number and text
        const seen = new Map<string, { rank: number; hash: Hash }>();
        for (const f of services.referential.Findings.of(document)) {
            const { severity, rule, range } = f;
            if (quiet && severity !== 'error') continue;
            if (keep && !keep(rule)) continue;
            let line = idOfLine.get(range.start.line);
            if (!line) {
                const text = (lines[range.start.line] ?? '').trim();
                let id = lineIds.get(text);
                if (id === undefined) lineIds.set(text, (id = lineIds.size));
                idOfLine.set(range.start.line, (line = { id, text }));
            }
            const key = `${rule}\u0000${line.id}`;
            let entry = seen.get(key);
            if (!entry) seen.set(key, (entry = { rank: 0, hash: createHash('sha256').update(`${rule}\u0000${file}\u0000${line.text}\u0000`) }));
            const rank = entry.rank++;
            diagnostics.push({
                file,
                line: range.start.line + 1,
                column: range.start.character + 1,
                endLine: range.end.line + 1,
                endColumn: range.end.character + 1,
                severity,
                rule,
                message: f.message[language],
                fingerprint: entry.hash.copy().update(String(rank)).digest('hex').slice(0, 32),
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
