import { AstUtils, CstUtils, type AstNode, type CstNode, type LangiumDocument } from 'langium';
import type { Range } from 'vscode-languageserver-types';
import * as ast from '../../generated/ast.js';
import type { CertirefServices } from '../../certiref-module.js';
import type { ModelElement } from '../../workspace/model-service.js';

/** What is under the cursor, in the model's terms. */
export type Target = ModelElement & { range: Range; declaration: boolean };

/** The model element at an offset: a competency (declared or referenced), a criterion, an activity … */
export function targetAt(services: CertirefServices, document: LangiumDocument, offset: number): Target | undefined {
    const root = document.parseResult?.value?.$cstNode;
    if (!root) return undefined;
    const leaf = CstUtils.findLeafNodeAtOffset(root, offset) ?? (offset > 0 ? CstUtils.findLeafNodeAtOffset(root, offset - 1) : undefined);
    if (!leaf) return undefined;
    const models = services.referential.Models;
    const node = leaf.astNode;
    if (ast.isCompetencyRef(node)) {
        const ref = node.to?.$refNode && within(leaf, node.to.$refNode) ? node.to : node.from;
        const target = ref?.ref;
        const element = target ? models.elementOf(AstUtils.getDocument(target), target) : undefined;
        if (element?.kind === 'competency') return { kind: 'competency', element: element.element, range: ref!.$refNode!.range, declaration: false };
        return undefined;
    }
    for (let n: AstNode | undefined = node; n; n = n.$container) {
        const element = models.elementOf(document, n);
        if (!element) continue;
        const nameNode = CstUtils.findLeafNodeAtOffset(root, offset);
        const declaration = element.element.source.nameRange !== undefined && nameNode !== undefined && sameRange(nameNode.range, element.element.source.nameRange);
        if (element.kind === 'competency') return { kind: 'competency', element: element.element, range: element.element.source.nameRange, declaration };
        return { ...element, range: declaration ? element.element.source.nameRange : leaf.range, declaration } as Target;
    }
    return undefined;
}

function within(leaf: CstNode, node: CstNode): boolean {
    return leaf.offset >= node.offset && leaf.end <= node.end;
}

function sameRange(a: Range, b: Range): boolean {
    return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/** Whether a document writes its keywords in English (to answer in the same words). */
export function usesEnglishKeywords(document: LangiumDocument): boolean {
    const text = document.textDocument.getText();
    const en = (text.match(/^\s*(competency|criterion|modality|activity|block|evaluates|judges)\b/gim) ?? []).length;
    const fr = (text.match(/^\s*(comp[ée]tence|crit[èe]re|modalit[ée]|activit[ée]|bloc|[ée]value|juge|partie de)\b/gim) ?? []).length;
    return en > fr;
}
