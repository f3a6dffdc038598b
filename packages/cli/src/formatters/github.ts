import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import { escapeMarkdownText, largest, printable } from 'certiref-language';
import type { CheckResult, Severity } from '../check.js';
import { stylish } from './stylish.js';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };
const SEVERITY_EN: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'info', hint: 'hint' };
const SEVERITY_FR: Record<Severity, string> = { error: 'erreur', warning: 'avertissement', info: 'info', hint: 'indice' };

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
    const fr = result.language === 'fr';
    const { errors, warnings, infos } = result.summary;
    const out: string[] = [];
    out.push(fr ? '## certiref : vérification des référentiels' : '## certiref: référentiel check', '');
    out.push(errors + warnings + infos === 0
        ? (fr ? `✅ Aucun constat dans ${result.files.length} fichier(s).` : `✅ No problems in ${result.files.length} file(s).`)
        : (fr ? `${errors > 0 ? '❌' : '⚠️'} **${errors}** erreur(s), **${warnings}** avertissement(s), **${infos}** info(s) dans ${result.files.length} fichier(s).`
            : `${errors > 0 ? '❌' : '⚠️'} **${errors}** error(s), **${warnings}** warning(s), **${infos}** info(s) in ${result.files.length} file(s).`));
    if (result.diagnostics.length > 0) {
        out.push('', fr ? '| fichier | ligne | sévérité | règle | message |' : '| file | line | severity | rule | message |', '| --- | --- | --- | --- | --- |');
        for (const d of result.diagnostics) {
            // texts as GitHub shows them as written: no HTML, image, link or @mention from a title
            out.push(`| ${code(d.file)} | ${d.line}:${d.column} | ${(fr ? SEVERITY_FR : SEVERITY_EN)[d.severity]} | \`${d.rule}\` | ${cell(d.message)} |`);
        }
    }
    return out.join('\n') + '\n\n';
}
