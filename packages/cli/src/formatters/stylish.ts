import * as path from 'node:path';
import { largest, printable } from 'certiref-language';
import type { CheckResult } from '../check.js';

/** Colour on a terminal only, unless NO_COLOR is set. */
export const useColor = (stream: NodeJS.WriteStream) => stream.isTTY === true && !('NO_COLOR' in process.env);

/**
 * ESLint's default report: findings grouped by file, `line:col  severity  message  rule`, then a
 * summary. File names and messages go through `printable`: no escape sequence from a title or a
 * file name reaches the terminal.
 */
export function stylish(result: CheckResult, color = useColor(process.stdout)): string {
    const c = (code: string, s: string) => (color ? `\u001b[${code}m${s}\u001b[0m` : s);
    const lines: string[] = [];
    const fr = result.language === 'fr';
    const label = { error: fr ? 'erreur' : 'error', warning: fr ? 'avertissement' : 'warning', info: 'info', hint: fr ? 'indice' : 'hint' };
    const byFile = new Map<string, typeof result.diagnostics>();
    for (const d of result.diagnostics) {
        const list = byFile.get(d.file) ?? [];
        list.push(d);
        byFile.set(d.file, list);
    }
    for (const [file, diagnostics] of byFile) {
        lines.push('', c('4', printable(file)));
        const posWidth = largest(diagnostics.map((d) => `${d.line}:${d.column}`.length));
        const sevWidth = largest(diagnostics.map((d) => label[d.severity].length));
        for (const d of diagnostics) {
            const sevColor = d.severity === 'error' ? '31' : d.severity === 'warning' ? '33' : '36';
            lines.push(`  ${c('2', `${d.line}:${d.column}`.padEnd(posWidth))}  ${c(sevColor, label[d.severity].padEnd(sevWidth))}  ${printable(d.message)}  ${c('2', d.rule)}`);
        }
    }
    const { errors, warnings, infos } = result.summary;
    const total = errors + warnings + infos;
    if (total > 0) {
        lines.push('');
        const text = fr
            ? `✖ ${total} constat${total > 1 ? 's' : ''} (${errors} erreur${errors > 1 ? 's' : ''}, ${warnings} avertissement${warnings > 1 ? 's' : ''}, ${infos} info${infos > 1 ? 's' : ''}) dans ${result.files.length} fichier${result.files.length > 1 ? 's' : ''}`
            : `✖ ${total} problem${total > 1 ? 's' : ''} (${errors} error${errors !== 1 ? 's' : ''}, ${warnings} warning${warnings !== 1 ? 's' : ''}, ${infos} info) in ${result.files.length} file${result.files.length !== 1 ? 's' : ''}`;
        lines.push(c(errors > 0 ? '1;31' : '1;33', text));
    } else {
        lines.push(fr
            ? `✔ Aucun constat dans ${result.files.length} fichier${result.files.length > 1 ? 's' : ''}.`
            : `✔ No problems in ${result.files.length} file${result.files.length !== 1 ? 's' : ''}.`);
    }
    return lines.join('\n').replace(/^\n/, '') + '\n';
}

export function relative(file: string): string {
    const rel = path.relative(process.cwd(), file);
    return (rel === '' ? '.' : rel).split(path.sep).join('/');
}
