import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, ROOT } from '../helpers.js';
import { TestClient } from '../lsp/client.js';

/**
 * No part of certiref opens a network connection. The CLI and the language server run with a
 * preload (no-network.cjs) that makes every network function of Node throw (net, tls, dns,
 * http, https, http2, dgram, fetch, WebSocket) and logs each attempt: check, every export
 * format, stats, format, and a language-server session with the editor's requests must work and
 * leave the log empty. A control shows that the preload does catch an attempt.
 */
const PRELOAD = path.join(__dirname, 'no-network.cjs');
let dir: string;
let log: string;

beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'certiref-no-network-'));
    fs.cpSync(path.join(ROOT, 'referentials', 'chef-de-projet-digital'), path.join(dir, 'ref'), { recursive: true });
    log = path.join(dir, 'network.log');
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const env = () => ({ ...process.env, LANG: 'C', LC_ALL: '', CERTIREF_NETWORK_LOG: log });
const attempts = () => (fs.existsSync(log) ? fs.readFileSync(log, 'utf8') : '');

function certiref(args: string[]) {
    return spawnSync(process.execPath, ['--require', PRELOAD, CLI, ...args], { cwd: dir, env: env(), encoding: 'utf8', timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });
}

describe('no network', () => {
    it('control: the preload catches and logs an attempt', () => {
        const r = spawnSync(process.execPath, ['--require', PRELOAD, '-e', "require('node:https').get('https://example.org/')"], { env: env(), encoding: 'utf8' });
        expect(r.status).not.toBe(0);
        expect(r.stderr).toContain('network access refused (https.get)');
        expect(attempts()).toMatch(/^https\.get /);
        fs.rmSync(log);
    });

    // check and format --check: 0 or 1, depending on the findings of the seed (never 2)
    const commands: Array<[string, string[], number | 'findings']> = [
        ['check', ['check', 'ref', '--format', 'json'], 'findings'],
        ['check, SARIF', ['check', 'ref', '--format', 'sarif'], 'findings'],
        ['export json', ['export', 'ref', '--format', 'json'], 0],
        ['export html', ['export', 'ref', '--format', 'html'], 0],
        ['export md', ['export', 'ref', '--format', 'md'], 0],
        ['export csv', ['export', 'ref', '--format', 'csv'], 0],
        ['export xlsx', ['export', 'ref', '--format', 'xlsx', '-o', 'out.xlsx', '--force'], 0],
        ['export docx', ['export', 'ref', '--format', 'docx', '-o', 'out.docx', '--force'], 0],
        ['stats', ['stats', 'ref'], 0],
        ['format --check', ['format', 'ref', '--check'], 'findings'],
    ];
    for (const [name, args, exit] of commands) {
        it(`certiref ${name}: works, and tries no connection`, () => {
            const r = certiref(args);
            if (exit === 'findings') expect([0, 1], r.stderr).toContain(r.status);
            else expect(r.status, r.stderr).toBe(exit);
            expect(r.stderr).not.toContain('network access refused');
            expect(attempts()).toBe('');
        });
    }

    it('the language server, over a session with the editor\'s requests: works, and tries no connection', async () => {
        const client = new TestClient({ nodeArgs: ['--require', PRELOAD], env: env() });
        const uri = pathToFileURL(path.join(dir, 'ref', 'bloc-6.ref')).toString();
        try {
            await client.initialize(pathToFileURL(path.join(dir, 'ref')).toString(), 'fr');
            const text = fs.readFileSync(path.join(dir, 'ref', 'bloc-6.ref'), 'utf8');
            client.open(uri, text);
            await client.waitFor(uri, () => true);
            const position = { line: 10, character: 8 };
            for (const [method, params] of [
                ['textDocument/hover', { textDocument: { uri }, position }],
                ['textDocument/completion', { textDocument: { uri }, position }],
                ['textDocument/documentSymbol', { textDocument: { uri } }],
                ['textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } }],
                ['textDocument/codeLens', { textDocument: { uri } }],
                ['workspace/symbol', { query: 'C6' }],
                ['certiref/preview', { uri }],
                ['certiref/outline', { uri }],
                ['certiref/export', { uri, format: 'html' }],
            ] as const) {
                await client.connection.sendRequest(method, params);
            }
            client.change(uri, text.replace('critère', 'critere'));
            await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
            expect(client.process.exitCode).toBeNull();
            expect(client.stderr).not.toContain('network access refused');
        } finally {
            await client.stop();
        }
        expect(attempts()).toBe('');
    });
});
