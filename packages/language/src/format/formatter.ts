import { CstUtils, isLeafCstNode, type AstNode, type CstNode, type LangiumDocument, type Lexer } from 'langium';
import * as ast from '../generated/ast.js';

/**
 * The canonical layout of a .ref file: one element per line, indented two spaces per level of
 * nesting (certification › fields; bloc › activities and modalities; activity › competencies;
 * modality › properties, criteria, parts …), single spaces between the words of a line, one blank
 * line before each bloc and option (and where the author left one elsewhere), continuation lines
 * of a text indented under their element, comments kept where they were, one newline at the end.
 *
 * It never loses or reorders text: the formatted file is lexed again and must give the same
 * tokens as the original, or the original is kept. A file with a syntax error is not formatted.
 * Formatting a formatted file changes nothing.
 */
export function formatDocument(document: LangiumDocument, lexer: Lexer): string | undefined {
    const result = document.parseResult;
    if (!result?.value?.$cstNode || result.lexerErrors.length > 0 || result.parserErrors.length > 0) return undefined;
    const original = document.textDocument.getText();
    if (endsInUnclosedText(result.value.$cstNode)) return undefined;
    // the file keeps its line endings (CRLF on a Windows checkout), every one of them; a lone CR
    // is a line break too (to the lexer, the model and the editor), written as the file's own
    const eol = /\r\n/.test(original) ? '\r\n' : '\n';
    const formatted = layout(result.value, original).replace(/\r\n?|\n/g, eol);
    return sameTokens(lexer, original, formatted) ? formatted : undefined;
}

const INDENT = '  ';

/** Element kinds that start a line, and their nesting depth. */
function depthOf(node: AstNode): number | undefined {
    if (ast.isCertification(node) || ast.isCertificationPart(node) || ast.isBloc(node)) return 0;
    const parent = node.$container;
    if (!parent) return undefined;
    const parentDepth = depthOf(parent);
    if (parentDepth === undefined) return undefined;
    if (
        ast.isOption(node) || ast.isActivity(node) || ast.isCompetency(node) || ast.isModality(node) || ast.isPart(node)
        || ast.isCriterion(node) || isProperty(node) || isField(node)
    ) return parentDepth + 1;
    return undefined;
}

function isProperty(node: AstNode): boolean {
    return ast.isKindProperty(node) || ast.isModeProperty(node) || ast.isDeliverablesProperty(node) || ast.isEvaluatesProperty(node) || ast.isDescriptionProperty(node);
}

function isField(node: AstNode): boolean {
    return ast.isRncpField(node) || ast.isLevelField(node) || ast.isCertifierField(node) || ast.isVersionField(node) || ast.isDateField(node)
        || ast.isAccessibilityField(node) || ast.isSectionField(node) || ast.isConventionField(node) || ast.isDescriptionField(node);
}

interface Leaf {
    text: string;
    offset: number;
    end: number;
    comment: boolean;
    /** Depth when the leaf starts a line; undefined when it continues one. */
    lineDepth?: number;
    /** Always preceded by a blank line (blocs, options). */
    blankBefore?: boolean;
}

function leaves(root: AstNode): Leaf[] {
    const out: Leaf[] = [];
    const starts = new Map<number, { depth: number; blank: boolean }>();
    const visit = (node: AstNode) => {
        const depth = depthOf(node);
        const cst = node.$cstNode;
        if (depth !== undefined && cst) {
            starts.set(cst.offset, { depth, blank: (ast.isBloc(node) || ast.isOption(node)) });
        }
        for (const child of childNodes(node)) visit(child);
    };
    visit(root);
    for (const node of CstUtils.streamCst(root.$cstNode!)) {
        if (!isLeafCstNode(node)) continue;
        const comment = node.hidden;
        if (comment && !/COMMENT/.test(node.tokenType.name)) continue;
        const leaf: Leaf = { text: node.text, offset: node.offset, end: node.end, comment };
        const start = starts.get(node.offset);
        if (start && !comment) {
            leaf.lineDepth = start.depth;
            leaf.blankBefore = start.blank;
        } else if (!comment && /^description$/i.test(node.text) && isDescriptionKeyword(node)) {
            // `description "…"` of a bloc, an option or an activity: a line of its own
            const holder = node.astNode;
            leaf.lineDepth = (depthOf(holder) ?? 0) + 1;
        }
        out.push(leaf);
    }
    return out;
}

function isDescriptionKeyword(node: CstNode): boolean {
    const holder = node.astNode;
    return (ast.isBloc(holder) || ast.isOption(holder) || ast.isActivity(holder)) && node.grammarSource !== undefined && 'value' in node.grammarSource;
}

function childNodes(node: AstNode): AstNode[] {
    const out: AstNode[] = [];
    for (const [key, value] of Object.entries(node)) {
        if (key.startsWith('$')) continue;
        if (Array.isArray(value)) {
            for (const v of value) if (v && typeof v === 'object' && '$type' in v) out.push(v as AstNode);
        } else if (value && typeof value === 'object' && '$type' in value) out.push(value as AstNode);
    }
    return out.sort((a, b) => (a.$cstNode?.offset ?? 0) - (b.$cstNode?.offset ?? 0));
}

function layout(root: AstNode, text: string): string {
    const items = leaves(root);
    const hasBlank = (from: number, to: number) => /(?:\r\n|\r(?!\n)|\n)[ \t]*[\r\n]/.test(text.slice(from, to));
    const onOwnLine = (i: number) => i === 0 || /[\r\n]/.test(text.slice(items[i - 1].end, items[i].offset));
    // a comment on its own line, right above the next line (no blank line between): it goes with it
    const attachedToNext = (i: number) => {
        if (!items[i].comment || !onOwnLine(i)) return false;
        const next = items[i + 1];
        return next !== undefined && !hasBlank(items[i].end, next.offset) && (next.comment ? onOwnLine(i + 1) : next.lineDepth !== undefined);
    };
    // the element each item's line belongs to: itself, or for a comment the first item after the
    // run of comments attached to it (computed once from the end: a run of 100,000 comment lines
    // walked again from each of them took hours)
    const owners = new Array<number>(items.length + 1);
    owners[items.length] = items.length;
    for (let i = items.length - 1; i >= 0; i--) owners[i] = items[i].comment && attachedToNext(i) ? owners[i + 1] : i;
    const lines: string[] = [];
    let current: string | undefined;
    let currentDepth = 0;
    const flush = () => {
        if (current !== undefined) lines.push(current.replace(/[ \t]+$/, ''));
        current = undefined;
    };
    for (let i = 0; i < items.length; i++) {
        const leaf = items[i];
        const startsLine = leaf.comment ? onOwnLine(i) : i === 0 || leaf.lineDepth !== undefined;
        if (!startsLine) {
            // nothing may follow a line comment on its line: the rest of the element goes below
            if (current !== undefined && i > 0 && items[i - 1].comment && items[i - 1].text.startsWith('//')) {
                flush();
                current = INDENT.repeat(currentDepth + 1) + reindent(leaf, currentDepth + 1);
                continue;
            }
            current = (current ?? '') + (leaf.text === ',' ? '' : ' ') + reindent(leaf, currentDepth);
            continue;
        }
        flush();
        // the element this line belongs to: itself, or for comments the element they sit above
        const owner = items[owners[i]];
        const depth = leaf.comment ? (owner && !owner.comment ? owner.lineDepth ?? currentDepth + 1 : currentDepth) : leaf.lineDepth!;
        if (lines.length > 0) {
            const firstOfGroup = !(i > 0 && attachedToNext(i - 1));
            const forced = firstOfGroup && owner !== undefined && !owner.comment && owner.blankBefore === true;
            if ((hasBlank(items[i - 1].end, leaf.offset) || forced) && lines[lines.length - 1] !== '') lines.push('');
        }
        current = INDENT.repeat(depth) + reindent(leaf, depth);
        if (!leaf.comment) currentDepth = depth;
    }
    flush();
    while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
    return lines.join('\n') + '\n';
}

/** Continuation lines of a `"…"` text (or a block comment) go under their element. */
function reindent(leaf: Leaf, depth: number): string {
    if (!/[\r\n]/.test(leaf.text) || leaf.text.startsWith('"""') || leaf.comment) return leaf.text;
    const [first, ...rest] = leaf.text.split(/\r\n?|\n/);
    const pad = INDENT.repeat(depth + 1);
    return [first, ...rest.map((line) => (line.trim() === '' ? '' : pad + line.trimStart()))].join('\n');
}

function endsInUnclosedText(root: CstNode): boolean {
    let last: CstNode | undefined;
    for (const node of CstUtils.streamCst(root)) if (isLeafCstNode(node)) last = node;
    return last !== undefined && isLeafCstNode(last) && last.tokenType.name === 'UNCLOSED_TEXT';
}

/** The two texts give the same tokens (whitespace inside `"…"` texts aside). */
function sameTokens(lexer: Lexer, a: string, b: string): boolean {
    const tokens = (text: string) => {
        const result = lexer.tokenize(text);
        const hidden = (result as { hidden?: { image: string; startOffset: number }[] }).hidden ?? [];
        return [...result.tokens, ...hidden]
            .sort((x, y) => x.startOffset - y.startOffset)
            .map((t) => (t.image.startsWith('"') && !t.image.startsWith('"""') ? t.image.replace(/\s+/g, ' ') : t.image.replace(/\r\n?/g, '\n').replace(/[ \t]+$/gm, '')))
            .filter((image) => image.trim().length > 0);
    };
    const x = tokens(a);
    const y = tokens(b);
    return x.length === y.length && x.every((t, i) => t === y[i]);
}
