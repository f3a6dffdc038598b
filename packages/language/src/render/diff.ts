import type { Finding } from '../finding.js';
import type { SourceLocation } from '../model/types.js';
import { isEmptyDiff, type ElementChange, type ReferentialDiff } from '../diff/compare.js';
import {
    at, DIFF_WORDS, describeChange, MARKS, describeField, groupByBloc, groupTitle, showsText, summaryLine, type DiffReportOptions, type WordRun,
} from '../diff/report.js';
import { escapeHtml } from './grid.js';

/**
 * The report of a diff as HTML, for VS Code's "Compare with…" panel: the same words and order as
 * the text and Markdown reports, every text of the référentiel escaped. Changes on the new side
 * carry their place (data-uri, data-line) so that a click shows the line.
 */
export function renderDiff(diff: ReferentialDiff, options: DiffReportOptions & { interactive: boolean }): string {
    const { language, paths } = options;
    const w = WORDS[language];
    const out: string[] = [];
    const empty = isEmptyDiff(diff);
    out.push(`<h1>${w.title}${options.labels ? ` <span class="id">${escapeHtml(options.labels.old)} → ${escapeHtml(options.labels.new)}</span>` : ''}</h1>`);
    out.push(`<p class="summary">${escapeHtml(empty ? w.none : summaryLine(diff, language))}</p>`);
    if (empty) return out.join('\n');
    const runs = (r: WordRun[]) => r.map((x) => (x.added ? `<ins>${escapeHtml(x.text)}</ins>` : x.removed ? `<del>${escapeHtml(x.text)}</del>` : escapeHtml(x.text))).join('');
    const target = (s: SourceLocation | undefined) => (options.interactive && s ? ` data-uri="${escapeHtml(s.uri)}" data-line="${s.nameRange.start.line}" tabindex="0"` : '');
    const place = (c: ElementChange) => (c.status === 'removed'
        ? `<span class="where">${escapeHtml(w.was)} ${escapeHtml(at(c.old, paths.old))}</span>`
        : `<span class="where">${escapeHtml(at(c.new, paths.new))}</span>`);
    const change = (c: ElementChange): string => {
        const parts = [`<li class="change ${c.status}"${c.status === 'removed' ? '' : target(c.new)}>`,
            `<span class="mark" aria-hidden="true">${MARKS[c.status]}</span> ${escapeHtml(describeChange(c, language))} ${place(c)}`];
        if (showsText(c)) parts.push(`<blockquote>${escapeHtml(c.text!)}</blockquote>`);
        if (c.fields.length > 0) parts.push(`<ul class="fields">${c.fields.map((f) => `<li>${describeField(f, language, runs, escapeHtml)}</li>`).join('')}</ul>`);
        if (c.children.length > 0) parts.push(`<ul class="changes">${c.children.map(change).join('')}</ul>`);
        parts.push('</li>');
        return parts.join('');
    };
    for (const cert of diff.certifications) {
        const status = cert.status === 'added' ? w.certAdded : cert.status === 'removed' ? w.certRemoved : cert.oldId ? `${w.certRenamed} ${cert.oldId}` : '';
        out.push(`<h2>${escapeHtml(cert.id)} — ${escapeHtml(cert.title)}${status ? ` <span class="id">(${escapeHtml(status)})</span>` : ''}</h2>`);
        if (cert.counts) out.push(`<p class="meta">${escapeHtml(w.holds(cert.counts))}</p>`);
        if (cert.fields.length > 0) {
            out.push(`<h3>${w.certification}</h3>`, `<ul class="changes">${cert.fields.map((f) => `<li class="change changed"><span class="mark" aria-hidden="true">~</span> ${describeField(f, language, runs, escapeHtml)}</li>`).join('')}</ul>`);
        }
        for (const group of groupByBloc(cert.changes)) {
            out.push(`<h3>${escapeHtml(groupTitle(group, language))}</h3>`, `<ul class="changes">${group.changes.map(change).join('')}</ul>`);
        }
    }
    const findings = (title: string, list: Finding[], pathOf: (uri: string) => string, live: boolean) => {
        if (list.length === 0) return;
        out.push(`<h2>${escapeHtml(title)} (${list.length})</h2>`, '<ul class="findings">');
        for (const f of list) {
            const where = options.interactive && live ? ` data-uri="${escapeHtml(f.uri)}" data-line="${f.range.start.line}" tabindex="0"` : '';
            out.push(`<li class="finding ${f.severity}"${where}><span class="severity">${escapeHtml(w[f.severity])}</span> <code>${escapeHtml(`${pathOf(f.uri)}:${f.range.start.line + 1}:${f.range.start.character + 1}`)}</code> ${escapeHtml(f.message[language])} <code>${escapeHtml(f.rule)}</code></li>`);
        }
        out.push('</ul>');
    };
    findings(w.introduced, diff.findings.introduced, paths.new, true);
    findings(w.resolved, diff.findings.resolved, paths.old, false);
    return out.join('\n');
}


/** The report's words, and the labels only the panel shows. */
const WORDS = {
    fr: {
        ...DIFF_WORDS.fr, title: 'Changements du référentiel', certification: 'Certification', error: 'Erreur', warning: 'Avertissement', info: 'Info', hint: 'Indice',
    },
    en: {
        ...DIFF_WORDS.en, title: 'Changes to the référentiel', certification: 'Certification', error: 'Error', warning: 'Warning', info: 'Info', hint: 'Hint',
    },
};
