import * as fs from 'node:fs';
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
 */
export function github(result: CheckResult, env: NodeJS.ProcessEnv = process.env): string {
    const lines = result.diagnostics.map((d) =>
        `::${COMMAND[d.severity]} file=${escapeProperty(d.file)},line=${d.line},col=${d.column},endLine=${d.endLine},endColumn=${d.endColumn},title=${escapeProperty(d.rule)}::${escapeData(d.message)}`);
    const summaryFile = env.GITHUB_STEP_SUMMARY;
    if (summaryFile) fs.appendFileSync(summaryFile, markdownSummary(result));
    return (lines.length > 0 ? lines.join('\n') + '\n' : '') + stylish(result, false);
}

export function markdownSummary(result: CheckResult): string {
    const fr = result.language === 'fr';
    const { errors, warnings, infos } = result.summary;
    const out: string[] = [];
    out.push(fr ? '## certiref\u00a0: vérification des référentiels' : '## certiref: référentiel check', '');
    out.push(errors + warnings + infos === 0
        ? (fr ? `✅ Aucun constat dans ${result.files.length} fichier(s).` : `✅ No problems in ${result.files.length} file(s).`)
        : (fr ? `${errors > 0 ? '❌' : '⚠️'} **${errors}** erreur(s), **${warnings}** avertissement(s), **${infos}** info(s) dans ${result.files.length} fichier(s).`
            : `${errors > 0 ? '❌' : '⚠️'} **${errors}** error(s), **${warnings}** warning(s), **${infos}** info(s) in ${result.files.length} file(s).`));
    if (result.diagnostics.length > 0) {
        out.push('', fr ? '| fichier | ligne | sévérité | règle | message |' : '| file | line | severity | rule | message |', '| --- | --- | --- | --- | --- |');
        for (const d of result.diagnostics) {
            out.push(`| \`${d.file}\` | ${d.line}:${d.column} | ${(fr ? SEVERITY_FR : SEVERITY_EN)[d.severity]} | \`${d.rule}\` | ${d.message.replace(/\|/g, '\\|').replace(/\n/g, ' ')} |`);
        }
    }
    return out.join('\n') + '\n\n';
}
