import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import { escapeMarkdownText, largest, printable, SEVERITY_WORDS } from 'certiref-language';
import type { CheckResult, Severity } from '../result.js';
import { TEXTS } from '../texts.js';
import { stylish } from './stylish.js';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };

/** GitHub's escaping of workflow command data and properties. */
function escapeData(s: string): string {
    return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(s: string): string {
    return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * GitHub Actions: one `::error`/`::warning`/`::notice` annotation per finding (GitHub shows the
 * first ten of a step), then the full stylish report; with `$GITHUB_STEP_SUMMARY` set, a
 * Markdown summary is appended to it.
 *
 * Nothing a référentiel holds becomes a workflow command: the annotations' data is escaped, and
 * the report after them is printed between `::stop-commands::TOKEN` and `::TOKEN::` (GitHub's way
 * to print untrusted text), with a token drawn at random, so that a title or a file name holding
 * a line `::error …` or `::add-mask::…` is shown, not run.
 */
export function github(result: CheckResult, env: NodeJS.ProcessEnv = process.env): string {
    const lines = result.diagnostics.map((d) =>
        `::${COMMAND[d.severity]} file=${escapeProperty(d.file)},line=${d.line},col=${d.column},endLine=${d.endLine},endColumn=${d.endColumn},title=${escapeProperty(d.rule)}::${escapeData(printable(d.message))}`);
    const summaryFile = env.GITHUB_STEP_SUMMARY;
    if (summaryFile) fs.appendFileSync(summaryFile, markdownSummary(result));
    const token = randomBytes(16).toString('hex');
    return (lines.length > 0 ? lines.join('\n') + '\n' : '') + `::stop-commands::${token}\n${stylish(result, false)}::${token}::\n`;
}

/** One table cell of text from a référentiel or a file name: escaped, on one line. */
function cell(text: string): string {
    return escapeMarkdownText(printable(text.replace(/\r\n?|\n/g, ' ')));
}

/**
 * A file name as a code span (where GitHub links and mentions nothing, and shows HTML as
 * written), fenced with more backticks than it holds in a row, on one line, its pipes escaped.
 */
function code(text: string): string {
    const flat = printable(text.replace(/\r\n?|\n/g, ' ')).replace(/\|/g, '\\|');
    const longest = largest((flat.match(/`+/g) ?? []).map((run) => run.length), 0);
    const fence = '`'.repeat(longest + 1);
    return longest > 0 ? `${fence} ${flat} ${fence}` : `${fence}${flat}${fence}`;
}

export function markdownSummary(result: CheckResult): string {
    const language = result.language;
    const { errors, warnings, infos } = result.summary;
    const out: string[] = [];
    out.push(TEXTS.githubTitle[language], '');
    out.push((errors + warnings + infos === 0
        ? TEXTS.githubClean(result.files.length)
        : TEXTS.githubCounts(errors > 0 ? '❌' : '⚠️', errors, warnings, infos, result.files.length))[language]);
    if (result.diagnostics.length > 0) {
        out.push('', TEXTS.githubHeader[language], '| --- | --- | --- | --- | --- |');
        for (const d of result.diagnostics) {
            // texts as GitHub shows them as written: no HTML, image, link or @mention from a title
            out.push(`| ${code(d.file)} | ${d.line}:${d.column} | ${SEVERITY_WORDS[d.severity][language]} | \`${d.rule}\` | ${cell(d.message)} |`);
        }
    }
    return out.join('\n') + '\n\n';
}
