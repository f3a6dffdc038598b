import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { createCertirefServices, type CertirefServices } from '../certiref-module.js';
import { StaticConfigProvider, type Language, type SeveritySetting } from '../config/config.js';
import type { CertirefDiagnosticData } from '../validation/document-validator.js';
import type { DiffFinding, DiffSide, FindingSeverity } from './compare.js';

const SEVERITY: Record<number, FindingSeverity> = {
    [DiagnosticSeverity.Error]: 'error',
    [DiagnosticSeverity.Warning]: 'warning',
    [DiagnosticSeverity.Information]: 'info',
    [DiagnosticSeverity.Hint]: 'hint',
};

/**
 * One side of a diff: the models of the certifications the given (built) documents belong to,
 * and the findings of all their documents, read from the diagnostics the validator produced.
 */
export function diffSide(services: CertirefServices, documents: LangiumDocument[]): DiffSide {
    const uris = new Set(documents.map((d) => d.uri.toString()));
    const models = services.referential.Models.all().filter((m) => m.documents.some((uri) => uris.has(uri)));
    const findings: DiffFinding[] = [];
    const langiumDocuments = services.shared.workspace.LangiumDocuments;
    for (const model of models) {
        for (const uri of model.documents) {
            const document = langiumDocuments.getDocument(URI.parse(uri));
            for (const d of document?.diagnostics ?? []) {
                const data = d.data as CertirefDiagnosticData | undefined;
                findings.push({
                    uri,
                    range: d.range,
                    severity: SEVERITY[d.severity ?? DiagnosticSeverity.Error],
                    rule: data?.rule ?? String(d.code ?? 'unknown'),
                    message: data?.message ?? { fr: d.message, en: d.message },
                });
            }
        }
    }
    return { models, findings };
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
