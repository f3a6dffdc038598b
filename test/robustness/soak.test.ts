import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic, Position } from 'vscode-languageserver-protocol';
import { ROOT, runCli } from '../helpers.js';
import { TestClient } from '../lsp/client.js';
import { machine, recordResults } from './results.js';

/**
 * A soak of the language server over stdio: 5,000 edits in sequence on the largest file of a
 * seed référentiel, as an editor sends them (incremental changes: text typed in a text,
 * characters deleted, lines added, removed, moved, repeated), with the editor's requests on the
 * way (symbols, hover, completion, formatting, the preview). Then:
 *
 * - the diagnostics the server published for the final text equal those of a fresh
 *   `certiref check` of that text;
 * - the server's memory after the soak is within 20 % of its memory before, measured the same
 *   way both times: the V8 heap in use after a full garbage collection, in the server process
 *   (a preloaded probe, memory-probe.cjs, answers SIGUSR2); the process's RSS is reported too.
 *
 * "Before" is taken after 250 edits of warm-up (the code compiled, the caches filled), so that
 * only what the edits leave behind counts. CERTIREF_SOAK_EDITS changes the number of edits;
 * CERTIREF_RECORD=1 writes the figures into test/robustness/RESULTS.md.
 */
const EDITS = Number(process.env.CERTIREF_SOAK_EDITS) || 5000;
const WARM_UP = 250;
const SEED = 'manager-strategie-digitale';
const FILE = 'bloc-5.ref';

/** A small, seeded generator, so that a failing soak can be replayed (the seed is printed). */
function random(seed: number): () => number {
    let a = seed >>> 0;
    return () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

interface Change {
    range: { start: Position; end: Position };
    text: string;
}

function positionAt(text: string, offset: number): Position {
    const before = text.slice(0, offset);
    const line = before.split('\n').length - 1;
    return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

const WORDS = ['le candidat', ' analyse', 'é', ' « cas »', ' ; ', 'l’équipe', '\n      suite', 'CR', ' 12', '"', '\\"', 'x'];
const LINES = ['    critère "Un critère ajouté."', '  // une note', '    évalue C5.1', '    compétence C5.9 "Nouvelle compétence."', '', '  modalité E9 "Oral"'];

/** One edit of `text`, as an editor sends it; the text it gives. */
function nextEdit(text: string, rand: () => number, original: number): { change: Change; text: string } {
    const pick = <T>(list: T[]) => list[Math.floor(rand() * list.length)];
    const lines = text.split('\n');
    const lineStart = (i: number) => lines.slice(0, i).reduce((n, l) => n + l.length + 1, 0);
    const grow = text.length < original * 1.2;
    const kind = rand();
    let from: number;
    let to: number;
    let insert: string;
    if (kind < 0.45 && grow) {
        // typing inside a text
        const quotes = [...text.matchAll(/"[^"\n]{4,}/g)];
        const q = quotes.length > 0 ? pick(quotes) : undefined;
        from = to = q ? q.index! + 1 + Math.floor(rand() * (q[0].length - 1)) : Math.floor(rand() * text.length);
        insert = pick(WORDS);
    } else if (kind < 0.8) {
        // deleting a few characters (backspace)
        from = Math.floor(rand() * Math.max(1, text.length - 8));
        to = from + 1 + Math.floor(rand() * 6);
        insert = '';
    } else if (kind < 0.9 && grow) {
        // a line added (or repeated)
        const i = Math.floor(rand() * lines.length);
        from = to = lineStart(i);
        insert = `${rand() < 0.5 ? pick(LINES) : lines[Math.floor(rand() * lines.length)]}\n`;
    } else {
        // a line removed
        const i = Math.floor(rand() * (lines.length - 1));
        from = lineStart(i);
        to = lineStart(i + 1);
        insert = '';
    }
    const change = { range: { start: positionAt(text, from), end: positionAt(text, to) }, text: insert };
    return { change, text: text.slice(0, from) + insert + text.slice(to) };
}

interface Memory {
    heapUsed: number;
    rss: number;
}

const MB = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

describe('soak: the language server over 5,000 edits', () => {
    let dir: string;
    let client: TestClient;
    const memoryFile = path.join(os.tmpdir(), `certiref-soak-memory-${process.pid}.json`);

    beforeAll(async () => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), 'certiref-soak-'));
        fs.cpSync(path.join(ROOT, 'referentials', SEED), dir, { recursive: true });
        client = new TestClient({
            nodeArgs: ['--expose-gc', '--require', path.join(__dirname, 'memory-probe.cjs')],
            env: { ...process.env, CERTIREF_MEMORY_FILE: memoryFile },
        });
        await client.initialize(pathToFileURL(dir).toString(), 'en');
    });

    afterAll(async () => {
        await client?.stop();
        fs.rmSync(dir, { recursive: true, force: true });
        fs.rmSync(memoryFile, { force: true });
    });

    /** The server's memory after a full garbage collection (the probe writes it on SIGUSR2). */
    async function memory(): Promise<Memory> {
        fs.rmSync(memoryFile, { force: true });
        client.process.kill('SIGUSR2');
        for (let i = 0; i < 200 && !fs.existsSync(memoryFile); i++) await new Promise((r) => setTimeout(r, 50));
        await new Promise((r) => setTimeout(r, 50));
        const m = JSON.parse(fs.readFileSync(memoryFile, 'utf8')) as Memory;
        return { heapUsed: m.heapUsed, rss: m.rss };
    }

    it(`${EDITS} edits: the final diagnostics are a fresh check's, and memory comes back within 20 %`, async () => {
        const uri = pathToFileURL(path.join(dir, FILE)).toString();
        const original = fs.readFileSync(path.join(dir, FILE), 'utf8');
        const seed = Number(process.env.CERTIREF_SOAK_SEED) || Date.now() % 1_000_000;
        const rand = random(seed);
        let text = original;
        let version = 1;
        client.open(uri, text);
        await client.waitFor(uri, () => true, 60_000);
        const request = <T>(method: string, params: object) => client.connection.sendRequest(method, params) as Promise<T>;
        const someRequest = (i: number) => {
            const position = positionAt(text, Math.floor(rand() * text.length));
            switch (i % 5) {
                case 0: return request('textDocument/hover', { textDocument: { uri }, position });
                case 1: return request('textDocument/completion', { textDocument: { uri }, position });
                case 2: return request('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
                case 3: return request('certiref/preview', { uri });
                default: return request('textDocument/documentSymbol', { textDocument: { uri } });
            }
        };
        const edit = async (count: number) => {
            for (let i = 0; i < count; i++) {
                const next = nextEdit(text, rand, original.length);
                text = next.text;
                void client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [next.change] });
                // the editor's requests on the way; every 10 edits, wait for the server to catch up
                if (i % 10 === 9) await someRequest(i / 10);
            }
            await request('textDocument/documentSymbol', { textDocument: { uri } });
        };
        const atStart = await memory();
        await edit(WARM_UP);
        const before = await memory();
        const started = performance.now();
        await edit(EDITS);
        const seconds = (performance.now() - started) / 1000;
        const after = await memory();

        // the server's last word on the final text …
        await request('certiref/preview', { uri });
        const shown = (d: Diagnostic[]) => d.map((x) => `${x.range.start.line + 1}:${x.range.start.character + 1}-${x.range.end.line + 1}:${x.range.end.character + 1} ${x.code} ${x.message}`).sort();
        // … and a fresh check of that text, by the CLI
        fs.writeFileSync(path.join(dir, FILE), text);
        const fresh = runCli(['check', '.', '--format', 'json'], { cwd: dir });
        expect(fresh.status, fresh.stderr).not.toBe(2);
        const expected = (JSON.parse(fresh.stdout).diagnostics as Array<{ file: string; line: number; column: number; endLine: number; endColumn: number; rule: string; message: string }>)
            .filter((d) => d.file === FILE)
            .map((d) => `${d.line}:${d.column}-${d.endLine}:${d.endColumn} ${d.rule} ${d.message}`).sort();
        // published diagnostics may trail the last request by a moment
        let published: string[] = [];
        for (let i = 0; i < 100; i++) {
            published = shown(client.diagnostics.get(uri) ?? []);
            if (JSON.stringify(published) === JSON.stringify(expected)) break;
            await new Promise((r) => setTimeout(r, 100));
        }

        const growth = after.heapUsed / before.heapUsed - 1;
        const figures = {
            date: new Date().toISOString().slice(0, 10),
            edits: EDITS,
            seed,
            seconds: Math.round(seconds),
            finalDiagnostics: expected.length,
            heapMB: { start: MB(atStart.heapUsed), before: MB(before.heapUsed), after: MB(after.heapUsed) },
            rssMB: { start: MB(atStart.rss), before: MB(before.rss), after: MB(after.rss) },
            heapGrowthPercent: Math.round(growth * 1000) / 10,
        };
        console.log(`soak: ${EDITS} edits in ${figures.seconds} s (seed ${seed}); heap after GC ${figures.heapMB.before} MB before, ${figures.heapMB.after} MB after (${figures.heapGrowthPercent} %); RSS ${figures.rssMB.before} MB before, ${figures.rssMB.after} MB after; ${expected.length} diagnostics on the final text`);
        if (process.env.CERTIREF_RECORD === '1') {
            recordResults('soak', [
                `Last recorded run: ${figures.date}, ${machine()}.`,
                '',
                '| edits | time | seed | heap after GC: at start / before / after | change | RSS: at start / before / after | diagnostics on the final text |',
                '| --- | --- | --- | --- | --- | --- | --- |',
                `| ${EDITS} | ${figures.seconds} s | ${seed} | ${figures.heapMB.start} / ${figures.heapMB.before} / ${figures.heapMB.after} MB | ${figures.heapGrowthPercent} % | ${figures.rssMB.start} / ${figures.rssMB.before} / ${figures.rssMB.after} MB | ${expected.length}, equal to a fresh check: ${JSON.stringify(published) === JSON.stringify(expected) ? 'yes' : 'NO'} |`,
            ].join('\n'));
        }

        expect(published).toEqual(expected);
        expect(Math.abs(growth), `heap after GC: ${figures.heapMB.before} MB before, ${figures.heapMB.after} MB after`).toBeLessThan(0.2);
        expect(client.process.exitCode).toBeNull();
        expect(client.stderr).not.toMatch(/^\s+at\s|Error/m);
    }, 900_000);
});
