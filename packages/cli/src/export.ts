import { URI } from 'langium';
import { findingsOf, renderGrid, serializeModel, standalonePage, statistics, type Language, type StatsRow } from 'certiref-language';
import { loadWorkspace, type WorkspaceOptions } from './check.js';
import { relative } from './formatters/stylish.js';

/** The documents' syntax errors, for a warning on stderr: an export of a broken file may be partial. */
function syntaxErrorCount(documents: { diagnostics?: { code?: unknown }[] }[]): number {
    return documents.reduce((n, d) => n + (d.diagnostics ?? []).filter((x) => x.code === 'syntax-error').length, 0);
}

export async function exportJson(options: WorkspaceOptions): Promise<{ text: string; syntaxErrors: number; language: Language }> {
    const { services, documents, language } = await loadWorkspace(options);
    const json = serializeModel(services.referential.Models.all(), (uri) => relative(URI.parse(uri).fsPath));
    return { text: JSON.stringify(json, null, 2) + '\n', syntaxErrors: syntaxErrorCount(documents), language };
}

/** The evaluation grids as one standalone, printable HTML page (the renderer of the VS Code preview). */
export async function exportHtml(options: WorkspaceOptions): Promise<{ text: string; syntaxErrors: number; language: Language }> {
    const { services, documents, language } = await loadWorkspace(options);
    const models = services.referential.Models.all();
    const findings = models.flatMap((m) => findingsOf(services.shared, m));
    const grid = renderGrid(models, findings, { language, interactive: false, pathOf: (uri) => relative(URI.parse(uri).fsPath) });
    return { text: standalonePage(grid, language), syntaxErrors: syntaxErrorCount(documents), language };
}

const HEAD = {
    fr: ['certification', 'bloc', 'option', 'activités', 'compétences', 'modalités', 'critères', 'avec critère', 'évaluées'],
    en: ['certification', 'bloc', 'option', 'activities', 'competencies', 'modalities', 'criteria', 'with criterion', 'evaluated'],
};

function percent(part: number, whole: number): string {
    return whole === 0 ? '—' : `${part}/${whole} (${Math.round((100 * part) / whole)} %)`;
}

export async function stats(options: WorkspaceOptions, format: 'table' | 'json'): Promise<{ text: string; language: Language }> {
    const { services, language } = await loadWorkspace(options);
    const { rows, totals } = statistics(services.referential.Models.all());
    if (format === 'json') {
        const withCoverage = (r: StatsRow) => ({
            ...r,
            coverage: {
                criterion: r.competencies === 0 ? null : r.withCriterion / r.competencies,
                evaluated: r.competencies === 0 ? null : r.evaluated / r.competencies,
            },
        });
        return { text: JSON.stringify({ blocs: rows.map(withCoverage), certifications: totals.map(withCoverage) }, null, 2) + '\n', language };
    }
    const table: string[][] = [HEAD[language]];
    const line = (r: StatsRow, bloc: string): string[] => [r.certification, bloc, r.option ?? '', String(r.activities), String(r.competencies),
        String(r.modalities), String(r.criteria), percent(r.withCriterion, r.competencies), percent(r.evaluated, r.competencies)];
    for (const total of totals) {
        for (const r of rows.filter((x) => x.certification === total.certification)) table.push(line(r, r.bloc));
        table.push(line(total, language === 'fr' ? 'total' : 'total'));
    }
    const widths = table[0].map((_, i) => Math.max(...table.map((r) => r[i].length)));
    const numeric = (i: number) => i >= 3;
    const text = table.map((r, ri) => r.map((cell, i) => (numeric(i) && ri > 0 ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join('  ').trimEnd()).join('\n');
    return { text: text + '\n', language };
}
