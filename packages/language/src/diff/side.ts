import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { createCertirefServices, type CertirefServices } from '../certiref-module.js';
import { StaticConfigProvider, type SeveritySetting } from '../config/config.js';
import type { Language } from '../i18n.js';
import type { DiffSide } from './compare.js';

/**
 * One side of a diff: the models of the certifications the given (built) documents belong to,
 * and the findings of all their documents.
 */
export function diffSide(services: CertirefServices, documents: LangiumDocument[]): DiffSide {
    const uris = new Set(documents.map((d) => d.uri.toString()));
    const models = services.referential.Models.all().filter((m) => m.documents.some((uri) => uris.has(uri)));
    return { models, findings: models.flatMap((model) => services.referential.Findings.ofModel(model)) };
}

/**
 * One side of a diff from texts (an older version the editor read from git or from another
 * folder): built in services of its own, beside the workspace's, with the given settings.
 */
export async function diffSideOfTexts(files: Array<{ uri: string; text: string }>, settings: { language: Language; rules: Record<string, SeveritySetting> }): Promise<DiffSide> {
    const config = new StaticConfigProvider();
    config.language = settings.language;
    config.rules = { ...settings.rules };
    const { shared, Certiref } = createCertirefServices(EmptyFileSystem, { module: { referential: { Config: () => config } } });
    shared.workspace.ConfigurationProvider.initialized({});
    const documents = files.map((f) => {
        const document = shared.workspace.LangiumDocumentFactory.fromString(f.text, URI.parse(f.uri));
        shared.workspace.LangiumDocuments.addDocument(document);
        return document;
    });
    await shared.workspace.DocumentBuilder.build(documents, { validation: true });
    return diffSide(Certiref, documents);
}
