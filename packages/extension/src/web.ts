// Web entry (vscode.dev, github.dev): the language server runs in a Web Worker.
import * as vscode from 'vscode';
import { LanguageClient, type LanguageClientOptions } from 'vscode-languageclient/browser.js';
import { memoryExport } from 'certiref-rncp/core';
import { activateWith, selector, type CertirefApi } from './client.js';
import { rncpBackend } from './rncp-backend.js';
import { importFromRncp } from './rncp-import.js';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<CertirefApi> {
    const worker = new Worker(vscode.Uri.joinPath(context.extensionUri, 'dist', 'server-worker.js').toString(true));
    // the server's log, also on the console (where the web workbench's developer tools see it)
    const channel = vscode.window.createOutputChannel('certiref');
    const outputChannel: vscode.OutputChannel = Object.assign(Object.create(channel), {
        append: (v: string) => { console.log(`[certiref] ${v}`); channel.append(v); },
        appendLine: (v: string) => { console.log(`[certiref] ${v}`); channel.appendLine(v); },
    });
    const options: LanguageClientOptions = {
        documentSelector: selector(),
        outputChannel,
        synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/{*.ref,certiref.json}') },
    };
    client = new LanguageClient('certiref', 'certiref', options, worker);
    // a fiche of the RNCP export as .ref files: no file system to stream from, the export's bytes are read whole (the zip's XML is inflated piece by piece)
    const backend = rncpBackend(async (uri) => memoryExport(uri.path.replace(/^.*\//, ''), await vscode.workspace.fs.readFile(uri)));
    context.subscriptions.push(vscode.commands.registerCommand('certiref.importRncp', (exportUri?: vscode.Uri, number?: string, target?: vscode.Uri, force?: boolean) =>
        importFromRncp(context, backend, exportUri, number, target, force)));
    return activateWith(context, client, true);
}

export function deactivate(): Thenable<void> | undefined {
    return client?.stop();
}
