import type * as Engine from 'certiref-similar';
import type { CertificationModel } from '../model/types.js';
import type { RuleFinding as Finding } from '../rules/rule.js';
import { registryFindings, similarityQuery } from '../rules/similar-text.js';

/**
 * The registry rules' findings for each certification, once an index of the registry is loaded
 * (by the CLI's `similar`, or by the desktop language server when the editor's setting names an
 * export). Without an index, there are none, and the registry rules did not run. The comparison
 * engine (`certiref-similar`) is handed in with the index: nothing of it is read otherwise.
 */
export class RegistrySimilarity {
    private engine?: typeof Engine;
    private index?: Engine.RegistryIndex;
    private options: Engine.SimilarityOptions | undefined;
    private readonly byModel = new WeakMap<CertificationModel, Finding[]>();
    private generation = 0;

    /** True when an index is loaded: the registry rules run. */
    get active(): boolean {
        return this.index !== undefined;
    }

    /** The index in use, if any. */
    get current(): Engine.RegistryIndex | undefined {
        return this.index;
    }

    use(engine: typeof Engine, index: Engine.RegistryIndex, options: Partial<Engine.SimilarityOptions> = {}): void {
        this.engine = engine;
        this.index = index;
        this.options = { ...engine.DEFAULT_OPTIONS, ...options };
        this.generation++;
    }

    /** No index any more (the setting was cleared). */
    clear(): void {
        this.index = undefined;
        this.generation++;
    }

    /** The registry rules' findings of a certification (none without an index). */
    findings(model: CertificationModel): Finding[] {
        if (!this.engine || !this.index || !this.options) return [];
        const cached = this.byModel.get(model) as (Finding[] & { generation?: number }) | undefined;
        if (cached && cached.generation === this.generation) return cached;
        const query = similarityQuery(model);
        const results = this.engine.compareCertification(this.index, query.certification, this.options);
        const findings = registryFindings(query, results, { strong: this.options.strong }) as Finding[] & { generation?: number };
        findings.generation = this.generation;
        this.byModel.set(model, findings);
        return findings;
    }

    /** The findings of a certification located in one document. */
    forDocument(model: CertificationModel, uri: string): Finding[] {
        return this.findings(model).filter((f) => f.uri === uri);
    }
}
