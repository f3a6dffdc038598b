/** The XML of an export, as a stream of bytes: a file, the XML entry of the zip as downloaded, or bytes in memory. */
export interface ExportSource {
    /** The file given (its name, for messages). */
    file: string;
    /** The XML entry's name when the export is a zip. */
    entry?: string;
    /** The XML's size in bytes (uncompressed), for progress. */
    size: number;
    chunks: AsyncIterable<Uint8Array>;
    /** Releases what the source holds (also done when `chunks` is read to its end). */
    close(): void;
}
