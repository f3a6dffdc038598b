import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WRITING_RULES_OFF_CONFIG } from '../helpers.js';
import { TestClient } from './client.js';

/**
 * The language server and the documents an editor sends that are not certiref's (another
 * language, no text, a `git:` or `untitled:` copy), documents closed that are not on disk, and
 * a stream it cannot read any more (a framing error).
 */

const VALID = 'certification R "Référentiel"\n  accessibilité "Aménagements."\nbloc 1 "Bloc"\n  activité A1 "A"\n    compétence C1 "Un."\n    compétence C2 "Deux."\n  modalité E1 "E"\n    évalue C1, C2\n    critère CR1 "Un."\n    critère CR2 "Deux."\n';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'certiref-foreign-'));
fs.writeFileSync(path.join(dir, 'a.ref'), VALID);
// what is tested is which documents the server takes; the drafting and dossier rules have their own tests
fs.writeFileSync(path.join(dir, 'certiref.json'), WRITING_RULES_OFF_CONFIG);
const uri = (name: string) => pathToFileURL(path.join(dir, name)).toString();
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const symbols = (client: TestClient, query = '') => client.connection.sendRequest('workspace/symbol', { query }) as Promise<Array<{ name: string; location: { uri: string } }>>;
const within = <T>(p: Promise<T>, ms = 15_000) => Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('the server does not answer')), ms))]);

describe('documents that are not certiref\'s', () => {
    let client: TestClient;
    beforeAll(async () => {
        client = new TestClient();
        await client.initialize(pathToFileURL(dir).toString(), 'en');
        client.open(uri('a.ref'), VALID);
        await client.waitFor(uri('a.ref'), () => true);
    });
    afterAll(async () => client?.stop());

    const foreign = [
        { name: 'another language (plaintext, x.txt)', doc: { uri: uri('x.txt'), languageId: 'plaintext', version: 1, text: 'certification X "x"\n' } },
        { name: 'a text that is null', doc: { uri: uri('y.ref'), languageId: 'certiref', version: 1, text: null } },
        { name: 'a git: copy (the older side of a diff view)', doc: { uri: `git:${path.join(dir, 'a.ref')}?{"ref":"HEAD"}`, languageId: 'certiref', version: 1, text: VALID } },
        { name: 'an untitled: document', doc: { uri: 'untitled:Untitled-1', languageId: 'certiref', version: 1, text: VALID.replace('R "', 'U "') } },
        { name: 'no uri', doc: { languageId: 'certiref', version: 1, text: VALID } },
    ];
    for (const { name, doc } of foreign) {
        it(`${name}: ignored, the server keeps answering`, async () => {
            await client.connection.sendNotification('textDocument/didOpen', { textDocument: doc });
            await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: doc.uri, version: 2 }, contentChanges: [{ text: 'bloc' }] });
            await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: doc.uri } });
            const found = await within(symbols(client));
            expect(found.map((s) => s.location.uri).every((u) => u === uri('a.ref'))).toBe(true);
            expect(found.some((s) => s.name.startsWith('CR2'))).toBe(true);
            // no duplicate-id from a git: copy of a.ref, no diagnostics for what is not ours
            expect(client.diagnostics.get(uri('a.ref'))).toEqual([]);
            expect(doc.uri ? client.diagnostics.has(doc.uri) : false).toBe(false);
            expect(client.process.exitCode).toBeNull();
        });
    }
});

describe('documents closed in the editor', () => {
    let client: TestClient;
    beforeAll(async () => {
        client = new TestClient();
        await client.initialize(pathToFileURL(dir).toString(), 'en');
    });
    afterAll(async () => client?.stop());

    it('one not on disk leaves the workspace: its symbols and diagnostics go', async () => {
        const ghost = uri('ghost.ref');
        client.open(ghost, 'certification G "Fantôme"\nbloc 1 "Bloc"\n');
        await client.waitFor(ghost, (d) => d.length > 0);
        expect((await symbols(client)).map((s) => s.location.uri)).toContain(ghost);
        await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: ghost } });
        await client.waitFor(ghost, (d) => d.length === 0);
        expect((await symbols(client)).map((s) => s.location.uri)).not.toContain(ghost);
    });

    it('one on disk is read again from the disk: its unsaved edits are gone', async () => {
        client.open(uri('a.ref'), VALID.replace('    critère CR2 "Deux."\n', ''));
        await client.waitFor(uri('a.ref'), (d) => d.length === 1);
        await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: uri('a.ref') } });
        await client.waitFor(uri('a.ref'), (d) => d.length === 0);
        expect((await symbols(client)).some((s) => s.name.startsWith('CR2'))).toBe(true);
    });

    it('five open and close cycles of a large document leave no copy behind', async () => {
        const big = `certification B "Grand"\n  accessibilité "A."\n${Array.from({ length: 2000 }, (_, b) => `bloc ${b} "B"\n  activité A${b} "A"\n    compétence C${b}.1 "${'Texte long. '.repeat(60)}"\n    compétence C${b}.2 "Deux."\n  modalité E${b} "E"\n    évalue C${b}.1, C${b}.2\n    critère CR${b}.1 "Un."\n    critère CR${b}.2 "Deux."\n`).join('')}`;
        for (let i = 0; i < 5; i++) {
            const u = uri(`big-${i}.ref`);
            client.open(u, big.replace('certification B', `certification B${i}`));
            await client.waitFor(u, () => true, 60_000);
            await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: u } });
            await client.waitFor(u, (d) => d.length === 0, 60_000);
        }
        const left = (await symbols(client)).map((s) => s.location.uri).filter((u) => /big-\d\.ref$/.test(u));
        expect(left).toEqual([]);
    }, 120_000);
});

describe('a stream the server cannot read any more', () => {
    for (const [name, bytes] of [
        ['a Content-Length that is not a number', 'Content-Length: abc\r\n\r\n{}'],
        ['a header without Content-Length', 'Content-Type: application/json\r\n\r\n{}'],
        ['a Content-Length shorter than the message', `Content-Length: 5\r\n\r\n${JSON.stringify({ jsonrpc: '2.0', method: 'initialized', params: {} })}`],
    ] as const) {
        it(`${name}: the server exits with an error, and says why`, async () => {
            const client = new TestClient();
            try {
                await client.initialize(pathToFileURL(dir).toString(), 'en');
                const exited = new Promise<number | null>((resolve) => client.process.once('exit', (code) => resolve(code)));
                client.process.stdin!.write(bytes);
                const code = await within(exited);
                expect(code).toBe(1);
                expect(client.stderr).toMatch(/unreadable message, the server stops/);
            } finally {
                await client.stop();
            }
        });
    }

    it('a message that is not JSON, well framed: answered with an error, the server goes on', async () => {
        const client = new TestClient();
        try {
            await client.initialize(pathToFileURL(dir).toString(), 'en');
            const body = '{ not json';
            client.process.stdin!.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
            expect(Array.isArray(await within(symbols(client)))).toBe(true);
            expect(client.process.exitCode).toBeNull();
        } finally {
            await client.stop();
        }
    });
});
