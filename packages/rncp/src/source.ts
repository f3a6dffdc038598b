import * as fs from 'node:fs';
import type { Readable } from 'node:stream';
import * as zlib from 'node:zlib';
import yauzl from 'yauzl';
import { RncpExportError } from './errors.js';
import type { ExportSource } from './source-types.js';

export type { ExportSource };

const CHUNK = 1 << 20;

/** Opens an export: a zip (read by its central directory, the XML entry inflated as it streams) or an XML file. */
export async function openExport(file: string): Promise<ExportSource> {
    let stat: fs.Stats;
    try {
        stat = await fs.promises.stat(file);
    } catch (error) {
        throw new RncpExportError(file, undefined, undefined,
            `fichier introuvable ou illisible (${(error as NodeJS.ErrnoException).code ?? String(error)}).`,
            `file not found or unreadable (${(error as NodeJS.ErrnoException).code ?? String(error)}).`);
    }
    if (!stat.isFile()) {
        throw new RncpExportError(file, undefined, undefined,
            'ce n’est pas un fichier : donnez le zip de l’export ou le fichier XML qu’il contient.',
            'this is not a file: give the export’s zip or the XML file in it.');
    }
    const head = Buffer.alloc(4);
    const fd = await fs.promises.open(file, 'r');
    try {
        await fd.read(head, 0, 4, 0);
    } finally {
        await fd.close();
    }
    if (head[0] === 0x50 && head[1] === 0x4b) return openZip(file);
    const stream = fs.createReadStream(file, { highWaterMark: CHUNK });
    return { file, size: stat.size, chunks: stream as AsyncIterable<Uint8Array>, close: () => stream.destroy() };
}

function zipError(file: string, error: unknown): RncpExportError {
    const message = error instanceof Error ? error.message : String(error);
    return new RncpExportError(file, undefined, undefined,
        `ce zip est endommagé ou incomplet (${message}) : téléchargez l’export à nouveau.`,
        `this zip is damaged or incomplete (${message}): download the export again.`);
}

function openZip(file: string): Promise<ExportSource> {
    return new Promise((resolve, reject) => {
        yauzl.open(file, { lazyEntries: true, autoClose: false }, (error, zip) => {
            if (error || !zip) {
                reject(zipError(file, error));
                return;
            }
            const xml: yauzl.Entry[] = [];
            zip.on('entry', (entry: yauzl.Entry) => {
                if (!entry.fileName.endsWith('/') && /\.xml$/i.test(entry.fileName)) xml.push(entry);
                zip.readEntry();
            });
            zip.on('error', (e) => reject(zipError(file, e)));
            zip.on('end', () => {
                if (xml.length !== 1) {
                    zip.close();
                    const names = xml.map((e) => e.fileName).join(', ');
                    reject(new RncpExportError(file, undefined, undefined,
                        xml.length === 0
                            ? 'ce zip ne contient aucun fichier XML : est-ce bien l’export du RNCP ?'
                            : `ce zip contient plusieurs fichiers XML (${names}) : extrayez celui de l’export et donnez-le.`,
                        xml.length === 0
                            ? 'this zip holds no XML file: is it the RNCP export?'
                            : `this zip holds several XML files (${names}): extract the export’s and give it.`));
                    return;
                }
                const entry = xml[0]!;
                let closed = false;
                const closeZip = () => {
                    if (!closed) zip.close();
                    closed = true;
                };
                // the entry's compressed bytes, inflated here in pieces of 1 MiB (yauzl's own
                // inflate gives 16 KiB pieces: four times slower to scan)
                if (entry.isEncrypted() || (entry.compressionMethod !== 0 && entry.compressionMethod !== 8)) {
                    closeZip();
                    reject(zipError(file, new Error(entry.isEncrypted() ? 'encrypted entry' : `compression method ${entry.compressionMethod}`)));
                    return;
                }
                zip.openReadStream(entry, { decodeFileData: false }, (e, raw) => {
                    if (e || !raw) {
                        reject(zipError(file, e));
                        return;
                    }
                    const stream = entry.compressionMethod === 8 ? raw.pipe(zlib.createInflateRaw({ chunkSize: CHUNK })) : raw;
                    raw.on('error', (error) => stream.destroy(error));
                    resolve({
                        file,
                        entry: entry.fileName,
                        size: entry.uncompressedSize,
                        chunks: zipChunks(file, stream, entry.uncompressedSize, closeZip),
                        close: () => {
                            stream.destroy();
                            closeZip();
                        },
                    });
                });
            });
            zip.readEntry();
        });
    });
}

/** The entry's bytes; an inflate or CRC error (a damaged zip) becomes an export error. */
async function* zipChunks(file: string, stream: Readable, size: number, done: () => void): AsyncGenerator<Buffer> {
    let read = 0;
    try {
        for await (const chunk of stream) {
            read += (chunk as Buffer).length;
            yield chunk as Buffer;
        }
    } catch (error) {
        throw zipError(file, error);
    } finally {
        done();
    }
    if (read !== size) throw zipError(file, new Error(`${read} bytes inflated, ${size} expected`));
}
