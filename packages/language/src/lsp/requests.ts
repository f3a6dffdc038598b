import { DocumentState, URI, type LangiumDocument } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { Connection } from 'vscode-languageserver';
import type { CertirefServices } from '../certiref-module.js';
import { containers } from '../model/queries.js';
import type { CertificationModel } from '../model/types.js';
import { renderGrid, standalonePage, type GridFinding, type RenderedGrid } from '../render/grid.js';
import { toCsv, toMarkdown } from '../export/tables.js';
import { serializeModel } from '../model/serialize.js';
import type { CertirefDiagnosticData } from '../validation/document-validator.js';

/**
 * Requests of certiref's own that the VS Code extension sends to the language server (desktop
 * and web alike): the evaluation-grid preview of a document's certification, and the outline
 * of the Référentiel tree view and the status bar. Both read the one model.
 */
export const PREVIEW_REQUEST = 'certiref/preview';
export const OUTLINE_REQUEST = 'certiref/outline';
export const EXPORT_REQUEST = 'certiref/export';
export type EditorExportFormat = 'html' | 'md' | 'csv' | 'json';

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
    counts: { competencies: number; criteria: number; uncovered: number; errors: number; warnings: number };
}

const SEVERITY: Record<number, GridFinding['severity']> = {
    [DiagnosticSeverity.Error]: 'error', [DiagnosticSeverity.Warning]: 'warning', [DiagnosticSeverity.Information]: 'info', [DiagnosticSeverity.Hint]: 'hint',
};

function services(shared: LangiumSharedServices): CertirefServices {
    return shared.ServiceRegistry.all.find((s) => s.LanguageMetaData.languageId === 'certiref') as CertirefServices;
}

async function built(shared: LangiumSharedServices, uri: string): Promise<{ document: LangiumDocument; model?: CertificationModel } | undefined> {
    const parsed = URI.parse(uri);
    if (!shared.workspace.LangiumDocuments.hasDocument(parsed)) return undefined; // not opened or loaded yet
    try {
        await shared.workspace.DocumentBuilder.waitUntil(DocumentState.Validated, parsed);
    } catch {
        return undefined; // cancelled by a newer edit: the next request will have it
    }
    const document = shared.workspace.LangiumDocuments.getDocument(parsed);
    if (!document) return undefined;
    return { document, model: services(shared).referential.Models.forDocument(document) };
}

/** The diagnostics of every document of a certification, as the grid shows them. */
export function findingsOf(shared: LangiumSharedServices, model: CertificationModel): GridFinding[] {
    const out: GridFinding[] = [];
    for (const uri of model.documents) {
        const document = shared.workspace.LangiumDocuments.getDocument(URI.parse(uri));
        for (const d of document?.diagnostics ?? []) {
            out.push({ uri, line: d.range.start.line, severity: SEVERITY[d.severity ?? 1], rule: (d.data as CertirefDiagnosticData | undefined)?.rule ?? String(d.code), message: d.message });
        }
    }
    return out;
}

export function registerCertirefRequests(connection: Connection, shared: LangiumSharedServices): void {
    connection.onRequest(PREVIEW_REQUEST, async (params: PreviewParams): Promise<PreviewResult | undefined> => {
        const found = await built(shared, params.uri);
        if (!found) return undefined;
        const language = params.language ?? services(shared).referential.Config.getConfig(params.uri).language;
        const models = found.model ? [found.model] : [];
        const grid = renderGrid(models, found.model ? findingsOf(shared, found.model) : [], { language, interactive: true });
        return { ...grid, uri: params.uri, version: found.document.textDocument.version };
    });
    connection.onRequest(EXPORT_REQUEST, async (params: { uri: string; format: EditorExportFormat; language?: 'fr' | 'en' }): Promise<string | undefined> => {
        const found = await built(shared, params.uri);
        if (!found?.model) return undefined;
        const language = params.language ?? services(shared).referential.Config.getConfig(params.uri).language;
        const models = [found.model];
        switch (params.format) {
            case 'html': return standalonePage(renderGrid(models, findingsOf(shared, found.model), { language, interactive: false }), language);
            case 'md': return toMarkdown(models, language);
            case 'csv': return toCsv(models, language);
            case 'json': return JSON.stringify(serializeModel(models), null, 2) + '\n';
        }
    });
    connection.onRequest(OUTLINE_REQUEST, async (params: { uri: string }): Promise<OutlineResult> => {
        const found = await built(shared, params.uri);
        const model = found?.model;
        const counts = { competencies: 0, criteria: 0, uncovered: 0, errors: 0, warnings: 0 };
        if (!model) return { counts };
        for (const f of findingsOf(shared, model)) {
            if (f.severity === 'error') counts.errors++;
            else if (f.severity === 'warning') counts.warnings++;
        }
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
        return { certification: node('certification', model.id, model.title, model.source, blocs), counts };
    });
}
