import { DocumentState, type AstNode, type LangiumDocument } from 'langium';
import type { CertirefServices } from '../certiref-module.js';
import { idOfKey, type CertificationMembership } from './membership.js';
import { buildCertificationModel } from '../model/build-model.js';
import { containers, criteriaOfModality } from '../model/queries.js';
import type { ActivityModel, BlocModel, CertificationModel, CompetencyModel, CriterionModel, ModalityModel, OptionModel, PartModel } from '../model/types.js';

export type ModelElement =
    | { kind: 'bloc'; element: BlocModel }
    | { kind: 'option'; element: OptionModel }
    | { kind: 'activity'; element: ActivityModel }
    | { kind: 'competency'; element: CompetencyModel }
    | { kind: 'modality'; element: ModalityModel }
    | { kind: 'part'; element: PartModel }
    | { kind: 'criterion'; element: CriterionModel };

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
            const documents = this.membership().documentsOf(key);
            try {
                model = buildCertificationModel(idOfKey(key), documents);
            } catch (e) {
                // a text being typed must never bring the server down: an empty model, marked
                // incomplete (no rule reports anything missing), until the next edit
                console.error(`certiref: model of ${key} not built:`, e);
                model = buildCertificationModel(idOfKey(key), []);
                model.incomplete = true;
            }
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

    private readonly byNode = new WeakMap<CertificationModel, Map<AstNode, ModelElement>>();

    /** The model element written by a syntax node (a competency, a criterion …), if any. */
    elementOf(document: LangiumDocument, node: AstNode): ModelElement | undefined {
        const model = this.forDocument(document);
        if (!model) return undefined;
        let index = this.byNode.get(model);
        if (!index) {
            index = new Map();
            for (const container of containers(model)) {
                index.set(container.node, container.containerKind === 'bloc' ? { kind: 'bloc', element: container } : { kind: 'option', element: container });
                for (const a of container.activities) {
                    index.set(a.node, { kind: 'activity', element: a });
                    for (const c of a.competencies) index.set(c.node, { kind: 'competency', element: c });
                }
                for (const m of container.modalities) {
                    index.set(m.node, { kind: 'modality', element: m });
                    for (const p of m.parts) index.set(p.node, { kind: 'part', element: p });
                    for (const cr of criteriaOfModality(m)) index.set(cr.node, { kind: 'criterion', element: cr });
                }
            }
            this.byNode.set(model, index);
        }
        return index.get(node);
    }
}
