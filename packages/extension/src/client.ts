import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import {
    CHECKLIST_REQUEST, DIFF_REQUEST, EXPORT_FORMATS_REQUEST, EXPORT_REQUEST, OUTLINE_REQUEST, PREVIEW_REQUEST, READ_DIRECTORY_REQUEST, READ_FILE_REQUEST, SETTINGS_NOTIFICATION, type DiffParams, type DiffResponse,
    type EditorSettings, type ExportFormatInfo, type OutlineResult, type PreviewResult,
} from 'certiref-language/protocol';
import { CHECKLIST_PANEL, PreviewManager } from './preview.js';
import { ComparePanel, type CompareTarget } from './compare.js';
import { ReferentialTree } from './tree.js';
import { languageOfLocale, TEXTS, type Language } from './texts.js';

/** What the tests (and other extensions) can ask of certiref. */
export interface CertirefApi {
    client: BaseLanguageClient;
    preview: PreviewManager;
    /** The dossier checklist: a panel like the preview, of the certification of the active file. */
    checklist: PreviewManager;
    compare: ComparePanel;
    outline(uri: vscode.Uri): Promise<OutlineResult>;
}

/**
 * The documents the language server is sent: certiref's where the workspace is — `file:`, and
 * the scheme of each workspace folder (vscode.dev's `vscode-vfs:` …). Not the `git:` side of a
 * diff view (a copy of a file that would declare its certification twice), nor an `untitled:`
 * file, which belongs to no folder: the server ignores them too.
 */
export function selector(): Array<{ language: string; scheme: string }> {
    const schemes = new Set(['file', ...(vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.scheme)]);
    schemes.delete('git');
    schemes.delete('untitled');
    return [...schemes].map((scheme) => ({ language: 'certiref', scheme }));
}

/** A path of the settings: `~` is the home folder; a relative path is read from the first workspace folder. */
function settingPath(value: string): string | undefined {
    const text = value.trim();
    if (text === '') return undefined;
    const home = typeof process === 'object' && process.env ? process.env.HOME ?? process.env.USERPROFILE : undefined;
    if (home && /^~[\\/]/.test(text)) return home + text.slice(1);
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (/^([a-zA-Z]:)?[\\/]/.test(text) || !folder || folder.uri.scheme !== 'file') return text;
    return vscode.Uri.joinPath(folder.uri, text).fsPath;
}

function settings(): EditorSettings {
    const config = vscode.workspace.getConfiguration('certiref');
    const registry = { export: settingPath(config.get('registry.export', '')), index: settingPath(config.get('registry.index', '')) };
    // configuration values are proxies: a Web Worker's postMessage cannot clone them
    return JSON.parse(JSON.stringify({ language: config.get('language', 'auto'), displayLanguage: vscode.env.language, rules: config.get('rules', {}), registry }));
}

/**
 * What the desktop and the web entries share once their client is made: settings sent to the
 * server, the workspace files served to a server that cannot read them, the preview, the
 * Référentiel tree, the status bar, and the command the code lenses run.
 */
export async function activateWith(context: vscode.ExtensionContext, client: BaseLanguageClient, serveFiles: boolean): Promise<CertirefApi> {
    if (serveFiles) {
        client.onRequest(READ_FILE_REQUEST, async (uri: string) => new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.parse(uri))));
        client.onRequest(READ_DIRECTORY_REQUEST, async (uri: string) => {
            const base = vscode.Uri.parse(uri);
            const entries = await vscode.workspace.fs.readDirectory(base);
            return entries.map(([name, type]) => ({
                uri: vscode.Uri.joinPath(base, name).toString(),
                isFile: (type & vscode.FileType.File) !== 0,
                isDirectory: (type & vscode.FileType.Directory) !== 0,
            }));
        });
    }
    await client.start();
    await client.sendNotification(SETTINGS_NOTIFICATION, settings());
    // the language of what the extension itself shows (titles, tree, status bar), as the server's messages
    const language = (): Language => {
        const chosen = settings().language;
        return chosen === 'fr' || chosen === 'en' ? chosen : languageOfLocale(vscode.env.language);
    };

    const requestPreview = (uri: vscode.Uri) => client.sendRequest<PreviewResult | undefined>(PREVIEW_REQUEST, { uri: uri.toString() });
    const outline = (uri: vscode.Uri) => client.sendRequest<OutlineResult>(OUTLINE_REQUEST, { uri: uri.toString() });
    const preview = new PreviewManager(requestPreview, language);
    const checklist = new PreviewManager((uri: vscode.Uri) => client.sendRequest<PreviewResult | undefined>(CHECKLIST_REQUEST, { uri: uri.toString() }), language, CHECKLIST_PANEL);
    const tree = new ReferentialTree(outline, language);
    const compare = new ComparePanel((params: DiffParams) => client.sendRequest<DiffResponse | undefined>(DIFF_REQUEST, params), outline, language);
    context.subscriptions.push(vscode.workspace.onDidChangeConfiguration(async (e) => {
        if (!e.affectsConfiguration('certiref')) return;
        await client.sendNotification(SETTINGS_NOTIFICATION, settings());
        // the preview's options and the language show at once, not at the next edit
        preview.refresh();
        checklist.refresh();
        tree.refresh();
        update();
    }));
    context.subscriptions.push(preview, checklist, tree, compare, vscode.window.registerTreeDataProvider('certiref.referential', tree));
    void vscode.commands.executeCommand('setContext', 'certiref.active', true);

    // what a command acts on: the file it was given (explorer, editor title), else the previewed
    // file while the preview has the focus (its title bar, the palette), else the active editor's
    const sourceOf = (uri?: unknown): vscode.Uri | undefined =>
        (uri instanceof vscode.Uri && /\.ref$/i.test(uri.path) ? uri : undefined) ?? preview.activeSource ?? vscode.window.activeTextEditor?.document.uri;
    context.subscriptions.push(
        vscode.commands.registerCommand('certiref.showPreview', (uri?: vscode.Uri) => preview.show(uri ?? vscode.window.activeTextEditor?.document.uri, false)),
        vscode.commands.registerCommand('certiref.showPreviewToSide', (uri?: vscode.Uri) => preview.show(uri ?? vscode.window.activeTextEditor?.document.uri, true)),
        vscode.commands.registerCommand('certiref.showSource', () => preview.showSource()),
        vscode.commands.registerCommand('certiref.showChecklist', (uri?: vscode.Uri) => checklist.show(uri ?? vscode.window.activeTextEditor?.document.uri, true)),
        vscode.commands.registerCommand('certiref.refreshTree', () => tree.refresh()),
        // a target given (a revision, or the URI of a file or folder) skips the questions
        vscode.commands.registerCommand('certiref.compareWith', (uri?: vscode.Uri, target?: CompareTarget | vscode.Uri) =>
            compare.compare(sourceOf(uri), target instanceof vscode.Uri ? { kind: 'path', uri: target.toString() } : target)),
        vscode.commands.registerCommand('certiref.export', async (uri?: vscode.Uri) => {
            const source = sourceOf(uri);
            if (!source) return;
            const l = language();
            // the formats the server can make (Word and Excel: the desktop's Node server only), those for print first
            const available = await client.sendRequest<ExportFormatInfo[]>(EXPORT_FORMATS_REQUEST, { language: l });
            const formats = [...available.filter((f) => f.office), ...available.filter((f) => !f.office)]
                .map((f) => ({ label: f.label, description: f.description, format: f.id }));
            const pick = await vscode.window.showQuickPick(formats, {
                placeHolder: (serveFiles ? TEXTS.exportPlaceholderWeb : TEXTS.exportPlaceholder)[l],
            });
            if (!pick) return;
            const exported = await client.sendRequest<string | { base64: string } | undefined>(EXPORT_REQUEST, { uri: source.toString(), format: pick.format });
            if (exported === undefined) return;
            const bytes = typeof exported === 'string' ? new TextEncoder().encode(exported) : Uint8Array.from(atob(exported.base64), (c) => c.charCodeAt(0));
            // the whole certification is exported: named after it (MSD.csv), as \`certiref export --out\` does
            const id = (await outline(source)).certification?.id;
            const name = id ? id.replace(/[^\w.-]+/g, '_') : source.path.replace(/^.*\//, '').replace(/\.ref$/i, '');
            const target = await vscode.window.showSaveDialog({
                defaultUri: vscode.Uri.joinPath(source, '..', `${name}.${pick.format}`),
                filters: { [pick.label]: [pick.format] },
            });
            if (!target) return;
            await vscode.workspace.fs.writeFile(target, bytes);
            void vscode.window.showInformationMessage(TEXTS.exported(target.path.replace(/^.*\//, ''))[l]);
        }),
        vscode.commands.registerCommand('certiref.showLocations', (uri: string, position: { line: number; character: number }, locations: Array<{ uri: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }>) =>
            vscode.commands.executeCommand('editor.action.showReferences', vscode.Uri.parse(uri), new vscode.Position(position.line, position.character),
                locations.map((l) => new vscode.Location(vscode.Uri.parse(l.uri), new vscode.Range(l.range.start.line, l.range.start.character, l.range.end.line, l.range.end.character))))),
    );

    // status bar: the active file's certification
    const status = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Left, 50);
    status.name = 'certiref';
    status.command = 'workbench.actions.view.problems';
    context.subscriptions.push(status);
    let pending: ReturnType<typeof setTimeout> | undefined;
    const update = () => {
        if (pending) clearTimeout(pending);
        pending = setTimeout(async () => {
            const editor = vscode.window.activeTextEditor;
            if (!editor || editor.document.languageId !== 'certiref') {
                status.hide();
                return;
            }
            tree.follow(editor.document.uri);
            preview.follow(editor.document.uri);
            checklist.follow(editor.document.uri);
            const { counts, paused } = await outline(editor.document.uri);
            const l = language();
            // while a syntax error pauses the completeness rules, the counts are not the whole story: say so
            const pause = paused ? ` · $(debug-pause) ${TEXTS.statusPaused[l]}` : '';
            status.text = `$(checklist) ${TEXTS.status(counts.competencies)[l]} · $(error) ${counts.errors} $(warning) ${counts.warnings}${pause}`;
            const names = (paused ?? []).map((uri) => vscode.Uri.parse(uri).path.replace(/^.*\//, '')).join(', ');
            status.tooltip = TEXTS.statusTooltip(counts.criteria, counts.uncovered)[l] + (paused ? `\n${TEXTS.statusPausedTooltip(names)[l]}` : '');
            status.show();
        }, 150);
    };
    context.subscriptions.push(
        vscode.window.onDidChangeActiveTextEditor(update),
        vscode.languages.onDidChangeDiagnostics(() => {
            update();
            preview.refresh();
            checklist.refresh();
        }),
        vscode.workspace.onDidChangeTextDocument((e) => {
            if (e.document.languageId === 'certiref') preview.refresh(e.document.uri);
        }),
    );
    update();
    return { client, preview, checklist, compare, outline };
}
