import * as os from 'node:os';
import { Worker } from 'node:worker_threads';
import { URI } from 'langium';
import { append, type Language, type SeveritySetting } from 'certiref-language';
import { createNodeServices, loadDocuments, type FileProblem } from 'certiref-language/node';
import { pausedChecks, toCliDiagnostics } from './diagnostics.js';
import { headerOf } from './files.js';
import type { CliDiagnostic, PausedCheck } from './result.js';
import { relative } from './paths.js';

/**
 * Large workspaces: certifications are independent (references never cross them), so the files
 * are grouped by certification, the groups packed into batches, and the batches checked by a
 * pool of worker threads, each keeping only one batch in memory at a time.
 */
export interface ShardSettings {
    language?: Language;
    defaultLanguage: Language;
    rules: Record<string, SeveritySetting>;
    quiet: boolean;
}

export interface BatchResult {
    files: string[];
    diagnostics: CliDiagnostic[];
    problems: FileProblem[];
    paused: PausedCheck[];
}

/** Files grouped by the certification their header names, packed into batches of about `size` files. */
export function batches(files: string[], size: number): string[][] {
    const groups = new Map<string, string[]>();
    for (const file of files) {
        // an unreadable file: its own group, the worker reports it
        const key = headerOf(file)?.id ?? `\u0000${file}`;
        const list = groups.get(key);
        if (list) list.push(file);
        else groups.set(key, [file]);
    }
    const out: string[][] = [];
    let current: string[] = [];
    for (const group of groups.values()) {
        append(current, group);
        if (current.length >= size) {
            out.push(current);
            current = [];
        }
    }
    if (current.length > 0) out.push(current);
    return out;
}

export function workerCount(): number {
    const env = Number(process.env.CERTIREF_WORKERS);
    if (Number.isInteger(env) && env > 0) return env;
    return Math.max(1, Math.min(os.availableParallelism?.() ?? os.cpus().length, 8));
}

/** Runs the batches on worker threads; `onFile` counts checked files for the progress display. */
export async function checkSharded(all: string[][], settings: ShardSettings, script: string, onFiles: (n: number) => void): Promise<BatchResult> {
    const result: BatchResult = { files: [], diagnostics: [], problems: [], paused: [] };
    const queue = [...all];
    const count = Math.min(workerCount(), queue.length);
    const run = () => new Promise<void>((resolve, reject) => {
        const worker = new Worker(script, { workerData: { certirefCheckWorker: true, settings } });
        const next = () => {
            const batch = queue.shift();
            if (batch) worker.postMessage(batch);
            else void worker.terminate().then(() => resolve());
        };
        worker.on('message', (m: BatchResult) => {
            append(result.files, m.files);
            append(result.diagnostics, m.diagnostics);
            append(result.problems, m.problems);
            append(result.paused, m.paused);
            onFiles(m.files.length + m.problems.length);
            next();
        });
        worker.on('error', reject);
        worker.on('exit', (code) => {
            if (code !== 0 && code !== 1) reject(new Error(`worker stopped (${code})`));
        });
        next();
    });
    await Promise.all(Array.from({ length: count }, run));
    return result;
}

/** The worker's side: one set of services, reused batch after batch. */
export async function workerMain(settings: ShardSettings, port: import('node:worker_threads').MessagePort): Promise<void> {
    const { Certiref, shared, config } = createNodeServices();
    config.forcedLanguage = settings.language;
    config.defaultLanguage = settings.defaultLanguage;
    config.overrides = settings.rules;
    port.on('message', async (files: string[]) => {
        const { documents, problems } = await loadDocuments(Certiref, files);
        const message: BatchResult = {
            files: documents.map((d) => relative(URI.parse(d.uri.toString()).fsPath)),
            diagnostics: toCliDiagnostics(Certiref, documents, settings.quiet),
            problems: problems.map((p) => ({ ...p, file: relative(p.file) })),
            paused: pausedChecks(Certiref.referential.Models.all()),
        };
        port.postMessage(message);
        // forget the batch: the next one starts from an empty workspace
        await shared.workspace.DocumentBuilder.update([], documents.map((d) => d.uri));
    });
}
