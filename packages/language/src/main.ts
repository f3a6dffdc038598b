import { startLanguageServer } from 'langium/lsp';
import { format } from 'node:util';
import { createConnection, ProposedFeatures, StreamMessageReader, StreamMessageWriter, type Connection } from 'vscode-languageserver/node.js';
import { createCertirefServices } from './certiref-module.js';
import { NodeConfigProvider } from './config/node-config-provider.js';
import { CertirefNodeFileSystemProvider } from './node.js';
import { languageOfEnvironment, languageOfLocale } from './i18n.js';
import { revalidateAll, setupServer } from './lsp/server-setup.js';
import { NodeRegistry } from './similarity/node-registry.js';

/**
 * Errors of the reader that leave the stream out of step (a message whose `Content-Length` is
 * missing, not a number, or not the length of what follows ends in one of these): what comes
 * next is read from the middle of a message, so nothing would ever be understood again.
 */
const FRAMING = /^(?:Header must provide a Content-Length|Content-Length value must be a number|Message header must separate key and value|Cannot read so many bytes)/;

/**
 * Over stdio, the connection on a reader of our own, so that a framing error ends the server
 * with an error (exit 1, the reason on stderr) rather than leave it running deaf: the editor
 * then sees it stop, says so, and starts it again. Other transports as Langium sets them up.
 */
function connectionOfArguments(): Connection {
    if (!process.argv.includes('--stdio')) return createConnection(ProposedFeatures.all);
    const reader = new StreamMessageReader(process.stdin);
    reader.onError((error) => {
        if (!FRAMING.test(error.message)) return; // a message that is not JSON: the next one may be
        process.stderr.write(`certiref: message illisible, le serveur s'arrête / unreadable message, the server stops: ${error.message.split('\n')[0]}\n`);
        process.exit(1);
    });
    // the client went away: as vscode-languageserver does for the streams it opens itself
    reader.onClose(() => process.exit(shutdownReceived ? 0 : 1));
    const connection = createConnection(ProposedFeatures.all, reader, new StreamMessageWriter(process.stdout));
    // stdout carries the protocol: what the code prints goes to the client's log instead
    console.log = console.info = console.debug = (...args: unknown[]) => connection.console.log(format(...args));
    return connection;
}

let shutdownReceived = false;

/** The language server over stdio (or the transport given on the command line). */
export function startNodeServer(): void {
    const connection = connectionOfArguments();
    const config = new NodeConfigProvider();
    config.defaultLanguage = languageOfEnvironment(process.env);
    const { shared, Certiref } = createCertirefServices({ connection, fileSystemProvider: () => new CertirefNodeFileSystemProvider() }, { module: { referential: { Config: () => config } } });
    shared.lsp.LanguageServer.onInitialize((params) => {
        if (params.locale) config.defaultLanguage = languageOfLocale(params.locale);
    });
    // certiref.json may have changed with any update: read it again.
    shared.workspace.DocumentBuilder.onUpdate(() => config.clear());
    // Word and Excel for the editor's Export…, loaded on first use (their libraries weigh)
    // the registry rules, when an export of the RNCP is named (editor setting or certiref.json)
    const registry = new NodeRegistry(connection, shared, Certiref, () => revalidateAll(shared));
    setupServer(connection, shared, config, () => import('./export/office.js'), registry);
    startLanguageServer(shared);
    // a shutdown before the client goes: the exit code says all went well
    connection.onShutdown(() => {
        shutdownReceived = true;
    });
}
