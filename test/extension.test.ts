import { fork, spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, IPCMessageReader, IPCMessageWriter } from 'vscode-jsonrpc/node.js';
import * as fs from 'node:fs';
import * as os from 'node:os';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECKLIST_REQUEST, DIFF_REQUEST, EXPORT_FORMATS_REQUEST, EXPORT_REQUEST, OUTLINE_REQUEST, PREVIEW_REQUEST, READ_DIRECTORY_REQUEST, READ_FILE_REQUEST, SETTINGS_NOTIFICATION } from 'certiref-language';
import * as protocol from 'certiref-language/protocol';
import { ROOT } from './helpers.js';

const EXTENSION = path.join(ROOT, 'packages/extension');

describe('the VS Code extension package', () => {
    it('speaks the same protocol as the language server', () => {
        // one protocol module, which the server registers from and the extension imports: the extension keeps no copy
        expect([protocol.PREVIEW_REQUEST, protocol.OUTLINE_REQUEST, protocol.EXPORT_REQUEST, protocol.SETTINGS_NOTIFICATION, protocol.READ_FILE_REQUEST, protocol.READ_DIRECTORY_REQUEST, protocol.DIFF_REQUEST, protocol.EXPORT_FORMATS_REQUEST, protocol.CHECKLIST_REQUEST])
            .toEqual([PREVIEW_REQUEST, OUTLINE_REQUEST, EXPORT_REQUEST, SETTINGS_NOTIFICATION, READ_FILE_REQUEST, READ_DIRECTORY_REQUEST, DIFF_REQUEST, EXPORT_FORMATS_REQUEST, CHECKLIST_REQUEST]);
        expect([...protocol.PROTOCOL.requests, ...protocol.PROTOCOL.notifications, ...protocol.PROTOCOL.toClient].sort())
            .toEqual(['certiref/checklist', 'certiref/diff', 'certiref/export', 'certiref/exportFormats', 'certiref/outline', 'certiref/preview', 'certiref/readDirectory', 'certiref/readFile', 'certiref/settings']);
        const sources = fs.readdirSync(path.join(EXTENSION, 'src')).filter((f) => f.endsWith('.ts'));
        for (const file of sources) {
            const text = fs.readFileSync(path.join(EXTENSION, 'src', file), 'utf8');
            // a method name written in the extension would be a second copy of the protocol
            expect(text, file).not.toMatch(/['"`]certiref\/[a-zA-Z]+['"`]/);
        }
        expect(sources.some((file) => fs.readFileSync(path.join(EXTENSION, 'src', file), 'utf8').includes("from 'certiref-language/protocol'"))).toBe(true);
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
            { command: 'certiref.showSource', when: "activeWebviewPanelId == 'certiref.preview'", group: 'navigation@1' },
            { command: 'certiref.export', when: "activeWebviewPanelId == 'certiref.preview'", group: 'navigation@2' },
            { command: 'certiref.compareWith', when: "activeWebviewPanelId == 'certiref.preview'", group: 'navigation@3' },
        ]);
        // the preview's commands in the palette while the preview has the focus, as the editor's
        for (const command of ['certiref.export', 'certiref.compareWith']) {
            expect(manifest.contributes.menus.commandPalette.find((c: { command: string }) => c.command === command).when).toBe("editorLangId == certiref || activeWebviewPanelId == 'certiref.preview'");
            expect(commands[command].icon, command).toMatch(/^\$\(/);
        }
        expect(manifest.contributes.keybindings.map((k: { command: string; key: string; mac: string }) => `${k.command} ${k.key} ${k.mac}`))
            .toEqual(['certiref.showPreview ctrl+shift+v cmd+shift+v', 'certiref.showPreviewToSide ctrl+k v cmd+k v']);
        expect(manifest.activationEvents).toContain('onWebviewPanel:certiref.preview');
        expect(Object.keys(manifest.contributes.configuration.properties).sort()).toEqual(['certiref.language', 'certiref.preview.showCoverage', 'certiref.preview.showFindings', 'certiref.registry.export', 'certiref.registry.index', 'certiref.rules']);
        expect(manifest.contributes.views.explorer).toEqual([{ id: 'certiref.referential', name: '%view.referential%', when: 'certiref.active' }]);
        // the language: its aliases in French and English, its icon, and « » among the pairs that close themselves
        const language = manifest.contributes.languages[0];
        expect(language.aliases.slice(0, 2)).toEqual(['Référentiel RNCP', 'RNCP référentiel']);
        for (const icon of Object.values(language.icon) as string[]) expect(fs.existsSync(path.join(EXTENSION, icon)), icon).toBe(true);
        const configuration = JSON.parse(fs.readFileSync(path.join(EXTENSION, language.configuration), 'utf8'));
        expect(configuration.comments).toEqual({ lineComment: '//', blockComment: ['/*', '*/'] });
        expect(configuration.autoClosingPairs).toContainEqual({ open: '«', close: '»' });
        expect(configuration.surroundingPairs).toContainEqual(['«', '»']);
        // a word as VS Code reads it (it compiles wordPattern without the u flag): ids and
        // accented keywords whole, never the letters of an escape such as \p{L}
        const word = new RegExp(configuration.wordPattern, 'g');
        expect('  critère CR1-2 "x" A1.1 C6A.4 évalue, BC01'.match(word)).toEqual(['critère', 'CR1-2', 'x', 'A1.1', 'C6A.4', 'évalue', 'BC01']);
        // indentation after an element's line, the accented keywords too
        const indent = new RegExp(configuration.indentationRules.increaseIndentPattern);
        for (const line of ['  activité A1 "x"', '  modalité E1 "x"', 'bloc 1 "x"', '    partie 1 "x"', '  spécialisation 6A']) expect(indent.test(line), line).toBe(true);
        expect(indent.test('    compétence C1 "x"')).toBe(false);
        // Enter keeps the indentation of the line above (a new line is blank: it must not outdent)
        const outdent = new RegExp(configuration.indentationRules.decreaseIndentPattern);
        for (const line of ['', '    ', '  bloc 2', '    critère CR1 "x"']) expect(outdent.test(line), JSON.stringify(line)).toBe(false);
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
            // every request of the protocol is the server's, "Compare with…" (certiref/diff) included
            for (const method of protocol.PROTOCOL.requests) {
                const answer = await connection.sendRequest(method, method === DIFF_REQUEST ? { uri, old: { label: 'HEAD', files: [] } } : { uri, format: 'csv' }).then(() => 'answered', (e: { code?: number }) => `error ${e.code}`);
                expect(answer, method).toBe('answered');
            }
        } finally {
            connection.dispose();
            child.kill();
        }
    }, 60_000);

    it('the desktop Word import (dist/import.cjs) reads a Word référentiel on its own and writes its files, never over an edited one', async () => {
        // the command's dialogs need desktop VS Code; this is what it runs once they are answered
        const { bytesOf, EVENT, threeColumns } = await import('./import/documents.js');
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'certiref-vscode-import-'));
        const docx = path.join(dir, 'ref.docx');
        fs.writeFileSync(docx, await bytesOf(threeColumns(EVENT, { ids: true, merged: (b) => b.id === '1' })));
        const { importWordDocument } = createRequire(import.meta.url)(path.join(EXTENSION, 'dist/import.cjs')) as typeof import('../packages/extension/src/import-worker.js');
        const out = path.join(dir, 'ref');
        const first = await importWordDocument(docx, out, false);
        expect(first.error).toBeUndefined();
        expect(first.written.map((f) => path.basename(f))).toEqual(['certification.ref', 'bloc-1.ref', 'bloc-2.ref']);
        expect(first.counts).toMatchObject({ blocs: 2, competencies: 7, criteria: 8 });
        expect(first.notes.map((n) => `${path.basename(n.path)}:${n.line}:${n.column}`)).toEqual(['certification.ref:1:1']);
        fs.appendFileSync(path.join(out, 'bloc-2.ref'), '// mine\n');
        const refused = await importWordDocument(docx, out, false);
        expect(refused.refused).toEqual([path.join(out, 'bloc-2.ref')]);
        expect(fs.readFileSync(path.join(out, 'bloc-2.ref'), 'utf8')).toMatch(/\/\/ mine\n$/);
        expect((await importWordDocument(docx, out, true)).written).toEqual([path.join(out, 'bloc-2.ref')]);
        fs.writeFileSync(path.join(dir, 'not.docx'), 'texte');
        expect((await importWordDocument(path.join(dir, 'not.docx'), out, false)).error).toEqual({ fr: "ce n'est pas un document Word (.docx)", en: 'this is not a Word document (.docx)' });
    }, 60_000);

    it('the desktop RNCP import (dist/import.cjs) lists the fiches of an export and gives a fiche\'s files, streamed from disk or read through VS Code', async () => {
        // the command's dialogs need VS Code; this is what it runs once they are answered (the web suite runs the command itself)
        const { nodeRncpBackend } = createRequire(import.meta.url)(path.join(EXTENSION, 'dist/import.cjs')) as typeof import('../packages/extension/src/import-worker.js');
        const extract = path.join(ROOT, 'examples/rncp/export_fiches_RNCP_extract.xml');
        let readThroughVsCode = 0;
        const backend = nodeRncpBackend(async () => {
            readThroughVsCode++;
            return fs.readFileSync(extract);
        });
        const file = { scheme: 'file', fsPath: extract, path: extract } as unknown as import('vscode').Uri;
        let progress = 0;
        const fiches = await backend.list(file, (read, total) => { progress = read / total; });
        expect(fiches.map((f) => f.number)).toEqual(['RNCP34762', 'RNCP35625', 'RNCP36612', 'RNCP37674', 'RNCP36490', 'RNCP39568']);
        expect(progress).toBe(1);
        const fiche = await backend.fiche(file, 'RNCP37674');
        expect(fiche.files.map((f) => f.path)).toEqual(['RNCP37674/certification.ref', 'RNCP37674/bloc-BC01.ref', 'RNCP37674/bloc-BC02.ref']);
        expect(fiche.files[0]!.text).toMatch(/^certification RNCP37674 "Développeur web et web mobile"\n/);
        expect(readThroughVsCode).toBe(0);
        const remote = { scheme: 'vscode-remote', fsPath: extract, path: '/x/export.xml' } as unknown as import('vscode').Uri;
        expect((await backend.fiche(remote, 'RNCP36490')).number).toBe('RNCP36490');
        expect(readThroughVsCode).toBe(1);
        await expect(backend.fiche(file, 'RNCP99999')).rejects.toThrow('RNCP99999: not in the export');
    }, 60_000);

    it('packages a .vsix with the grammar, the bundles, the icon and the README, and no sources', () => {
        const r = spawnSync('npm', ['run', 'package', '-w', 'packages/extension'], { cwd: ROOT, encoding: 'utf8' });
        expect(r.status, r.stderr + r.stdout).toBe(0);
        const vsix = path.join(EXTENSION, 'certiref.vsix');
        const size = fs.statSync(vsix).size;
        // the servers, the importers, the similarity and the French lexicon (inlined in the Web Worker)
        expect(size).toBeLessThan(2.5 * 1024 * 1024);
        const list = spawnSync('unzip', ['-Z1', vsix], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean).sort();
        expect(list).toEqual([
            '[Content_Types].xml', 'extension.vsixmanifest', 'extension/dist/extension.cjs', 'extension/dist/french-lexicon.LICENSE', 'extension/dist/french-lexicon.txt', 'extension/dist/import.cjs', 'extension/dist/office.cjs', 'extension/dist/server-worker.js', 'extension/dist/server.cjs', 'extension/dist/similar.cjs', 'extension/dist/web.cjs',
            'extension/images/file.svg', 'extension/images/icon.png', 'extension/language-configuration.json', 'extension/package.json', 'extension/package.nls.fr.json',
            'extension/package.nls.json', 'extension/readme.md', 'extension/snippets/certiref.json', 'extension/syntaxes/certiref.tmLanguage.json',
        ]);
    }, 120_000);
});
