// What runs anywhere (Node, a browser, a Web Worker): the scan, the fiche parser, the splitter,
// reading from a source of bytes, and exports held in memory. `index.ts` adds the files.
export * from './types.js';
export { RncpExportError } from './errors.js';
export { parseFiche } from './parse-fiche.js';
export { scanExport, type ScannedFiche, type ScanProgress, type ScanResult } from './scan.js';
export type { ExportSource } from './source-types.js';
export { memoryExport } from './memory.js';
export {
    EXPORT_VERSION, listFichesFrom, normaliseFicheNumber, readFichesFrom, type FicheEntry, type ReadOptions, type ReadProgress, type ReadSummary,
} from './read.js';
export { splitCompetencies, splitModalities, startsWithVerb, type ListStyle, type Piece, type PieceKind, type SplitList, type Unsure } from './split.js';
