import { URI, type LangiumDocument, type LangiumDocuments } from 'langium';
import type { CertirefServices } from '../certiref-module.js';
import type { Finding } from '../finding.js';
import type { CertificationModel } from '../model/types.js';

/**
 * The findings of each validated document, as the validator made them (severities and
 * suppressions applied): what the CLI prints, the preview and the outline show, the diff
 * compares. A document being rebuilt has none until it is validated again, as its diagnostics.
 */
export class DocumentFindings {
    private readonly byDocument = new WeakMap<LangiumDocument, Finding[]>();
    private readonly documents: () => LangiumDocuments;

    constructor(services: CertirefServices) {
        this.documents = () => services.shared.workspace.LangiumDocuments;
    }

    /** The validator's findings of a document (its diagnostics are made from them). */
    record(document: LangiumDocument, findings: Finding[]): void {
        this.byDocument.set(document, findings);
    }

    /** The findings of a document, sorted by place; none while it is not validated. */
    of(document: LangiumDocument): Finding[] {
        return document.diagnostics ? this.byDocument.get(document) ?? [] : [];
    }

    /** The findings of every document of a certification, document after document. */
    ofModel(model: CertificationModel): Finding[] {
        return model.documents.flatMap((uri) => {
            const document = this.documents().getDocument(URI.parse(uri));
            return document ? this.of(document) : [];
        });
    }
}
