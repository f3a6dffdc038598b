import {
    AstUtils, DefaultScopeComputation, DefaultScopeProvider, EMPTY_SCOPE, MultiMap, stream, type AstNode, type AstNodeDescription,
    type AstNodeDescriptionProvider, type LangiumDocument, type LocalSymbols, type ReferenceInfo, type Scope, type Stream,
} from 'langium';
import * as ast from '../generated/ast.js';
import type { CertirefServices } from '../certiref-module.js';
import type { ReferentialModelService } from '../workspace/model-service.js';
import type { ContainerModel } from '../model/types.js';

/**
 * The competencies a reference can name, by id: those of the same certification, across its
 * files and never into another certification; inside an option, that option's first. Built from
 * the model's table, so the editor and the checks agree; a description is made only for the
 * names actually looked up.
 */
class CompetencyScope implements Scope {
    private readonly made = new Map<ast.Competency, AstNodeDescription>();

    constructor(private readonly byName: Map<string, ast.Competency>, private readonly descriptions: AstNodeDescriptionProvider) {}

    private describe(node: ast.Competency): AstNodeDescription {
        let d = this.made.get(node);
        if (!d) this.made.set(node, (d = this.descriptions.createDescription(node, node.name)));
        return d;
    }

    getElement(name: string): AstNodeDescription | undefined {
        const node = this.byName.get(name);
        return node ? this.describe(node) : undefined;
    }

    getElements(name: string): Stream<AstNodeDescription> {
        const d = this.getElement(name);
        return stream(d ? [d] : []);
    }

    getAllElements(): Stream<AstNodeDescription> {
        return stream(this.byName.values()).map((n) => this.describe(n));
    }
}

export class CertirefScopeProvider extends DefaultScopeProvider {
    private readonly models: () => ReferentialModelService;
    /** One scope per model and option: every reference of a certification shares it. */
    private readonly scopes = new WeakMap<object, Map<unknown, Scope>>();

    constructor(services: CertirefServices) {
        super(services);
        this.models = () => services.referential.Models;
    }

    override getScope(context: ReferenceInfo): Scope {
        if (!ast.isCompetencyRef(context.container)) return super.getScope(context);
        const document = AstUtils.getDocument(context.container);
        const model = this.models().forDocument(document);
        if (!model) return EMPTY_SCOPE;
        const option = AstUtils.getContainerOfType(context.container, ast.isOption);
        let byOption = this.scopes.get(model);
        if (!byOption) this.scopes.set(model, (byOption = new Map()));
        let scope = byOption.get(option);
        if (!scope) {
            const inOption: ContainerModel[] = [];
            const rest: ContainerModel[] = [];
            for (const bloc of model.blocs) {
                rest.push(bloc);
                for (const o of bloc.options) (o.node === option ? inOption : rest).push(o);
            }
            const byName = new Map<string, ast.Competency>();
            for (const container of [...inOption, ...rest]) {
                for (const a of container.activities) for (const c of a.competencies) if (!byName.has(c.id)) byName.set(c.id, c.node as ast.Competency);
            }
            scope = new CompetencyScope(byName, this.descriptions);
            byOption.set(option, scope);
        }
        return scope;
    }
}

/**
 * Only certifications are found through the global index (`partie de X`); competencies are
 * scoped by the model above, so no other symbol is exported or collected locally.
 */
export class CertirefScopeComputation extends DefaultScopeComputation {
    override async collectExportedSymbols(document: LangiumDocument): Promise<AstNodeDescription[]> {
        const header = (document.parseResult.value as ast.Document).header;
        return ast.isCertification(header) && header.name ? [this.descriptions.createDescription(header, header.name, document)] : [];
    }

    override async collectLocalSymbols(): Promise<LocalSymbols> {
        return new MultiMap<AstNode, AstNodeDescription>();
    }
}
