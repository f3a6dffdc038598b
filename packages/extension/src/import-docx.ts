import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ImportOutcome } from './import-worker.js';

/** The language of what the extension says: the `certiref.language` setting, else VS Code's. */
function french(): boolean {
    const setting = vscode.workspace.getConfiguration('certiref').get<string>('language', 'auto');
    return setting === 'auto' ? /^fr/i.test(vscode.env.language) : setting === 'fr';
}

/**
 * « Import a Word référentiel… » (desktop): a .docx (given by the explorer's context menu, or
 * chosen), the folder its .ref files go to (a folder named after the document, in the one
 * chosen), then the files written — never over an edited file without asking —, the main file
 * opened, and how many places need a look (each a `review-note` finding in the Problems view).
 * `target` and `force` let tests and other extensions skip the questions.
 */
export async function importWordCommand(docx?: vscode.Uri, target?: vscode.Uri, force = false): Promise<ImportOutcome | undefined> {
    const fr = french();
    if (!docx || !/\.docx$/i.test(docx.path)) {
        const picked = await vscode.window.showOpenDialog({
            canSelectMany: false, filters: { [fr ? 'Document Word' : 'Word document']: ['docx'] },
            openLabel: fr ? 'Importer' : 'Import', title: fr ? 'Importer un référentiel Word' : 'Import a Word référentiel',
        });
        docx = picked?.[0];
    }
    if (!docx) return undefined;
    const name = path.basename(docx.fsPath).replace(/\.[^.]+$/, '').replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_').trim() || 'referentiel';
    if (!target) {
        const base = vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.joinPath(docx, '..');
        const picked = await vscode.window.showOpenDialog({
            canSelectFiles: false, canSelectFolders: true, canSelectMany: false, defaultUri: base,
            openLabel: fr ? `Importer dans ce dossier (sous «\u00a0${name}\u00a0»)` : `Import into this folder (under "${name}")`,
            title: fr ? 'Dossier des fichiers .ref' : 'Folder for the .ref files',
        });
        if (!picked?.[0]) return undefined;
        target = vscode.Uri.joinPath(picked[0], name);
    }
    const folder = target;
    // the importer and its Word reader, read now (they weigh)
    const { importWordDocument } = await import('./import-worker.js');
    const run = (withForce: boolean) => vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: fr ? `Import de ${path.basename(docx!.fsPath)}…` : `Importing ${path.basename(docx!.fsPath)}…` },
        () => importWordDocument(docx!.fsPath, folder.fsPath, withForce),
    );
    let outcome = await run(force);
    if (outcome.refused) {
        const replace = fr ? 'Remplacer' : 'Replace';
        const names = outcome.refused.map((f) => path.basename(f)).join(', ');
        const answer = await vscode.window.showWarningMessage(
            fr ? `${names}\u00a0: ${outcome.refused.length > 1 ? 'ces fichiers existent' : 'ce fichier existe'} déjà et diffère de l'import. Remplacer\u202f?` : `${names}: already exists and differs from the import. Replace?`,
            { modal: true }, replace,
        );
        if (answer !== replace) return outcome;
        outcome = await run(true);
    }
    if (outcome.error) {
        void vscode.window.showErrorMessage(`${path.basename(docx.fsPath)}${fr ? '\u00a0' : ''}: ${fr ? outcome.error.fr : outcome.error.en}`);
        return outcome;
    }
    const main = vscode.Uri.joinPath(folder, 'certification.ref');
    await vscode.window.showTextDocument(main, { preview: false });
    const c = outcome.counts!;
    const read = fr
        ? `${c.blocs} bloc(s), ${c.activities} activité(s), ${c.competencies} compétence(s), ${c.modalities} modalité(s), ${c.criteria} critère(s)`
        : `${c.blocs} bloc(s), ${c.activities} activit(ies), ${c.competencies} competenc(ies), ${c.modalities} modalit(ies), ${c.criteria} criteri(a)`;
    const look = outcome.notes.length === 0
        ? (fr ? 'aucun endroit à revoir.' : 'no place to review.')
        : (fr ? `${outcome.notes.length} endroit(s) à revoir («\u00a0à revoir\u00a0» dans les Problèmes).` : `${outcome.notes.length} place(s) to review ("to review" in Problems).`);
    const problems = fr ? 'Afficher les problèmes' : 'Show Problems';
    void vscode.window.showInformationMessage(`${fr ? 'Importé\u00a0' : 'Imported'}: ${read} — ${look}`, ...(outcome.notes.length ? [problems] : [])).then((choice) => {
        if (choice === problems) void vscode.commands.executeCommand('workbench.actions.view.problems');
    });
    return outcome;
}
