import { listFichesFrom, readFichesFrom, type FicheEntry, type ReadOptions, type ReadProgress, type ReadSummary } from './read.js';
import { openExport } from './source.js';
import type { Fiche } from './types.js';

/**
 * Reads the fiches of an export file (the zip as downloaded or the XML in it): see
 * `readFichesFrom`. Node only (the file is read from disk as it goes).
 */
export async function* readFiches(file: string, options: ReadOptions = {}, summary?: ReadSummary): AsyncGenerator<Fiche> {
    const source = await openExport(file);
    try {
        yield* readFichesFrom(source, options, summary);
    } finally {
        source.close();
    }
}

/** The number and title of every fiche of an export file: see `listFichesFrom`. */
export async function listFiches(file: string, onProgress?: (progress: ReadProgress) => void): Promise<FicheEntry[]> {
    const source = await openExport(file);
    try {
        return await listFichesFrom(source, onProgress);
    } finally {
        source.close();
    }
}
