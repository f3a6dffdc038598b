import { AstUtils, GrammarUtils, type AstNode, type CstNode } from 'langium';
import type { Range } from 'vscode-languageserver-types';

/** A model element, whose syntax node the model keeps: the rules hand it here and never read its node. */
export interface Placed {
    readonly node?: AstNode;
}

/**
 * Where a text of a model element is written: the whole `"…"` token of one of its properties
 * (a competency's `text`, a bloc's `title` …), or a passage of it, so that a finding about a word
 * underlines that word. The model keeps texts normalised (lines joined); the passage is found again
 * in the token as written, spaces and line breaks alike.
 */
function tokenOf(node: AstNode | undefined, property: string): CstNode | undefined {
    const cst = node?.$cstNode;
    // no property: the element's whole text (a text held by a child, such as a modality's description)
    return cst ? (property === '' ? cst : GrammarUtils.findNodeForProperty(cst, property)) : undefined;
}

/** The range of a property's text token, or undefined when the element has none. */
export function textRange(element: Placed | undefined, property: string): Range | undefined {
    return tokenOf(element?.node, property)?.range;
}

function escape(s: string): string {
    return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The range of `passage` in a property's text as written (its `occurrence`-th appearance, 0 the
 * first), or of the whole text when it is not found.
 */
export function rangeInText(element: Placed | undefined, property: string, passage: string, occurrence = 0): Range | undefined {
    const node = element?.node;
    const token = tokenOf(node, property);
    if (!token || !node) return undefined;
    const words = passage.trim().split(/\s+/).filter((w) => w.length > 0);
    if (words.length === 0) return token.range;
    // a passage over several lines of the source: any run of spaces, a line break and an indent
    const re = new RegExp(words.map((w) => escape(w).replace(/['’]/g, "['’]")).join('[\\s\\\\]+'), 'gi');
    const raw = token.text;
    let m: RegExpExecArray | null = null;
    for (let i = 0; i <= occurrence; i++) {
        m = re.exec(raw);
        if (!m) break;
    }
    if (!m) return token.range;
    const doc = AstUtils.getDocument(node).textDocument;
    return { start: doc.positionAt(token.offset + m.index), end: doc.positionAt(token.offset + m.index + m[0].length) };
}
