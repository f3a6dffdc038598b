import * as vscode from 'vscode';
import type { PreviewResult } from 'certiref-language/protocol';
import { previewHtml } from './preview-html.js';
import { CHECKLIST_CSS } from './grid-style.js';
import { revealLine } from './reveal.js';
import { TEXTS, type Language } from './texts.js';

/** What a panel of this kind shows: the evaluation-grid preview, or the dossier checklist. */
export interface PanelKind {
    viewType: string;
    title: (name: string) => { fr: string; en: string };
}

export const PREVIEW_PANEL: PanelKind = { viewType: 'certiref.preview', title: TEXTS.previewTitle };
export const CHECKLIST_PANEL: PanelKind = { viewType: 'certiref.checklist', title: TEXTS.checklistTitle };

/** A fresh nonce for every page: the platform's cryptographic generator where it has one (browsers, recent Node). */
function newNonce(): string {
    const bytes = new Uint8Array(24);
    if (globalThis.crypto?.getRandomValues) globalThis.crypto.getRandomValues(bytes);
    else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
    return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The evaluation-grid preview, as VS Code's Markdown preview: "Open Preview" (in place) and
 * "Open Preview to the Side"; the panel follows the active .ref editor and updates as you type;
 * it is restored after a reload. The HTML comes from the language server (the same renderer as
 * the CLI's HTML export); the webview's CSP allows no remote content and scripts by nonce only.
 */
export class PreviewManager implements vscode.Disposable {
    private panel?: vscode.WebviewPanel;
    private uri?: vscode.Uri;
    private timer?: ReturnType<typeof setTimeout>;
    private readonly disposables: vscode.Disposable[] = [];
    /** The last HTML body, and the whole page, shown (for tests). */
    lastBody?: string;
    lastHtml?: string;

    constructor(private readonly request: (uri: vscode.Uri) => Promise<PreviewResult | undefined>, private readonly language: () => Language, private readonly kind: PanelKind = PREVIEW_PANEL) {
        this.disposables.push(vscode.window.registerWebviewPanelSerializer(kind.viewType, {
            deserializeWebviewPanel: async (panel: vscode.WebviewPanel, state: { uri?: string } | undefined) => {
                if (!state?.uri) {
                    panel.dispose();
                    return;
                }
                this.adopt(panel);
                this.uri = vscode.Uri.parse(state.uri);
                await this.render();
            },
        }));
    }

    get visibleUri(): vscode.Uri | undefined {
        return this.panel ? this.uri : undefined;
    }

    /** The previewed file while the preview is the active editor (its title bar's Export… and Compare with… act on it). */
    get activeSource(): vscode.Uri | undefined {
        return this.panel?.active ? this.uri : undefined;
    }

    /** "Show Source" from the preview's title bar: the previewed file, beside the preview. */
    async showSource(): Promise<void> {
        if (!this.uri) return;
        const document = await vscode.workspace.openTextDocument(this.uri);
        await vscode.window.showTextDocument(document, { viewColumn: this.panel?.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Beside : vscode.ViewColumn.One });
    }

    async show(uri: vscode.Uri | undefined, toSide: boolean): Promise<void> {
        if (!uri) return;
        this.uri = uri;
        const column = toSide ? vscode.ViewColumn.Beside : vscode.window.activeTextEditor?.viewColumn ?? vscode.ViewColumn.Active;
        if (this.panel) this.panel.reveal(column, toSide);
        else {
            this.adopt(vscode.window.createWebviewPanel(this.kind.viewType, this.title(), { viewColumn: column, preserveFocus: toSide }, {
                enableScripts: true,
                enableFindWidget: true,
                retainContextWhenHidden: false,
                localResourceRoots: [],
            }));
        }
        await this.render();
    }

    /** The active editor changed: a .ref editor takes the preview with it. */
    follow(uri: vscode.Uri): void {
        if (this.panel && this.uri?.toString() !== uri.toString()) {
            this.uri = uri;
            void this.render();
        }
    }

    /** Something changed (typing, diagnostics): render again, a moment later. */
    refresh(uri?: vscode.Uri): void {
        if (!this.panel || (uri && this.uri?.toString() !== uri.toString())) return;
        if (this.timer) clearTimeout(this.timer);
        this.timer = setTimeout(() => void this.render(), 250);
    }

    private adopt(panel: vscode.WebviewPanel): void {
        this.panel = panel;
        panel.onDidDispose(() => (this.panel = undefined), null, this.disposables);
        panel.webview.onDidReceiveMessage(async (message: { type: string; uri?: string; line?: number }) => {
            if (message.type !== 'reveal' || !message.uri || message.line === undefined) return;
            await revealLine(vscode.Uri.parse(message.uri), message.line);
        }, null, this.disposables);
    }

    private title(): string {
        const name = this.uri ? this.uri.path.replace(/^.*\//, '') : '';
        return this.kind.title(name)[this.language()];
    }

    private async render(): Promise<void> {
        if (!this.panel || !this.uri) return;
        const result = await this.request(this.uri);
        if (!this.panel) return;
        this.panel.title = this.title();
        const config = vscode.workspace.getConfiguration('certiref.preview');
        const nonce = newNonce();
        const body = result?.body ?? '<p>—</p>';
        this.lastBody = body;
        // the preview's settings hide its findings or its matrix; the checklist shows findings always
        const hide = this.kind !== PREVIEW_PANEL ? CHECKLIST_CSS : [config.get('showFindings', true) ? '' : '.findings { display: none; }', config.get('showCoverage', true) ? '' : '.coverage { display: none; }'].join('');
        this.panel.webview.html = this.lastHtml = previewHtml({ body, nonce, uri: this.uri.toString(), title: this.title(), language: this.language(), hide });
    }

    dispose(): void {
        this.panel?.dispose();
        for (const d of this.disposables) d.dispose();
    }
}
