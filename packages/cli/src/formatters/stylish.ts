import { largest, printable, SEVERITY_WORDS } from 'certiref-language';
import type { CheckResult } from '../result.js';
import { TEXTS } from '../texts.js';

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
    const language = result.language;
    const label = (severity: keyof typeof SEVERITY_WORDS) => SEVERITY_WORDS[severity][language];
    const byFile = new Map<string, typeof result.diagnostics>();
    for (const d of result.diagnostics) {
        const list = byFile.get(d.file) ?? [];
        list.push(d);
        byFile.set(d.file, list);
    }
    for (const [file, diagnostics] of byFile) {
        lines.push('', c('4', printable(file)));
        const posWidth = largest(diagnostics.map((d) => `${d.line}:${d.column}`.length));
        const sevWidth = largest(diagnostics.map((d) => label(d.severity).length));
        for (const d of diagnostics) {
            const sevColor = d.severity === 'error' ? '31' : d.severity === 'warning' ? '33' : '36';
            lines.push(`  ${c('2', `${d.line}:${d.column}`.padEnd(posWidth))}  ${c(sevColor, label(d.severity).padEnd(sevWidth))}  ${printable(d.message)}  ${c('2', d.rule)}`);
        }
    }
    const { errors, warnings, infos } = result.summary;
    const total = errors + warnings + infos;
    if (total > 0) {
        lines.push('');
        const text = TEXTS.summary(total, errors, warnings, infos, result.files.length)[language];
        lines.push(c(errors > 0 ? '1;31' : '1;33', text));
        // silence on what is missing is not a clean bill: say which certifications wait for a fix
        for (const p of result.paused) {
            lines.push(c('1;33', TEXTS.paused(printable(p.certification), p.files.map((f) => printable(f)).join(', ') || '…')[language]));
        }
    } else {
        lines.push(TEXTS.noFinding(result.files.length)[language]);
    }
    return lines.join('\n').replace(/^\n/, '') + '\n';
}

