import type { Range } from 'vscode-languageserver-types';
import type { SeverityName } from '../config/config.js';
import type { CertificationModel, SourceLocation } from '../model/types.js';

/** Text in both languages of certiref's users. */
export interface Bilingual {
    fr: string;
    en: string;
}

export function t(fr: string, en: string): Bilingual {
    return { fr, en };
}

/** One finding of a rule, before severity settings and suppressions apply. */
export interface Finding {
    rule: string;
    uri: string;
    range: Range;
    message: Bilingual;
    /** Facts a quick fix can use (ids, suggested replacement …). */
    data?: Record<string, unknown>;
}

export type Report = (at: SourceLocation, message: Bilingual, data?: Record<string, unknown>, range?: Range) => void;

/** What every rule declares, and what the README, SARIF and `--rule` read. */
export interface RuleMeta {
    /** Stable kebab-case id. */
    id: string;
    defaultSeverity: SeverityName;
    /** One line: what the rule checks. */
    title: Bilingual;
    /** Why it matters and how to fix it. */
    help: Bilingual;
    /** Whether `off` is allowed (syntax errors cannot be switched off). */
    configurable?: boolean;
}

/** A check on the model of one certification. */
export interface ModelRule extends RuleMeta {
    check(certification: CertificationModel, report: Report): void;
}

/** "C1 (a.ref:12)" — where another element stands, for messages. */
export function where(source: SourceLocation): string {
    const name = decodeURIComponent(source.uri.replace(/^.*\//, ''));
    return `${name}:${source.nameRange.start.line + 1}`;
}

export function list(ids: string[]): string {
    return ids.join(', ');
}
