import type { Range } from 'vscode-languageserver-types';
import type { TextLimits, ThemeSetting } from '../config/config.js';
import type { Finding, FindingData, RelatedPlace, Severity } from '../finding.js';
import type { Bilingual } from '../i18n.js';
import type { CertificationModel, SourceLocation } from '../model/types.js';
import type { Fix, FixContext } from './fix.js';

export { capital, t, type Bilingual } from '../i18n.js';
export type { RelatedPlace } from '../finding.js';
export { optionName } from '../model/view.js';

/** One finding of a rule, before the settings give it a severity and the suppressions apply. */
export interface RuleFinding extends Omit<Finding, 'severity'> {
    /** The first line of the element the finding is about (a suppression comment above it applies). */
    anchorLine?: number;
    /** A weaker finding of its rule: one severity below the rule's setting (a hint stays a hint). */
    weaker?: boolean;
}

/** How a rule reports a finding: where (the element's id, or `range`), what, and its typed data. */
export type Report<D extends object = FindingData> = (at: SourceLocation, message: Bilingual, data?: D, range?: Range, related?: RelatedPlace[]) => void;

/** Rules that say something is missing: silent while a file of the certification cannot be read whole. */
export interface CompletenessRule {
    /** True when a syntax error (which cuts the rest of a file) could make the rule report what is only unread. */
    needsCompleteModel?: boolean;
}

/** What every rule declares, and what the README, SARIF and `--rule` read. */
export interface RuleMeta<D extends object = FindingData> {
    /** Stable kebab-case id. */
    id: string;
    defaultSeverity: Severity;
    /** One line: what the rule checks. */
    title: Bilingual;
    /** Why it matters and how to fix it. */
    help: Bilingual;
    /** Whether `off` is allowed (syntax errors cannot be switched off). */
    configurable?: boolean;
    /** Runs only against an export of the RNCP registry (`certiref similar`, the editor's registry setting). */
    needsRegistry?: boolean;
    /** The quick fixes of one of its findings, when it has an obvious remedy. */
    fix?(context: FixContext<D>): Fix[];
}

/** The settings of certiref.json a rule may read (those of the certification's main file). */
export interface RuleContext {
    themes?: ThemeSetting[];
    limits?: Partial<TextLimits>;
}

/**
 * A check on the model of one certification: one file per rule (`rules/<id>.ts`) with its
 * metadata, its messages, the type of its findings' data, and its quick fix if it has one. It
 * reads the model only, never the syntax tree.
 */
export interface ModelRule<D extends object = FindingData> extends RuleMeta<D>, CompletenessRule {
    check(certification: CertificationModel, report: Report<D>, context?: RuleContext): void;
}

/**
 * "a.ref:12" — where another element stands, for a message shown in `from`'s document: the file
 * name when both are in one folder, else the path relative to `from`'s folder.
 */
export function where(source: SourceLocation, from?: string): string {
    return `${relativeUri(from, source.uri)}:${source.nameRange.start.line + 1}`;
}

export function relativeUri(from: string | undefined, to: string): string {
    const target = to.split('/');
    if (!from) return decodeURIComponent(target[target.length - 1]);
    const base = from.split('/').slice(0, -1);
    let common = 0;
    while (common < base.length && common < target.length - 1 && base[common] === target[common]) common++;
    return decodeURIComponent([...base.slice(common).map(() => '..'), ...target.slice(common)].join('/'));
}

export function list(ids: string[]): string {
    return ids.join(', ');
}
