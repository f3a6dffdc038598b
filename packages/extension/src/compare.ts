import * as vscode from 'vscode';
import type { DiffParams, DiffResponse, OutlineResult } from './protocol.js';
import { diffHtml } from './preview-html.js';
import { revealLine } from './reveal.js';
import { TEXTS, type Language } from './texts.js';

const VIEW_TYPE = 'certiref.diff';

/** What the older version is: a git revision, or a file or folder. */
export type CompareTarget = { kind: 'git'; revision: string } | { kind: 'path'; uri: string };

interface PanelState {
    uri: string;
    target: CompareTarget;
}

/** The part of VS Code's built-in Git extension API that certiref uses (the extension ships no types for it). */
interface GitRepository {
    rootUri: vscode.Uri;
    show(ref: string, path: string): Promise<string>;
    diffWith(ref: string): Promise<Array<{ uri: vscode.Uri; originalUri: vscode.Uri }>>;
    getRefs?(query?: { pattern?: string; count?: number }): Promise<Array<{ name?: string; type: number }>>;
}
interface GitApi {
    getRepository(uri: vscode.Uri): GitRepository | null;
}

/**
 * "Compare with…": the active référentiel against a git revision or another file or folder,
 * in the référentiel's terms (the report of `certiref diff`, computed by the language server
 * from the one model). The panel is restored after a reload by comparing again.
 */
export class ComparePanel implements vscode.Disposable {
    private panel?: vscode.WebviewPanel;
    private state?: PanelState;
    private markdown = '';
    private readonly disposables: vscode.Disposable[] = [];
    /** The last report shown (for tests). */
    last?: DiffResponse;

    constructor(
        private readonly request: (params: DiffParams) => Promise<DiffResponse | undefined>,
        private readonly outline: (uri: vscode.Uri) => Promise<OutlineResult>,
        private readonly language: () => Language,
    ) {
        this.disposables.push(vscode.window.registerWebviewPanelSerializer(VIEW_TYPE, {
            deserializeWebviewPanel: async (panel: vscode.WebviewPanel, state: PanelState | undefined) => {
                if (!state?.uri || !state.target) {
                    panel.dispose();
                    return;
                }
                this.adopt(panel);
                this.state = state;
                await this.render().catch((e) => this.fail(e));
            },
        }));
    }

    /** The command: ask what to compare with (unless given), then show the report beside the editor. */
    async compare(uri: vscode.Uri | undefined, target?: CompareTarget): Promise<DiffResponse | undefined> {
        uri ??= vscode.window.activeTextEditor?.document.uri;
        if (!uri) return undefined;
        target ??= await this.ask(uri);
        if (!target) return undefined;
        this.state = { uri: uri.toString(), target };
        if (this.panel) this.panel.reveal(vscode.ViewColumn.Beside, true);
        else {
            this.adopt(vscode.window.createWebviewPanel(VIEW_TYPE, this.title(), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
                enableScripts: true, enableFindWidget: true, localResourceRoots: [],
            }));
        }
        try {
            return await this.render();
        } catch (e) {
            this.fail(e);
            return undefined;
        }
    }

    private async ask(uri: vscode.Uri): Promise<CompareTarget | undefined> {
        const l = this.language();
        const repository = await gitRepository(uri);
        const choices: Array<vscode.QuickPickItem & { kind2: 'git' | 'path' }> = [];
        if (repository) choices.push({ label: TEXTS.compareGit[l], description: TEXTS.compareGitDescription[l], kind2: 'git' });
        choices.push({ label: TEXTS.comparePath[l], description: TEXTS.comparePathDescription[l], kind2: 'path' });
        const choice = choices.length === 1 ? choices[0] : await vscode.window.showQuickPick(choices, { placeHolder: TEXTS.comparePlaceholder[l] });
        if (!choice) return undefined;
        if (choice.kind2 === 'git' && repository) {
            const refs = (await repository.getRefs?.({}).catch(() => []) ?? []).map((r) => r.name).filter((n): n is string => !!n);
            const revision = await pickRevision(['HEAD', ...refs], l);
            return revision ? { kind: 'git', revision } : undefined;
        }
        const picked = await vscode.window.showOpenDialog({
            canSelectFiles: true, canSelectFolders: true, canSelectMany: false, defaultUri: vscode.Uri.joinPath(uri, '..'),
            openLabel: TEXTS.compareButton[l], filters: { [TEXTS.referentials[l]]: ['ref'] },
        });
        return picked?.[0] ? { kind: 'path', uri: picked[0].toString() } : undefined;
    }

    private async render(): Promise<DiffResponse | undefined> {
        if (!this.panel || !this.state) return undefined;
        const uri = vscode.Uri.parse(this.state.uri);
        const old = this.state.target.kind === 'git' ? await filesAtRevision(uri, this.state.target.revision, this.outline) : await filesAt(vscode.Uri.parse(this.state.target.uri));
        const result = await this.request({ uri: uri.toString(), old, language: this.language() });
        if (!this.panel) return result;
        this.last = result;
        this.markdown = result?.markdown ?? '';
        this.panel.title = this.title();
        const nonce = Array.from({ length: 32 }, () => 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'[Math.floor(Math.random() * 62)]).join('');
        this.panel.webview.html = diffHtml({ body: result?.body ?? '<p>—</p>', nonce, title: this.title(), language: this.language(), state: this.state });
        return result;
    }

    private fail(e: unknown): void {
        const message = e instanceof Error ? e.message : String(e);
        void vscode.window.showErrorMessage(TEXTS.compareFailed(message)[this.language()]);
    }

    private title(): string {
        const target = this.state?.target;
        const what = !target ? '' : target.kind === 'git' ? target.revision : vscode.Uri.parse(target.uri).path.replace(/^.*\//, '');
        return TEXTS.compareTitle(what)[this.language()];
    }

    private adopt(panel: vscode.WebviewPanel): void {
        this.panel = panel;
        panel.onDidDispose(() => (this.panel = undefined), null, this.disposables);
        panel.webview.onDidReceiveMessage(async (message: { type: string; uri?: string; line?: number }) => {
            if (message.type === 'copyMarkdown') {
                await vscode.env.clipboard.writeText(this.markdown);
                void vscode.window.showInformationMessage(TEXTS.copiedMarkdown[this.language()]);
                return;
            }
            if (message.type !== 'reveal' || !message.uri || message.line === undefined) return;
            await revealLine(vscode.Uri.parse(message.uri), message.line);
        }, null, this.disposables);
    }

    dispose(): void {
        this.panel?.dispose();
        for (const d of this.disposables) d.dispose();
    }
}

async function pickRevision(revisions: string[], language: Language): Promise<string | undefined> {
    const other = TEXTS.anotherRevision[language];
    const pick = await vscode.window.showQuickPick([...new Set(revisions)].concat(other), { placeHolder: TEXTS.revisionPlaceholder[language] });
    if (pick !== other) return pick;
    return vscode.window.showInputBox({ prompt: TEXTS.revisionPrompt[language], value: 'HEAD' });
}

/** VS Code's built-in Git extension's repository of a file, where there is one (not in vscode.dev). */
async function gitRepository(uri: vscode.Uri): Promise<GitRepository | undefined> {
    const extension = vscode.extensions.getExtension<{ getAPI(version: 1): GitApi }>('vscode.git');
    if (!extension) return undefined;
    try {
        const exports = extension.isActive ? extension.exports : await extension.activate();
        return exports.getAPI(1).getRepository(uri) ?? undefined;
    } catch {
        return undefined;
    }
}

/**
 * The files of the active certification at a revision: each of its files as git has it there
 * (files added since are left out), and .ref files deleted or renamed since in its folder.
 */
async function filesAtRevision(uri: vscode.Uri, revision: string, outline: (uri: vscode.Uri) => Promise<OutlineResult>): Promise<DiffParams['old']> {
    const repository = await gitRepository(uri);
    if (!repository) throw new Error(`${uri.path.replace(/^.*\//, '')} : pas dans un dépôt git / not in a git repository`);
    const documents = (await outline(uri)).documents ?? [uri.toString()];
    const folder = documents.map((d) => vscode.Uri.parse(d)).reduce((common, d) => commonFolder(common, d.path), vscode.Uri.parse(documents[0]).path.replace(/\/[^/]*$/, ''));
    const candidates = new Map<string, vscode.Uri>(documents.map((d) => [vscode.Uri.parse(d).fsPath, vscode.Uri.parse(d)]));
    for (const change of await repository.diffWith(revision)) {
        const before = change.originalUri;
        if (/\.ref$/i.test(before.path) && before.path.startsWith(`${folder}/`)) candidates.set(before.fsPath, before);
    }
    const root = repository.rootUri.path.replace(/\/$/, '');
    const files: DiffParams['old']['files'] = [];
    for (const file of candidates.values()) {
        let text: string;
        try {
            text = await repository.show(revision, file.fsPath);
        } catch {
            continue; // not there at that revision
        }
        files.push({ uri: file.toString(), text, name: `${revision}:${file.path.startsWith(`${root}/`) ? file.path.slice(root.length + 1) : file.path}` });
    }
    return { label: revision, files };
}

function commonFolder(a: string, b: string): string {
    const x = a.split('/');
    const y = b.split('/').slice(0, -1);
    let n = 0;
    while (n < x.length && n < y.length && x[n] === y[n]) n++;
    return x.slice(0, n).join('/');
}

/** The .ref files of a file or folder (folders searched below, hidden ones and node_modules skipped). */
async function filesAt(target: vscode.Uri): Promise<DiffParams['old']> {
    const found: vscode.Uri[] = [];
    const walk = async (uri: vscode.Uri, depth: number): Promise<void> => {
        const stat = await vscode.workspace.fs.stat(uri);
        if (stat.type & vscode.FileType.Directory) {
            if (depth > 20) return;
            for (const [name] of await vscode.workspace.fs.readDirectory(uri)) {
                if (name.startsWith('.') || name === 'node_modules') continue;
                await walk(vscode.Uri.joinPath(uri, name), depth + 1);
            }
        } else if (/\.ref$/i.test(uri.path)) found.push(uri);
    };
    await walk(target, 0);
    const files: DiffParams['old']['files'] = [];
    for (const uri of found.sort((a, b) => a.path.localeCompare(b.path))) {
        files.push({ uri: uri.toString(), text: new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)), name: vscode.workspace.asRelativePath(uri) });
    }
    return { label: vscode.workspace.asRelativePath(target), files };
}
