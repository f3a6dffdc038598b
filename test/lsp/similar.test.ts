import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hover } from 'vscode-languageserver-protocol';
import { ROOT } from '../helpers.js';
import { rulesOf, TestClient, useWorkspace } from './client.js';

// The registry rules in the editor: the export named by the setting (or by certiref.json), the
// findings as diagnostics, the hover with both passages side by side.
const EXTRACT = path.join(ROOT, 'examples/rncp/export_fiches_RNCP_extract.xml');
const COPY = fs.readFileSync(path.join(ROOT, 'test/fixtures/similar/copy/referentiel.ref'), 'utf8');
const index = fs.mkdtempSync(path.join(os.tmpdir(), 'certiref-lsp-index-'));
afterAll(() => fs.rmSync(index, { recursive: true, force: true }));

const settings = (registry?: { export?: string; index?: string }, language: 'en' | 'fr' = 'en') => ({ language, rules: {}, registry });

describe('the registry setting of the editor', () => {
    // a client that shows progress bars, as VS Code does
    const ws = { client: undefined as unknown as TestClient, dir: '', uri: (name: string) => pathToFileURL(path.join(ws.dir, name)).toString() };
    beforeAll(async () => {
        ws.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'certiref-lsp-'));
        fs.writeFileSync(path.join(ws.dir, 'copy.ref'), COPY);
        ws.client = new TestClient();
        const rootUri = pathToFileURL(ws.dir).toString();
        await ws.client.connection.sendRequest('initialize', {
            processId: process.pid, rootUri, locale: 'en', workspaceFolders: [{ uri: rootUri, name: 'workspace' }],
            capabilities: { window: { workDoneProgress: true }, workspace: { configuration: true, workspaceFolders: true }, textDocument: { publishDiagnostics: {} } },
        });
        await ws.client.connection.sendNotification('initialized', {});
    });
    afterAll(async () => {
        await ws.client?.stop();
        fs.rmSync(ws.dir, { recursive: true, force: true });
    });

    it('shows the findings as diagnostics once the export is named, hints below 70 %, information above', async () => {
        const { client } = ws;
        const uri = ws.uri('copy.ref');
        client.open(uri, COPY);
        const before = await client.waitFor(uri, (d) => d.length > 0);
        expect(rulesOf(before)).not.toContain('similar-text');
        const progress: unknown[] = [];
        client.connection.onNotification('$/progress', (p) => progress.push(p));
        await client.connection.sendNotification('certiref/settings', settings({ export: EXTRACT, index }));
        const d = await client.waitFor(uri, (x) => rulesOf(x).includes('similar-text'), 30_000);
        const similar = d.filter((x) => x.code === 'similar-text');
        expect(similar.map((x) => x.range.start.line + 1)).toEqual([9, 15, 17, 19]);
        // 89 %, 76 %, 100 %, 100 %: information
        expect(similar.map((x) => x.severity)).toEqual([3, 3, 3, 3]);
        expect(similar[0].message).toMatch(/^Competency 89% similar to bloc RNCP39568BC01/);
        // the index was built with the editor's progress bar
        expect(JSON.stringify(progress)).toContain("the RNCP registry's index");
    });

    it('shows both passages side by side, the differing words in bold', async () => {
        const { client } = ws;
        const uri = ws.uri('copy.ref');
        const hover = await client.connection.sendRequest<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 8, character: 17 } });
        const value = (hover.contents as { value: string }).value;
        expect(value).toContain('**89% similar** to another certification');
        expect(value).toMatch(/\| This référentiel \| RNCP39568BC01 “Appréhender et évaluer les transformations de la société et de l’environnement des affaires” — RNCP39568 \|/);
        // the référentiel's words the registry's passage does not have, and the other way round
        expect(value).toMatch(/\| Pour la conduite opérationnelle des activités et les choix stratégiques de l'entreprise, \*\*apprécier\*\* les contextes/);
        expect(value).toMatch(/\| contextes économiques et géopolitiques qui peuvent \*\*venir\*\* impacter les choix stratégiques pour l'entreprise/);
        expect(value).toContain('_In bold: the words the other text does not have._');
    });

    it('follows the rule settings: a higher severity, or off', async () => {
        const { client } = ws;
        const uri = ws.uri('copy.ref');
        await client.connection.sendNotification('certiref/settings', { ...settings({ export: EXTRACT, index }), rules: { 'similar-text': 'warning' } });
        await client.waitFor(uri, (x) => x.filter((d) => d.code === 'similar-text').every((d) => d.severity === 2) && rulesOf(x).includes('similar-text'));
        await client.connection.sendNotification('certiref/settings', { ...settings({ export: EXTRACT, index }), rules: { 'similar-text': 'off' } });
        await client.waitFor(uri, (x) => !rulesOf(x).includes('similar-text') && x.length > 0);
    });

    it('drops the findings when the setting is cleared, and says why an export cannot be read', async () => {
        const { client } = ws;
        const uri = ws.uri('copy.ref');
        await client.connection.sendNotification('certiref/settings', settings({ export: EXTRACT, index }));
        await client.waitFor(uri, (x) => rulesOf(x).includes('similar-text'));
        await client.connection.sendNotification('certiref/settings', settings({}));
        await client.waitFor(uri, (x) => !rulesOf(x).includes('similar-text') && x.length > 0);
        const messages: Array<{ type: number; message: string }> = [];
        client.connection.onRequest('window/showMessageRequest', (m: { type: number; message: string }) => {
            messages.push(m);
            return null;
        });
        await client.connection.sendNotification('certiref/settings', settings({ export: path.join(index, 'nope.zip'), index }));
        for (let i = 0; i < 100 && messages.length === 0; i++) await new Promise((r) => setTimeout(r, 100));
        expect(messages[0]?.type).toBe(1);
        expect(messages[0]?.message).toMatch(/^certiref: the RNCP export cannot be read, the comparison with the registry is off\. .*nope\.zip/);
    });
});

describe('the registry named by certiref.json', () => {
    const ws = useWorkspace({ 'certiref.json': JSON.stringify({ language: 'fr', registry: { export: EXTRACT, index } }), 'copy.ref': COPY });

    it('is read when the workspace opens', async () => {
        const { client } = ws;
        const uri = ws.uri('copy.ref');
        client.open(uri, COPY);
        const d = await client.waitFor(uri, (x) => rulesOf(x).includes('similar-text'), 30_000);
        expect(d.find((x) => x.code === 'similar-text')!.message).toMatch(/^Compétence proche à 89\u202f% du bloc RNCP39568BC01/);
    });
});
