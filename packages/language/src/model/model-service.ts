import { DocumentState, type LangiumDocument } from 'langium';
import type { CertirefServices } from '../certiref-module.js';
import { idOfKey, type CertificationMembership } from '../lsp/membership.js';
import { buildCertificationModel } from './build-model.js';
import type { CertificationModel, CompetencyModel } from './types.js';

/**
 * The models of the workspace's certifications, built on demand and kept until the next change.
 * Every consumer (rules, scope provider, hover, CLI, exports) asks here; nothing re-derives the
 * model.
 */
export class ReferentialModelService {
    private readonly membership: () => CertificationMembership;
    private readonly cache = new Map<string, CertificationModel>();

    constructor(services: CertirefServices) {
        this.membership = () => services.referential.Membership;
        const builder = services.shared.workspace.DocumentBuilder;
        builder.onUpdate(() => this.cache.clear());
        builder.onBuildPhase(DocumentState.IndexedContent, () => this.cache.clear());
    }

    /** The model of one certification, by its key (see CertificationMembership). */
    get(key: string): CertificationModel {
        let model = this.cache.get(key);
        if (!model) {
            model = buildCertificationModel(idOfKey(key), this.membership().documentsOf(key));
            this.cache.set(key, model);
        }
        return model;
    }

    /** The model of the certification a document belongs to. */
    forDocument(document: LangiumDocument): CertificationModel | undefined {
        const key = this.membership().certificationOf(document);
        return key === undefined ? undefined : this.get(key);
    }

    /** Every certification of the workspace, sorted by id then folder. */
    all(): CertificationModel[] {
        return this.membership().certificationKeys().map((key) => this.get(key));
    }

    /** The competency model for a syntax node, if the node is a competency of a known certification. */
    competencyForNode(document: LangiumDocument, node: unknown): CompetencyModel | undefined {
        const model = this.forDocument(document);
        if (!model) return undefined;
        for (const bloc of model.blocs) for (const container of [bloc, ...bloc.options])
            for (const activity of container.activities)
                for (const c of activity.competencies) if (c.node === node) return c;
        return undefined;
    }
}
