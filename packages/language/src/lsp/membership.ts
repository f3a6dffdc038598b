import { DocumentState, type LangiumDocument, type LangiumDocuments } from 'langium';
import { isCertification, isCertificationPart, type Document } from '../generated/ast.js';
import type { CertirefServices } from '../certiref-module.js';

/**
 * Which certification a document belongs to: the id it declares (`certification MSD …`) or the
 * one it continues (`partie de MSD`). References resolve only among the documents of one
 * certification.
 */
export class CertificationMembership {
    private readonly documents: LangiumDocuments;
    /** The certification of each document at its last parse, to know what an edit affects. */
    private readonly lastKnown = new Map<string, string>();
    /** Documents per certification; rebuilt after each change (see `index`). */
    private byCertification?: Map<string, LangiumDocument[]>;

    constructor(services: CertirefServices) {
        this.documents = services.shared.workspace.LangiumDocuments;
        const builder = services.shared.workspace.DocumentBuilder;
        builder.onUpdate(() => (this.byCertification = undefined));
        builder.onBuildPhase(DocumentState.IndexedContent, () => (this.byCertification = undefined));
    }

    private index(): Map<string, LangiumDocument[]> {
        if (!this.byCertification) {
            const index = new Map<string, LangiumDocument[]>();
            for (const doc of this.documents.all) {
                const id = this.certificationOf(doc);
                if (id === undefined) continue;
                const list = index.get(id);
                if (list) list.push(doc);
                else index.set(id, [doc]);
            }
            for (const list of index.values()) list.sort((a, b) => compareStrings(a.uri.toString(), b.uri.toString()));
            this.byCertification = index;
        }
        return this.byCertification;
    }

    certificationOf(document: LangiumDocument): string | undefined {
        const root = document.parseResult?.value as Document | undefined;
        const id = certificationIdOf(root);
        if (id !== undefined) this.lastKnown.set(document.uri.toString(), id);
        return id;
    }

    /** The certification a document had when it was last looked at (before an edit). */
    lastKnownCertificationOf(uri: string): string | undefined {
        return this.lastKnown.get(uri);
    }

    forget(uri: string): void {
        this.lastKnown.delete(uri);
    }

    /** The documents of one certification, in a stable order (by URI). */
    documentsOf(certificationId: string): LangiumDocument[] {
        return this.index().get(certificationId) ?? [];
    }

    /** Every certification id declared or continued in the workspace, sorted. */
    certificationIds(): string[] {
        return [...this.index().keys()].sort(compareStrings);
    }
}

export function certificationIdOf(root: Document | undefined): string | undefined {
    const header = root?.header;
    if (isCertification(header)) return header.name || undefined;
    if (isCertificationPart(header)) return header.certification?.$refText || undefined;
    return undefined;
}

const HEADER = /^\s*(?:(?:\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)\s*)*(?:certification\s+([^\s"]+)|(?:partie\s+de|part\s+of)\s+([^\s"]+))/i;

/** The certification id a text declares in its header, read without parsing (for edits). */
export function certificationIdOfText(text: string): string | undefined {
    const m = HEADER.exec(text);
    return m ? (m[1] ?? m[2]) : undefined;
}

export function compareStrings(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}
