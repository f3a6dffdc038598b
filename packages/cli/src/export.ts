import { URI, type LangiumDocument } from 'langium';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checklistOf, checklistPage, exportFormat, largest, printable, renderChecklist, selectModels, statistics, type CertificationModel, type CertirefServices, type Language, type StatsRow } from 'certiref-language';
import { readCandidates } from './candidates.js';
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
    /** The checker's findings in the deliverable (HTML). */
    withFindings?: boolean;
    /** A CSV file of candidates: Word, one document per candidate; Excel, a sheet per candidate. */
    candidates?: string;
    /** CSV's separator, as given (`;`, `,`, `tab` …). */
    separator?: string;
}

/** `--separator`'s value as a character: one character that is not a quote or a line break; `tab` or `\t` for a tab. */
function separatorOf(value: string | undefined, format: string): string | undefined {
    if (value === undefined) return undefined;
    if (format !== 'csv') throw new UsageError(`--separator : pour --format csv seulement / for --format csv only`);
    const separator = /^(tab|\\t)$/i.test(value) ? '\t' : value;
    if ([...separator].length !== 1 || /["\r\n]/.test(separator)) {
        throw new UsageError(`--separator ${JSON.stringify(value)} : un caractère, autre qu'un guillemet ou un saut de ligne (; , tab) / one character, not a quote or a line break (; , tab)`);
    }
    return separator;
}

/** A candidate's name in a file's name: letters, digits, dots and dashes. */
function fileNamePart(name: string): string {
    return name.normalize('NFD').replace(/\p{M}/gu, '').replace(/[^\w.-]+/g, '_').replace(/^_+|_+$/g, '') || 'candidat';
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
    const separator = separatorOf(options.separator, options.format);
    if (options.candidates && !format.office) throw new UsageError(`--candidates : pour --format docx ou xlsx seulement / for --format docx or xlsx only`);
    const candidates = options.candidates ? readCandidates(options.candidates) : undefined;
    // Word: one document per candidate; Excel: one workbook, a sheet per candidate
    const perCandidate = candidates && options.format === 'docx' ? candidates : undefined;
    const pathOf = (uri: string) => relative(URI.parse(uri).fsPath);
    const render = (selection: CertificationModel[], forCandidates = candidates): Promise<string | Uint8Array> => format.render(selection, {
        language, pathOf, separator, withFindings: options.withFindings, candidates: forCandidates,
        findings: selection.flatMap((m) => services.referential.Findings.ofModel(m)),
        // Word and Excel load their libraries when asked for, not at every start of the CLI
        office: () => import('certiref-language/office'),
    });
    const syntaxErrors = syntaxErrorCount(services, documents);
    if (!options.out) {
        if (perCandidate && perCandidate.length > 1) {
            throw new UsageError(`--candidates : un document Word par candidat (${perCandidate.length}), ajoutez --out dossier / one Word document per candidate (${perCandidate.length}), add --out folder`);
        }
        return { text: await render(models), written: [], syntaxErrors, language };
    }
    if (fs.existsSync(options.out) && !fs.statSync(options.out).isDirectory()) {
        throw new UsageError(`${relative(options.out)} : --out attend un dossier, pas un fichier (un seul fichier : -o) / --out expects a folder, not a file (one file: -o)`);
    }
    fs.mkdirSync(options.out, { recursive: true });
    const base = (m: CertificationModel) => `${m.id.replace(/[^\w.-]+/g, '_')}${models.filter((x) => x.id === m.id).length > 1 ? `-${models.filter((x) => x.id === m.id).indexOf(m) + 1}` : ''}`;
    const targets = perCandidate
        // Word: a document per certification and candidate, named after both (a name given twice gets a number)
        ? models.flatMap((m) => {
            const used = new Map<string, number>();
            return perCandidate.map((c) => {
                const part = fileNamePart(c.name);
                const n = (used.get(part.toLowerCase()) ?? 0) + 1;
                used.set(part.toLowerCase(), n);
                return { model: m, candidates: [c], file: path.join(options.out!, `${base(m)}-${part}${n > 1 ? `-${n}` : ''}.${options.format}`) };
            });
        })
        : models.map((m) => ({ model: m, candidates, file: path.join(options.out!, `${base(m)}.${options.format}`) }));
    const existing = targets.filter((t) => fs.existsSync(t.file));
    if (existing.length > 0 && !options.force) {
        throw new UsageError(`${existing.map((t) => relative(t.file)).join(', ')} : existe déjà, ajoutez --force pour remplacer / already exists, add --force to replace`);
    }
    for (const t of targets) writeAtomic(t.file, await render([t.model], t.candidates), { report: true });
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
