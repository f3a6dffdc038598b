import { CstNodeBuilder, createLangiumParser, type LangiumCoreServices, type LangiumParser } from 'langium';

type Tokens = Parameters<CstNodeBuilder['addHiddenNodes']>[0];

/**
 * Arguments spread into one call (`push(...nodes)`) live on the stack: Langium's syntax-tree
 * builder adds the comments before a token that way, and about 100,000 of them in a row (empty
 * block comments on one line, or one line comment per line) overflowed it. This many at a time is
 * far below any stack's limit.
 */
const CHUNK = 4096;

/**
 * Langium's syntax-tree builder, given hidden tokens (comments, blanks) a chunk at a time. Each
 * call places its nodes after those of the call before (at the end of the current node, or just
 * before the node being built), so the chunks keep their order.
 */
export class ChunkedCstNodeBuilder extends CstNodeBuilder {
    override addHiddenNodes(tokens: Tokens): void {
        if (tokens.length <= CHUNK) {
            super.addHiddenNodes(tokens);
            return;
        }
        for (let i = 0; i < tokens.length; i += CHUNK) super.addHiddenNodes(tokens.slice(i, i + CHUNK));
    }
}

/** Langium's parser, with the syntax-tree builder above. */
export function createCertirefParser(services: LangiumCoreServices): LangiumParser {
    const parser = createLangiumParser(services);
    const fields = parser as unknown as { nodeBuilder: CstNodeBuilder };
    if (!(fields.nodeBuilder instanceof CstNodeBuilder)) throw new Error('certiref: Langium\'s parser no longer has a nodeBuilder to replace');
    fields.nodeBuilder = new ChunkedCstNodeBuilder();
    return parser;
}
