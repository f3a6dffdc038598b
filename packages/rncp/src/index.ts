export * from './types.js';
export { RncpExportError } from './errors.js';
export { parseFiche } from './parse-fiche.js';
export { scanExport, type ScannedFiche, type ScanProgress, type ScanResult } from './scan.js';
export { openExport, type ExportSource } from './source.js';
export { EXPORT_VERSION, listFiches, normaliseFicheNumber, readFiches, type FicheEntry, type ReadOptions, type ReadProgress, type ReadSummary } from './read.js';
export { splitCompetencies, splitModalities, startsWithVerb, type ListStyle, type Piece, type PieceKind, type SplitList, type Unsure } from './split.js';
