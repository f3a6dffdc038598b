import { readFiches, type Fiche } from 'certiref-rncp';
import type { RegistryFiche } from './registry.js';
import { buildInWorker } from './build-worker.js';
import { openRegistry, type ExportReader, type OpenedIndex, type OpenOptions } from './store.js';

/** A fiche of the export, as the index reads it. */
export function registryFiche(fiche: Fiche): RegistryFiche {
    return {
        number: fiche.number,
        title: fiche.title,
        active: fiche.active ?? false,
        previous: fiche.previous,
        next: fiche.next,
        blocs: fiche.blocs.map((b) => ({ code: b.code, title: b.title, competencies: b.competencies ?? '', modalities: b.modalities ?? '' })),
        ...(fiche.texts.capacities ? { capacities: fiche.texts.capacities } : {}),
    };
}

/** The fiches of an RNCP open-data export (zip or XML), read streaming. */
export const readRegistryExport: ExportReader = async function* (file, onProgress) {
    for await (const fiche of readFiches(file, { onProgress })) yield registryFiche(fiche);
};

/**
 * The index of an RNCP open-data export: built first when there is none or it is stale (in a
 * worker thread unless `options.worker` is false), then loaded.
 */
export function openRegistryExport(file: string, options: OpenOptions = {}): Promise<OpenedIndex> {
    return openRegistry(file, readRegistryExport, options, buildInWorker);
}
