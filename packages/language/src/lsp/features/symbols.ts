import type { LangiumDocument } from 'langium';
import type { DocumentSymbolProvider, LangiumSharedServices, WorkspaceSymbolProvider } from 'langium/lsp';
import { SymbolKind, type DocumentSymbol, type DocumentSymbolParams, type WorkspaceSymbol, type WorkspaceSymbolParams } from 'vscode-languageserver-protocol';
import * as ast from '../../generated/ast.js';
import type { CertirefServices } from '../../certiref-module.js';
import { containers, criteriaOfModality } from '../../model/queries.js';
import type { ActivityModel, ContainerModel, CriterionModel, ModalityModel, SourceLocation } from '../../model/types.js';

const clip = (text: string, max = 60) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * The outline: certification › blocs (› options) › activities › competencies, and
 * modalities › parts › criteria, for the part of each written in this document.
 */
export class CertirefDocumentSymbolProvider implements DocumentSymbolProvider {
    constructor(private readonly services: CertirefServices) {}

    getSymbols(document: LangiumDocument, _params: DocumentSymbolParams): DocumentSymbol[] {
        const model = this.services.referential.Models.forDocument(document);
        const root = document.parseResult?.value as ast.Document | undefined;
        if (!model || !root?.header?.$cstNode) return [];
        const uri = document.uri.toString();
        const here = (s: SourceLocation) => s.uri === uri;
        const symbol = (name: string, detail: string | undefined, kind: SymbolKind, source: SourceLocation, children: DocumentSymbol[] = []): DocumentSymbol =>
            ({ name, detail, kind, range: source.range, selectionRange: source.nameRange, children });
        const activity = (a: ActivityModel) => symbol(a.id, clip(a.title), SymbolKind.Class, a.source,
            a.competencies.filter((c) => here(c.source)).map((c) => symbol(c.id, clip(c.text), SymbolKind.Field, c.source)));
        const criterion = (c: CriterionModel) => symbol(c.label ?? '—', clip(c.text), SymbolKind.Property, c.source);
        const modality = (m: ModalityModel) => symbol(m.id ?? clip(m.title, 40), m.id ? clip(m.title) : undefined, SymbolKind.Event, m.source, [
            ...m.criteria.map(criterion),
            ...m.parts.map((p) => symbol(p.id ? `${p.id}${p.title ? ` ${clip(p.title, 40)}` : ''}` : p.title ?? '—', undefined, SymbolKind.Namespace, p.source, p.criteria.map(criterion))),
        ]);
        const content = (c: ContainerModel) => [...c.activities.filter((a) => here(a.source)).map(activity), ...c.modalities.filter((m) => here(m.source)).map(modality)];
        const blocs: DocumentSymbol[] = [];
        // each bloc's first node of this document, by name (found once: 100,000 blocs were each
        // looked for through all the others)
        const nodeOf = new Map<string | undefined, (typeof root.blocs)[number]>();
        for (const b of root.blocs) if (b.$cstNode && !nodeOf.has(b.name)) nodeOf.set(b.name, b);
        for (const c of containers(model)) {
            if (c.containerKind !== 'bloc') continue;
            const fragment = c.fragments.find(here);
            if (!fragment) continue;
            const node = nodeOf.get(c.id);
            const range = node?.$cstNode ? { uri, range: node.$cstNode.range, nameRange: fragment.nameRange } : fragment;
            blocs.push(symbol(`bloc ${c.id}`, c.title ? clip(c.title) : undefined, SymbolKind.Module, range, [
                ...content(c),
                ...c.options.filter((o) => here(o.source)).map((o) => symbol(`${o.keyword} ${o.id}`, o.title ? clip(o.title) : undefined, SymbolKind.Package, o.source, content(o))),
            ]));
        }
        const header = root.header;
        const headerSource = { uri, range: { start: header.$cstNode!.range.start, end: root.$cstNode!.range.end }, nameRange: header.$cstNode!.range };
        return [symbol(ast.isCertification(header) ? `certification ${model.id}` : `partie de ${model.id}`, model.title ? clip(model.title) : undefined, SymbolKind.File, headerSource, blocs)];
    }
}

/** Workspace symbols: every bloc, activity, competency, modality and criterion, by id or text. */
export class CertirefWorkspaceSymbolProvider implements WorkspaceSymbolProvider {
    constructor(private readonly shared: LangiumSharedServices) {}

    getSymbols(params: WorkspaceSymbolParams): WorkspaceSymbol[] {
        const services = this.shared.ServiceRegistry.all.find((s) => s.LanguageMetaData.languageId === 'certiref') as CertirefServices | undefined;
        if (!services) return [];
        const query = params.query.toLowerCase();
        const matcher = this.shared.lsp.FuzzyMatcher;
        const out: WorkspaceSymbol[] = [];
        const add = (name: string, detail: string, kind: SymbolKind, source: SourceLocation, container: string) => {
            if (query && !matcher.match(query, name) && !detail.toLowerCase().includes(query)) return;
            out.push({ name: `${name} ${clip(detail, 50)}`.trim(), kind, location: { uri: source.uri, range: source.nameRange }, containerName: container });
        };
        for (const model of services.referential.Models.all()) {
            for (const c of containers(model)) {
                const where = `${model.id} › bloc ${c.containerKind === 'option' ? `${c.bloc.id} › ${c.id}` : c.id}`;
                if (c.containerKind === 'bloc') add(`bloc ${c.id}`, c.title ?? '', SymbolKind.Module, c.source, model.id);
                for (const a of c.activities) {
                    add(a.id, a.title, SymbolKind.Class, a.source, where);
                    for (const comp of a.competencies) add(comp.id, comp.text, SymbolKind.Field, comp.source, `${where} › ${a.id}`);
                }
                for (const m of c.modalities) {
                    add(m.id ?? m.title, m.id ? m.title : '', SymbolKind.Event, m.source, where);
                    for (const cr of criteriaOfModality(m)) if (cr.label) add(cr.label, cr.text, SymbolKind.Property, cr.source, `${where} › ${m.id ?? m.title}`);
                }
            }
        }
        return out.slice(0, 500);
    }
}
