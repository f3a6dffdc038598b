import type { CertirefServices } from '../certiref-module.js';
import type { CertificationModel, SourceLocation } from '../model/types.js';
import type { ConfigProvider } from '../config/config.js';
import { MODEL_RULES, type ModelRule, type RuleContext, type RuleFinding } from '../rules/index.js';

/**
 * Runs the model rules on a certification, once per model (the model service rebuilds the
 * model after each change), and hands each document the findings located in it.
 */
export class RuleRunner {
    private readonly findings = new WeakMap<CertificationModel, RunResult>();
    readonly rules: readonly ModelRule[];
    private readonly config: () => ConfigProvider | undefined;

    constructor(services: CertirefServices | undefined, rules: readonly ModelRule[] = MODEL_RULES) {
        this.rules = rules;
        this.config = () => services?.referential.Config;
    }

    /**
     * Every finding of every rule on a certification. A rule switched off for every document of
     * the certification is not run (the drafting rules then never read their lexicon); the
     * findings are kept per model and per settings.
     */
    run(model: CertificationModel): RuleFinding[] {
        return this.result(model).findings;
    }

    /** The findings of a certification located in one document. */
    forDocument(model: CertificationModel, uri: string): RuleFinding[] {
        return this.result(model).byUri.get(uri) ?? [];
    }

    /**
     * The run of a model under the current settings. The settings are read again only when the
     * provider says they may have changed (its `version`), not once per document: a
     * certification of N files is validated in N calls, each of which would otherwise read the
     * settings of all N files.
     */
    private result(model: CertificationModel): RunResult {
        const provider = this.config();
        const cached = this.findings.get(model);
        const version = provider?.version;
        if (cached && version !== undefined && cached.version === version) return cached;
        const configs = provider ? model.documents.map((uri) => provider.getConfig(uri)) : [];
        const main = provider ? provider.getConfig(model.source.uri || model.documents[0] || '') : undefined;
        const skipped = new Set(this.rules.filter((r) => r.configurable !== false && configs.length > 0
            && configs.every((c) => (c.rules[r.id] ?? r.defaultSeverity) === 'off')).map((r) => r.id));
        const key = JSON.stringify([[...skipped], main?.themes, main?.limits]);
        if (cached && cached.key === key) {
            cached.version = version;
            return cached;
        }
        const context: RuleContext = { themes: main?.themes, limits: main?.limits };
        const collected: RuleFinding[] = [];
        for (const rule of this.rules) {
            // a file cut short by a syntax error would make "missing" findings false alarms
            if (model.incomplete && rule.needsCompleteModel) continue;
            if (skipped.has(rule.id)) continue;
            rule.check(model, (at: SourceLocation, message, data, range, related) => {
                collected.push({ rule: rule.id, uri: at.uri, range: range ?? at.nameRange, anchorLine: at.range.start.line, message, data, ...(related ? { related } : {}) });
            }, context);
        }
        const byUri = new Map<string, RuleFinding[]>();
        for (const f of collected) {
            const list = byUri.get(f.uri);
            if (list) list.push(f);
            else byUri.set(f.uri, [f]);
        }
        const result: RunResult = { key, version, findings: collected, byUri };
        this.findings.set(model, result);
        return result;
    }
}

interface RunResult {
    /** The settings the findings were computed under. */
    key: string;
    /** The provider's version when the key was last read (undefined: read it every time). */
    version: number | undefined;
    findings: RuleFinding[];
    byUri: Map<string, RuleFinding[]>;
}
