import * as vscode from 'vscode';

/**
 * « Import a référentiel from the RNCP export… »: a file picker for the export (the zip as
 * downloaded, or its XML), the fiche by number with completion from the export (number and
 * title of every fiche, read once per export), the target folder; then the fiche's .ref files,
 * written without replacing a file unless the author agrees, and the main file opened.
 */

export interface ImportedFiche {
    number: string;
    title: string;
    /** Relative to the target folder. */
    files: Array<{ path: string; text: string }>;
    /** Review notes written in the files (places to look at first). */
    notes: number;
}

/** What reads the export: on the desktop from the disk as it goes; on the web from its bytes. */
export interface RncpBackend {
    list(uri: vscode.Uri, progress: (read: number, total: number) => void): Promise<Array<{ number: string; title: string }>>;
    fiche(uri: vscode.Uri, number: string): Promise<ImportedFiche>;
}

const KEY = 'certiref.rncp.lastExport';

/** The language of what the extension says: the `certiref.language` setting, else VS Code's. */
function french(): boolean {
    const setting = vscode.workspace.getConfiguration('certiref').get<string>('language', 'auto');
    return setting === 'auto' ? /^fr/i.test(vscode.env.language) : setting === 'fr';
}

/**
 * The command. `exportUri`, `number`, `target` and `force` let tests and other extensions skip the
 * questions (the explorer's menu gives the export).
 */
export async function importFromRncp(context: vscode.ExtensionContext, backend: RncpBackend, exportUri?: vscode.Uri, number?: string, target?: vscode.Uri, force = false): Promise<vscode.Uri | undefined> {
    const f = french();
    if (!exportUri) exportUri = await pickExport(context, f);
    if (!exportUri) return undefined;
    const chosen = exportUri;
    await context.globalState.update(KEY, chosen.toString());
    if (!number) number = await pickFiche(backend, chosen, f);
    if (!number) return undefined;
    if (!target) target = await pickFolder(number, f);
    if (!target) return undefined;
    return importFiche(backend, chosen, number, target, force, f);
}

async function pickExport(context: vscode.ExtensionContext, f: boolean): Promise<vscode.Uri | undefined> {
    const last = context.globalState.get<string>(KEY);
    const picked = await vscode.window.showOpenDialog({
        title: f ? 'Export du RNCP (zip téléchargé de data.gouv.fr, ou le fichier XML qu’il contient)' : 'RNCP export (the zip downloaded from data.gouv.fr, or the XML file in it)',
        canSelectFiles: true,
        canSelectMany: false,
        defaultUri: last ? vscode.Uri.parse(last) : vscode.workspace.workspaceFolders?.[0]?.uri,
        filters: { [f ? 'Export du RNCP' : 'RNCP export']: ['zip', 'xml'] },
        openLabel: f ? 'Lire cet export' : 'Read this export',
    });
    return picked?.[0];
}

/** The fiche, with completion from the export: one reading of the whole export, with its progress. */
async function pickFiche(backend: RncpBackend, exportUri: vscode.Uri, f: boolean): Promise<string | undefined> {
    let fiches: Array<{ number: string; title: string }>;
    try {
        fiches = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: f ? 'Lecture de l’export du RNCP' : 'Reading the RNCP export' }, async (progress) => {
            let reported = 0;
            return backend.list(exportUri, (read, total) => {
                const percent = total > 0 ? Math.floor((100 * read) / total) : 0;
                if (percent > reported) {
                    progress.report({ increment: percent - reported, message: `${percent} %` });
                    reported = percent;
                }
            });
        });
    } catch (error) {
        void vscode.window.showErrorMessage(message(error, f));
        return undefined;
    }
    const item = await vscode.window.showQuickPick(fiches.map((x) => ({ label: x.number, description: x.title })), {
        title: f ? `Fiche à importer (${fiches.length} fiches dans l’export)` : `Fiche to import (${fiches.length} fiches in the export)`,
        placeHolder: f ? 'Numéro (RNCP34762) ou mots de l’intitulé' : 'Number (RNCP34762) or words of the title',
        matchOnDescription: true,
    });
    return item?.label;
}

async function pickFolder(number: string, f: boolean): Promise<vscode.Uri | undefined> {
    const folder = await vscode.window.showOpenDialog({
        title: f ? `Dossier où écrire ${number} (dans un dossier ${number})` : `Folder to write ${number} into (in a folder ${number})`,
        canSelectFolders: true,
        canSelectFiles: false,
        canSelectMany: false,
        defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
        openLabel: f ? 'Importer ici' : 'Import here',
    });
    return folder?.[0];
}

async function importFiche(backend: RncpBackend, exportUri: vscode.Uri, number: string, target: vscode.Uri, force: boolean, f: boolean): Promise<vscode.Uri | undefined> {
    let imported: ImportedFiche;
    try {
        imported = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: f ? `Import de ${number}…` : `Importing ${number}…` },
            () => backend.fiche(exportUri, number));
    } catch (error) {
        void vscode.window.showErrorMessage(message(error, f));
        return undefined;
    }
    // never over an author's file unless asked: files with the same content are left alone
    const changed: Array<{ uri: vscode.Uri; text: string }> = [];
    const conflicts: string[] = [];
    for (const file of imported.files) {
        const uri = vscode.Uri.joinPath(target, ...file.path.split('/'));
        let existing: string | undefined;
        try {
            existing = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
        } catch {
            existing = undefined;
        }
        if (existing === file.text) continue;
        if (existing !== undefined) conflicts.push(file.path);
        changed.push({ uri, text: file.text });
    }
    if (conflicts.length > 0 && !force) {
        const replace = f ? 'Remplacer' : 'Replace';
        const answer = await vscode.window.showWarningMessage(
            f ? `${conflicts.join(', ')}\u00a0: ${conflicts.length > 1 ? 'ces fichiers existent' : 'ce fichier existe'} déjà et diffère${conflicts.length > 1 ? 'nt' : ''} de l'import. Remplacer\u202f?`
                : `${conflicts.join(', ')}: already exist${conflicts.length > 1 ? '' : 's'} and differ${conflicts.length > 1 ? '' : 's'} from the import. Replace?`,
            { modal: true }, replace);
        if (answer !== replace) return undefined;
    }
    for (const file of changed) await vscode.workspace.fs.writeFile(file.uri, new TextEncoder().encode(file.text));
    const main = vscode.Uri.joinPath(target, ...imported.files[0]!.path.split('/'));
    await vscode.window.showTextDocument(main, { preview: false });
    const unchanged = imported.files.length - changed.length;
    const look = imported.notes === 0
        ? (f ? 'aucun endroit à revoir.' : 'no place to review.')
        : (f ? `${imported.notes} endroit(s) à revoir («\u00a0à revoir\u00a0» dans les Problèmes).` : `${imported.notes} place(s) to review ("to review" in Problems).`);
    const problems = f ? 'Afficher les problèmes' : 'Show Problems';
    void vscode.window.showInformationMessage(f
        ? `${imported.number} importée\u00a0: ${imported.files.length} fichier(s)${unchanged ? ` (${unchanged} inchangé(s))` : ''} — ${look}`
        : `${imported.number} imported: ${imported.files.length} file(s)${unchanged ? ` (${unchanged} unchanged)` : ''} — ${look}`, ...(imported.notes ? [problems] : [])).then((choice) => {
        if (choice === problems) void vscode.commands.executeCommand('workbench.actions.view.problems');
    });
    return main;
}

function message(error: unknown, f: boolean): string {
    const e = error as { fr?: string; en?: string; format?: (language: 'fr' | 'en') => string; message?: string };
    if (typeof e?.format === 'function') return e.format(f ? 'fr' : 'en');
    return String(e?.message ?? error);
}
