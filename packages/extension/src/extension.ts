// Desktop entry: the language server runs as a Node process.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node.js';
import { activateWith, selector, type CertirefApi } from './client.js';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<CertirefApi> {
    const module = vscode.Uri.joinPath(context.extensionUri, 'dist', 'server.cjs').fsPath;
    const server: ServerOptions = {
        run: { module, transport: TransportKind.ipc },
        debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
    };
    const options: LanguageClientOptions = {
        documentSelector: selector(),
        synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/{*.ref,certiref.json}') },
    };
    client = new LanguageClient('certiref', 'certiref', server, options);
    return activateWith(context, client, false);
}

export function deactivate(): Thenable<void> | undefined {
    return client?.stop();
}
