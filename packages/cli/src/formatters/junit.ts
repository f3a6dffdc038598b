import { CHECK_RULES } from 'certiref-language';
import type { CheckResult, CliDiagnostic } from '../result.js';

function xml(text: string): string {
    return text
        .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
        .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/**
 * JUnit XML as GitLab and Jenkins read it: a test suite per file, a test case per rule; a rule
 * with findings in that file fails, with one line per finding. The exit code, not the report,
 * fails the job.
 */
export function junit(result: CheckResult): string {
    const rules = result.rules ?? CHECK_RULES;
    const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
    const totalFailures = result.diagnostics.length > 0 ? new Set(result.diagnostics.map((d) => `${d.file}\u0000${d.rule}`)).size : 0;
    out.push(`<testsuites name="certiref" tests="${result.files.length * rules.length}" failures="${totalFailures}" errors="0">`);
    for (const file of result.files) {
        const byRule = new Map<string, CliDiagnostic[]>();
        for (const d of result.diagnostics) {
            if (d.file !== file) continue;
            byRule.set(d.rule, [...(byRule.get(d.rule) ?? []), d]);
        }
        out.push(`  <testsuite name="${xml(file)}" tests="${rules.length}" failures="${byRule.size}" errors="0">`);
        for (const rule of rules) {
            const found = byRule.get(rule.id);
            const name = `${xml(file)} ${rule.id}`;
            if (!found) {
                out.push(`    <testcase classname="certiref.${rule.id}" name="${name}" file="${xml(file)}"/>`);
                continue;
            }
            const worst = found.some((d) => d.severity === 'error') ? 'error' : found[0].severity;
            const body = found.map((d) => `${file}:${d.line}:${d.column} ${d.severity} ${d.message}`).join('\n');
            out.push(`    <testcase classname="certiref.${rule.id}" name="${name}" file="${xml(file)}">`);
            out.push(`      <failure type="${worst}" message="${xml(`${found.length} × ${rule.id}: ${found[0].message}`)}">${xml(body)}</failure>`);
            out.push('    </testcase>');
        }
        out.push('  </testsuite>');
    }
    out.push('</testsuites>');
    return out.join('\n') + '\n';
}
