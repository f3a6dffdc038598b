import { QUICK_FIX_PLACEHOLDER } from '../../drafting/analysis.js';
import { AstUtils, CstUtils, type LangiumDocument } from 'langium';
import type { CodeActionProvider } from 'langium/lsp';
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type Position, type Range, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver-protocol';
import * as ast from '../../generated/ast.js';
import type { CertirefServices } from '../../certiref-module.js';
import type { CertirefDiagnosticData } from '../../validation/document-validator.js';
import { allCompetencies, allCriteriaOf } from '../../model/queries.js';
import type { CertificationModel, CompetencyModel, ModalityModel, PartModel } from '../../model/types.js';
import { CertirefRenameProvider } from './rename.js';
import { usesEnglishKeywords } from './target.js';

/**
 * Quick fixes for the findings that have an obvious remedy: create the missing criterion with
 * its conventional id in the modality that evaluates the competency; rename a mismatched
 * criterion; add a competency to a modality's `évalue` list; take a suggested id (a typo, an id
 * off its siblings' pattern); remove a suppression that suppresses nothing.
 */
export class CertirefCodeActionProvider implements CodeActionProvider {
    constructor(private readonly services: CertirefServices) {}

    getCodeActions(document: LangiumDocument, params: CodeActionParams): CodeAction[] {
        const model = this.services.referential.Models.forDocument(document);
        const fr = this.services.referential.Config.getConfig(document.uri.toString()).language === 'fr';
        const actions: CodeAction[] = [];
        for (const diagnostic of params.context.diagnostics) {
            const data = diagnostic.data as CertirefDiagnosticData | undefined;
            if (!data?.rule || !model) continue;
            const add = (title: string, edit: WorkspaceEdit | undefined, preferred = true) => {
                if (edit) actions.push({ title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: preferred, edit });
            };
            switch (data.rule) {
                case 'competency-without-criterion': {
                    const c = this.competencyAt(model, document, diagnostic);
                    const id = data.suggestedCriterionId as string | undefined;
                    const holder = c ? holderFor(c) : undefined;
                    if (c && holder) {
                        const label = id ?? (fr ? `juge ${c.id}` : `judges ${c.id}`);
                        add(fr ? `Créer le critère ${label} dans ${holderName(holder, fr)}` : `Create criterion ${label} in ${holderName(holder, fr)}`,
                            this.insertCriterion(holder, id ? id : `${usesEnglishKeywords(document) ? 'judges' : 'juge'} ${c.id}`));
                    }
                    break;
                }
                case 'criterion-id-mismatch': {
                    const expected = data.expectedId as string | undefined;
                    if (expected) add(fr ? `Renommer le critère en ${expected}` : `Rename the criterion to ${expected}`, replace(document.uri.toString(), diagnostic.range, expected));
                    break;
                }
                case 'competency-not-evaluated': {
                    const c = this.competencyAt(model, document, diagnostic);
                    const container = c ? (c.option ?? c.bloc) : undefined;
                    const modality = container?.modalities.find((m) => m.evaluatesDeclared) ?? c?.bloc.modalities.find((m) => m.evaluatesDeclared);
                    if (c && modality) add(fr ? `Ajouter ${c.id} à « évalue » de ${holderName(modality, fr)}` : `Add ${c.id} to "evaluates" of ${holderName(modality, fr)}`, this.appendToEvaluates(modality, c.id));
                    break;
                }
                case 'criterion-outside-evaluation': {
                    const criterion = allCriteriaOf(model).find((x) => x.source.uri === document.uri.toString() && sameStart(x.source.nameRange, diagnostic.range));
                    const holder = criterion?.part?.evaluatesDeclared ? criterion.part : criterion?.modality;
                    const outside = (data.outside as string[] | undefined) ?? [];
                    if (holder && outside.length > 0) {
                        add(fr ? `Ajouter ${outside.join(', ')} à « évalue » de ${holderName(holder, fr)}` : `Add ${outside.join(', ')} to "evaluates" of ${holderName(holder, fr)}`, this.appendToEvaluates(holder, outside.join(', ')));
                    }
                    break;
                }
                case 'id-pattern': {
                    const suggested = data.suggestedId as string | undefined;
                    if (!suggested) break;
                    const c = this.competencyAt(model, document, diagnostic);
                    let edit: WorkspaceEdit | undefined;
                    try {
                        // a competency is renamed everywhere, with its criteria; a refused rename (a
                        // collision, a range) offers no fix rather than failing every fix of the request
                        edit = c
                            ? new CertirefRenameProvider(this.services).rename(document, { textDocument: params.textDocument, position: diagnostic.range.start, newName: suggested })
                            : replace(document.uri.toString(), diagnostic.range, suggested);
                    } catch {
                        edit = undefined;
                    }
                    add(fr ? `Renommer en ${suggested}` : `Rename to ${suggested}`, edit);
                    break;
                }
                case 'unresolved-reference': {
                    const suggestion = data.suggestion as string | undefined;
                    if (suggestion && data.reason !== 'range-stems' && !this.listNames(document, diagnostic.range, suggestion)) add(fr ? `Remplacer par ${suggestion}` : `Replace with ${suggestion}`, replace(document.uri.toString(), diagnostic.range, suggestion));
                    break;
                }
                case 'unused-suppression': {
                    const line = diagnostic.range.start.line;
                    const text = document.textDocument.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
                    const range: Range = text.slice(0, diagnostic.range.start.character).trim() === ''
                        ? { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }
                        : { start: { line, character: diagnostic.range.start.character }, end: diagnostic.range.end };
                    add(fr ? 'Supprimer ce commentaire' : 'Remove this comment', replace(document.uri.toString(), range, ''));
                    break;
                }
            }
        }
        return actions;
    }

    /** Whether the list of competencies holding the reference at `range` already names `id` (replacing would repeat it). */
    private listNames(document: LangiumDocument, range: Range, id: string): boolean {
        const leaf = CstUtils.findLeafNodeAtOffset(document.parseResult.value.$cstNode!, document.textDocument.offsetAt(range.start));
        const list = leaf ? AstUtils.getContainerOfType(leaf.astNode, ast.isCompetencyRefs) : undefined;
        return (list?.items ?? []).some((r) => r.from?.$refText === id || r.to?.$refText === id);
    }

    private competencyAt(model: CertificationModel, document: LangiumDocument, diagnostic: Diagnostic): CompetencyModel | undefined {
        return allCompetencies(model).find((c) => c.source.uri === document.uri.toString() && sameStart(c.source.nameRange, diagnostic.range));
    }

    /** A new criterion line after the last criterion (or property) of a modality or part. */
    private insertCriterion(holder: ModalityModel | PartModel, label: string): WorkspaceEdit | undefined {
        const node = holder.node as ast.Modality | ast.Part;
        const document = AstUtils.getDocument(node);
        const last = (ast.isModality(node) ? [...node.properties, ...node.criteria] : [...node.properties, ...node.criteria]).at(-1)?.$cstNode ?? node.$cstNode;
        if (!last || !node.$cstNode) return undefined;
        const indent = ' '.repeat(node.$cstNode.range.start.character + 2);
        // the new line is written in the language of the référentiel's keywords, like its neighbours
        const en = usesEnglishKeywords(document);
        // after a comment that ends the line, which stays with the line it is on
        const end = last.range.end;
        const rest = document.textDocument.getText({ start: end, end: { line: end.line + 1, character: 0 } }).replace(/\r?\n$/, '');
        const at: Position = /^\s*(\/\/.*|\/\*.*?\*\/\s*)?$/.test(rest) ? { line: end.line, character: end.character + rest.length } : end;
        const text = `\n${indent}${en ? 'criterion' : 'critère'} ${label} "${en ? QUICK_FIX_PLACEHOLDER.en : QUICK_FIX_PLACEHOLDER.fr}"`;
        return { changes: { [document.uri.toString()]: [{ range: { start: at, end: at }, newText: text }] } };
    }

    /** Appends ids at the end of the first `évalue` list of a modality or part. */
    private appendToEvaluates(holder: ModalityModel | PartModel, ids: string): WorkspaceEdit | undefined {
        const node = holder.node as ast.Modality | ast.Part;
        const evaluates = node.properties.find(ast.isEvaluatesProperty);
        const end = evaluates?.$cstNode?.range.end;
        if (!end) return undefined;
        return { changes: { [AstUtils.getDocument(node).uri.toString()]: [{ range: { start: end, end }, newText: `, ${ids}` }] } };
    }
}

/** Where a competency's criterion goes: the part that evaluates it, else its modality. */
function holderFor(c: CompetencyModel): ModalityModel | PartModel | undefined {
    for (const m of c.evaluatedBy) {
        const part = m.parts.find((p) => p.evaluates.includes(c));
        if (part) return part;
    }
    return c.evaluatedBy[0] ?? (c.option ?? c.bloc).modalities[0];
}

function holderName(h: ModalityModel | PartModel, fr: boolean): string {
    if ('modality' in h) return `${h.modality.id ?? h.modality.title}, ${h.id ? `${fr ? 'partie' : 'part'} ${h.id}` : h.title ?? ''}`.trim();
    return h.id ?? (fr ? `« ${h.title} »` : `“${h.title}”`);
}

function replace(uri: string, range: Range, newText: string): WorkspaceEdit {
    const edit: TextEdit = { range, newText };
    return { changes: { [uri]: [edit] } };
}

function sameStart(a: Range, b: Range): boolean {
    return a.start.line === b.start.line && a.start.character === b.start.character;
}

