// Desktop entry: the language server runs as a Node process.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node.js';
import { activateWith, selector, type CertirefApi } from './client.js';
import { importWordCommand } from './import-docx.js';
import { importFromRncp } from './rncp-import.js';

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
    // a Word référentiel as .ref files: desktop only (its Word reader runs on Node)
    context.subscriptions.push(vscode.commands.registerCommand('certiref.importDocx', importWordCommand));
    // a fiche of the RNCP export as .ref files: the reader and the writer, read when the command runs
    context.subscriptions.push(vscode.commands.registerCommand('certiref.importRncp', async (exportUri?: vscode.Uri, number?: string, target?: vscode.Uri, force?: boolean) => {
        const { nodeRncpBackend } = await import('./import-worker.js');
        return importFromRncp(context, nodeRncpBackend((uri) => vscode.workspace.fs.readFile(uri)), exportUri, number, target, force);
    }));
    return activateWith(context, client, false);
}

export function deactivate(): Thenable<void> | undefined {
    return client?.stop();
}
