import { TextDocument, URI } from 'langium';
import { DefaultDocumentUpdateHandler, NormalizedTextDocuments, type LangiumSharedServices } from 'langium/lsp';
import type { Connection, DidOpenTextDocumentParams, TextDocumentChangeEvent } from 'vscode-languageserver';

/**
 * The documents the editor opens, less those that are not certiref's. An editor sends every
 * document its selector matches, and a client may send more: another language (`plaintext`,
 * `x.txt`), no text at all (`text: null`), the older version a diff view shows (`git:`), a new
 * file never saved (`untitled:`). Those are not files of the workspace — a `git:` copy of a
 * référentiel would declare its certification a second time — and Langium has no services for
 * the others: taken in, they stopped the server. A document is certiref's when its language is
 * certiref or its name ends in `.ref`, its text is a text, and it lives where the workspace does
 * (`file:`, or the scheme of a workspace folder, such as vscode.dev's `vscode-vfs:`).
 */
export class CertirefTextDocuments extends NormalizedTextDocuments<TextDocument> {
    private readonly schemes = new Set(['file']);

    constructor(private readonly shared: LangiumSharedServices) {
        super(TextDocument);
    }

    /** Whether a document the editor opens is one of the workspace's référentiels. */
    accepts(document: { uri?: unknown; languageId?: unknown; text?: unknown }): boolean {
        if (typeof document?.uri !== 'string' || typeof document.text !== 'string') return false;
        let uri: URI;
        try {
            uri = URI.parse(document.uri);
        } catch {
            return false;
        }
        return (document.languageId === 'certiref' || /\.ref$/i.test(uri.path)) && this.schemes.has(uri.scheme);
    }

    override listen(connection: Connection) {
        this.shared.lsp.LanguageServer.onInitialize((params) => {
            for (const folder of params.workspaceFolders ?? []) this.schemes.add(URI.parse(folder.uri).scheme);
            if (params.rootUri) this.schemes.add(URI.parse(params.rootUri).scheme);
        });
        // the editor's open notifications, less the documents that are not certiref's (a change or
        // a close of a document never taken in is ignored already)
        const filtered = Object.create(connection) as Connection;
        filtered.onDidOpenTextDocument = (handler) => connection.onDidOpenTextDocument((params: DidOpenTextDocumentParams) => {
            if (this.accepts(params?.textDocument ?? {})) return handler(params);
        });
        const disposable = super.listen(filtered);
        // what Langium's copy tells the connection (incremental sync), said to the connection itself
        (connection as unknown as Record<string, unknown>).__textDocumentSync = (filtered as unknown as Record<string, unknown>).__textDocumentSync;
        return disposable;
    }
}

/**
 * Langium's reactions to the editor's documents, and what they lack:
 *
 * - a document closed in the editor is read again from the disk when it is there (its unsaved
 *   edits are gone), and dropped from the workspace when it is not (a new file never saved, a
 *   file deleted while open): it held its whole text in memory, and its symbols stayed in
 *   `workspace/symbol`;
 * - a failed update is logged, never left as an unhandled rejection, which ends a Node process.
 */
export class CertirefDocumentUpdateHandler extends DefaultDocumentUpdateHandler {
    constructor(private readonly shared: LangiumSharedServices) {
        super(shared);
    }

    didCloseDocument(event: TextDocumentChangeEvent<TextDocument>): void {
        const uri = URI.parse(event.document.uri);
        const documents = this.shared.workspace.LangiumDocuments;
        if (!documents.hasDocument(uri)) return;
        // a workspace of the browser (vscode.dev) is read through the editor: there, read it again
        let onDisk = uri.scheme !== 'file';
        try {
            onDisk ||= this.shared.workspace.FileSystemProvider.statSync(uri).isFile;
        } catch {
            // not there
        }
        if (onDisk) this.fireDocumentUpdate([uri], []);
        else this.fireDocumentUpdate([], [uri]);
    }

    protected override fireDocumentUpdate(changed: URI[], deleted: URI[]): void {
        this.workspaceManager.ready
            .then(() => this.workspaceLock.write((token) => this.documentBuilder.update(changed, deleted, token)))
            .catch((error: unknown) => console.error('certiref: document update failed', error));
    }
}

