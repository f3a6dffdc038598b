import { URI, type FileSystemNode, type FileSystemProvider } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { Connection } from 'vscode-languageserver';
import type { RegistrySettings, SeveritySetting } from '../config/config.js';
import { languageOfLocale, type Language } from '../i18n.js';
import { READ_DIRECTORY_REQUEST, READ_FILE_REQUEST, SETTINGS_NOTIFICATION, type EditorSettings, type ReadDirectoryEntry } from '../protocol.js';
import { registerCertirefRequests, type OfficeLoader } from './requests.js';

/** What a server's configuration must accept from the editor. */
export interface SettableConfig {
    overrides: Record<string, SeveritySetting>;
    forcedLanguage?: Language;
    defaultLanguage: Language;
}

/** The registry of the desktop server (see similarity/node-registry.ts). */
export interface RegistryHost {
    configure(settings: RegistrySettings | undefined): Promise<void>;
}

/** Every document checked again (after the workspace's first build, never beside a build). */
export async function revalidateAll(shared: LangiumSharedServices): Promise<void> {
    await shared.workspace.WorkspaceManager.ready;
    await shared.workspace.WorkspaceLock.write(async (token) => {
        const uris = shared.workspace.LangiumDocuments.all.map((d) => d.uri).toArray();
        await shared.workspace.DocumentBuilder.update(uris, [], token);
    });
}

/**
 * What the Node server and the Web Worker server share beyond Langium's own: certiref's
 * requests (preview, outline), and the editor's settings, after which every document is checked
 * again.
 */
export function setupServer(connection: Connection, shared: LangiumSharedServices, config: SettableConfig, office?: OfficeLoader, registry?: RegistryHost): void {
    registerCertirefRequests(connection, shared, office);
    let current = '';
    if (registry) {
        // certiref.json may name the registry: read once the workspace is loaded
        void shared.workspace.WorkspaceManager.ready.then(() => registry.configure(undefined));
    }
    connection.onNotification(SETTINGS_NOTIFICATION, async (settings: EditorSettings) => {
        if (registry) void shared.workspace.WorkspaceManager.ready.then(() => registry.configure(settings.registry));
        const before = JSON.stringify([config.overrides, config.forcedLanguage, config.defaultLanguage]);
        config.overrides = { ...(settings.rules ?? {}) };
        config.forcedLanguage = settings.language === 'fr' || settings.language === 'en' ? settings.language : undefined;
        if (settings.displayLanguage) config.defaultLanguage = languageOfLocale(settings.displayLanguage);
        current = JSON.stringify([config.overrides, config.forcedLanguage, config.defaultLanguage]);
        if (current === before) return;
        // after the workspace's first build, and in turn with the edits: never beside a build
        await revalidateAll(shared);
    });
}

/**
 * The workspace's files as the editor sees them (vscode.dev, github.dev): a Web Worker has no
 * file system, so the server asks the extension, which reads through `vscode.workspace.fs`.
 * Langium loads the workspace's .ref files at start-up through this provider, so references
 * to files that are not open resolve, as on the desktop.
 */
export class ClientFileSystemProvider implements FileSystemProvider {
    constructor(private readonly connection: () => Connection) {}

    async readFile(uri: URI): Promise<string> {
        return this.connection().sendRequest(READ_FILE_REQUEST, uri.toString());
    }

    async readDirectory(uri: URI): Promise<FileSystemNode[]> {
        const entries = await this.connection().sendRequest<ReadDirectoryEntry[]>(READ_DIRECTORY_REQUEST, uri.toString());
        return entries.map((e) => ({ uri: URI.parse(e.uri), isFile: e.isFile, isDirectory: e.isDirectory }));
    }

    async stat(uri: URI): Promise<FileSystemNode> {
        return { uri, isFile: /\.[^/]+$/.test(uri.path), isDirectory: !/\.[^/]+$/.test(uri.path) };
    }

    statSync(uri: URI): FileSystemNode {
        return { uri, isFile: /\.[^/]+$/.test(uri.path), isDirectory: !/\.[^/]+$/.test(uri.path) };
    }

    async exists(): Promise<boolean> {
        return true;
    }

    existsSync(): boolean {
        return true;
    }

    async readBinary(uri: URI): Promise<Uint8Array> {
        return new TextEncoder().encode(await this.readFile(uri));
    }

    readBinarySync(): Uint8Array {
        throw new Error('synchronous reads are not available in a Web Worker');
    }

    readFileSync(): string {
        throw new Error('synchronous reads are not available in a Web Worker');
    }

    readDirectorySync(): FileSystemNode[] {
        throw new Error('synchronous reads are not available in a Web Worker');
    }
}
