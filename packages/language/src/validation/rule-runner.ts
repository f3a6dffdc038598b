import type { CertirefServices } from '../certiref-module.js';
import type { CertificationModel, SourceLocation } from '../model/types.js';
import { MODEL_RULES, type ModelRule, type RuleFinding } from '../rules/index.js';

/**
 * Runs the model rules on a certification, once per model (the model service rebuilds the
 * model after each change), and hands each document the findings located in it.
 */
export class RuleRunner {
    private readonly findings = new WeakMap<CertificationModel, RuleFinding[]>();
    readonly rules: readonly ModelRule[];

    constructor(_services: CertirefServices, rules: readonly ModelRule[] = MODEL_RULES) {
        this.rules = rules;
    }

    /** Every finding of every rule on a certification. */
    run(model: CertificationModel): RuleFinding[] {
        let out = this.findings.get(model);
        if (!out) {
            const collected: RuleFinding[] = [];
            for (const rule of this.rules) {
                // a file cut short by a syntax error would make "missing" findings false alarms
                if (model.incomplete && rule.needsCompleteModel) continue;
                rule.check(model, (at: SourceLocation, message, data, range) => {
                    collected.push({ rule: rule.id, uri: at.uri, range: range ?? at.nameRange, anchorLine: at.range.start.line, message, data });
                });
            }
            out = collected;
            this.findings.set(model, out);
        }
        return out;
    }

    /** The findings of a certification located in one document. */
    forDocument(model: CertificationModel, uri: string): RuleFinding[] {
        return this.run(model).filter((f) => f.uri === uri);
    }
}
