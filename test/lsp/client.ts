import { WRITING_RULES_OFF_CONFIG } from '../helpers.js';
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll } from 'vitest';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node.js';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { CLI } from '../helpers.js';

/**
 * A minimal LSP client for tests: starts the bundled server (`certiref lsp --stdio`) as a
 * process, answers the requests a real client answers, and records published diagnostics.
 */
export class TestClient {
    readonly connection: MessageConnection;
    readonly process: ChildProcess;
    readonly diagnostics = new Map<string, Diagnostic[]>();
    private readonly versions = new Map<string, number>();
    private listeners: Array<() => void> = [];
    stderr = '';
    /** What the server asked the client to show (`window/showDocument`): a document, a selection. */
    readonly shown: Array<{ uri: string; selection?: { start: { line: number; character: number }; end: { line: number; character: number } }; takeFocus?: boolean }> = [];

    /**
     * `options`: what the client adds after `certiref lsp --stdio` (some add `--clientProcessId=…`),
     * node's own arguments (a preload), and how to spawn (another user, environment).
     */
    constructor(options: { args?: string[]; nodeArgs?: string[]; uid?: number; gid?: number; env?: NodeJS.ProcessEnv } = {}) {
        this.process = spawn(process.execPath, [...(options.nodeArgs ?? []), CLI, 'lsp', '--stdio', ...(options.args ?? [])], {
            stdio: ['pipe', 'pipe', 'pipe'], uid: options.uid, gid: options.gid, env: options.env ?? process.env,
        });
        this.process.stderr!.on('data', (d) => (this.stderr += String(d)));
        this.process.stdin!.on('error', () => undefined);
        this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
        this.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
            this.diagnostics.set(p.uri, p.diagnostics);
            for (const l of this.listeners) l();
        });
        this.connection.onRequest('client/registerCapability', () => null);
        this.connection.onRequest('window/workDoneProgress/create', () => null);
        this.connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => null));
        this.connection.onRequest('window/showDocument', (p: TestClient['shown'][number]) => {
            this.shown.push(p);
            return { success: true };
        });
        this.connection.listen();
    }

    async initialize(rootUri: string, locale = 'en'): Promise<unknown> {
        const result = await this.connection.sendRequest('initialize', {
            processId: process.pid,
            rootUri,
            locale,
            workspaceFolders: [{ uri: rootUri, name: 'workspace' }],
            capabilities: {
                workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true } },
                textDocument: { publishDiagnostics: { relatedInformation: true }, synchronization: { dynamicRegistration: true } },
                window: { showDocument: { support: true } },
            },
        });
        await this.connection.sendNotification('initialized', {});
        return result;
    }

    open(uri: string, text: string): void {
        this.versions.set(uri, 1);
        void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'certiref', version: 1, text } });
    }

    change(uri: string, text: string): void {
        const version = (this.versions.get(uri) ?? 1) + 1;
        this.versions.set(uri, version);
        void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    }

    /** Waits until the diagnostics of a document satisfy a condition (fails after a timeout). */
    waitFor(uri: string, condition: (d: Diagnostic[]) => boolean, timeout = 15_000): Promise<Diagnostic[]> {
        return new Promise((resolve, reject) => {
            const check = () => {
                const d = this.diagnostics.get(uri);
                if (d && condition(d)) {
                    this.listeners = this.listeners.filter((l) => l !== check);
                    clearTimeout(timer);
                    resolve(d);
                    return true;
                }
                return false;
            };
            const timer = setTimeout(() => {
                this.listeners = this.listeners.filter((l) => l !== check);
                reject(new Error(`timeout waiting for diagnostics of ${uri}; last: ${JSON.stringify(this.diagnostics.get(uri)?.map((x) => x.code))}\n${this.stderr}`));
            }, timeout);
            if (!check()) this.listeners.push(check);
        });
    }

    async stop(): Promise<void> {
        const exited = new Promise<void>((resolve) => {
            if (this.process.exitCode !== null || this.process.signalCode !== null) resolve();
            else this.process.once('exit', () => resolve());
        });
        // a server that has already exited is not written to: its stdin is destroyed, and a write
        // there rejects outside of any test
        if (this.process.exitCode === null && this.process.signalCode === null) {
            try {
                await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
                await this.connection.sendNotification('exit');
            } catch {
                // gone meanwhile
            }
        }
        await Promise.race([exited, new Promise((r) => setTimeout(r, 2000))]);
        this.connection.dispose();
        if (this.process.exitCode === null) this.process.kill();
    }
}

export const rulesOf = (d: Diagnostic[]) => d.map((x) => String(x.code));

/**
 * A workspace folder of one's own with the given files, and a server started on it, for the
 * duration of a `describe` block.
 */
export function useWorkspace(files: Record<string, string>, locale = 'en') {
    const ws = {
        client: undefined as unknown as TestClient,
        dir: '',
        uri: (name: string) => pathToFileURL(path.join(ws.dir, name)).toString(),
    };
    beforeAll(async () => {
        ws.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'certiref-lsp-'));
        for (const [name, text] of Object.entries(files)) {
            fs.mkdirSync(path.dirname(path.join(ws.dir, name)), { recursive: true });
            fs.writeFileSync(path.join(ws.dir, name), text);
        }
        // the server's features are tested on coherence findings; the drafting and dossier rules have their own tests
        if (!Object.keys(files).some((f) => path.basename(f) === 'certiref.json')) fs.writeFileSync(path.join(ws.dir, 'certiref.json'), WRITING_RULES_OFF_CONFIG);
        ws.client = new TestClient();
        await ws.client.initialize(pathToFileURL(ws.dir).toString(), locale);
    });
    afterAll(async () => {
        await ws.client?.stop();
        fs.rmSync(ws.dir, { recursive: true, force: true });
    });
    return ws;
}
