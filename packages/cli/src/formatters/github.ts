import * as fs from 'node:fs';
import { SEVERITY_WORDS } from 'certiref-language';
import type { CheckResult, Severity } from '../check.js';
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
 */
export function github(result: CheckResult, env: NodeJS.ProcessEnv = process.env): string {
    const lines = result.diagnostics.map((d) =>
        `::${COMMAND[d.severity]} file=${escapeProperty(d.file)},line=${d.line},col=${d.column},endLine=${d.endLine},endColumn=${d.endColumn},title=${escapeProperty(d.rule)}::${escapeData(d.message)}`);
    const summaryFile = env.GITHUB_STEP_SUMMARY;
    if (summaryFile) fs.appendFileSync(summaryFile, markdownSummary(result));
    return (lines.length > 0 ? lines.join('\n') + '\n' : '') + stylish(result, false);
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
            out.push(`| \`${d.file}\` | ${d.line}:${d.column} | ${SEVERITY_WORDS[d.severity][language]} | \`${d.rule}\` | ${d.message.replace(/\|/g, '\\|').replace(/\n/g, ' ')} |`);
        }
    }
    return out.join('\n') + '\n\n';
}
