import type JSZip from 'jszip';

/**
 * A Word document as blocks: paragraphs (text, heading level, list item, bold or italic) and
 * tables (cells on a grid, merged cells with their spans). Read by mammoth, a library made to
 * read .docx files (runs, fields, hyperlinks, content controls, text boxes, tracked changes —
 * deleted text left out —, numbering, and vertically merged cells, `w:vMerge`, as row spans and
 * `w:gridSpan` as column spans). Its document tree is taken before its HTML conversion
 * (`transformDocument`, which its documentation asks to pin: the version is pinned in
 * package.json, and the tests read documents of every layout through it).
 */
export interface DocParagraph {
    kind: 'paragraph';
    /** Verbatim: tabs as `\t`, line breaks as `\n`, footnotes inline in brackets. */
    text: string;
    /** 0 for a title, 1–9 for headings, undefined for body text. */
    heading?: number;
    style?: string;
    /** A Word list item (bullets or numbering). */
    list?: { ordered: boolean; level: number };
    /** Every visible character bold (or italic). */
    bold: boolean;
    italic: boolean;
    /** Pictures in the paragraph (not imported: said in a note). */
    images: number;
}

export interface DocCell {
    /** 0-based row of the cell's first row and grid column of its first column. */
    row: number;
    column: number;
    rowSpan: number;
    colSpan: number;
    blocks: DocBlock[];
}

export interface DocRow {
    /** Marked as a header row (repeated on every page). */
    header: boolean;
    cells: DocCell[];
}

export interface DocTable {
    kind: 'table';
    /** 1-based number of the table in the document, in reading order (nested tables too). */
    number: number;
    rows: DocRow[];
    /** Number of grid columns. */
    columns: number;
}

export type DocBlock = DocParagraph | DocTable;

export type DocxProblem = 'empty' | 'not-word' | 'encrypted' | 'legacy' | 'damaged' | 'too-large';

/** A file that cannot be read as a Word document: why, in both languages. */
export class DocxError extends Error {
    constructor(readonly problem: DocxProblem, readonly fr: string, readonly en: string) {
        super(`${fr} / ${en}`);
        this.name = 'DocxError';
    }
}

/** Above this, the document's parts are not unpacked (a référentiel is a few MB; a zip bomb is not). */
const MAX_UNPACKED = 512 * 1024 * 1024;

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, prefix: number[] | string): boolean {
    const p = typeof prefix === 'string' ? [...prefix].map((c) => c.charCodeAt(0)) : prefix;
    return bytes.length >= p.length && p.every((b, i) => bytes[i] === b);
}

function containsUtf16(bytes: Uint8Array, word: string): boolean {
    const needle = [...word].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8]);
    outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
        for (let k = 0; k < needle.length; k++) if (bytes[i + k] !== needle[k]) continue outer;
        return true;
    }
    return false;
}

/** The Word libraries, loaded on first use (the CLI keeps them in a bundle of their own). */
async function libraries(): Promise<typeof import('./libraries.js')> {
    return import('./libraries.js');
}

/** Says what a file is when it is not a .docx; else what the reader should know of it. */
async function checkContainer(bytes: Uint8Array, Zip: typeof JSZip): Promise<{ shiftedRows: boolean }> {
    if (bytes.length === 0) throw new DocxError('empty', 'le fichier est vide', 'the file is empty');
    if (startsWith(bytes, OLE)) {
        // an encrypted .docx is an OLE container holding EncryptionInfo and EncryptedPackage streams
        if (containsUtf16(bytes, 'EncryptedPackage') || containsUtf16(bytes, 'EncryptionInfo')) {
            throw new DocxError('encrypted', 'le document est protégé par un mot de passe (chiffré)\u00a0: enregistrez-le sans mot de passe dans Word (Fichier › Informations › Protéger le document), puis importez cette copie',
                'the document is password-protected (encrypted): save it without a password in Word (File › Info › Protect Document), then import that copy');
        }
        throw new DocxError('legacy', "c'est un document Word 97-2003 (.doc) ou un autre format binaire d'Office\u00a0: ouvrez-le dans Word ou LibreOffice et enregistrez-le au format .docx",
            'this is a Word 97-2003 document (.doc) or another binary Office format: open it in Word or LibreOffice and save it as .docx');
    }
    if (startsWith(bytes, '%PDF')) throw new DocxError('not-word', "c'est un PDF, pas un document Word\u00a0: importez le .docx dont il est tiré", 'this is a PDF, not a Word document: import the .docx it was made from');
    if (startsWith(bytes, '{\\rtf')) throw new DocxError('not-word', "c'est un document RTF\u00a0: enregistrez-le au format .docx", 'this is an RTF document: save it as .docx');
    if (!startsWith(bytes, 'PK')) throw new DocxError('not-word', "ce n'est pas un document Word (.docx)", 'this is not a Word document (.docx)');
    let zip: JSZip;
    try {
        zip = await Zip.loadAsync(bytes, { checkCRC32: false });
    } catch (e) {
        throw new DocxError('damaged', `le fichier est endommagé (archive illisible\u00a0: ${(e as Error).message})`, `the file is damaged (unreadable archive: ${(e as Error).message})`);
    }
    const names = Object.keys(zip.files);
    const mimetype = zip.file('mimetype');
    if (mimetype) {
        const type = (await mimetype.async('string')).trim();
        if (/opendocument\.text/.test(type)) throw new DocxError('not-word', "c'est un document OpenDocument (.odt)\u00a0: enregistrez-le au format .docx (Word 2007-365)", 'this is an OpenDocument text (.odt): save it as .docx (Word 2007-365)');
        throw new DocxError('not-word', `ce n'est pas un document Word (${type})`, `this is not a Word document (${type})`);
    }
    if (names.some((n) => n.startsWith('xl/'))) throw new DocxError('not-word', "c'est un classeur Excel, pas un document Word", 'this is an Excel workbook, not a Word document');
    if (names.some((n) => n.startsWith('ppt/'))) throw new DocxError('not-word', "c'est une présentation PowerPoint, pas un document Word", 'this is a PowerPoint presentation, not a Word document');
    if (!names.some((n) => /^word\/[^/]+\.xml$/i.test(n))) throw new DocxError('not-word', "ce n'est pas un document Word (aucun contenu word/ dans l'archive)", 'this is not a Word document (no word/ content in the archive)');
    // the unpacked size as the archive states it (jszip keeps it for every entry it indexed)
    let unpacked = 0;
    for (const entry of Object.values(zip.files)) unpacked += (entry as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0;
    if (unpacked > MAX_UNPACKED) {
        throw new DocxError('too-large', `le document se décompresse en plus de ${MAX_UNPACKED / 1024 / 1024} Mo\u00a0: ce n'est pas un référentiel ordinaire`, `the document unpacks to more than ${MAX_UNPACKED / 1024 / 1024} MB: not an ordinary référentiel`);
    }
    // rows that start after empty grid columns (w:gridBefore): mammoth places their cells from the first column
    const main = zip.file('word/document.xml');
    const shiftedRows = main ? /<w:gridBefore\b[^>]*w:val="[1-9]/.test(await main.async('string')) : false;
    return { shiftedRows };
}

// mammoth's document tree (documents.js), the part this reader uses
interface MElement {
    type: string;
    children?: MElement[];
    value?: string;
    breakType?: string;
    checked?: boolean;
    styleId?: string | null;
    styleName?: string | null;
    numbering?: { isOrdered: boolean; level: string | number } | null;
    isBold?: boolean;
    isItalic?: boolean;
    isHeader?: boolean;
    colSpan?: number;
    rowSpan?: number;
    noteType?: string;
    noteId?: string;
}

interface MDocument extends MElement {
    notes?: { resolve(reference: MElement): { body: MElement[] } | null };
}

/** Reads the blocks of a .docx document, or throws a DocxError that says what is wrong with the file. */
export async function readDocx(bytes: Uint8Array): Promise<{ blocks: DocBlock[]; warnings: string[]; shiftedRows: boolean }> {
    const { JSZip: Zip, mammoth } = await libraries();
    const { shiftedRows } = await checkContainer(bytes, Zip);
    let tree: MDocument | undefined;
    let messages: Array<{ type: string; message: string }> = [];
    try {
        // `buffer` for Node's mammoth, `arrayBuffer` for its browser build
        const input = { buffer: bytes, arrayBuffer: bytes.slice().buffer } as unknown as { buffer: Buffer };
        const result = await mammoth.convertToHtml(input, {
            // the tree is what this reader needs; nothing is left for the HTML conversion to do
            transformDocument: (document: MDocument) => {
                tree = document;
                return { ...document, children: [] };
            },
            convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
        });
        messages = result.messages;
    } catch (e) {
        const message = (e as Error).message ?? String(e);
        if (/main document part/i.test(message)) throw new DocxError('not-word', "ce n'est pas un document Word (pas de document principal)", 'this is not a Word document (no main document part)');
        throw new DocxError('damaged', `le document est endommagé (${message.split('\n')[0]})`, `the document is damaged (${message.split('\n')[0]})`);
    }
    if (!tree || tree.type !== 'document' || !Array.isArray(tree.children)) {
        throw new DocxError('damaged', "le document n'a pas pu être lu", 'the document could not be read');
    }
    const reader = new TreeReader(tree);
    const blocks = reader.blocks(tree.children);
    return { blocks, warnings: messages.filter((m) => m.type !== 'info').map((m) => m.message), shiftedRows };
}

const HEADING_STYLE = /^(?:heading|titre|[üu]berschrift|t[íi]tulo)\s*(\d)$/i;
const TITLE_STYLE = /^(?:title|titre|subtitle|sous-titre)$/i;

class TreeReader {
    private tables = 0;
    constructor(private readonly document: MDocument) {}

    blocks(elements: MElement[]): DocBlock[] {
        const out: DocBlock[] = [];
        for (const e of elements) {
            if (e.type === 'paragraph') out.push(this.paragraph(e));
            else if (e.type === 'table') out.push(this.table(e));
            else if (e.children) out.push(...this.blocks(e.children));
        }
        return out;
    }

    private paragraph(p: MElement): DocParagraph {
        const style = p.styleName ?? p.styleId ?? undefined;
        const heading = headingLevel(p.styleName, p.styleId);
        const runs: Array<{ text: string; bold: boolean; italic: boolean }> = [];
        let images = 0;
        const walk = (e: MElement, bold: boolean, italic: boolean) => {
            switch (e.type) {
                case 'text': runs.push({ text: e.value ?? '', bold, italic }); return;
                case 'tab': runs.push({ text: '\t', bold, italic }); return;
                case 'break': if (e.breakType === 'line' || e.breakType === undefined) runs.push({ text: '\n', bold, italic }); return;
                case 'checkbox': runs.push({ text: e.checked ? '☒' : '☐', bold, italic }); return;
                case 'image': images++; return;
                case 'noteReference': {
                    const body = this.document.notes?.resolve(e)?.body ?? [];
                    const text = this.blocks(body).map((b) => (b.kind === 'paragraph' ? b.text : '')).filter(Boolean).join(' ');
                    runs.push({ text: `[${text}]`, bold: false, italic: false });
                    return;
                }
                case 'run':
                    for (const c of e.children ?? []) walk(c, !!e.isBold, !!e.isItalic);
                    return;
                default:
                    for (const c of e.children ?? []) walk(c, bold, italic);
            }
        };
        for (const c of p.children ?? []) walk(c, false, false);
        const text = runs.map((r) => r.text).join('');
        const visible = runs.filter((r) => /\S/.test(r.text));
        const numbering = p.numbering ? { ordered: !!p.numbering.isOrdered, level: Number(p.numbering.level) || 0 } : undefined;
        return {
            kind: 'paragraph', text, style, heading, list: numbering,
            bold: visible.length > 0 && visible.every((r) => r.bold), italic: visible.length > 0 && visible.every((r) => r.italic), images,
        };
    }

    private table(t: MElement): DocTable {
        const number = ++this.tables;
        const rows: DocRow[] = [];
        // grid columns still taken by a cell merged down from a row above
        const busy: number[] = [];
        let columns = 0;
        (t.children ?? []).filter((r) => r.type === 'tableRow').forEach((r, rowIndex) => {
            const cells: DocCell[] = [];
            let column = 0;
            for (const c of (r.children ?? []).filter((x) => x.type === 'tableCell')) {
                while ((busy[column] ?? 0) > rowIndex) column++;
                const colSpan = Math.max(1, c.colSpan ?? 1);
                const rowSpan = Math.max(1, c.rowSpan ?? 1);
                cells.push({ row: rowIndex, column, rowSpan, colSpan, blocks: this.blocks(c.children ?? []) });
                for (let k = 0; k < colSpan; k++) busy[column + k] = rowIndex + rowSpan;
                column += colSpan;
            }
            columns = Math.max(columns, column, busy.length);
            rows.push({ header: !!r.isHeader, cells });
        });
        return { kind: 'table', number, rows, columns };
    }
}

function headingLevel(name: string | null | undefined, id: string | null | undefined): number | undefined {
    for (const s of [name, id]) {
        if (!s) continue;
        const m = HEADING_STYLE.exec(s.trim()) ?? /^(?:Heading|Titre)(\d)$/i.exec(s.trim());
        if (m) return Number(m[1]);
        if (TITLE_STYLE.test(s.trim())) return 0;
    }
    return undefined;
}
