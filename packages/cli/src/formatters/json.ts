import type { CheckResult } from '../result.js';

/** The `json` format: a stable shape for tools (fields may be added, none removed). */
export function json(result: CheckResult, version: string): string {
    return JSON.stringify({
        tool: { name: 'certiref', version },
        files: result.files,
        diagnostics: result.diagnostics,
        summary: result.summary,
        // certifications whose completeness rules wait for a syntax error to be fixed
        paused: result.paused.map((p) => ({ certification: p.certification, files: p.files })),
        ...('registry' in result ? { registry: result.registry } : {}),
    }, null, 2) + '\n';
}
