import { parseFiche } from './parse-fiche.js';
import { scanExport, type ScanResult } from './scan.js';
import type { ExportSource } from './source-types.js';
import type { Fiche } from './types.js';

export interface ReadProgress {
    /** Bytes of XML read so far. */
    bytes: number;
    /** The XML's size in bytes (uncompressed). */
    total: number;
    /** Fiches found so far (read or skipped). */
    fiches: number;
}

export interface ReadOptions {
    /** The fiches to read (`RNCP34762`, `rncp34762`, `34762`); all of them when absent. */
    numbers?: readonly string[];
    /** Called after each piece of the export read. */
    onProgress?: (progress: ReadProgress) => void;
}

/** What a reading found besides the fiches; filled as the reading goes. */
export interface ReadSummary {
    /** VERSION_FLUX (`4.1`). */
    version?: string;
    /** The XML entry read, when the export is a zip. */
    entry?: string;
    /** Fiches in the export. */
    fiches: number;
    /** Fiches asked for and not in the export (known at the end of the reading). */
    missing: string[];
}

/** The export's format version this reader is made for. */
export const EXPORT_VERSION = '4.1';

/** `RNCP34762`, `rncp34762`, ` 34762 ` → `RNCP34762`; `RS6626` stays; anything else → undefined. */
export function normaliseFicheNumber(number: string): string | undefined {
    const text = number.trim().toUpperCase();
    if (/^\d+$/.test(text)) return `RNCP${text}`;
    return /^(RNCP|RS)\d+$/.test(text) ? text : undefined;
}

/**
 * Reads the fiches of an export's XML (see `openExport`, `memoryExport`), streaming: the XML is
 * scanned as bytes and only the fiches asked for are parsed, one at a time; all of them when no
 * number is given. Throws an `RncpExportError` (file, line, column of the XML) on a malformed or
 * truncated export, even after having yielded fiches: the export is read to its end.
 */
export async function* readFichesFrom(source: ExportSource, options: ReadOptions = {}, summary: ReadSummary = { fiches: 0, missing: [] }): AsyncGenerator<Fiche> {
    const wanted = options.numbers ? new Set(options.numbers.map((n) => normaliseFicheNumber(n) ?? n)) : undefined;
    const seen = new Set<string>();
    summary.entry = source.entry;
    const result: ScanResult = {};
    const where = source.entry ? `${source.file}!${source.entry}` : source.file;
    try {
        const progress = options.onProgress && ((p: { bytes: number; fiches: number }) => options.onProgress!({ ...p, total: source.size }));
        for await (const scanned of scanExport(source.chunks, where, result, progress)) {
            summary.fiches++;
            if (result.version !== undefined) summary.version = result.version;
            if (wanted && scanned.number !== undefined && !wanted.has(scanned.number.toUpperCase())) continue;
            const fiche = parseFiche(scanned.text(), scanned.start, where);
            const number = fiche.number.toUpperCase();
            if (wanted && !wanted.has(number)) continue;
            seen.add(number);
            yield fiche;
        }
        summary.version = result.version;
        summary.missing = wanted ? [...wanted].filter((n) => !seen.has(n)) : [];
    } finally {
        source.close();
    }
}

export interface FicheEntry {
    number: string;
    title: string;
}

/**
 * The number and title of every fiche of an export, by the byte scan (no fiche is parsed): for
 * a completion list. Throws an `RncpExportError` on a malformed or truncated export.
 */
export async function listFichesFrom(source: ExportSource, onProgress?: (progress: ReadProgress) => void): Promise<FicheEntry[]> {
    const where = source.entry ? `${source.file}!${source.entry}` : source.file;
    const entries: FicheEntry[] = [];
    try {
        const progress = onProgress && ((p: { bytes: number; fiches: number }) => onProgress({ ...p, total: source.size }));
        for await (const scanned of scanExport(source.chunks, where, {}, progress)) {
            let number = scanned.number;
            let title = scanned.peek('INTITULE');
            if (number === undefined) {
                const fiche = parseFiche(scanned.text(), scanned.start, where);
                number = fiche.number;
                title = fiche.title;
            }
            entries.push({ number, title: title ?? '' });
        }
    } finally {
        source.close();
    }
    return entries;
}

