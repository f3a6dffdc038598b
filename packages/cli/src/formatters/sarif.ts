import { pathToFileURL } from 'node:url';
import { CHECK_RULES, type Language } from 'certiref-language';
import type { CheckResult, Severity } from '../result.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/**
 * SARIF 2.1.0 for code scanning: every rule in `tool.driver.rules`, results with a stable
 * `ruleId`, paths relative to the folder the check ran in (`%SRCROOT%`), and
 * `partialFingerprints` so that a finding keeps its identity when unrelated lines move.
 */
export function sarif(result: CheckResult, version: string): string {
    const language: Language = result.language;
    const rules = (result.rules ?? CHECK_RULES).map((r) => ({
        id: r.id,
        name: r.id.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase()),
        shortDescription: { text: r.title[language] },
        fullDescription: { text: r.help[language] },
        help: {
            text: `${r.help.en}\n\n${r.help.fr}`,
            // the example files live in certiref's own repository, not in the one being checked:
            // point to the README's section of the rule rather than to a path that is not there
            markdown: `**EN** ${r.help.en}\n\n**FR** ${r.help.fr}\n\ncertiref README, Rules / Règles › \`${r.id}\`.`,
        },
        defaultConfiguration: { level: LEVEL[r.defaultSeverity], enabled: true },
        properties: { tags: ['certiref'] },
    }));
    const index = new Map(rules.map((r, i) => [r.id, i]));
    const log = {
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [{
            tool: { driver: { name: 'certiref', version, semanticVersion: version, language, rules } },
            originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(process.cwd() + '/').toString() } },
            artifacts: result.files.map((f) => ({ location: { uri: encodeUri(f), uriBaseId: '%SRCROOT%' }, mimeType: 'text/x-certiref' })),
            columnKind: 'utf16CodeUnits',
            results: result.diagnostics.map((d) => ({
                ruleId: d.rule,
                ...(index.has(d.rule) ? { ruleIndex: index.get(d.rule) } : {}),
                level: LEVEL[d.severity],
                message: { text: d.message },
                locations: [{
                    physicalLocation: {
                        artifactLocation: { uri: encodeUri(d.file), uriBaseId: '%SRCROOT%', index: result.files.indexOf(d.file) },
                        region: { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn },
                    },
                }],
                partialFingerprints: { 'certiref/v1': d.fingerprint },
                ...(d.similarity ? { properties: { similarity: d.similarity } } : {}),
            })),
        }],
    };
    return JSON.stringify(log, null, 2) + '\n';
}

function encodeUri(relative: string): string {
    return relative.split('/').map(encodeURIComponent).join('/');
}
