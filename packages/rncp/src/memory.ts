import { Unzip, UnzipInflate, type UnzipFile } from 'fflate';
import { RncpExportError } from './errors.js';
import type { ExportSource } from './source-types.js';

const PIECE = 1 << 20;

/**
 * An export held in memory (the bytes of the zip as downloaded, or of the XML), for where there
 * is no file system to stream from (VS Code for the Web): the zip's XML entry is inflated piece
 * by piece as it is read, so that the XML is never whole in memory.
 */
export function memoryExport(file: string, bytes: Uint8Array): ExportSource {
    if (bytes[0] === 0x50 && bytes[1] === 0x4b) return memoryZip(file, bytes);
    return {
        file,
        size: bytes.length,
        chunks: (async function* () {
            for (let offset = 0; offset < bytes.length; offset += PIECE) yield bytes.subarray(offset, offset + PIECE);
        })(),
        close: () => undefined,
    };
}

function zipError(file: string, message: string): RncpExportError {
    return new RncpExportError(file, undefined, undefined,
        `ce zip est endommagé ou incomplet (${message}) : téléchargez l’export à nouveau.`,
        `this zip is damaged or incomplete (${message}): download the export again.`);
}

function memoryZip(file: string, bytes: Uint8Array): ExportSource {
    const source: ExportSource = {
        file,
        // known once the XML entry's header is read; the zip's size until then
        size: bytes.length,
        chunks: (async function* () {
            const out: Uint8Array[] = [];
            const xml: string[] = [];
            let failure: string | undefined;
            let read = 0;
            let expected: number | undefined;
            const unzip = new Unzip((entry: UnzipFile) => {
                if (entry.name.endsWith('/') || !/\.xml$/i.test(entry.name)) return;
                xml.push(entry.name);
                if (xml.length > 1) return;
                source.entry = entry.name;
                expected = entry.originalSize;
                if (expected !== undefined) source.size = expected;
                entry.ondata = (error, data) => {
                    if (error) failure = error.message;
                    else if (data.length > 0) out.push(data);
                };
                entry.start();
            });
            unzip.register(UnzipInflate);
            for (let offset = 0; offset < bytes.length; offset += PIECE) {
                try {
                    unzip.push(bytes.subarray(offset, offset + PIECE), offset + PIECE >= bytes.length);
                } catch (error) {
                    failure = error instanceof Error ? error.message : String(error);
                }
                if (failure) throw zipError(file, failure);
                while (out.length > 0) {
                    const data = out.shift()!;
                    read += data.length;
                    yield data;
                }
            }
            if (xml.length === 0) {
                throw new RncpExportError(file, undefined, undefined, 'ce zip ne contient aucun fichier XML : est-ce bien l’export du RNCP ?', 'this zip holds no XML file: is it the RNCP export?');
            }
            if (xml.length > 1) {
                throw new RncpExportError(file, undefined, undefined,
                    `ce zip contient plusieurs fichiers XML (${xml.join(', ')}) : extrayez celui de l’export et donnez-le.`,
                    `this zip holds several XML files (${xml.join(', ')}): extract the export’s and give it.`);
            }
            if (expected !== undefined && read !== expected) throw zipError(file, `${read} bytes inflated, ${expected} expected`);
        })(),
        close: () => undefined,
    };
    return source;
}
