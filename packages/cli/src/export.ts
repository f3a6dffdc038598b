import { URI, type LangiumDocument } from 'langium';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checklistOf, checklistPage, exportFormat, largest, printable, renderChecklist, selectModels, statistics, type CertificationModel, type CertirefServices, type Language, type StatsRow } from 'certiref-language';
import { UsageError } from './files.js';
import { TEXTS } from './texts.js';
import { writeAtomic } from './write.js';
import { loadWorkspace, type WorkspaceOptions } from './check.js';
import { relative } from './paths.js';

/** The documents' syntax errors, for a warning on stderr: an export of a broken file may be partial. */
function syntaxErrorCount(services: CertirefServices, documents: LangiumDocument[]): number {
    return documents.reduce((n, d) => n + services.referential.Findings.of(d).filter((f) => f.rule === 'syntax-error').length, 0);
}

export interface ExportOptions extends WorkspaceOptions {
    /** An export format's id (`EXPORT_FORMATS`). */
    format: string;
    /** One file per certification in this folder (`MSD.csv` …). */
    out?: string;
    /** Replace files that exist in `out`. */
    force?: boolean;
    /** Only this bloc (`--bloc`), only this modality (`--modality`). */
    bloc?: string;
    modality?: string;
}

/**
 * The référentiels in a format juries and France Compétences use: the model as JSON, the
 * evaluation grids as a standalone HTML page (the preview's renderer), Markdown, or CSV (one row
 * per criterion, for spreadsheets). Printed, or written one file per certification in `--out`.
 */
export async function exportModels(options: ExportOptions): Promise<{ text?: string | Uint8Array; written: string[]; syntaxErrors: number; language: Language }> {
    const { services, documents, language } = await loadWorkspace(options);
    const all = services.referential.Models.all().filter((m) => m.documents.some((uri) => documents.some((d) => d.uri.toString() === uri)));
    const models = selectModels(all, { bloc: options.bloc, modality: options.modality });
    if (models.length === 0 && (options.bloc || options.modality)) {
        throw new UsageError(`${options.bloc ? `bloc ${options.bloc}` : ''}${options.bloc && options.modality ? ', ' : ''}${options.modality ? `modalité / modality ${options.modality}` : ''} : introuvable / not found`);
    }
    const format = exportFormat(options.format);
    if (!format) throw new UsageError(`--format ${options.format} : format inconnu / unknown format`);
    const pathOf = (uri: string) => relative(URI.parse(uri).fsPath);
    const render = (selection: CertificationModel[]): Promise<string | Uint8Array> => format.render(selection, {
        language, pathOf,
        findings: selection.flatMap((m) => services.referential.Findings.ofModel(m)),
        // Word and Excel load their libraries when asked for, not at every start of the CLI
        office: () => import('certiref-language/office'),
    });
    const syntaxErrors = syntaxErrorCount(services, documents);
    if (!options.out) return { text: await render(models), written: [], syntaxErrors, language };
    if (fs.existsSync(options.out) && !fs.statSync(options.out).isDirectory()) {
        throw new UsageError(`${relative(options.out)} : --out attend un dossier, pas un fichier (un seul fichier : -o) / --out expects a folder, not a file (one file: -o)`);
    }
    fs.mkdirSync(options.out, { recursive: true });
    const targets = models.map((m) => ({ model: m, file: path.join(options.out!, `${m.id.replace(/[^\w.-]+/g, '_')}${models.filter((x) => x.id === m.id).length > 1 ? `-${models.filter((x) => x.id === m.id).indexOf(m) + 1}` : ''}.${options.format}`) }));
    const existing = targets.filter((t) => fs.existsSync(t.file));
    if (existing.length > 0 && !options.force) {
        throw new UsageError(`${existing.map((t) => relative(t.file)).join(', ')} : existe déjà, ajoutez --force pour remplacer / already exists, add --force to replace`);
    }
    for (const t of targets) writeAtomic(t.file, await render([t.model]), { report: true });
    return { written: targets.map((t) => relative(t.file)), syntaxErrors, language };
}

const HEAD = {
    fr: ['certification', 'bloc', 'option', 'activités', 'compétences', 'modalités', 'critères', 'avec critère', 'évaluées'],
    en: ['certification', 'bloc', 'option', 'activities', 'competencies', 'modalities', 'criteria', 'with criterion', 'evaluated'],
};

function percent(part: number, whole: number): string {
    return whole === 0 ? '—' : `${part}/${whole} (${Math.round((100 * part) / whole)} %)`;
}

export async function stats(options: WorkspaceOptions, format: 'table' | 'json' | 'html'): Promise<{ text: string; language: Language }> {
    const { services, language, documents } = await loadWorkspace(options);
    if (format === 'html') {
        // the dossier checklist: each requirement of France Compétences met or not, with file:line
        const models = services.referential.Models.all().filter((m) => m.declared && m.documents.some((uri) => documents.some((d) => d.uri.toString() === uri)));
        const lists = models.map((m) => checklistOf(services.shared, m));
        return { text: checklistPage(renderChecklist(lists, { language, interactive: false, pathOf: (uri) => relative(URI.parse(uri).fsPath) }), language), language };
    }
    const models = services.referential.Models.all();
    const { rows, totals } = statistics(models);
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
    // each certification's blocs, then its total (two certifications may share an id: by model, not by id)
    for (const model of models) {
        const own = statistics([model]);
        for (const r of own.rows) table.push(line(r, r.bloc));
        table.push(line(own.totals[0], TEXTS.total[language]));
    }
    const widths = table[0].map((_, i) => largest(table.map((r) => r[i].length)));
    const numeric = (i: number) => i >= 3;
    const text = table.map((r, ri) => r.map((cell, i) => (numeric(i) && ri > 0 ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join('  ').trimEnd()).join('\n');
    return { text: printable(text, { lines: true }) + '\n', language };
}
