import * as fs from 'node:fs';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { RncpExportError } from './errors.js';

/** The XML of an export, as a stream of bytes: the file itself, or the XML entry of the zip as downloaded. */
export interface ExportSource {
    /** The file given. */
    file: string;
    /** The XML entry's name when the file is a zip. */
    entry?: string;
    /** The XML's size in bytes (uncompressed), for progress. */
    size: number;
    chunks: AsyncIterable<Buffer>;
    /** Releases the file (also done when `chunks` is read to its end). */
    close(): void;
}

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
    return { file, size: stat.size, chunks: stream as AsyncIterable<Buffer>, close: () => stream.destroy() };
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
                zip.openReadStream(entry, (e, stream) => {
                    if (e || !stream) {
                        reject(zipError(file, e));
                        return;
                    }
                    resolve({
                        file,
                        entry: entry.fileName,
                        size: entry.uncompressedSize,
                        chunks: zipChunks(file, stream, closeZip),
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
async function* zipChunks(file: string, stream: Readable, done: () => void): AsyncGenerator<Buffer> {
    try {
        for await (const chunk of stream) yield chunk as Buffer;
    } catch (error) {
        throw zipError(file, error);
    } finally {
        done();
    }
}
