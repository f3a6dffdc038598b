import { DocumentState, URI, type LangiumDocument } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { Connection } from 'vscode-languageserver';
import type { CertirefServices } from '../certiref-module.js';
import { containers } from '../model/queries.js';
import type { CertificationModel } from '../model/types.js';
import { renderGrid, type RenderedGrid } from '../render/grid.js';
import { EXPORT_FORMATS, exportFormat, type OfficeRenderers } from '../export/formats/index.js';
import type { Language } from '../i18n.js';
import { countBySeverity, type Finding } from '../finding.js';
import { diffReferentials, isEmptyDiff, summarize, type DiffSummary } from '../diff/compare.js';
import { diffToMarkdown, diffToText } from '../diff/report.js';
import { diffSide, diffSideOfTexts } from '../diff/side.js';
import { renderDiff } from '../render/diff.js';
import { checklist, type Checklist } from '../checklist/checklist.js';
import { renderChecklist } from '../render/checklist.js';

/**
 * Requests of certiref's own that the VS Code extension sends to the language server (desktop
 * and web alike): the evaluation-grid preview of a document's certification, and the outline
 * of the Référentiel tree view and the status bar. Both read the one model.
 */
export const PREVIEW_REQUEST = 'certiref/preview';
export const OUTLINE_REQUEST = 'certiref/outline';
export const EXPORT_REQUEST = 'certiref/export';
export const DIFF_REQUEST = 'certiref/diff';
export const EXPORT_FORMATS_REQUEST = 'certiref/exportFormats';
/** The dossier checklist of a document's certification, as HTML for VS Code's panel. */
export const CHECKLIST_REQUEST = 'certiref/checklist';

/**
 * Word and Excel's makers, where the server has them (the Node server: they need Node's
 * libraries), loaded on the first Word or Excel export.
 */
export type OfficeLoader = () => Promise<OfficeRenderers>;

/** certiref/export: the active document's certification in a format; a binary one (Word, Excel) as `{ base64 }`. */
export interface ExportParams { uri: string; format: string; language?: Language }
export type ExportResult = string | { base64: string } | undefined;

/** certiref/exportFormats: the formats this server can make, for the editor's Export… menu. */
export interface ExportFormatsParams { language?: Language }
export interface ExportFormatInfo { id: string; label: string; description: string; office: boolean }

/** "Compare with…": the older version's files (from git or another folder), as the editor read them. */
export interface DiffParams {
    /** The active document: its certification is the new side. */
    uri: string;
    old: {
        /** What the older version is: `HEAD`, a folder … */
        label: string;
        /** Its files, each with the name the report shows (`HEAD:referentials/bloc-1.ref`). */
        files: Array<{ uri: string; text: string; name: string }>;
    };
    language?: 'fr' | 'en';
}

export interface DiffResponse {
    /** The report as HTML (escaped), for the panel. */
    body: string;
    markdown: string;
    text: string;
    empty: boolean;
    summary: DiffSummary;
}

export interface PreviewParams { uri: string; language?: 'fr' | 'en' }
export interface PreviewResult extends RenderedGrid { uri: string; version: number }

export interface OutlineNode {
    kind: 'certification' | 'bloc' | 'option' | 'activity' | 'competency';
    id: string;
    label: string;
    uri: string;
    line: number;
    /** For competencies: judged by a criterion and evaluated by a modality. */
    covered?: boolean;
    children: OutlineNode[];
}
export interface OutlineResult {
    certification?: OutlineNode;
    /** The files of the active document's certification. */
    documents?: string[];
    counts: { competencies: number; criteria: number; uncovered: number; errors: number; warnings: number };
}

function services(shared: LangiumSharedServices): CertirefServices {
    return shared.ServiceRegistry.all.find((s) => s.LanguageMetaData.languageId === 'certiref') as CertirefServices;
}

async function built(shared: LangiumSharedServices, uri: string): Promise<{ document: LangiumDocument; model?: CertificationModel } | undefined> {
    const parsed = URI.parse(uri);
    // the workspace's files first: a file opened at once would otherwise have a model without the
    // rest of its certification (no header, no other blocs) for a moment
    await shared.workspace.WorkspaceManager.ready;
    if (!shared.workspace.LangiumDocuments.hasDocument(parsed)) return undefined; // not opened or loaded yet
    try {
        await shared.workspace.DocumentBuilder.waitUntil(DocumentState.Validated, parsed);
        // and the rest of the build: the other files of its certification are validated in the
        // same build, maybe after it (their findings belong to the answer)
        await shared.workspace.DocumentBuilder.waitUntil(DocumentState.Validated);
    } catch {
        return undefined; // cancelled by a newer edit: the next request will have it
    }
    const document = shared.workspace.LangiumDocuments.getDocument(parsed);
    if (!document) return undefined;
    return { document, model: services(shared).referential.Models.forDocument(document) };
}

/** The findings of every document of a certification. */
export function findingsOf(shared: LangiumSharedServices, model: CertificationModel): Finding[] {
    return services(shared).referential.Findings.ofModel(model);
}

/** The dossier checklist of a certification, with the settings of its certiref.json (themes, limits). */
export function checklistOf(shared: LangiumSharedServices, model: CertificationModel): Checklist {
    const config = services(shared).referential.Config.getConfig(model.source.uri || model.documents[0] || '');
    return checklist(model, findingsOf(shared, model), { themes: config.themes, limits: config.limits });
}

export function registerCertirefRequests(connection: Connection, shared: LangiumSharedServices, office?: OfficeLoader): void {
    connection.onRequest(CHECKLIST_REQUEST, async (params: PreviewParams): Promise<PreviewResult | undefined> => {
        const found = await built(shared, params.uri);
        if (!found) return undefined;
        const language = params.language ?? services(shared).referential.Config.getConfig(params.uri).language;
        const rendered = renderChecklist(found.model ? [checklistOf(shared, found.model)] : [], { language, interactive: true });
        return { ...rendered, uri: params.uri, version: found.document.textDocument.version };
    });
    connection.onRequest(PREVIEW_REQUEST, async (params: PreviewParams): Promise<PreviewResult | undefined> => {
        const found = await built(shared, params.uri);
        if (!found) return undefined;
        const language = params.language ?? services(shared).referential.Config.getConfig(params.uri).language;
        const models = found.model ? [found.model] : [];
        const grid = renderGrid(models, found.model ? findingsOf(shared, found.model) : [], { language, interactive: true });
        return { ...grid, uri: params.uri, version: found.document.textDocument.version };
    });
    connection.onRequest(EXPORT_REQUEST, async (params: ExportParams): Promise<ExportResult> => {
        const format = exportFormat(params.format);
        if (!format || (format.office && !office)) return undefined;
        const found = await built(shared, params.uri);
        if (!found?.model) return undefined;
        const language = params.language ?? services(shared).referential.Config.getConfig(params.uri).language;
        const exported = await format.render([found.model], { language, findings: findingsOf(shared, found.model), office });
        return typeof exported === 'string' ? exported : { base64: Buffer.from(exported).toString('base64') };
    });
    connection.onRequest(EXPORT_FORMATS_REQUEST, (params: ExportFormatsParams = {}): ExportFormatInfo[] => {
        const language = params.language ?? 'en';
        return EXPORT_FORMATS.filter((f) => !f.office || office).map((f) => ({ id: f.id, label: f.label, description: f.description[language], office: f.office === true }));
    });
    connection.onRequest(DIFF_REQUEST, async (params: DiffParams): Promise<DiffResponse | undefined> => {
        const found = await built(shared, params.uri);
        if (!found?.model) return undefined;
        const live = services(shared);
        const config = live.referential.Config.getConfig(params.uri);
        const language = params.language ?? config.language;
        const documents = found.model.documents.map((uri) => shared.workspace.LangiumDocuments.getDocument(URI.parse(uri))).filter((d) => d !== undefined);
        const newSide = diffSide(live, documents);
        const oldSide = await diffSideOfTexts(params.old.files, { language, rules: config.rules });
        // the same certification in the older files; all of them when none has its id (it was renamed)
        const same = oldSide.models.filter((m) => m.id === found.model!.id);
        if (same.length > 0) {
            const kept = new Set(same.flatMap((m) => m.documents));
            oldSide.models = same;
            oldSide.findings = oldSide.findings.filter((f) => kept.has(f.uri));
        }
        const diff = diffReferentials(oldSide, newSide);
        const names = new Map(params.old.files.map((f) => [URI.parse(f.uri).toString(), f.name]));
        const base = found.model.source.uri.replace(/[^/]*$/, '');
        const paths = {
            old: (uri: string) => names.get(uri) ?? uri.replace(/^.*\//, ''),
            new: (uri: string) => decodeURIComponent(uri.startsWith(base) ? uri.slice(base.length) : uri.replace(/^.*\//, '')),
        };
        const labels = { old: params.old.label, new: found.model.id };
        return {
            body: renderDiff(diff, { language, paths, labels, interactive: true }),
            markdown: diffToMarkdown(diff, { language, paths, labels }),
            text: diffToText(diff, { language, paths, labels }),
            empty: isEmptyDiff(diff),
            summary: summarize(diff),
        };
    });
    connection.onRequest(OUTLINE_REQUEST, async (params: { uri: string }): Promise<OutlineResult> => {
        const found = await built(shared, params.uri);
        const model = found?.model;
        const counts = { competencies: 0, criteria: 0, uncovered: 0, errors: 0, warnings: 0 };
        if (!model) return { counts };
        const { errors, warnings } = countBySeverity(findingsOf(shared, model));
        counts.errors = errors;
        counts.warnings = warnings;
        const node = (kind: OutlineNode['kind'], id: string, label: string, source: { uri: string; nameRange: { start: { line: number } } }, children: OutlineNode[] = [], covered?: boolean): OutlineNode =>
            ({ kind, id, label, uri: source.uri, line: source.nameRange.start.line, children, ...(covered === undefined ? {} : { covered }) });
        const blocs: OutlineNode[] = [];
        for (const c of containers(model)) {
            const activities = c.activities.map((a) => node('activity', a.id, a.title, a.source, a.competencies.map((x) => {
                const covered = x.criteria.length > 0 && x.evaluatedBy.length > 0;
                counts.competencies++;
                if (!covered) counts.uncovered++;
                return node('competency', x.id, x.text, x.source, [], covered);
            })));
            counts.criteria += c.modalities.reduce((n, m) => n + m.criteria.length + m.parts.reduce((k, p) => k + p.criteria.length, 0), 0);
            if (c.containerKind === 'bloc') blocs.push(node('bloc', c.id, c.title ?? '', c.source, activities));
            else blocs.find((b) => b.kind === 'bloc' && b.id === c.bloc.id)?.children.push(node('option', c.id, c.title ?? '', c.source, activities));
        }
        return { certification: node('certification', model.id, model.title, model.source, blocs), documents: model.documents, counts };
    });
}
