import { SaxesParser } from 'saxes';
import { RncpExportError } from './errors.js';
import type { SourcePosition } from './types.js';

/**
 * The byte scan of an export: finds where each `<FICHE>` starts and ends, and the fiche's number,
 * without parsing it, so that only the fiches asked for are parsed (a 570 MB export holds
 * ~25,600 fiches). Everything outside the fiches (the XML declaration, `<FICHES>`,
 * `<VERSION_FLUX>`, the end of the file) goes through an XML parser, each fiche replaced by an
 * empty `<FICHE/>` whose positions are mapped back to the export's: a malformed or truncated
 * export is reported at its own line and column even when no fiche of it is parsed.
 */

/** One fiche found by the scan: its bytes, where it starts, and its number when the bytes say it plainly. */
export interface ScannedFiche {
    /** NUMERO_FICHE, read from the bytes; undefined when it could not be read without parsing. */
    number: string | undefined;
    /** Where its `<FICHE>` tag starts in the export (1-based line, 1-based column in characters). */
    start: SourcePosition;
    /** The byte offset of its `<FICHE>` tag. */
    offset: number;
    /** The fiche's XML, `<FICHE>` to `</FICHE>`, decoded (UTF-8). */
    text(): string;
    /** The text of the first `<NAME>…</NAME>` of the fiche (INTITULE, …), found by a byte search and decoded. */
    peek(name: string): string | undefined;
}

export interface ScanProgress {
    /** Bytes of XML read so far. */
    bytes: number;
    /** Fiches found so far. */
    fiches: number;
}

export interface ScanResult {
    /** VERSION_FLUX, when the export has it. */
    version?: string;
}

const FICHE_OPEN = Buffer.from('<FICHE');
const FICHE_CLOSE = Buffer.from('</FICHE>');
const NUMBER_OPEN = Buffer.from('<NUMERO_FICHE>');
const NUMBER_CLOSE = Buffer.from('</NUMERO_FICHE>');
const CORRESPONDENCES = Buffer.from('<CORRESPONDANCES');

/** Line and column (in Unicode characters, as XML parsers count them) of a position in a byte stream. */
class Cursor {
    line = 1;
    column = 1;

    /** Moves over `buffer[from, to)`. */
    advance(buffer: Buffer, from: number, to: number): void {
        let newline = buffer.indexOf(10, from);
        if (newline === -1 || newline >= to) {
            this.column += countChars(buffer, from, to);
            return;
        }
        let last = newline;
        while (newline !== -1 && newline < to) {
            this.line++;
            last = newline;
            newline = buffer.indexOf(10, newline + 1);
        }
        this.column = 1 + countChars(buffer, last + 1, to);
    }

    get position(): SourcePosition {
        return { line: this.line, column: this.column };
    }
}

/** Characters (code points) of UTF-8 bytes: the bytes that are not continuation bytes. */
function countChars(buffer: Buffer, from: number, to: number): number {
    let n = 0;
    for (let i = from; i < to; i++) {
        if ((buffer[i]! & 0xc0) !== 0x80) n++;
    }
    return n;
}

/** Decodes UTF-8, or reports the first byte that is not UTF-8 at its line and column. */
export function decodeUtf8(bytes: Buffer, start: SourcePosition, file: string): string {
    try {
        return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
        const text = bytes.toString('utf8');
        const bad = text.indexOf('\uFFFD');
        const before = text.slice(0, Math.max(bad, 0));
        const lines = before.split('\n');
        const line = start.line + lines.length - 1;
        const column = (lines.length === 1 ? start.column - 1 : 0) + [...lines[lines.length - 1]!].length + 1;
        throw new RncpExportError(file, line, column,
            'ce fichier n’est pas en UTF-8 (l’export de France Compétences l’est) : est-ce bien l’export, tel que téléchargé ?',
            'this file is not UTF-8 (France Compétences’ export is): is it the export, as downloaded?');
    }
}

/** Finds `pattern` in a fiche's parts (its bytes in several buffers), joining them only as far as needed. */
function findInParts(parts: Buffer[], open: Buffer, close: Buffer, notAfter?: Buffer): Buffer | undefined {
    let joined = parts[0] ?? Buffer.alloc(0);
    for (let n = 1; ; n++) {
        const i = joined.indexOf(open);
        const j = i === -1 ? -1 : joined.indexOf(close, i + open.length);
        if (j !== -1) {
            if (notAfter) {
                const k = joined.indexOf(notAfter);
                if (k !== -1 && k < i) return undefined;
            }
            return joined.subarray(i + open.length, j);
        }
        if (n >= parts.length) return undefined;
        joined = Buffer.concat([joined, parts[n]!]);
    }
}

/** Decodes the text of a simple element found by a byte search (entities included) through the XML parser. */
function elementText(bytes: Buffer | undefined): string | undefined {
    if (!bytes) return undefined;
    let text = '';
    const parser = new SaxesParser({ fragment: true, position: false });
    let failed = false;
    parser.on('error', () => { failed = true; });
    parser.on('text', (t) => { text += t; });
    parser.on('cdata', (t) => { text += t; });
    parser.write(`<T>${bytes.toString('utf8')}</T>`).close();
    return failed ? undefined : text;
}

/**
 * Scans an export's XML bytes, `chunks` in order, and yields each fiche found. Throws an
 * `RncpExportError` (file, line, column) on XML that is malformed outside the fiches, on a file
 * that ends inside a fiche, and on a file that is not an RNCP export.
 */
export async function* scanExport(
    chunks: AsyncIterable<Uint8Array>,
    file: string,
    result: ScanResult = {},
    onProgress?: (progress: ScanProgress) => void,
): AsyncGenerator<ScannedFiche> {
    const cursor = new Cursor();
    const decoder = new TextDecoder('utf-8', { fatal: true });
    const skeleton = new SaxesParser({ position: true });
    let depth = 0;
    let inVersion = false;
    let version = '';
    let sawRoot = false;
    let started = false;
    // where the skeleton is, in the export: after the last fiche, the skeleton is at `after` and
    // the export at `real`; before the first, they are at the same place
    let after: SourcePosition | undefined;
    let real: SourcePosition = { line: 1, column: 1 };
    let lastStart: SourcePosition = { line: 1, column: 1 };
    const inExport = (line: number, column: number): SourcePosition => {
        if (!after) return { line, column };
        if (line < after.line || (line === after.line && column < after.column)) return lastStart;
        return line === after.line ? { line: real.line, column: real.column + column - after.column } : { line: real.line + line - after.line, column };
    };
    skeleton.on('error', (error) => {
        const message = error.message.replace(/^\d+:\d+: /, '').replace(/\.$/, '');
        const at = inExport(skeleton.line, Math.max(skeleton.column, 1));
        throw new RncpExportError(file, at.line, at.column,
            `XML mal formé : ${message} (l’export est-il complet ?)`,
            `malformed XML: ${message} (is the export complete?)`);
    });
    skeleton.on('opentag', (tag) => {
        if (depth === 0) {
            sawRoot = true;
            if (tag.name !== 'FICHES') {
                const at = inExport(skeleton.line, Math.max(skeleton.column, 1));
                throw new RncpExportError(file, at.line, at.column,
                    `ce fichier XML n’est pas un export du RNCP : son élément racine est <${tag.name}>, et non <FICHES>.`,
                    `this XML file is not an RNCP export: its root element is <${tag.name}>, not <FICHES>.`);
            }
        }
        if (depth === 1 && tag.name === 'VERSION_FLUX') inVersion = true;
        depth++;
    });
    skeleton.on('closetag', () => {
        depth--;
        if (inVersion) {
            inVersion = false;
            result.version = version.trim();
        }
    });
    skeleton.on('text', (t) => {
        if (inVersion) version += t;
    });
    const feedSkeleton = (buffer: Buffer, from: number, to: number) => {
        if (to <= from) return;
        let text: string;
        try {
            text = decoder.decode(buffer.subarray(from, to), { stream: true });
        } catch {
            decodeUtf8(buffer.subarray(from, to), cursor.position, file);
            throw new Error('unreachable');
        }
        if (!started && text.trim() !== '') {
            started = true;
            if (!/^\s*(\uFEFF)?\s*</.test(text)) {
            throw new RncpExportError(file, cursor.line, cursor.column,
                'ce fichier n’est ni un zip ni un fichier XML : donnez l’export du RNCP tel que téléchargé (export-fiches-rncp-v4-1-AAAA-MM-JJ.zip) ou le fichier XML qu’il contient.',
                'this file is neither a zip nor an XML file: give the RNCP export as downloaded (export-fiches-rncp-v4-1-YYYY-MM-DD.zip) or the XML file in it.');
            }
        }
        skeleton.write(text);
    };

    let carry: Buffer = Buffer.alloc(0);
    let offsetOfBuffer = 0;
    let inside = false;
    let parts: Buffer[] = [];
    let start: SourcePosition = { line: 1, column: 1 };
    let startOffset = 0;
    let bytes = 0;
    let fiches = 0;

    const made = (fragments: Buffer[], at: SourcePosition, offset: number): ScannedFiche => {
        const numberBytes = findInParts(fragments, NUMBER_OPEN, NUMBER_CLOSE, CORRESPONDENCES);
        const number = numberBytes && /^\s*[A-Za-z]{2,4}\d+\s*$/.test(numberBytes.toString('latin1')) ? numberBytes.toString('latin1').trim() : undefined;
        return {
            number,
            start: at,
            offset,
            text: () => decodeUtf8(fragments.length === 1 ? fragments[0]! : Buffer.concat(fragments), at, file),
            peek: (name) => elementText(findInParts(fragments, Buffer.from(`<${name}>`), Buffer.from(`</${name}>`))),
        };
    };
    /** The skeleton sees `<FICHE/>` instead of the fiche; `inExport` maps its positions after it back to the export's. */
    const placeholder = (from: SourcePosition, to: SourcePosition) => {
        lastStart = from;
        skeleton.write('<FICHE/>');
        after = { line: skeleton.line, column: skeleton.column + 1 };
        real = to;
    };

    for await (const piece of chunks) {
        const chunk = Buffer.isBuffer(piece) ? piece : Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
        bytes += chunk.length;
        const buffer = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
        let pos = 0;
        const found: ScannedFiche[] = [];
        for (;;) {
            if (!inside) {
                let i = buffer.indexOf(FICHE_OPEN, pos);
                while (i !== -1 && i + FICHE_OPEN.length < buffer.length && !isTagEnd(buffer[i + FICHE_OPEN.length]!)) {
                    i = buffer.indexOf(FICHE_OPEN, i + 1);
                }
                if (i === -1 || i + FICHE_OPEN.length >= buffer.length) {
                    // keep what could be the beginning of a <FICHE tag for the next chunk
                    const end = Math.max(pos, i === -1 ? buffer.length - FICHE_OPEN.length : i);
                    feedSkeleton(buffer, pos, end);
                    cursor.advance(buffer, pos, end);
                    pos = end;
                    break;
                }
                feedSkeleton(buffer, pos, i);
                cursor.advance(buffer, pos, i);
                pos = i;
                start = cursor.position;
                startOffset = offsetOfBuffer + i;
                inside = true;
                parts = [];
                // <FICHE/>: a fiche with nothing in it
                const tagEnd = buffer.indexOf(62 /* > */, i);
                if (tagEnd !== -1 && buffer[tagEnd - 1] === 47 /* / */) {
                    parts.push(buffer.subarray(i, tagEnd + 1));
                    cursor.advance(buffer, i, tagEnd + 1);
                    pos = tagEnd + 1;
                    inside = false;
                    placeholder(start, cursor.position);
                    found.push(made(parts, start, startOffset));
                    continue;
                }
            }
            const j = buffer.indexOf(FICHE_CLOSE, pos);
            if (j === -1) {
                const end = Math.max(pos, buffer.length - (FICHE_CLOSE.length - 1));
                parts.push(buffer.subarray(pos, end));
                cursor.advance(buffer, pos, end);
                pos = end;
                break;
            }
            const end = j + FICHE_CLOSE.length;
            parts.push(buffer.subarray(pos, end));
            cursor.advance(buffer, pos, end);
            pos = end;
            inside = false;
            placeholder(start, cursor.position);
            found.push(made(parts, start, startOffset));
        }
        offsetOfBuffer += pos;
        carry = Buffer.from(buffer.subarray(pos));
        for (const fiche of found) {
            fiches++;
            yield fiche;
        }
        onProgress?.({ bytes, fiches });
    }
    if (inside) {
        parts.push(carry);
        cursor.advance(carry, 0, carry.length);
        const number = findInParts(parts, NUMBER_OPEN, NUMBER_CLOSE)?.toString('utf8').trim();
        throw new RncpExportError(file, cursor.line, cursor.column,
            `l’export s’arrête au milieu d’une fiche${number ? ` (${number})` : ''}, ouverte ligne ${start.line} : le fichier est tronqué ; téléchargez-le à nouveau.`,
            `the export ends in the middle of a fiche${number ? ` (${number})` : ''} opened on line ${start.line}: the file is truncated; download it again.`);
    }
    feedSkeleton(carry, 0, carry.length);
    cursor.advance(carry, 0, carry.length);
    if (!sawRoot) {
        throw new RncpExportError(file, cursor.line, cursor.column,
            'ce fichier ne contient aucun élément XML : ce n’est pas un export du RNCP.',
            'this file holds no XML element: it is not an RNCP export.');
    }
    skeleton.write(decoder.decode()).close();
}

/** The byte after `<FICHE`: `>`, a space or `/` end the name (`<FICHES>` is another element). */
function isTagEnd(byte: number): boolean {
    return byte === 62 || byte === 47 || byte === 32 || byte === 9 || byte === 10 || byte === 13;
}
