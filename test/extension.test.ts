import { fork, spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, IPCMessageReader, IPCMessageWriter } from 'vscode-jsonrpc/node.js';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXPORT_REQUEST, OUTLINE_REQUEST, PREVIEW_REQUEST, READ_DIRECTORY_REQUEST, READ_FILE_REQUEST, SETTINGS_NOTIFICATION } from 'certiref-language';
import * as protocol from '../packages/extension/src/protocol.js';
import { ROOT } from './helpers.js';

const EXTENSION = path.join(ROOT, 'packages/extension');

describe('the VS Code extension package', () => {
    it('speaks the same protocol as the language server', () => {
        expect([protocol.PREVIEW_REQUEST, protocol.OUTLINE_REQUEST, protocol.EXPORT_REQUEST, protocol.SETTINGS_NOTIFICATION, protocol.READ_FILE_REQUEST, protocol.READ_DIRECTORY_REQUEST])
            .toEqual([PREVIEW_REQUEST, OUTLINE_REQUEST, EXPORT_REQUEST, SETTINGS_NOTIFICATION, READ_FILE_REQUEST, READ_DIRECTORY_REQUEST]);
    });

    it('declares the language, grammar, snippets, settings and commands in French and English', () => {
        const manifest = JSON.parse(fs.readFileSync(path.join(EXTENSION, 'package.json'), 'utf8'));
        const en = JSON.parse(fs.readFileSync(path.join(EXTENSION, 'package.nls.json'), 'utf8'));
        const fr = JSON.parse(fs.readFileSync(path.join(EXTENSION, 'package.nls.fr.json'), 'utf8'));
        expect(manifest.main).toBe('./dist/extension.cjs');
        expect(manifest.browser).toBe('./dist/web.cjs');
        expect(manifest.contributes.languages[0]).toMatchObject({ id: 'certiref', extensions: ['.ref'], aliases: expect.arrayContaining(['Référentiel RNCP']) });
        const keys = JSON.stringify(manifest).match(/%[\w.]+%/g)!.map((k) => k.slice(1, -1));
        for (const key of keys) {
            expect(en[key], key).toBeTruthy();
            expect(fr[key], key).toBeTruthy();
            if (key !== 'view.referential') expect(fr[key]).not.toBe(en[key]); // « Référentiel » in both
        }
        // as the Markdown preview: the icon in the editor's title (Alt: in place), Ctrl+Shift+V and Ctrl+K V,
        // « Show Source » in the preview's title
        const commands = Object.fromEntries(manifest.contributes.commands.map((c: { command: string }) => [c.command, c]));
        expect(commands['certiref.showPreviewToSide'].icon).toBe('$(open-preview)');
        expect(manifest.contributes.menus['editor/title']).toEqual([
            { command: 'certiref.showPreviewToSide', alt: 'certiref.showPreview', when: 'editorLangId == certiref && !notebookEditorFocused', group: 'navigation' },
            { command: 'certiref.showSource', when: "activeWebviewPanelId == 'certiref.preview'", group: 'navigation' },
        ]);
        expect(manifest.contributes.keybindings.map((k: { command: string; key: string; mac: string }) => `${k.command} ${k.key} ${k.mac}`))
            .toEqual(['certiref.showPreview ctrl+shift+v cmd+shift+v', 'certiref.showPreviewToSide ctrl+k v cmd+k v']);
        expect(manifest.activationEvents).toContain('onWebviewPanel:certiref.preview');
        expect(Object.keys(manifest.contributes.configuration.properties).sort()).toEqual(['certiref.language', 'certiref.preview.showCoverage', 'certiref.preview.showFindings', 'certiref.rules']);
        expect(manifest.contributes.views.explorer).toEqual([{ id: 'certiref.referential', name: '%view.referential%', when: 'certiref.active' }]);
        // the language: its aliases in French and English, its icon, and « » among the pairs that close themselves
        const language = manifest.contributes.languages[0];
        expect(language.aliases.slice(0, 2)).toEqual(['Référentiel RNCP', 'RNCP référentiel']);
        for (const icon of Object.values(language.icon) as string[]) expect(fs.existsSync(path.join(EXTENSION, icon)), icon).toBe(true);
        const configuration = JSON.parse(fs.readFileSync(path.join(EXTENSION, language.configuration), 'utf8'));
        expect(configuration.comments).toEqual({ lineComment: '//', blockComment: ['/*', '*/'] });
        expect(configuration.autoClosingPairs).toContainEqual({ open: '«', close: '»' });
        expect(configuration.surroundingPairs).toContainEqual(['«', '»']);
        expect(manifest.contributes.grammars[0]).toMatchObject({ language: 'certiref', scopeName: 'source.certiref', path: './syntaxes/certiref.tmLanguage.json' });
        expect(Object.keys(JSON.parse(fs.readFileSync(path.join(EXTENSION, manifest.contributes.snippets[0].path), 'utf8'))).length).toBeGreaterThan(0);
        const types = JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules/@types/vscode/package.json'), 'utf8')).version;
        expect(manifest.engines.vscode.replace(/^\^/, '') >= types).toBe(true);
    });

    it("the desktop entry's server (dist/server.cjs) starts as VS Code forks it, over IPC, and checks a seed", async () => {
        // desktop VS Code cannot run here: this is the part of its path that can (the web e2e runs the other entry)
        const dir = path.join(ROOT, 'referentials/manager-strategie-digitale');
        const uri = pathToFileURL(path.join(dir, 'bloc-5.ref')).toString();
        const child = fork(path.join(EXTENSION, 'dist/server.cjs'), ['--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
        let stderr = '';
        child.stderr!.on('data', (d) => (stderr += d));
        const connection = createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
        const published = new Map<string, Array<{ code?: unknown; range: { start: { line: number } } }>>();
        connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: [] }) => published.set(p.uri, p.diagnostics));
        connection.onRequest('client/registerCapability', () => null);
        connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => null));
        connection.listen();
        try {
            const init = await connection.sendRequest<{ capabilities: Record<string, unknown> }>('initialize', {
                processId: process.pid, rootUri: pathToFileURL(dir).toString(), workspaceFolders: [{ uri: pathToFileURL(dir).toString(), name: 'msd' }], capabilities: {}, locale: 'fr',
            });
            expect(init.capabilities).toMatchObject({ completionProvider: expect.anything(), hoverProvider: true, definitionProvider: true });
            await connection.sendNotification('initialized', {});
            await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'certiref', version: 1, text: fs.readFileSync(new URL(uri), 'utf8') } });
            for (const start = Date.now(); (published.get(uri)?.length ?? 0) < 8; await new Promise((r) => setTimeout(r, 100))) {
                if (Date.now() - start > 30_000) throw new Error(`no diagnostics from dist/server.cjs\n${stderr}`);
            }
            // competency-purpose needs the French lexicon: dist/french-lexicon.txt beside the server
            expect(published.get(uri)!.map((d) => `${d.range.start.line + 1}:${(d.code as { value?: string })?.value ?? d.code}`).sort((a, b) => parseInt(a, 10) - parseInt(b, 10)))
                .toEqual(['26:competency-purpose', '123:competency-purpose', '137:competency-without-criterion', '143:competency-without-criterion',
                    '187:criterion-without-competency', '192:criterion-without-competency', '207:competency-purpose', '225:competency-purpose']);
            const preview = await connection.sendRequest<{ body: string }>('certiref/preview', { uri });
            expect(preview.body).toContain("Grille d&#39;évaluation — E5");
            // Export… in Word: the exporters come from dist/office.cjs, read on this first use
            const docx = await connection.sendRequest<{ base64: string }>('certiref/export', { uri, format: 'docx' });
            expect(Buffer.from(docx.base64, 'base64').subarray(0, 2).toString()).toBe('PK');
        } finally {
            connection.dispose();
            child.kill();
        }
    }, 60_000);

    it('packages a .vsix with the grammar, both bundles, the French lexicon and its licence, the icon and the README, and no sources', () => {
        const r = spawnSync('npm', ['run', 'package', '-w', 'packages/extension'], { cwd: ROOT, encoding: 'utf8' });
        expect(r.status, r.stderr + r.stdout).toBe(0);
        const vsix = path.join(EXTENSION, 'certiref.vsix');
        const size = fs.statSync(vsix).size;
        expect(size).toBeLessThan(2 * 1024 * 1024);
        const list = spawnSync('unzip', ['-Z1', vsix], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean).sort();
        expect(list).toEqual([
            '[Content_Types].xml', 'extension.vsixmanifest', 'extension/dist/extension.cjs', 'extension/dist/french-lexicon.LICENSE', 'extension/dist/french-lexicon.txt', 'extension/dist/office.cjs', 'extension/dist/server-worker.js', 'extension/dist/server.cjs', 'extension/dist/web.cjs',
            'extension/images/file.svg', 'extension/images/icon.png', 'extension/language-configuration.json', 'extension/package.json', 'extension/package.nls.fr.json',
            'extension/package.nls.json', 'extension/readme.md', 'extension/snippets/certiref.json', 'extension/syntaxes/certiref.tmLanguage.json',
        ]);
    }, 120_000);
});
