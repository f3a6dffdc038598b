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
            text = fs.readFileSync(file, 'utf8');
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
