import { DocumentState, URI, type LangiumDocument } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { Connection } from 'vscode-languageserver';
import type { CertirefServices } from '../certiref-module.js';
import { containers } from '../model/queries.js';
import type { CertificationModel } from '../model/types.js';
import { renderGrid } from '../render/grid.js';
import { EXPORT_FORMATS, exportFormat, type OfficeRenderers } from '../export/formats/index.js';
import { countBySeverity, type Finding } from '../finding.js';
import { diffReferentials, isEmptyDiff, summarize } from '../diff/compare.js';
import { diffToMarkdown, diffToText } from '../diff/report.js';
import { diffSide, diffSideOfTexts } from '../diff/side.js';
import { renderDiff } from '../render/diff.js';
import { checklist, type Checklist } from '../checklist/checklist.js';
import { renderChecklist } from '../render/checklist.js';
import {
    CHECKLIST_REQUEST, DIFF_REQUEST, EXPORT_FORMATS_REQUEST, EXPORT_REQUEST, OUTLINE_REQUEST, PREVIEW_REQUEST,
    type DiffParams, type DiffResponse, type ExportFormatInfo, type ExportFormatsParams, type ExportParams, type ExportResult,
    type OutlineNode, type OutlineResult, type PreviewParams, type PreviewResult,
} from '../protocol.js';

/**
 * Word and Excel's makers, where the server has them (the Node server: they need Node's
 * libraries), loaded on the first Word or Excel export.
 */
export type OfficeLoader = () => Promise<OfficeRenderers>;

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
    } catch {
        return undefined; // cancelled by a newer edit: the next request will have it
    }
    const document = shared.workspace.LangiumDocuments.getDocument(parsed);
    if (!document) return undefined;
    const models = services(shared).referential.Models;
    const model = models.forDocument(document);
    if (!model) return { document };
    // the other files of its certification too: their findings belong to the answer, and they are
    // validated in the same build, maybe after it (or a build that has just begun reset them)
    await validated(shared, model.documents);
    return { document, model: models.forDocument(document) };
}

/**
 * Until every one of these documents is validated, as long as the builds make progress: at most
 * `ms` without a document validated (a file no build validates does not hold the answer back,
 * and a busy machine's long first build of the workspace does not cut it short).
 */
async function validated(shared: LangiumSharedServices, uris: string[], ms = 10_000): Promise<void> {
    const pending = () => uris.some((uri) => {
        const document = shared.workspace.LangiumDocuments.getDocument(URI.parse(uri));
        return document !== undefined && document.state < DocumentState.Validated;
    });
    let deadline = Date.now() + ms;
    while (pending() && Date.now() < deadline) {
        await new Promise<void>((resolve) => {
            const done = (progress: boolean) => {
                clearTimeout(timer);
                listener.dispose();
                if (progress) deadline = Date.now() + ms;
                resolve();
            };
            const timer = setTimeout(() => done(false), 100);
            const listener = shared.workspace.DocumentBuilder.onDocumentPhase(DocumentState.Validated, () => done(true));
        });
    }
}

/** The findings of every document of a certification. */
export function findingsOf(shared: LangiumSharedServices, model: CertificationModel): Finding[] {
    return services(shared).referential.Findings.ofModel(model);
}

/** The dossier checklist of a certification, with the settings of its certiref.json (themes, limits). */
export function checklistOf(shared: LangiumSharedServices, model: CertificationModel): Checklist {
    const config = services(shared).referential.Config.getConfig(model.source.uri || model.documents[0] || '');
    const registry = services(shared).referential.Similarity.active;
    return checklist(model, findingsOf(shared, model), { themes: config.themes, limits: config.limits, registry });
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
        return { certification: node('certification', model.id, model.title, model.source, blocs), documents: model.documents, counts, ...(model.incomplete ? { paused: model.unreadDocuments } : {}) };
    });
}
