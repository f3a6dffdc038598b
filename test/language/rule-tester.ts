import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { URI } from 'langium';
import { describe, expect, it } from 'vitest';
import { MODEL_RULES, type Finding, type Language, type ModelRule, type Severity, type SeveritySetting } from 'certiref-language';
import { createNodeServices } from 'certiref-language/node';

/**
 * Rule tests in the style of ESLint's RuleTester and rust-analyzer's diagnostics tests: for
 * one rule, référentiels it must stay silent on (`valid`) and référentiels it must report
 * (`invalid`), each with the findings expected of that rule — where (file, line and column of
 * the start, and of the end when given, 1-based), and what (message, severity, data) when
 * given. Only the rule under test is looked at; the findings are the validator's values.
 *
 *   ruleTester('competency-without-criterion', {
 *       valid: [{ name: 'a criterion judges each competency', code: bloc(…) }],
 *       invalid: [{ name: 'C2 has no criterion', code: bloc(…), errors: [{ line: 7, column: 17, message: /C2/ }] }],
 *   });
 */
export interface RuleCase {
    name: string;
    /** The text of `a.ref`, or several files by name. */
    code: string | Record<string, string>;
    language?: Language;
    /** Severity settings, as the command line or the editor gives them. */
    rules?: Record<string, SeveritySetting>;
    /** A certiref.json beside the files (they are then written to a temporary folder). */
    certirefJson?: string;
    /** Compared with the registry: the index of the RNCP extract (examples/rncp/), for the registry rules. */
    registry?: boolean;
}

/** The index of the extract of the RNCP export, built once for the registry rules' cases. */
let extractIndex: Promise<{ engine: typeof import('certiref-similar'); index: import('certiref-similar').RegistryIndex }> | undefined;
function registryIndex() {
    extractIndex ??= (async () => {
        const engine = await import('certiref-similar');
        const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'certiref-rule-registry-'));
        const { index } = await engine.openRegistryExport(path.join(__dirname, '../../examples/rncp/export_fiches_RNCP_extract.xml'), { indexFolder: folder });
        return { engine, index };
    })();
    return extractIndex;
}

export interface ExpectedFinding {
    /** The file's name (default: the first file). */
    file?: string;
    line: number;
    column: number;
    endLine?: number;
    endColumn?: number;
    message?: string | RegExp;
    severity?: Severity;
    data?: Record<string, unknown>;
}

export interface InvalidCase extends RuleCase {
    errors: ExpectedFinding[];
}

/** The rules tested this way, with how many cases of each kind (for the test that every rule has its tests). */
export const TESTED = new Map<string, { valid: number; invalid: number }>();

/**
 * The findings of every file, built together in fresh services, as values. With `only`, a model
 * rule, that rule alone runs on the model (as ESLint's RuleTester runs one rule): its findings
 * are the same, and a test of one rule executes that rule's code only, which keeps each rule's
 * mutants to its own cases (`npm run mutation`).
 */
export async function findingsOf(test: RuleCase, only?: string): Promise<Array<Finding & { file: string }>> {
    const { shared, Certiref, config } = createNodeServices();
    const model = MODEL_RULES.filter((r) => r.id === only);
    if (model.length > 0) (Certiref.referential.Rules as unknown as { rules: readonly ModelRule[] }).rules = model;
    if (test.registry) {
        const { engine, index } = await registryIndex();
        Certiref.referential.Similarity.use(engine, index);
    }
    config.forcedLanguage = test.language ?? 'en';
    config.overrides = test.rules ?? {};
    const files = typeof test.code === 'string' ? { 'a.ref': test.code } : test.code;
    let folder = '/virtual';
    if (test.certirefJson !== undefined) {
        folder = fs.mkdtempSync(path.join(os.tmpdir(), 'certiref-rule-'));
        fs.writeFileSync(path.join(folder, 'certiref.json'), test.certirefJson);
    }
    const documents = Object.entries(files).map(([name, text]) => {
        const document = shared.workspace.LangiumDocumentFactory.fromString(text, URI.file(path.join(folder, name)));
        shared.workspace.LangiumDocuments.addDocument(document);
        return document;
    });
    await shared.workspace.DocumentBuilder.build(documents, { validation: true });
    if (test.certirefJson !== undefined) fs.rmSync(folder, { recursive: true, force: true });
    return documents.flatMap((d) => Certiref.referential.Findings.of(d).map((f) => ({ ...f, file: path.basename(d.uri.path) })));
}

export function ruleTester(rule: string, cases: { valid: RuleCase[]; invalid: InvalidCase[] }): void {
    TESTED.set(rule, { valid: cases.valid.length, invalid: cases.invalid.length });
    describe(rule, () => {
        for (const test of cases.valid) {
            it(`valid: ${test.name}`, async () => {
                const found = (await findingsOf(test, rule)).filter((f) => f.rule === rule);
                expect(found.map(describeFinding)).toEqual([]);
            });
        }
        for (const test of cases.invalid) {
            it(`invalid: ${test.name}`, async () => {
                const firstFile = typeof test.code === 'string' ? 'a.ref' : Object.keys(test.code)[0];
                const found = (await findingsOf(test, rule)).filter((f) => f.rule === rule);
                // where first, all at once: a wrong place reads as a list of places
                expect(found.map((f, i) => place(f, test.errors[i]))).toEqual(test.errors.map((e) => expectedPlace(e, firstFile)));
                test.errors.forEach((e, i) => {
                    const f = found[i];
                    const message = f.message[test.language ?? 'en'];
                    if (typeof e.message === 'string') expect(message).toBe(e.message);
                    else if (e.message) expect(message).toMatch(e.message);
                    if (e.severity) expect(f.severity).toBe(e.severity);
                    if (e.data) expect(f.data).toMatchObject(e.data);
                    // every finding says what and what to do, in both languages, in whole sentences
                    // (no word left out: no doubled or leading blank), naming the same ids
                    expect(f.message.fr.length).toBeGreaterThan(20);
                    expect(f.message.en.length).toBeGreaterThan(20);
                    for (const text of [f.message.fr, f.message.en]) expect(text, 'a word left out').not.toMatch(/^\s|\s$| {2}| [,.]/);
                    expect(idsIn(f.message.fr), 'the same ids in French and English').toEqual(idsIn(f.message.en));
                });
            });
        }
    });
}

/** The ids a message names (C1, CR2-1, AS1-1 …), sorted, each once. */
function idsIn(text: string): string[] {
    return [...new Set(text.match(/\b[A-Z]{1,4}\d[\w.-]*\b/g) ?? [])].sort();
}

/** `file:line:column`, and `-line:column` of the end when the expectation gives one; 1-based. */
function place(f: { file: string; range: Finding['range'] }, expected: ExpectedFinding | undefined): string {
    const start = `${f.file}:${f.range.start.line + 1}:${f.range.start.character + 1}`;
    return expected?.endLine !== undefined || expected?.endColumn !== undefined ? `${start}-${f.range.end.line + 1}:${f.range.end.character + 1}` : start;
}

function expectedPlace(e: ExpectedFinding, firstFile: string): string {
    const start = `${e.file ?? firstFile}:${e.line}:${e.column}`;
    return e.endLine !== undefined || e.endColumn !== undefined ? `${start}-${e.endLine ?? e.line}:${e.endColumn}` : start;
}

function describeFinding(f: Finding & { file: string }): string {
    return `${place(f, undefined)} ${f.message.en}`;
}
