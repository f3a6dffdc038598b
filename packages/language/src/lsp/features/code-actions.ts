import { QUICK_FIX_PLACEHOLDER } from '../../drafting/analysis.js';
import { AstUtils, CstUtils, URI, type LangiumDocument } from 'langium';
import type { CodeActionProvider } from 'langium/lsp';
import { CodeActionKind, type CodeAction, type CodeActionParams, type Position, type Range, type WorkspaceEdit } from 'vscode-languageserver-protocol';
import * as ast from '../../generated/ast.js';
import type { CertirefServices } from '../../certiref-module.js';
import type { CompetencyModel, ModalityModel, PartModel } from '../../model/types.js';
import type { SourceEdits, TextEdit } from '../../rules/fix.js';
import { RULES_BY_ID } from '../../rules/index.js';
import { findingDataOf } from '../diagnostics.js';
import { CertirefRenameProvider } from './rename.js';
import { usesEnglishKeywords } from './target.js';

/**
 * Quick fixes: for each diagnostic the editor sends, the fixes its rule offers (`fix` in
 * `rules/<id>.ts`), as code actions titled in the document's language. The edits that need the
 * syntax (where a new criterion line goes, the end of an `évalue` list, a rename) are made here
 * and lent to the rules.
 */
export class CertirefCodeActionProvider implements CodeActionProvider {
    constructor(private readonly services: CertirefServices) {}

    getCodeActions(document: LangiumDocument, params: CodeActionParams): CodeAction[] {
        const model = this.services.referential.Models.forDocument(document);
        const language = this.services.referential.Config.getConfig(document.uri.toString()).language;
        const edits = this.sourceEdits(document);
        const actions: CodeAction[] = [];
        for (const diagnostic of params.context.diagnostics) {
            const data = findingDataOf(diagnostic);
            const rule = data ? RULES_BY_ID.get(data.rule) : undefined;
            if (!data || !rule?.fix || !model) continue;
            const finding = { rule: data.rule, uri: document.uri.toString(), range: diagnostic.range, data };
            for (const fix of rule.fix({ finding, model, edits })) {
                actions.push({ title: fix.title[language], kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: fix.preferred ?? true, edit: workspaceEdit(fix.edits) });
            }
        }
        return actions;
    }

    private sourceEdits(document: LangiumDocument): SourceEdits {
        return {
            text: (range) => document.textDocument.getText(range),
            englishKeywords: usesEnglishKeywords(document),
            insertCriterion: (holder, label) => insertCriterion(holder, label),
            appendToEvaluates: (holder, ids) => appendToEvaluates(holder, ids),
            renameCompetency: (c, newName) => this.renameCompetency(c, newName),
            listNames: (range, id) => listNames(document, range, id),
        };
    }

    /** A competency renamed as the editor's rename does it; undefined when the rename is refused (a collision, a range). */
    private renameCompetency(c: CompetencyModel, newName: string): TextEdit[] | undefined {
        const document = this.services.shared.workspace.LangiumDocuments.getDocument(URI.parse(c.source.uri));
        if (!document) return undefined;
        try {
            const edit = new CertirefRenameProvider(this.services).rename(document, { textDocument: { uri: c.source.uri }, position: c.source.nameRange.start, newName });
            return edit?.changes ? Object.entries(edit.changes).flatMap(([uri, list]) => list.map((e) => ({ uri, range: e.range, newText: e.newText }))) : undefined;
        } catch {
            return undefined;
        }
    }
}

/** The edits as one workspace edit, grouped by document in the order they come. */
function workspaceEdit(edits: TextEdit[]): WorkspaceEdit {
    const changes: NonNullable<WorkspaceEdit['changes']> = {};
    for (const e of edits) (changes[e.uri] ??= []).push({ range: e.range, newText: e.newText });
    return { changes };
}

/** Whether the list of competencies holding the reference at `range` already names `id` (replacing would repeat it). */
function listNames(document: LangiumDocument, range: Range, id: string): boolean {
    const leaf = CstUtils.findLeafNodeAtOffset(document.parseResult.value.$cstNode!, document.textDocument.offsetAt(range.start));
    const list = leaf ? AstUtils.getContainerOfType(leaf.astNode, ast.isCompetencyRefs) : undefined;
    return (list?.items ?? []).some((r) => r.from?.$refText === id || r.to?.$refText === id);
}

/** A new criterion line after the last criterion (or property) of a modality or part. */
function insertCriterion(holder: ModalityModel | PartModel, label: string): TextEdit[] | undefined {
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
    return [{ uri: document.uri.toString(), range: { start: at, end: at }, newText: text }];
}

/** Appends ids at the end of the first `évalue` list of a modality or part. */
function appendToEvaluates(holder: ModalityModel | PartModel, ids: string): TextEdit[] | undefined {
    const node = holder.node as ast.Modality | ast.Part;
    const evaluates = node.properties.find(ast.isEvaluatesProperty);
    const end = evaluates?.$cstNode?.range.end;
    if (!end) return undefined;
    return [{ uri: AstUtils.getDocument(node).uri.toString(), range: { start: end, end }, newText: `, ${ids}` }];
}
