import { DocumentState, type LangiumDocument } from 'langium';
import type { CertirefServices } from '../certiref-module.js';
import type { CertificationMembership } from '../lsp/membership.js';
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

    /** The model of one certification. */
    get(certificationId: string): CertificationModel {
        let model = this.cache.get(certificationId);
        if (!model) {
            model = buildCertificationModel(certificationId, this.membership().documentsOf(certificationId));
            this.cache.set(certificationId, model);
        }
        return model;
    }

    /** The model of the certification a document belongs to. */
    forDocument(document: LangiumDocument): CertificationModel | undefined {
        const id = this.membership().certificationOf(document);
        return id === undefined ? undefined : this.get(id);
    }

    /** Every certification of the workspace, sorted by id. */
    all(): CertificationModel[] {
        return this.membership().certificationIds().map((id) => this.get(id));
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
