import * as vscode from 'vscode';
import type { OutlineNode, OutlineResult } from './protocol.js';
import { TEXTS, type Language } from './texts.js';

/** The Référentiel view: certification › blocs › activities › competencies, each covered or not; follows the active file. */
export class ReferentialTree implements vscode.TreeDataProvider<OutlineNode>, vscode.Disposable {
    private readonly changed = new vscode.EventEmitter<OutlineNode | undefined>();
    readonly onDidChangeTreeData = this.changed.event;
    private uri?: vscode.Uri;
    private root?: OutlineNode;

    constructor(private readonly outline: (uri: vscode.Uri) => Promise<OutlineResult>, private readonly language: () => Language) {}

    follow(uri: vscode.Uri): void {
        this.uri = uri;
        this.refresh();
    }

    refresh(): void {
        this.root = undefined;
        this.changed.fire(undefined);
    }

    async getChildren(node?: OutlineNode): Promise<OutlineNode[]> {
        if (node) return node.children;
        if (!this.uri) return [];
        this.root = (await this.outline(this.uri)).certification;
        return this.root ? [this.root] : [];
    }

    getTreeItem(node: OutlineNode): vscode.TreeItem {
        // the blocs of the active file open, the others closed: the view follows the file being edited
        const open = node.kind === 'certification' || ((node.kind === 'bloc' || node.kind === 'option') && this.holdsActive(node));
        const item = new vscode.TreeItem(`${node.id}${node.label ? ` ${node.label}` : ''}`,
            node.children.length ? (open ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed) : vscode.TreeItemCollapsibleState.None);
        // a new id per active file, or VS Code would keep the expansion of the previous one
        item.id = `${this.uri?.toString()}|${node.kind}|${node.uri}|${node.line}`;
        item.tooltip = node.label;
        item.contextValue = node.kind;
        if (node.kind === 'competency') {
            item.iconPath = new vscode.ThemeIcon(node.covered ? 'pass' : 'warning', new vscode.ThemeColor(node.covered ? 'testing.iconPassed' : 'problemsWarningIcon.foreground'));
            item.description = (node.covered ? TEXTS.covered : TEXTS.notCovered)[this.language()];
        } else {
            item.iconPath = new vscode.ThemeIcon({ certification: 'book', bloc: 'symbol-module', option: 'symbol-namespace', activity: 'symbol-class', competency: 'symbol-field' }[node.kind]);
        }
        item.command = { title: 'open', command: 'vscode.open', arguments: [vscode.Uri.parse(node.uri), { selection: new vscode.Range(node.line, 0, node.line, 0) }] };
        return item;
    }

    private holdsActive(node: OutlineNode): boolean {
        const active = this.uri?.toString();
        return node.uri === active || node.children.some((c) => this.holdsActive(c));
    }

    dispose(): void {
        this.changed.dispose();
    }
}
