import { AstUtils, CstUtils, GrammarUtils, type LangiumDocument } from 'langium';
import type { CodeActionProvider } from 'langium/lsp';
import { CodeActionKind, type CodeAction, type CodeActionParams, type Command, type Diagnostic, type Position, type Range, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver-protocol';
import * as ast from '../../generated/ast.js';
import type { CertirefServices } from '../../certiref-module.js';
import type { CertirefDiagnosticData } from '../../validation/document-validator.js';
import { allCompetencies, allCriteriaOf } from '../../model/queries.js';
import type { CertificationModel, CompetencyModel, ModalityModel, PartModel } from '../../model/types.js';
import { CertirefRenameProvider } from './rename.js';
import { usesEnglishKeywords } from './target.js';
import { SELECT_COMMAND } from './commands.js';
import { frenchTypography } from '../../typography.js';

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
            const add = (title: string, edit: WorkspaceEdit | { edit: WorkspaceEdit; command: Command } | undefined, preferred = true) => {
                if (!edit) return;
                const then = 'command' in edit ? edit : { edit, command: undefined };
                actions.push({ title: fr ? frenchTypography(title) : title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: preferred, edit: then.edit, ...(then.command ? { command: then.command } : {}) });
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

    /**
     * A new criterion line in a modality or part: among its criteria in id order (CR3 between CR2
     * and CR4), else after its last criterion or property; with the command that then selects its
     * placeholder text, to be typed over.
     */
    private insertCriterion(holder: ModalityModel | PartModel, label: string): { edit: WorkspaceEdit; command: Command } | undefined {
        const node = holder.node as ast.Modality | ast.Part;
        const document = AstUtils.getDocument(node);
        if (!node.$cstNode) return undefined;
        // the element the new line follows: the last criterion whose id comes before the new one
        // (the new one has no id: the last criterion), else the last property, else the title
        const isId = !/\s/.test(label);
        const before = isId ? node.criteria.filter((c) => c.name !== undefined && compareIds(c.name, label) < 0).at(-1) : node.criteria.at(-1);
        const firstAfter = isId ? node.criteria.find((c) => c.name !== undefined && compareIds(c.name, label) > 0) : undefined;
        const anchor = before?.$cstNode
            ?? (firstAfter ? node.properties.at(-1)?.$cstNode : [...node.properties, ...node.criteria].at(-1)?.$cstNode)
            ?? GrammarUtils.findNodeForProperty(node.$cstNode, 'title') ?? GrammarUtils.findNodeForProperty(node.$cstNode, 'name');
        if (!anchor) return undefined;
        const indent = ' '.repeat(node.$cstNode.range.start.character + 2);
        // the new line is written in the language of the référentiel's keywords, like its neighbours
        const en = usesEnglishKeywords(document);
        // after a comment that ends the line, which stays with the line it is on
        const end = anchor.range.end;
        const rest = document.textDocument.getText({ start: end, end: { line: end.line + 1, character: 0 } }).replace(/\r?\n$/, '');
        const at: Position = /^\s*(\/\/.*|\/\*.*?\*\/\s*)?$/.test(rest) ? { line: end.line, character: end.character + rest.length } : end;
        const keyword = en ? 'criterion' : 'critère';
        const placeholder = en ? 'To be written' : 'À rédiger';
        const eol = /\r\n/.test(document.textDocument.getText()) ? '\r\n' : '\n';
        const text = `${eol}${indent}${keyword} ${label} "${placeholder}"`;
        const uri = document.uri.toString();
        const start = { line: at.line + 1, character: indent.length + keyword.length + label.length + 3 };
        const selection: Range = { start, end: { line: start.line, character: start.character + placeholder.length } };
        return {
            edit: { changes: { [uri]: [{ range: { start: at, end: at }, newText: text }] } },
            command: { title: placeholder, command: SELECT_COMMAND, arguments: [uri, selection] },
        };
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

/** Ids in reading order: `CR2` before `CR10`, `CR1-2` before `CR1-10`. */
function compareIds(a: string, b: string): number {
    return a.localeCompare(b, 'fr', { numeric: true, sensitivity: 'base' });
}

function replace(uri: string, range: Range, newText: string): WorkspaceEdit {
    const edit: TextEdit = { range, newText };
    return { changes: { [uri]: [edit] } };
}

function sameStart(a: Range, b: Range): boolean {
    return a.start.line === b.start.line && a.start.character === b.start.character;
}

