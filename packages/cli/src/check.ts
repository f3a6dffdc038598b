import * as path from 'node:path';
import { URI } from 'langium';
import { countBySeverity, type ConfigProblem, type Language, type SeveritySetting } from 'certiref-language';
import { createNodeServices, describeProblem, loadDocuments } from 'certiref-language/node';
import { compareDiagnostics, configDiagnostics, pausedChecks, toCliDiagnostics } from './diagnostics.js';
import type { CheckResult, CliDiagnostic, PausedCheck } from './result.js';
import { collectFiles, contextFiles, UsageError } from './files.js';
import { relative } from './paths.js';
import { Progress } from './progress.js';
import { batches, checkSharded } from './shard.js';

export type { CheckResult, CliDiagnostic, PausedCheck, Severity } from './result.js';

export interface WorkspaceOptions {
    paths: string[];
    language?: Language;
    defaultLanguage: Language;
    rules?: Record<string, SeveritySetting>;
    /** A folder without .ref file is an empty workspace, not an error (one side of a diff). */
    allowEmpty?: boolean;
}

export interface CheckOptions extends WorkspaceOptions {
    quiet: boolean;
    /** The bundle, run as a worker thread for large workspaces (undefined: never shard). */
    workerScript?: string;
}

/** Above this many files, certifications are checked in batches on worker threads. */
export const SHARD_FILES = Number(process.env.CERTIREF_SHARD_FILES) || 600;
const BATCH_FILES = 300;

export function prepare(options: WorkspaceOptions) {
    const requested = collectFiles(options.paths.length > 0 ? options.paths : ['.'], { allowEmpty: options.allowEmpty });
    // the rest of each certification joins as context; findings are reported on `requested`
    const files = [...requested, ...contextFiles(requested)];
    const services = createNodeServices();
    const { config } = services;
    config.forcedLanguage = options.language;
    config.defaultLanguage = options.defaultLanguage;
    config.overrides = options.rules ?? {};
    // every certiref.json that applies is read now: `check` reports what is wrong in one at its
    // place (the settings it could read apply, the others keep their defaults); export, stats
    // and diff stop (exit 2)
    for (const folder of new Set(files.map((f) => path.dirname(f)))) config.getConfig(URI.file(path.join(folder, 'x.ref')).toString());
    const configProblems = config.problems();
    // the language of the report: --lang, else the settings of the first file, else the environment
    const language = config.getConfig(URI.file(requested[0] ?? path.resolve('certiref.ref')).toString()).language;
    return { files, requested: new Set(requested), services, language, configProblems };
}

function refuseBrokenConfig(problems: ConfigProblem[]): void {
    if (problems.length > 0) throw new UsageError(problems.map((p) => `${relative(p.file)}:${p.line}:${p.column}: ${p.message}`).join('\n'));
}

/**
 * The .ref files named on the command line, loaded and built together (parse, link, validate)
 * with certiref.json and the command line's settings.
 */
export async function loadWorkspace(options: WorkspaceOptions, prepared?: ReturnType<typeof prepare>) {
    if (!prepared) {
        prepared = prepare(options);
        refuseBrokenConfig(prepared.configProblems);
    }
    const { files, requested, services, language } = prepared;
    const progress = new Progress(files.length, language);
    progress.follow(services.shared);
    try {
        const { documents, problems } = await loadDocuments(services.Certiref, files, (n) => progress.read(n));
        if (problems.length > 0) throw new UsageError(problems.map((p) => describeProblem(p, relative(p.file))).join('\n'));
        return { services: services.Certiref, documents, requested: documents.filter((d) => requested.has(URI.parse(d.uri.toString()).fsPath)), language };
    } finally {
        progress.end();
    }
}

/** Loads the files, builds them together, and returns every finding, sorted by file and place. */
export async function check(options: CheckOptions): Promise<CheckResult> {
    let files: string[];
    let diagnostics: CliDiagnostic[];
    let language: Language;
    let paused: PausedCheck[];
    const prepared = prepare(options);
    if (options.workerScript && prepared.files.length > SHARD_FILES) {
        language = prepared.language;
        const progress = new Progress(prepared.files.length, language);
        let done = 0;
        try {
            const result = await checkSharded(batches(prepared.files, BATCH_FILES), {
                language: options.language, defaultLanguage: options.defaultLanguage, rules: options.rules ?? {}, quiet: options.quiet,
            }, options.workerScript, (n) => progress.checked((done += n)));
            if (result.problems.length > 0) throw new UsageError(result.problems.map((p) => describeProblem(p)).join('\n'));
            const shown = new Set([...prepared.requested].map((f) => relative(f)));
            files = result.files.filter((f) => shown.has(f)).sort();
            diagnostics = result.diagnostics.filter((d) => shown.has(d.file));
            paused = result.paused.filter((p) => p.files.some((f) => shown.has(f)) || p.of.some((f) => shown.has(f)));
        } finally {
            progress.end();
        }
    } else {
        const loaded = await loadWorkspace(options, prepared);
        language = loaded.language;
        files = loaded.requested.map((d) => relative(URI.parse(d.uri.toString()).fsPath)).sort();
        diagnostics = toCliDiagnostics(loaded.services, loaded.requested, options.quiet);
        paused = pausedChecks(loaded.services.referential.Models.all(), new Set(files));
    }
    // a broken certiref.json: one finding at its place (not one per file it applies to, as in the editor)
    diagnostics = diagnostics.filter((d) => d.rule !== 'invalid-config').concat(configDiagnostics(prepared.configProblems, language));
    diagnostics.sort(compareDiagnostics);
    return {
        language,
        files,
        paused: paused.sort((a, b) => (a.certification < b.certification ? -1 : a.certification > b.certification ? 1 : 0)),
        diagnostics,
        summary: countBySeverity(diagnostics),
    };
}
