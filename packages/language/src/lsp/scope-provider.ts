import { AstUtils, DefaultScopeProvider, EMPTY_SCOPE, type ReferenceInfo, type Scope } from 'langium';
import * as ast from '../generated/ast.js';
import type { CertirefServices } from '../certiref-module.js';
import type { ReferentialModelService } from '../model/model-service.js';
import type { ContainerModel } from '../model/types.js';

/**
 * Competency references resolve among the competencies of the same certification, across its
 * files and never into another certification; inside an option, that option's competencies come
 * first. The table is the model's, so the editor and the checks agree.
 */
export class CertirefScopeProvider extends DefaultScopeProvider {
    private readonly models: () => ReferentialModelService;

    constructor(services: CertirefServices) {
        super(services);
        this.models = () => services.referential.Models;
    }

    override getScope(context: ReferenceInfo): Scope {
        if (ast.isCompetencyRef(context.container)) {
            const document = AstUtils.getDocument(context.container);
            const model = this.models().forDocument(document);
            if (!model) return EMPTY_SCOPE;
            const option = AstUtils.getContainerOfType(context.container, ast.isOption);
            const inOption: ContainerModel[] = [];
            const rest: ContainerModel[] = [];
            for (const bloc of model.blocs) {
                rest.push(bloc);
                for (const o of bloc.options) (o.node === option ? inOption : rest).push(o);
            }
            const nodes = [...inOption, ...rest].flatMap((c) => c.activities.flatMap((a) => a.competencies.map((x) => x.node as ast.Competency)));
            return this.createScopeForNodes(nodes);
        }
        return super.getScope(context);
    }
}
