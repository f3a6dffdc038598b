// The RNCP import of the desktop extension (in dist/import.cjs with the Word import, read when a
// command runs): a file on disk is streamed, never read whole; another file system's file is
// read through VS Code (`readFile`).
import type * as vscode from 'vscode';
import { memoryExport, openExport } from 'certiref-rncp';
import { rncpBackend } from './rncp-backend.js';

export function nodeRncpBackend(readFile: (uri: vscode.Uri) => Thenable<Uint8Array>) {
    return rncpBackend(async (uri) => (uri.scheme === 'file' ? openExport(uri.fsPath) : memoryExport(uri.path.replace(/^.*\//, ''), await readFile(uri))));
}
