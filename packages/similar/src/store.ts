import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { buildInWorker } from './build-worker.js';
import type { RegistryFiche } from './registry.js';
import { buildIndex, readIndexHeader, RegistryIndex, type BuildProgress, type ExportIdentity, type IndexHeader } from './registry-index.js';
import { NORMALISER_VERSION } from './text.js';

/**
 * Where an index is kept, and when it is built again. An index belongs to one export file; it is
 * stale when the export's size, modification time or sampled content (SHA-256 of its first and
 * last MiB) differ from what the index recorded, or when certiref's way of reading words changed.
 */

const SAMPLE = 1 << 20;

/** The export as its index records it. */
export function exportIdentity(file: string): ExportIdentity {
    const absolute = path.resolve(file);
    const stat = fs.statSync(absolute);
    if (!stat.isFile()) throw Object.assign(new Error(`${file}: not a regular file`), { code: 'ENOTFILE' });
    const hash = createHash('sha256');
    const fd = fs.openSync(absolute, 'r');
    try {
        const head = Buffer.alloc(Math.min(SAMPLE, stat.size));
        fs.readSync(fd, head, 0, head.length, 0);
        hash.update(head);
        if (stat.size > SAMPLE) {
            const tail = Buffer.alloc(Math.min(SAMPLE, stat.size - SAMPLE));
            fs.readSync(fd, tail, 0, tail.length, stat.size - tail.length);
            hash.update(tail);
        }
    } finally {
        fs.closeSync(fd);
    }
    return { path: absolute, size: stat.size, mtimeMs: Math.floor(stat.mtimeMs), sample: hash.digest('hex') };
}

/** certiref's cache folder: `$XDG_CACHE_HOME/certiref` (Linux), `~/Library/Caches/certiref`, `%LOCALAPPDATA%\certiref\Cache`. */
export function cacheFolder(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
    if (platform === 'win32') return path.join(env.LOCALAPPDATA || path.join(os.homedir(), 'AppData', 'Local'), 'certiref', 'Cache');
    if (platform === 'darwin') return path.join(os.homedir(), 'Library', 'Caches', 'certiref');
    return path.join(env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'certiref');
}

/** The index file of an export in a folder (the cache folder unless another is given): one per export path. */
export function indexFileFor(exportFile: string, folder?: string): string {
    const absolute = path.resolve(exportFile);
    const name = path.basename(absolute).replace(/\.(zip|xml)$/i, '').replace(/[^\p{L}\p{N}._-]+/gu, '_').slice(0, 60);
    const key = createHash('sha256').update(absolute).digest('hex').slice(0, 12);
    return path.join(folder ? path.resolve(folder) : path.join(cacheFolder(), 'registry'), `${name}-${key}.certiref-index`);
}

/** Why an index must be built: undefined when the one on disk fits the export. */
export function staleness(header: IndexHeader | undefined, identity: ExportIdentity): 'missing' | 'export-changed' | 'certiref-changed' | undefined {
    if (!header) return 'missing';
    if (header.normaliser !== NORMALISER_VERSION) return 'certiref-changed';
    const recorded = header.export;
    if (recorded.size !== identity.size || recorded.mtimeMs !== identity.mtimeMs || recorded.sample !== identity.sample) return 'export-changed';
    return undefined;
}

/** Reads the fiches of an export (the RNCP reader), reporting its progress in bytes. */
export type ExportReader = (file: string, onProgress: (p: { bytes: number; total: number }) => void) => AsyncIterable<RegistryFiche>;

export interface OpenOptions {
    /** The folder of the index (default: the cache folder). */
    indexFolder?: string;
    /** Build again even when the index fits. */
    rebuild?: boolean;
    onBuild?: (reason: 'missing' | 'export-changed' | 'certiref-changed' | 'asked' | 'damaged', file: string) => void;
    onProgress?: (p: BuildProgress & { bytes: number; total: number }) => void;
    /** False: the words of every text are read, even of a text met before (for the benchmark). */
    reuseWords?: boolean;
    /** False: build in this thread (the default is a worker thread of bounded heap). */
    worker?: boolean;
}

export interface OpenedIndex {
    index: RegistryIndex;
    /** True when it was built now. */
    built: boolean;
    file: string;
}

/** The index of an export, built first when there is none or it is stale, then loaded. */
export async function openRegistry(exportFile: string, read: ExportReader, options: OpenOptions = {}, inWorker?: typeof buildInWorker): Promise<OpenedIndex> {
    const identity = exportIdentity(exportFile);
    const file = indexFileFor(exportFile, options.indexFolder);
    const build = async (reason: 'missing' | 'export-changed' | 'certiref-changed' | 'asked' | 'damaged') => {
        options.onBuild?.(reason, file);
        if (inWorker && options.worker !== false) {
            await inWorker({ exportFile: identity.path, identity, file, reuseWords: options.reuseWords }, options.onProgress);
        } else {
            let bytes = { bytes: 0, total: identity.size };
            await buildIndex(read(identity.path, (p) => (bytes = p)), identity, file, (p) => options.onProgress?.({ ...p, ...bytes }), { reuseWords: options.reuseWords });
        }
        // the export changed while it was read: the index says what was read, and is stale at once
        const after = exportIdentity(exportFile);
        if (staleness(readIndexHeader(file), after)) throw new Error(`${exportFile}: the export changed while it was read; run again`);
    };
    const reason = options.rebuild ? 'asked' : staleness(readIndexHeader(file), identity);
    if (reason) await build(reason);
    try {
        return { index: RegistryIndex.load(file), built: reason !== undefined, file };
    } catch (e) {
        // an index cut short (a full disk, a copy interrupted): built again, once
        if (reason) throw e;
        await build('damaged');
        return { index: RegistryIndex.load(file), built: true, file };
    }
}
