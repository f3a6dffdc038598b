import * as fs from 'node:fs';
import * as path from 'node:path';
import { URI, type LangiumDocument } from 'langium';
import { NodeFileSystemProvider } from 'langium/node';
import { createCertirefServices, type CertirefServices } from './certiref-module.js';
import { NodeConfigProvider } from './config/node-config-provider.js';
import { bytesProblem, sizeProblem } from './parser/size.js';
import type { LangiumSharedServices } from 'langium/lsp';

export { NodeConfigProvider } from './config/node-config-provider.js';

/** Services for Node (CLI, tests): files from disk, certiref.json from disk. */
export function createNodeServices(): { shared: LangiumSharedServices; Certiref: CertirefServices; config: NodeConfigProvider } {
    const config = new NodeConfigProvider();
    const services = createCertirefServices({ fileSystemProvider: () => new CertirefNodeFileSystemProvider() }, { module: { referential: { Config: () => config } } });
    services.shared.workspace.ConfigurationProvider.initialized({});
    return { ...services, config };
}

/**
 * A file that cannot be read as a référentiel, with the place of the first byte at fault
 * (1-based; 1:1 when the whole file is at fault) and a message in French and English.
 */
export interface FileProblem {
    file: string;
    line: number;
    column: number;
    message: { fr: string; en: string };
}

/** `file:line:column: message fr / message en`, as the CLI prints it. */
export function describeProblem(problem: FileProblem, shown = problem.file): string {
    return `${shown}:${problem.line}:${problem.column}: ${problem.message.fr} / ${problem.message.en}`;
}

const READ_ERRORS: Record<string, { fr: string; en: string }> = {
    EACCES: { fr: 'accès refusé, le fichier n\'est pas lisible', en: 'permission denied, the file cannot be read' },
    EPERM: { fr: 'accès refusé, le fichier n\'est pas lisible', en: 'permission denied, the file cannot be read' },
    ELOOP: { fr: 'boucle de liens symboliques', en: 'symbolic link loop' },
    ENOENT: { fr: 'fichier introuvable (lien symbolique cassé ?)', en: 'no such file (broken symbolic link?)' },
    EISDIR: { fr: 'c\'est un dossier', en: 'this is a folder' },
};

/** Why a file cannot be read, from the error `fs` gave. */
export function readProblem(file: string, error: unknown): FileProblem {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    const known = READ_ERRORS[code];
    return { file, line: 1, column: 1, message: known ?? { fr: `lecture impossible (${code || (error as Error).message})`, en: `cannot read (${code || (error as Error).message})` } };
}

/** A pipe, a device, a socket: not a file to read (a pipe would block its reader forever). */
export function notRegularFile(file: string): FileProblem {
    return { file, line: 1, column: 1, message: { fr: 'pas un fichier ordinaire (tube, périphérique …)', en: 'not a regular file (pipe, device …)' } };
}

/**
 * The text of a .ref file, or why it has none: not a regular file (a pipe would block the
 * reader forever), unreadable, a symbolic link loop, binary, not UTF-8.
 */
export function readSource(file: string): { text: string } | { problem: FileProblem } {
    try {
        const stat = fs.statSync(file);
        if (!stat.isFile()) return { problem: notRegularFile(file) };
        // too large to hold: refused before reading, or once read (see parser/size.ts)
        const huge = bytesProblem(stat.size);
        if (huge) return { problem: { file, line: 1, column: 1, message: huge } };
        const read = decodeText(fs.readFileSync(file));
        if (typeof read !== 'string') return { problem: { file, ...read } };
        const tooLarge = sizeProblem(read);
        return tooLarge ? { problem: { file, line: 1, column: 1, message: tooLarge } } : { text: read };
    } catch (e) {
        return { problem: readProblem(file, e) };
    }
}

/**
 * Loads the given .ref files into the workspace and builds them together (parse, link,
 * validate), so that references across files resolve. Files that cannot be read are left out
 * and returned as problems.
 */
export async function loadDocuments(services: CertirefServices, files: string[], onRead?: (count: number) => void): Promise<{ documents: LangiumDocument[]; problems: FileProblem[] }> {
    const shared = services.shared;
    const documents: LangiumDocument[] = [];
    const problems: FileProblem[] = [];
    for (const file of files) {
        const read = readSource(file);
        if ('problem' in read) {
            problems.push(read.problem);
            continue;
        }
        const uri = URI.file(path.resolve(file));
        const document = shared.workspace.LangiumDocumentFactory.fromString(read.text, uri);
        shared.workspace.LangiumDocuments.addDocument(document);
        documents.push(document);
        onRead?.(documents.length);
    }
    await shared.workspace.DocumentBuilder.build(documents, { validation: true });
    return { documents, problems };
}

/**
 * The text of a .ref file: UTF-8, without its byte order mark (editors do not count it in
 * columns). A file in another encoding or a binary file is refused with the place of the first
 * byte that does not fit, rather than read with replacement characters (lost text).
 */
export function decodeText(bytes: Uint8Array): string | { line: number; column: number; message: { fr: string; en: string } } {
    if (isUtf16(bytes)) {
        return { line: 1, column: 1, message: { fr: 'le texte est en UTF-16, pas en UTF-8 ; enregistrez le fichier en UTF-8', en: 'the text is UTF-16, not UTF-8; save the file as UTF-8' } };
    }
    const nul = bytes.indexOf(0);
    if (nul >= 0) {
        return { ...position(bytes, nul), message: { fr: 'fichier binaire (octet nul)', en: 'binary file (NUL byte)' } };
    }
    try {
        const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
        return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    } catch {
        const bad = firstInvalidUtf8(bytes);
        return { ...position(bytes, bad), message: { fr: 'le texte n\'est pas en UTF-8 ; enregistrez le fichier en UTF-8', en: 'the text is not UTF-8; save the file as UTF-8' } };
    }
}

/**
 * UTF-16 (what Windows' Notepad and Excel call « Unicode »): its byte order mark, or, without
 * one, text where one byte of each pair is NUL (Latin letters and digits) in most of the first
 * pairs. Not binary: it says what to do.
 */
function isUtf16(bytes: Uint8Array): boolean {
    if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) return true;
    const pairs = Math.min(Math.floor(bytes.length / 2), 2048);
    if (pairs < 4) return false;
    let even = 0;
    let odd = 0;
    for (let i = 0; i < pairs; i++) {
        if (bytes[2 * i] === 0 && bytes[2 * i + 1] !== 0) even++;
        else if (bytes[2 * i + 1] === 0 && bytes[2 * i] !== 0) odd++;
    }
    return Math.max(even, odd) >= pairs * 0.75;
}

/**
 * The language server's file system: the workspace's .ref files read as the CLI reads them. A
 * file that cannot be read (binary, not UTF-8, unreadable …) is an empty document, and its
 * problem is kept for the validator, which reports it where it is: the server neither stops
 * nor shows replacement characters.
 */
export class CertirefNodeFileSystemProvider extends NodeFileSystemProvider {
    private readonly problems = new Map<string, FileProblem>();

    override async readFile(uri: URI): Promise<string> {
        return this.readFileSync(uri);
    }

    override readFileSync(uri: URI): string {
        const read = readSource(uri.fsPath);
        if ('problem' in read) {
            this.problems.set(uri.toString(), read.problem);
            return '';
        }
        this.problems.delete(uri.toString());
        return read.text;
    }

    /** Why the file at this URI could not be read, when it could not. */
    problemOf(uri: string): FileProblem | undefined {
        return this.problems.get(uri);
    }
}

/**
 * The line and column of a byte, as an editor shows them: lines end at LF, CRLF or a lone CR
 * (as the lexer reads them), columns count UTF-16 code units from 1.
 */
function position(bytes: Uint8Array, offset: number): { line: number; column: number } {
    let line = 1;
    let start = 0;
    for (let i = 0; i < offset; i++) {
        if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) [line, start] = [line + 1, i + 1];
    }
    const column = new TextDecoder('utf-8').decode(bytes.subarray(start, offset)).length + 1;
    return { line, column };
}

/**
 * The first byte that is not well-formed UTF-8, by the same table as the decoder (Unicode,
 * table 3-7): besides bytes out of place, an overlong form (E0 80, F0 80), a surrogate (ED A0)
 * or a code point above U+10FFFF (F4 90) are refused at their first byte. Reading them as
 * valid, as a simpler test did, gave the end of the file: a line that does not exist.
 */
function firstInvalidUtf8(bytes: Uint8Array): number {
    let i = 0;
    while (i < bytes.length) {
        const b = bytes[i];
        if (b < 0x80) {
            i++;
            continue;
        }
        let n: number;
        let low = 0x80;
        let high = 0xbf;
        if (b >= 0xc2 && b <= 0xdf) n = 1;
        else if (b >= 0xe0 && b <= 0xef) {
            n = 2;
            if (b === 0xe0) low = 0xa0;
            if (b === 0xed) high = 0x9f;
        } else if (b >= 0xf0 && b <= 0xf4) {
            n = 3;
            if (b === 0xf0) low = 0x90;
            if (b === 0xf4) high = 0x8f;
        } else return i;
        for (let k = 1; k <= n; k++) {
            const next = bytes[i + k];
            if (next === undefined || next < (k === 1 ? low : 0x80) || next > (k === 1 ? high : 0xbf)) return i;
        }
        i += n + 1;
    }
    return Math.max(0, bytes.length - 1);
}
