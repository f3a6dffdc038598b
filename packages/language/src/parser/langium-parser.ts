import { sizeProblem } from './size.js';
import { CstNodeBuilder, CstUtils, createLangiumParser, LeafCstNodeImpl, type CstNode, type LangiumCoreServices, type LangiumParser } from 'langium';

type Tokens = Parameters<CstNodeBuilder['addHiddenNodes']>[0];

/**
 * Arguments spread into one call (`push(...nodes)`) live on the stack: Langium's syntax-tree
 * builder adds the comments before a token that way, and about 100,000 of them in a row (empty
 * block comments on one line, or one line comment per line) overflowed it. This many at a time is
 * far below any stack's limit.
 */
const CHUNK = 4096;

/**
 * Langium's syntax-tree builder, with its placement of hidden tokens (blanks, comments) kept and
 * two costs removed:
 *
 * - the nodes go in a chunk at a time (see CHUNK), never all spread into one call;
 * - before a node just opened (empty), they go before the nearest ancestor that is not the first
 *   of its parent, found from the end of the parent's list, where a node just opened stands:
 *   Langium looks for it from the start, and a list of 262,000 references on one line (a blank
 *   before each) took minutes.
 */
export class LinearCstNodeBuilder extends CstNodeBuilder {
    override addHiddenNodes(tokens: Tokens): void {
        if (tokens.length === 0) return;
        let current = this.current as CstNode & { content: CstNode[]; container?: CstNode & { content: CstNode[] } };
        const root = current.root as unknown as CstNode & { content: CstNode[] };
        const nodes = tokens.map((token) => {
            const leaf = new LeafCstNodeImpl(token.startOffset, token.image.length, CstUtils.tokenToRange(token), token.tokenType, true);
            leaf.root = current.root;
            return leaf as CstNode;
        });
        if (current.content.length > 0) {
            insert(current.content, current.content.length, nodes);
            return;
        }
        while (current.container) {
            const index = current.container.content.lastIndexOf(current);
            if (index > 0) {
                insert(current.container.content, index, nodes);
                return;
            }
            current = current.container as typeof current;
        }
        insert(root.content, 0, nodes);
    }
}

/** `nodes` into `list` at `index`, in order, a chunk at a time (Langium's list sets their parent). */
function insert(list: CstNode[], index: number, nodes: CstNode[]): void {
    for (let i = 0; i < nodes.length; i += CHUNK) list.splice(index + i, 0, ...nodes.slice(i, i + CHUNK));
}

/** Langium's parser, with the syntax-tree builder above. */
export function createCertirefParser(services: LangiumCoreServices): LangiumParser {
    const parser = createLangiumParser(services);
    const fields = parser as unknown as { nodeBuilder: CstNodeBuilder };
    if (!(fields.nodeBuilder instanceof CstNodeBuilder)) throw new Error('certiref: Langium\'s parser no longer has a nodeBuilder to replace');
    fields.nodeBuilder = new LinearCstNodeBuilder();
    // Chevrotain reports each syntax error as an exception, and V8 records the stack of each: a
    // fifth of the time of a file of 100,000 errors went there. The parser's own exceptions need
    // no stack (they are caught and turned into diagnostics).
    const parse = parser.parse.bind(parser);
    parser.parse = ((input: string, options?: object) => {
        // a text too large to hold is not parsed: the validator says so (see size.ts)
        if (sizeProblem(input)) return parse('', options);
        const limit = Error.stackTraceLimit;
        Error.stackTraceLimit = 0;
        try {
            return parse(input, options);
        } finally {
            Error.stackTraceLimit = limit;
        }
    }) as typeof parser.parse;
    return parser;
}
