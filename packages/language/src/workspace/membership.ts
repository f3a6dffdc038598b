import { DocumentState, type LangiumDocument, type LangiumDocuments } from 'langium';
import { isCertification, isCertificationPart, type Document } from '../generated/ast.js';
import type { CertirefServices } from '../certiref-module.js';

/**
 * Which certification a document belongs to. A certification is the file that declares it
 * (`certification MSD …`) and the files that continue it (`partie de MSD`) in that file's folder
 * or below; a continuing file joins the nearest declaration above it. So two copies of a
 * référentiel in two folders (v1/, v2/) are two certifications, and references never cross them.
 *
 * A certification's key is `id@folder` of its declaration (or `id@` when no file declares it).
 */
export class CertificationMembership {
    private readonly documents: LangiumDocuments;
    /** The certification id of each document at its last parse, to know what an edit affects. */
    private readonly lastKnown = new Map<string, string>();
    private cache?: { keyOf: Map<string, string>; byKey: Map<string, LangiumDocument[]> };
    /** The header each document had when the index was made. */
    private readonly headers = new Map<string, { id: string; main: boolean }>();

    /** An invalidation waits for the new parse results: the index is made again once they exist. */
    private rebuildAfterParse = false;

    constructor(services: CertirefServices) {
        this.documents = services.shared.workspace.LangiumDocuments;
        services.shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.IndexedContent, () => {
            if (this.rebuildAfterParse) {
                this.cache = undefined;
                this.rebuildAfterParse = false;
            }
        });
    }

    /**
     * Called by the document builder before it rebuilds: the index is made again only when a
     * document comes, goes, or changes its header (an edit inside a bloc keeps it: on a large
     * workspace, that is most edits).
     */
    invalidate(changes?: Array<{ uri: string; header: { id: string; main: boolean } | undefined }>): void {
        const stale = !this.cache || !changes || changes.some((change) => {
            const before = this.headers.get(change.uri);
            return !this.cache!.keyOf.has(change.uri) || before?.id !== change.header?.id || before?.main !== change.header?.main;
        });
        if (stale) {
            this.cache = undefined;
            this.rebuildAfterParse = true;
        }
    }

    private index() {
        if (!this.cache) {
            const headers = new Map<string, { id: string; main: boolean; folder: string; doc: LangiumDocument }>();
            const mains = new Map<string, string[]>(); // id → folders of declarations
            this.headers.clear();
            for (const doc of this.documents.all) {
                const header = headerOf(doc.parseResult?.value as Document | undefined);
                if (!header) continue;
                const uri = doc.uri.toString();
                this.lastKnown.set(uri, header.id);
                this.headers.set(uri, header);
                const folder = folderOf(uri);
                headers.set(uri, { ...header, folder, doc });
                if (header.main) mains.set(header.id, [...(mains.get(header.id) ?? []), folder]);
            }
            const keyOf = new Map<string, string>();
            const byKey = new Map<string, LangiumDocument[]>();
            for (const [uri, h] of headers) {
                const folder = h.main ? h.folder : nearestAncestor(h.folder, mains.get(h.id) ?? []);
                const key = `${h.id}@${folder ?? ''}`;
                keyOf.set(uri, key);
                byKey.set(key, [...(byKey.get(key) ?? []), h.doc]);
            }
            for (const list of byKey.values()) list.sort((a, b) => compareStrings(a.uri.toString(), b.uri.toString()));
            this.cache = { keyOf, byKey };
        }
        return this.cache;
    }

    /** The key of the certification a document belongs to. */
    certificationOf(document: LangiumDocument): string | undefined {
        return this.index().keyOf.get(document.uri.toString());
    }

    /** The certification id a document had when it was last looked at (before an edit). */
    lastKnownIdOf(uri: string): string | undefined {
        return this.lastKnown.get(uri);
    }

    forget(uri: string): void {
        this.lastKnown.delete(uri);
    }

    /** The documents of one certification, in a stable order (by URI). */
    documentsOf(key: string): LangiumDocument[] {
        return this.index().byKey.get(key) ?? [];
    }

    /** Every certification key of the workspace, sorted. */
    certificationKeys(): string[] {
        return [...this.index().byKey.keys()].sort(compareStrings);
    }
}

export function idOfKey(key: string): string {
    return key.slice(0, key.lastIndexOf('@'));
}

function headerOf(root: Document | undefined): { id: string; main: boolean } | undefined {
    const header = root?.header;
    if (isCertification(header) && header.name) return { id: header.name, main: true };
    if (isCertificationPart(header) && header.certification?.$refText) return { id: header.certification.$refText, main: false };
    return undefined;
}

function folderOf(uri: string): string {
    return uri.slice(0, uri.lastIndexOf('/') + 1);
}

/**
 * Among declaration folders, the nearest one that contains `folder` (itself included): the
 * certification a continuing file joins. Folders end with `/` (URIs of folders, as here, or paths
 * as the CLI's file walk gives them).
 */
export function nearestAncestor(folder: string, candidates: Iterable<string>): string | undefined {
    let best: string | undefined;
    for (const c of candidates) if (folder.startsWith(c) && (best === undefined || c.length > best.length)) best = c;
    return best;
}

/**
 * The certification id a text declares or continues in its header, read without parsing: skips
 * blank space and comments, then reads `certification ID` or `partie de ID` / `part of ID`.
 * Linear in the length of the text.
 */
export function certificationIdOfText(text: string): string | undefined {
    return certificationHeaderOfText(text)?.id;
}

/** The header of a text, read without parsing: the certification id and whether it declares it. */
export function certificationHeaderOfText(text: string): { id: string; main: boolean } | undefined {
    let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    for (;;) {
        while (i < text.length && /\s/.test(text[i])) i++;
        if (text.startsWith('//', i)) {
            const end = text.indexOf('\n', i);
            if (end < 0) return undefined;
            i = end + 1;
        } else if (text.startsWith('/*', i)) {
            const end = text.indexOf('*/', i + 2);
            if (end < 0) return undefined;
            i = end + 2;
        } else break;
    }
    const m = /^(certification|partie\s+de|part\s+of)\s+([^\s"/]+)/i.exec(text.slice(i, i + 300));
    return m ? { id: m[2], main: m[1].toLowerCase() === 'certification' } : undefined;
}

export function compareStrings(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}
