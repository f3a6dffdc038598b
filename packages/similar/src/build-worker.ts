import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { readRegistryExport } from './export-reader.js';
import { buildIndex, type BuildProgress, type ExportIdentity } from './registry-index.js';

/**
 * The index built in a worker thread: the editor's language server stays responsive for the
 * minute it takes, and the build's heap is bounded (the reading of the export makes much
 * short-lived garbage, which V8 would otherwise let grow to gigabytes before collecting it).
 */

interface BuildJob {
    certirefIndexBuild: true;
    exportFile: string;
    identity: ExportIdentity;
    file: string;
    reuseWords?: boolean;
}

type Message = { progress: BuildProgress & { bytes: number; total: number } } | { done: true } | { error: { message: string; fr?: string; en?: string; file?: string; line?: number; column?: number; code?: string } };

/** The heap of the build's thread: what it keeps is a few hundred MB at most for the whole registry. */
const HEAP_MB = 768;

/** This module's file: the bundle (`similar.cjs`) when bundled, else the compiled module. */
function workerScript(): string {
    if (typeof __filename === 'string' && __filename.endsWith('.cjs')) return __filename;
    return path.join(path.dirname(fileURLToPath(import.meta.url)), 'build-worker.js');
}

/** Builds the index of an export in a worker thread; rejects with the reader's error (its place in the XML kept). */
export function buildInWorker(job: Omit<BuildJob, 'certirefIndexBuild'>, onProgress?: (p: BuildProgress & { bytes: number; total: number }) => void): Promise<void> {
    return new Promise((resolve, reject) => {
        const worker = new Worker(workerScript(), { workerData: { ...job, certirefIndexBuild: true }, resourceLimits: { maxOldGenerationSizeMb: HEAP_MB } });
        let settled = false;
        worker.on('message', (m: Message) => {
            if ('progress' in m) onProgress?.(m.progress);
            else if ('done' in m) {
                settled = true;
                resolve();
            } else {
                settled = true;
                const { message, fr, en, file, line, column, code } = m.error;
                // the reader's error, as the reader says it (file, line, column, French and English)
                const error = Object.assign(new Error(message), { fr, en, file, line, column, code });
                if (fr && en) Object.assign(error, { format: (language: 'fr' | 'en') => `${file}${line !== undefined ? `:${line}:${column ?? 1}` : ''}: ${language === 'fr' ? fr : en}` });
                reject(error);
            }
        });
        worker.on('error', (e) => {
            if (!settled) reject(e);
            settled = true;
        });
        worker.on('exit', (code) => {
            if (!settled) reject(new Error(`the index's build stopped (exit ${code})`));
        });
    });
}

async function run(job: BuildJob): Promise<void> {
    let bytes = { bytes: 0, total: job.identity.size };
    try {
        await buildIndex(readRegistryExport(job.exportFile, (p) => (bytes = p)), job.identity, job.file,
            (p) => parentPort!.postMessage({ progress: { ...p, ...bytes } } satisfies Message), { reuseWords: job.reuseWords });
        parentPort!.postMessage({ done: true } satisfies Message);
    } catch (e) {
        const err = e as Error & { fr?: string; en?: string; file?: string; line?: number; column?: number; code?: string };
        parentPort!.postMessage({ error: { message: err.message, fr: err.fr, en: err.en, file: err.file, line: err.line, column: err.column, code: err.code } } satisfies Message);
    }
}

// once every module of the bundle is initialised (this one is imported by the reader's module it uses)
if (!isMainThread && (workerData as BuildJob | undefined)?.certirefIndexBuild) setImmediate(() => void run(workerData as BuildJob));
