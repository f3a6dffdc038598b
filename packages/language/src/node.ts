import * as fs from 'node:fs';
import * as path from 'node:path';
import { URI, type LangiumDocument } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { createCertirefServices, type CertirefServices } from './certiref-module.js';
import { NodeConfigProvider } from './config/node-config-provider.js';
import type { LangiumSharedServices } from 'langium/lsp';

export { NodeConfigProvider } from './config/node-config-provider.js';

/** Services for Node (CLI, tests): files from disk, certiref.json from disk. */
export function createNodeServices(): { shared: LangiumSharedServices; Certiref: CertirefServices; config: NodeConfigProvider } {
    const config = new NodeConfigProvider();
    const services = createCertirefServices(NodeFileSystem, { module: { referential: { Config: () => config } } });
    services.shared.workspace.ConfigurationProvider.initialized({});
    return { ...services, config };
}

/** A file the CLI could not take, with a message that says why. */
export interface FileProblem {
    file: string;
    message: string;
}

/**
 * Loads the given .ref files into the workspace and builds them together (parse, link,
 * validate), so that references across files resolve.
 */
export async function loadDocuments(services: CertirefServices, files: string[], onRead?: (count: number) => void): Promise<{ documents: LangiumDocument[]; problems: FileProblem[] }> {
    const shared = services.shared;
    const documents: LangiumDocument[] = [];
    const problems: FileProblem[] = [];
    for (const file of files) {
        let text: string;
        try {
            const read = decodeText(fs.readFileSync(file));
            if (typeof read !== 'string') {
                problems.push({ file, message: read.problem });
                continue;
            }
            text = read;
        } catch (e) {
            problems.push({ file, message: `lecture impossible / cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` });
            continue;
        }
        const uri = URI.file(path.resolve(file));
        const document = shared.workspace.LangiumDocumentFactory.fromString(text, uri);
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
export function decodeText(bytes: Uint8Array): string | { problem: string } {
    const nul = bytes.indexOf(0);
    if (nul >= 0) {
        const { line, column } = position(bytes, nul);
        return { problem: `${line}:${column}: fichier binaire (octet nul) / binary file (NUL byte)` };
    }
    try {
        const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
        return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    } catch {
        const bad = firstInvalidUtf8(bytes);
        const { line, column } = position(bytes, bad);
        return { problem: `${line}:${column}: le texte n'est pas en UTF-8 ; enregistrez le fichier en UTF-8 / the text is not UTF-8; save the file as UTF-8` };
    }
}

function position(bytes: Uint8Array, offset: number): { line: number; column: number } {
    let line = 1;
    let start = 0;
    for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) [line, start] = [line + 1, i + 1];
    const column = new TextDecoder('utf-8').decode(bytes.subarray(start, offset)).length + 1;
    return { line, column };
}

function firstInvalidUtf8(bytes: Uint8Array): number {
    let i = 0;
    while (i < bytes.length) {
        const b = bytes[i];
        const n = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
        if (n < 0) return i;
        for (let k = 1; k <= n; k++) if (i + k >= bytes.length || (bytes[i + k] & 0xc0) !== 0x80) return i;
        i += n + 1;
    }
    return bytes.length;
}
