// The language server in a Web Worker, for VS Code for the Web (vscode.dev, github.dev): the
// same Langium services as on the desktop, the workspace read through the extension.
import { startLanguageServer } from 'langium/lsp';
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser.js';
import { ClientFileSystemProvider, createCertirefServices, EditorConfigProvider, languageOfLocale, setupServer } from 'certiref-language';

declare const self: DedicatedWorkerGlobalScope;

const connection = createConnection(new BrowserMessageReader(self), new BrowserMessageWriter(self));
// a worker's console is seen by no one: its messages go to the extension's output channel
for (const level of ['log', 'info', 'warn', 'error'] as const) {
    console[level] = (...args: unknown[]) => connection.console[level === 'log' ? 'log' : level](args.map((a) => (a instanceof Error ? `${a.message}\n${a.stack}` : typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
}
self.addEventListener('unhandledrejection', (e) => console.error('unhandled rejection', (e as PromiseRejectionEvent).reason));
const config = new EditorConfigProvider();
const { shared } = createCertirefServices(
    { connection, fileSystemProvider: () => new ClientFileSystemProvider(() => connection) },
    { module: { referential: { Config: () => config } } },
);
shared.lsp.LanguageServer.onInitialize((params) => {
    if (params.locale) config.defaultLanguage = languageOfLocale(params.locale);
});
setupServer(connection, shared, config);
startLanguageServer(shared);
