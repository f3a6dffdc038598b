import * as vscode from 'vscode';

/** Shows a line of a .ref file in the first editor group, cursor on it: a click in the preview or the comparison panel. */
export async function revealLine(uri: vscode.Uri, line: number): Promise<void> {
    const document = await vscode.workspace.openTextDocument(uri);
    const range = new vscode.Range(line, 0, line, 0);
    const editor = await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One, selection: range });
    editor.revealRange(range, vscode.TextEditorRevealType.InCenter);
}
