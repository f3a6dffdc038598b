import { diffWords } from 'diff';
import type { Finding } from '../finding.js';
import type { Language } from '../i18n.js';
import type { SourceLocation } from '../model/types.js';
import { escapeMarkdownText } from '../export/tables.js';
import {
    isEmptyDiff, summarize, type CertificationDiff, type DiffElementKind, type DiffSummary, type ElementChange, type FieldChange, type FieldName,
    type ReferentialDiff,
} from './compare.js';

/**
 * The reports of a diff: plain text for a terminal, Markdown for a pull-request comment, JSON for
 * tools, and the pieces the VS Code panel renders as HTML. All say the same things in the same
 * order, in French or English.
 */

/** How to show a file of each side: `old/bloc-1.ref`, `HEAD:referentials/bloc-1.ref` … */
export interface DiffPaths {
    old: (uri: string) => string;
    new: (uri: string) => string;
}

export interface DiffReportOptions {
    language: Language;
    paths: DiffPaths;
    /** What was compared, as the user named it. */
    labels?: { old: string; new: string };
}

const KIND: Record<Language, Record<DiffElementKind, string>> = {
    fr: { certification: 'certification', bloc: 'bloc', option: 'option', activity: 'activité', competency: 'compétence', modality: 'modalité', part: 'partie', criterion: 'critère' },
    en: { certification: 'certification', bloc: 'bloc', option: 'option', activity: 'activity', competency: 'competency', modality: 'modality', part: 'part', criterion: 'criterion' },
};

const FIELD: Record<Language, Record<FieldName, string>> = {
    fr: {
        title: 'titre', text: 'texte', description: 'description', rncp: 'numéro RNCP', level: 'niveau', certifier: 'certificateur', version: 'version', date: 'date',
        accessibility: 'accessibilité', sections: 'section', conventions: 'conventions', kind: 'type', mode: 'mode', deliverables: 'livrables', evaluates: 'évalue',
        judges: 'juge', container: 'bloc', activity: 'activité', modality: 'modalité', part: 'partie',
    },
    en: {
        title: 'title', text: 'text', description: 'description', rncp: 'RNCP number', level: 'level', certifier: 'certifier', version: 'version', date: 'date',
        accessibility: 'accessibility', sections: 'section', conventions: 'conventions', kind: 'kind', mode: 'mode', deliverables: 'deliverables', evaluates: 'evaluates',
        judges: 'judges', container: 'bloc', activity: 'activity', modality: 'modality', part: 'part',
    },
};

/** The words of the reports, shared with the HTML panel. */
export const DIFF_WORDS = {
    fr: {
        was: 'était en', none: 'Aucun changement des référentiels.',
        introduced: 'Constats apparus', resolved: 'Constats résolus', findings: 'constats',
        certAdded: 'certification ajoutée', certRemoved: 'certification supprimée', certRenamed: 'identifiant changé, était',
        holds: (c: NonNullable<CertificationDiff['counts']>) => `${c.blocs} blocs, ${c.activities} activités, ${c.competencies} compétences, ${c.modalities} modalités, ${c.criteria} critères`,
        summary: (s: DiffSummary) => joinCounts([
            [s.added, 'ajout', 'ajouts'], [s.removed, 'suppression', 'suppressions'], [s.renamed, 'renommage', 'renommages'], [s.changed, 'modification', 'modifications'],
        ]) || 'aucun changement du modèle',
        findingsSummary: (s: DiffSummary) => {
            const parts = [
                counted(s.introduced.errors, 'erreur apparue', 'erreurs apparues'), counted(s.introduced.warnings, 'avertissement apparu', 'avertissements apparus'),
                counted(s.introduced.infos, 'information apparue', 'informations apparues'), counted(total(s.resolved), 'constat résolu', 'constats résolus'),
            ].filter(Boolean);
            return parts.length ? parts.join(', ') : 'aucun constat apparu ni résolu';
        },
        certificationLevel: 'certification',
    },
    en: {
        was: 'was at', none: 'No change to the référentiels.',
        introduced: 'Findings introduced', resolved: 'Findings resolved', findings: 'findings',
        certAdded: 'certification added', certRemoved: 'certification removed', certRenamed: 'id changed, was',
        holds: (c: NonNullable<CertificationDiff['counts']>) => `${c.blocs} blocs, ${c.activities} activities, ${c.competencies} competencies, ${c.modalities} modalities, ${c.criteria} criteria`,
        summary: (s: DiffSummary) => joinCounts([
            [s.added, 'added', 'added'], [s.removed, 'removed', 'removed'], [s.renamed, 'renamed', 'renamed'], [s.changed, 'changed', 'changed'],
        ]) || 'no change to the model',
        findingsSummary: (s: DiffSummary) => {
            const parts = [
                counted(s.introduced.errors, 'error introduced', 'errors introduced'), counted(s.introduced.warnings, 'warning introduced', 'warnings introduced'),
                counted(s.introduced.infos, 'info introduced', 'infos introduced'), counted(total(s.resolved), 'finding resolved', 'findings resolved'),
            ].filter(Boolean);
            return parts.length ? parts.join(', ') : 'no finding introduced or resolved';
        },
        certificationLevel: 'certification',
    },
};

function counted(n: number, one: string, many: string): string {
    return n === 0 ? '' : `${n} ${n === 1 ? one : many}`;
}

function joinCounts(list: Array<[number, string, string]>): string {
    return list.map(([n, one, many]) => counted(n, one, many)).filter(Boolean).join(', ');
}

function total(c: { errors: number; warnings: number; infos: number }): number {
    return c.errors + c.warnings + c.infos;
}

/** `file:line` of an element, as a report shows it. */
export function at(source: SourceLocation | undefined, pathOf: (uri: string) => string): string {
    return source ? `${pathOf(source.uri)}:${source.nameRange.start.line + 1}` : '';
}

/** The sign of each kind of change in the text report and the panel. */
export const MARKS: Record<ElementChange['status'], string> = { added: '+', removed: '−', renamed: '→', changed: '~' };

/** The headline: what changed in the model, and which findings came and went. */
export function summaryLine(diff: ReferentialDiff, language: Language): string {
    const s = summarize(diff);
    return `${DIFF_WORDS[language].summary(s)}${language === 'fr' ? ' ; ' : '; '}${DIFF_WORDS[language].findingsSummary(s)}`;
}

/** The changes of a certification grouped by bloc (and option), in the order they appear. */
export function groupByBloc(changes: ElementChange[]): Array<{ bloc?: string; option?: string; changes: ElementChange[] }> {
    const groups: Array<{ bloc?: string; option?: string; changes: ElementChange[] }> = [];
    for (const c of changes) {
        let g = groups.find((x) => x.bloc === c.bloc && x.option === (c.kind === 'option' ? undefined : c.option));
        if (!g) groups.push((g = { bloc: c.bloc, option: c.kind === 'option' ? undefined : c.option, changes: [] }));
        g.changes.push(c);
    }
    return groups;
}

export function groupTitle(group: { bloc?: string; option?: string }, language: Language): string {
    if (group.bloc === undefined) return DIFF_WORDS[language].certificationLevel;
    return group.option ? `bloc ${group.bloc} › option ${group.option}` : `bloc ${group.bloc}`;
}

/** "competency C7 (renamed from C4) in activity A1" — the words of one change, without its place. */
export function describeChange(c: ElementChange, language: Language): string {
    const name = c.hasId ? c.name : `« ${c.name} »`;
    const context = c.parent && (c.kind === 'competency' || c.kind === 'criterion' || c.kind === 'part')
        ? ` (${c.kind === 'competency' ? KIND[language].activity : KIND[language].modality} ${c.parent})` : '';
    const status = statusWord(c.status, c.kind, language);
    if (c.status === 'renamed') return `${KIND[language][c.kind]} ${c.oldName ?? '—'} ${status} ${name}${context}`;
    return `${KIND[language][c.kind]} ${name}${context} ${status}`;
}

/** Masculine kinds in French (the others are feminine): the past participle agrees. */
const MASCULINE: DiffElementKind[] = ['bloc', 'criterion'];

function statusWord(status: ElementChange['status'], kind: DiffElementKind, language: Language): string {
    if (language === 'en') return status;
    const stem = { added: 'ajouté', removed: 'supprimé', renamed: 'renommé', changed: 'modifié' }[status];
    return MASCULINE.includes(kind) ? stem : `${stem}e`;
}

export interface WordRun {
    text: string;
    added?: boolean;
    removed?: boolean;
}

/** Two versions of a text, word by word: what stays, what went, what came. */
export function wordDiff(oldText: string, newText: string): WordRun[] {
    return diffWords(oldText, newText).map((p) => ({ text: p.value, ...(p.added ? { added: true } : {}), ...(p.removed ? { removed: true } : {}) }));
}

/** Words kept on each side of a change; a longer unchanged stretch is cut to `…`. */
const CONTEXT_WORDS = 6;

/** A word diff with its long unchanged stretches shortened, so that a one-word edit in a paragraph shows as such. */
export function wordDiffInContext(oldText: string, newText: string): WordRun[] {
    const runs = wordDiff(oldText, newText);
    return runs.map((r, i) => {
        if (r.added || r.removed) return r;
        const words = r.text.split(/(\s+)/); // words and the spaces between them
        const count = words.filter((w) => w.trim() !== '').length;
        const first = i === 0;
        const last = i === runs.length - 1;
        const keep = (first || last ? 1 : 2) * CONTEXT_WORDS;
        if (count <= keep + 1) return r;
        const head = first ? [] : words.slice(0, 2 * CONTEXT_WORDS);
        const tail = last ? [] : words.slice(words.length - 2 * CONTEXT_WORDS);
        return { text: `${head.join('')}${first ? '' : ' '}…${last ? '' : ' '}${tail.join('')}`.replace(/\s+…/, ' …').replace(/…\s+/, '… ') };
    });
}

/** A colon as each language writes it: French puts a space before it. */
function colon(language: Language): string {
    return language === 'fr' ? ' : ' : ': ';
}

/** Severities in words (the report's language; the JSON keeps the severity's own name). */
export const SEVERITY: Record<Language, Record<'error' | 'warning' | 'info' | 'hint', string>> = {
    fr: { error: 'erreur', warning: 'avertissement', info: 'info', hint: 'indice' },
    en: { error: 'error', warning: 'warning', info: 'info', hint: 'hint' },
};

/** The same words, in other paragraphs or list items (a change the Word export shows). */
const LAYOUT: Record<Language, string> = {
    fr: 'mêmes mots, paragraphes ou éléments de liste modifiés',
    en: 'same words, paragraphs or list items changed',
};

/** A field change in words: `judges: + C5, − C4`, `level: 6 → 7`, a text as a word diff (rendered by `runs`). */
export function describeField(f: FieldChange, language: Language, runs: (r: WordRun[]) => string, quote: (s: string) => string = (s) => s): string {
    const label = FIELD[language][f.field];
    if (f.added || f.removed) {
        const list = [...(f.added ?? []).map((x) => `+ ${quote(x)}`), ...(f.removed ?? []).map((x) => `− ${quote(x)}`)];
        return `${label}${colon(language)}${list.join(', ')}`;
    }
    if (f.old !== undefined && f.new !== undefined && f.old.split(/\s+/).join(' ') === f.new.split(/\s+/).join(' ')) return `${label}${colon(language)}${LAYOUT[language]}`;
    if (f.old !== undefined && f.new !== undefined && (f.old.length > 40 || f.new.length > 40)) return `${label}${colon(language)}${runs(wordDiffInContext(f.old, f.new))}`;
    return `${label}${colon(language)}${quote(f.old ?? '—')} → ${quote(f.new ?? '—')}`;
}

/** Whether an added or removed competency or criterion shows its whole text (not when its name already does). */
export function showsText(c: ElementChange): boolean {
    if (c.status !== 'added' && c.status !== 'removed') return false;
    if (!c.text || (c.kind !== 'competency' && c.kind !== 'criterion')) return false;
    return c.hasId || c.name !== c.text.replace(/\s+/g, ' ').trim();
}

function certificationHeading(c: CertificationDiff, language: Language): string {
    const w = DIFF_WORDS[language];
    const status = c.status === 'added' ? ` (${w.certAdded})` : c.status === 'removed' ? ` (${w.certRemoved})` : c.oldId ? ` (${w.certRenamed} ${c.oldId})` : '';
    return `${c.id} — ${c.title}${status}`;
}

// ---------------------------------------------------------------------------------------------
// text

export function diffToText(diff: ReferentialDiff, options: DiffReportOptions): string {
    const { language, paths } = options;
    const w = DIFF_WORDS[language];
    const out: string[] = [];
    if (options.labels) out.push(`certiref diff  ${options.labels.old} → ${options.labels.new}`, '');
    if (isEmptyDiff(diff)) {
        out.push(w.none);
        return out.join('\n') + '\n';
    }
    const textRuns = (r: WordRun[]) => r.map((x) => (x.added ? `{+${x.text}+}` : x.removed ? `[-${x.text}-]` : x.text)).join('');
    const place = (c: ElementChange) => (c.status === 'removed' ? `${w.was} ${at(c.old, paths.old)}` : at(c.new, paths.new));
    const change = (c: ElementChange, indent: string) => {
        const mark = MARKS[c.status];
        out.push(`${indent}${mark} ${describeChange(c, language)}  ${place(c)}`);
        if (showsText(c)) out.push(`${indent}    « ${c.text!.replace(/\s*\n\s*/g, ' ')} »`);
        for (const f of c.fields) out.push(`${indent}    ${describeField(f, language, textRuns)}`);
        for (const child of c.children) change(child, `${indent}  `);
    };
    for (const cert of diff.certifications) {
        out.push(certificationHeading(cert, language));
        if (cert.counts) out.push(`  ${w.holds(cert.counts)}  ${cert.status === 'removed' ? `${w.was} ${at(cert.old, paths.old)}` : at(cert.new, paths.new)}`);
        if (cert.fields.length > 0) {
            out.push(`  ${w.certificationLevel}`);
            for (const f of cert.fields) out.push(`    ~ ${describeField(f, language, textRuns)}`);
        }
        for (const group of groupByBloc(cert.changes)) {
            out.push(`  ${groupTitle(group, language)}`);
            for (const c of group.changes) change(c, '    ');
        }
        out.push('');
    }
    const findings = (title: string, list: Finding[], pathOf: (uri: string) => string) => {
        if (list.length === 0) return;
        out.push(`${title} (${list.length})`);
        for (const f of list) out.push(`  ${pathOf(f.uri)}:${f.range.start.line + 1}:${f.range.start.character + 1}  ${SEVERITY[language][f.severity]}  ${f.message[language]}  ${f.rule}`);
        out.push('');
    };
    findings(w.introduced, diff.findings.introduced, paths.new);
    findings(w.resolved, diff.findings.resolved, paths.old);
    out.push(summaryLine(diff, language));
    return out.join('\n') + '\n';
}

// ---------------------------------------------------------------------------------------------
// Markdown

/** Text that GitHub shows as written, on one line: HTML and Markdown punctuation escaped. */
export function escapeMarkdown(text: string): string {
    return escapeMarkdownText(text).replace(/\r?\n/g, ' ');
}

export function diffToMarkdown(diff: ReferentialDiff, options: DiffReportOptions): string {
    const { language, paths } = options;
    const w = DIFF_WORDS[language];
    const out: string[] = [];
    const headline = summaryLine(diff, language);
    const empty = isEmptyDiff(diff);
    out.push(`### certiref diff${options.labels ? ` — \`${escapeCode(options.labels.old)}\` → \`${escapeCode(options.labels.new)}\`` : ''}`, '');
    out.push(empty ? w.none : `**${escapeMarkdown(headline)}**`, '');
    if (empty) return out.join('\n');
    const mdRuns = (r: WordRun[]) => r.map((x) => (x.added ? `<ins>${escapeMarkdown(x.text)}</ins>` : x.removed ? `<del>${escapeMarkdown(x.text)}</del>` : escapeMarkdown(x.text))).join('');
    const code = (s: string) => `\`${escapeCode(s)}\``;
    const place = (c: ElementChange) => (c.status === 'removed' ? `${w.was} ${code(at(c.old, paths.old))}` : code(at(c.new, paths.new)));
    const change = (c: ElementChange, indent: string) => {
        const mark = { added: '➕', removed: '➖', renamed: '🔁', changed: '✏️' }[c.status];
        out.push(`${indent}- ${mark} ${escapeMarkdown(describeChange(c, language))} · ${place(c)}`);
        if (showsText(c)) out.push(`${indent}  <br>« ${escapeMarkdown(c.text!)} »`);
        for (const f of c.fields) out.push(`${indent}  - ${describeField(f, language, mdRuns, escapeMarkdown)}`);
        for (const child of c.children) change(child, `${indent}  `);
    };
    for (const cert of diff.certifications) {
        const n = cert.changes.length + cert.fields.length;
        const count = cert.counts ? w.holds(cert.counts) : `${n} ${language === 'fr' ? (n > 1 ? 'changements' : 'changement') : n > 1 ? 'changes' : 'change'}`;
        out.push('<details>', `<summary><b>${escapeMarkdown(certificationHeading(cert, language))}</b> — ${escapeMarkdown(count)}</summary>`, '');
        if (cert.fields.length > 0) {
            out.push(`#### ${w.certificationLevel}`, '');
            for (const f of cert.fields) out.push(`- ✏️ ${describeField(f, language, mdRuns, escapeMarkdown)}`);
            out.push('');
        }
        for (const group of groupByBloc(cert.changes)) {
            out.push(`#### ${escapeMarkdown(groupTitle(group, language))}`, '');
            for (const c of group.changes) change(c, '');
            out.push('');
        }
        out.push('</details>', '');
    }
    const findings = (title: string, list: Finding[], pathOf: (uri: string) => string, open: boolean) => {
        if (list.length === 0) return;
        out.push(open ? '<details open>' : '<details>', `<summary><b>${escapeMarkdown(title)} (${list.length})</b></summary>`, '');
        const icon = { error: '🔴', warning: '🟠', info: '🔵', hint: '🔵' };
        for (const f of list) {
            out.push(`- ${icon[f.severity]} ${SEVERITY[language][f.severity]} · ${code(`${pathOf(f.uri)}:${f.range.start.line + 1}:${f.range.start.character + 1}`)} · ${escapeMarkdown(f.message[language])} (${code(f.rule)})`);
        }
        out.push('', '</details>', '');
    };
    findings(w.introduced, diff.findings.introduced, paths.new, diff.findings.introduced.some((f) => f.severity === 'error'));
    findings(w.resolved, diff.findings.resolved, paths.old, false);
    return out.join('\n');
}

function escapeCode(s: string): string {
    return s.replace(/`/g, 'ˋ').replace(/\r?\n/g, ' ');
}

// ---------------------------------------------------------------------------------------------
// JSON

export interface DiffLocationJson {
    file: string;
    line: number;
    column: number;
}

export function diffToJson(diff: ReferentialDiff, options: { paths: DiffPaths; language: Language; labels?: { old: string; new: string }; tool?: { name: string; version: string } }) {
    const { paths, language } = options;
    const loc = (s: SourceLocation | undefined, pathOf: (uri: string) => string): DiffLocationJson | null =>
        (s ? { file: pathOf(s.uri), line: s.nameRange.start.line + 1, column: s.nameRange.start.character + 1 } : null);
    const change = (c: ElementChange): object => ({
        status: c.status,
        kind: c.kind,
        id: c.hasId ? c.name : null,
        name: c.name,
        oldId: c.status === 'renamed' ? c.oldName ?? null : null,
        bloc: c.bloc ?? null,
        option: c.option ?? null,
        parent: c.parent ?? null,
        text: c.status === 'added' || c.status === 'removed' ? c.text ?? null : null,
        old: loc(c.old, paths.old),
        new: loc(c.new, paths.new),
        fields: c.fields,
        children: c.children.map(change),
    });
    const finding = (f: Finding, pathOf: (uri: string) => string) => ({
        file: pathOf(f.uri), line: f.range.start.line + 1, column: f.range.start.character + 1, endLine: f.range.end.line + 1, endColumn: f.range.end.character + 1,
        severity: f.severity, rule: f.rule, message: f.message[language],
    });
    return {
        ...(options.tool ? { tool: options.tool } : {}),
        ...(options.labels ? { old: options.labels.old, new: options.labels.new } : {}),
        summary: summarize(diff),
        empty: isEmptyDiff(diff),
        certifications: diff.certifications.map((c) => ({
            id: c.id, oldId: c.oldId ?? null, title: c.title, status: c.status, old: loc(c.old, paths.old), new: loc(c.new, paths.new),
            counts: c.counts ?? null, fields: c.fields, changes: c.changes.map(change),
        })),
        findings: {
            introduced: diff.findings.introduced.map((f) => finding(f, paths.new)),
            resolved: diff.findings.resolved.map((f) => finding(f, paths.old)),
        },
    };
}
