import { type AstNode } from 'langium';
import { AbstractSemanticTokenProvider, type SemanticTokenAcceptor } from 'langium/lsp';
import { SemanticTokenModifiers, SemanticTokenTypes } from 'vscode-languageserver-protocol';
import * as ast from '../../generated/ast.js';

/**
 * Semantic highlighting on top of the TextMate grammar: the ids of blocs, options, activities,
 * competencies (declarations and references), modalities, parts and criteria each get their own
 * token type, so that themes tell them apart.
 */
export class CertirefSemanticTokenProvider extends AbstractSemanticTokenProvider {
    protected highlightElement(node: AstNode, acceptor: SemanticTokenAcceptor): void {
        const declaration = [SemanticTokenModifiers.declaration];
        if (ast.isCertification(node) && node.name) acceptor({ node, property: 'name', type: SemanticTokenTypes.namespace, modifier: declaration });
        else if (ast.isCertificationPart(node)) acceptor({ node, property: 'certification', type: SemanticTokenTypes.namespace });
        else if ((ast.isBloc(node) || ast.isOption(node)) && node.name) acceptor({ node, property: 'name', type: SemanticTokenTypes.namespace, modifier: declaration });
        else if (ast.isActivity(node) && node.name) acceptor({ node, property: 'name', type: SemanticTokenTypes.class, modifier: declaration });
        else if (ast.isCompetency(node) && node.name) acceptor({ node, property: 'name', type: SemanticTokenTypes.variable, modifier: declaration });
        else if (ast.isCompetencyRef(node)) {
            acceptor({ node, property: 'from', type: SemanticTokenTypes.variable });
            if (node.to) acceptor({ node, property: 'to', type: SemanticTokenTypes.variable });
        } else if (ast.isModality(node) && node.name) acceptor({ node, property: 'name', type: SemanticTokenTypes.function, modifier: declaration });
        else if (ast.isPart(node) && node.name) acceptor({ node, property: 'name', type: SemanticTokenTypes.enumMember, modifier: declaration });
        else if (ast.isCriterion(node) && node.name) {
            acceptor({ node, property: 'name', type: SemanticTokenTypes.property, modifier: declaration });
            if (node.rangeEnd) acceptor({ node, property: 'rangeEnd', type: SemanticTokenTypes.property });
        } else if (ast.isModeProperty(node)) acceptor({ node, property: 'mode', type: SemanticTokenTypes.enumMember });
    }
}
