import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { URI, type LangiumDocument } from 'langium';
import { createNodeServices, loadDocuments } from 'certiref-language/node';
import type { CertificationModel, CertirefDiagnosticData } from 'certiref-language';

export const ROOT = path.resolve(__dirname, '..');
export const CLI = path.join(ROOT, 'packages/cli/bin/certiref.cjs');

export interface SimpleFinding {
    file: string;
    line: number;
    rule: string;
    severity: number;
    message: string;
}

/**
 * The rules of how a text is written and of the France Compétences dossier: they speak of nearly
 * every short text a test writes (« Première. », "x", a header with no niveau), so the tests of the
 * other rules leave them off; their own tests (test/language/drafting-rules.test.ts) and the
 * examples switch them on.
 */
export const WRITING_RULES = ['competency-action-verb', 'competency-state-verb', 'competency-purpose', 'vague-criterion', 'placeholder-text', 'duplicate-text',
    'missing-certification-field', 'bloc-code-pattern', 'text-too-long', 'required-themes'] as const;
export const WRITING_RULES_OFF: Record<string, 'off'> = Object.fromEntries(WRITING_RULES.map((r) => [r, 'off']));
/** A certiref.json that leaves them off, for the CLI tests of output formats and options. */
export const WRITING_RULES_OFF_CONFIG = JSON.stringify({ rules: WRITING_RULES_OFF });

/** Builds text documents (name → text) together in fresh services and returns their findings. */
export async function checkTexts(files: Record<string, string>, options: { language?: 'fr' | 'en'; rules?: Record<string, 'off' | 'error' | 'warning' | 'info' | 'hint'>; writingRules?: boolean } = {}) {
    const { Certiref, shared, config } = createNodeServices();
    config.forcedLanguage = options.language ?? 'en';
    config.overrides = { ...(options.writingRules ? {} : WRITING_RULES_OFF), ...(options.rules ?? {}) };
    const documents: LangiumDocument[] = [];
    for (const [name, text] of Object.entries(files)) {
        const doc = shared.workspace.LangiumDocumentFactory.fromString(text, URI.file(path.join('/virtual', name)));
        shared.workspace.LangiumDocuments.addDocument(doc);
        documents.push(doc);
    }
    await shared.workspace.DocumentBuilder.build(documents, { validation: true });
    const findings: SimpleFinding[] = documents.flatMap((doc) => (doc.diagnostics ?? []).map((d) => ({
        file: path.basename(doc.uri.path),
        line: d.range.start.line + 1,
        rule: (d.data as CertirefDiagnosticData).rule,
        severity: d.severity ?? 1,
        message: d.message,
    })));
    const models = Certiref.referential.Models.all();
    return { findings, models, services: Certiref, documents };
}

export async function checkText(text: string, options?: Parameters<typeof checkTexts>[1]) {
    return checkTexts({ 'a.ref': text }, options);
}

export async function loadFiles(files: string[]) {
    const { Certiref } = createNodeServices();
    const { documents } = await loadDocuments(Certiref, files);
    return { services: Certiref, documents, models: Certiref.referential.Models.all() as CertificationModel[] };
}

/**
 * Like `loadFiles`, with the registry rules on: the index of the extract of the RNCP export
 * (examples/rncp/), built in a temporary folder.
 */
export async function loadFilesWithRegistry(files: string[]) {
    const os = await import('node:os');
    const fs = await import('node:fs');
    const engine = await import('certiref-similar');
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'certiref-registry-'));
    try {
        const { index } = await engine.openRegistryExport(path.join(ROOT, 'examples/rncp/export_fiches_RNCP_extract.xml'), { indexFolder: folder });
        const { Certiref } = createNodeServices();
        Certiref.referential.Similarity.use(engine, index);
        const { documents } = await loadDocuments(Certiref, files);
        index.close();
        return { services: Certiref, documents };
    } finally {
        fs.rmSync(folder, { recursive: true, force: true });
    }
}

export function rules(findings: SimpleFinding[]): string[] {
    return findings.map((f) => f.rule);
}

/**
 * Runs the CLI in this process (cli.ts's `main`, from the sources): for the CLI's behaviour,
 * where the process boundary is not what is tested. The current folder and the environment are
 * the command's for its run (`LANG=C` unless given, as `runCli`), its output captured; the
 * result has the shape of `runCli`'s. Tests of the process itself (the bundle, worker threads,
 * a terminal, exit on a closed pipe, the language server) use `runCli`.
 */
export async function cli(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): Promise<{ status: number; stdout: string; stderr: string }> {
    const { main } = await import('../packages/cli/src/cli.js');
    const env = { LANG: 'C', LC_ALL: '', LC_MESSAGES: '', ...options.env };
    const saved = { cwd: process.cwd(), env: Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]])), out: process.stdout.write, err: process.stderr.write };
    const output = { stdout: '', stderr: '' };
    const capture = (stream: 'stdout' | 'stderr') => ((chunk: string | Uint8Array, ...rest: unknown[]) => {
        output[stream] += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
        const done = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
        done?.();
        return true;
    }) as typeof process.stdout.write;
    process.chdir(options.cwd ?? ROOT);
    Object.assign(process.env, env);
    process.stdout.write = capture('stdout');
    process.stderr.write = capture('stderr');
    try {
        return { status: await main(args), ...output };
    } finally {
        process.stdout.write = saved.out;
        process.stderr.write = saved.err;
        for (const [k, v] of Object.entries(saved.env)) {
            if (v === undefined) delete process.env[k];
            else process.env[k] = v;
        }
        process.chdir(saved.cwd);
    }
}

/** Runs the built CLI as a user would: the bundle, in a process of its own. */
export function runCli(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}) {
    const result = spawnSync(process.execPath, [CLI, ...args], {
        cwd: options.cwd ?? ROOT,
        env: { ...process.env, LANG: 'C', LC_ALL: '', LC_MESSAGES: '', ...options.env },
        encoding: 'utf8',
        timeout: 60_000,
    });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export const HEADER = `certification R "Exemple"
  accessibilité "Aménagements pour les candidats en situation de handicap."
`;

/** A one-bloc référentiel with competencies C1, C2 of activity A1, followed by `body` (modalities …). */
export const bloc = (body: string) => `${HEADER}
bloc 1 "Bloc"
  activité A1 "Activité"
    compétence C1 "Première."
    compétence C2 "Deuxième."
${body}`;
