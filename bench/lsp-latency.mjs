// Responsiveness of the language server: time from an edit (didChange) to the diagnostics
// published for the edited document, median and p95 over 200 edits, on a seed file and on a
// file of a 10 k-competency workspace of many files; and the server's memory after loading
// each workspace. The bundled server runs as a process over stdio, as in an editor.
//
//   npm run bench:lsp              (writes bench/RESULTS.md)
//   node bench/lsp-latency.mjs     (prints)
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node.js';
import { generate } from './generate.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const CLI = path.join(root, 'packages/cli/bin/certiref.cjs');
const { values } = parseArgs({ options: { edits: { type: 'string' }, write: { type: 'boolean' } } });
const EDITS = Number(values.edits ?? 200);

function rssMiB(pid) {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024;
}

/** CPU time (clock ticks) a process has used so far. */
function cpuTicks(pid) {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return Number(fields[11]) + Number(fields[12]);
}

/** Resolves once the process has used no CPU for a second (four quiet quarters), at most after two minutes. */
async function untilIdle(pid) {
    const start = Date.now();
    let quiet = 0;
    let last = cpuTicks(pid);
    while (quiet < 4 && Date.now() - start < 120_000) {
        await new Promise((r) => setTimeout(r, 250));
        const now = cpuTicks(pid);
        quiet = now - last <= 1 ? quiet + 1 : 0;
        last = now;
    }
}

async function session(workspace, file) {
    const child = spawn(process.execPath, [...(process.env.LSP_PROFILE ? ['--cpu-prof', '--cpu-prof-dir=' + process.env.LSP_PROFILE] : []), CLI, 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const uri = pathToFileURL(file).toString();
    let waiter;
    let published = 0;
    connection.onNotification('textDocument/publishDiagnostics', (p) => {
        if (p.uri === uri) {
            published++;
            waiter?.();
        }
    });
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onRequest('workspace/configuration', (p) => p.items.map(() => null));
    connection.listen();
    const next = () => new Promise((resolve) => (waiter = () => { waiter = undefined; resolve(); }));
    const started = Date.now();
    await connection.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(workspace).toString(), workspaceFolders: [{ uri: pathToFileURL(workspace).toString(), name: 'w' }], capabilities: { workspace: { configuration: true } } });
    await connection.sendNotification('initialized', {});
    const text = fs.readFileSync(file, 'utf8');
    const opened = next();
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'certiref', version: 1, text } });
    await opened;
    // this file is validated; the server goes on loading the rest of the workspace in the
    // background: wait until it is idle (no CPU time for a second), so that the edits below
    // measure editing, not the end of the loading (a fixed pause was too short for 2,000 files)
    await untilIdle(child.pid);
    const loadMs = Date.now() - started;
    const memory = rssMiB(child.pid);
    // edits: a word typed at the end of a competency's text, then removed (the text changes, the
    // findings stay), one at a time, each waiting for its diagnostics
    const anchor = text.indexOf('compétence ');
    const quote = text.indexOf('"', text.indexOf('"', anchor) + 1);
    const latencies = [];
    for (let i = 0; i < EDITS; i++) {
        const edited = i % 2 === 0 ? text.slice(0, quote) + ` mot${i}` + text.slice(quote) : text;
        const published_ = next();
        const t0 = process.hrtime.bigint();
        await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: i + 2 }, contentChanges: [{ text: edited }] });
        await published_;
        latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    const memoryAfter = rssMiB(child.pid);
    const exited = new Promise((r) => child.once('exit', r));
    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    connection.dispose();
    child.kill();
    latencies.sort((a, b) => a - b);
    const pick = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
    return { loadMs, memory, memoryAfter, median: pick(0.5), p95: pick(0.95), published };
}

const seed = await session(path.join(root, 'referentials/manager-strategie-digitale'), path.join(root, 'referentials/manager-strategie-digitale/bloc-5.ref'));
const tenK = path.join(here, 'out', '10k');
if (!fs.existsSync(path.join(tenK, 'ref'))) await generate({ certifications: 300, competencies: 10_000, out: tenK });
const firstCert = fs.readdirSync(path.join(tenK, 'ref')).sort()[0];
const big = await session(path.join(tenK, 'ref'), path.join(tenK, 'ref', firstCert, 'rncp10000bc02.ref'));
const f = (ms) => `${ms.toFixed(0)} ms`;
const s = (ms) => `${(ms / 1000).toFixed(1)} s`;
const rows = [
    '| workspace | files | loaded and idle after | server memory after loading | after the edits | edit → diagnostics, median | p95 |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    `| one seed (MSD, 6 files, 35 competencies) | 6 | ${s(seed.loadMs)} | ${seed.memory.toFixed(0)} MiB | ${seed.memoryAfter.toFixed(0)} MiB | ${f(seed.median)} | ${f(seed.p95)} |`,
    `| 10 k competencies (300 certifications) | ${fs.readdirSync(path.join(tenK, 'ref')).reduce((n, d) => n + fs.readdirSync(path.join(tenK, 'ref', d)).length, 0)} | ${s(big.loadMs)} | ${big.memory.toFixed(0)} MiB | ${big.memoryAfter.toFixed(0)} MiB | ${f(big.median)} | ${f(big.p95)} |`,
];
const ratio = big.median / seed.median;
const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
const section = [`Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine}, ${EDITS} edits each (a word added to, then removed from, a competency's text), one at a time, once the server is idle after loading the workspace. Memory is the server's resident set.`, '',
    ...rows, '', `Latency on the 10 k workspace / on the seed (medians): ${ratio.toFixed(2)} × — target ≤ 2 ×: ${ratio <= 2 ? 'met' : '**missed**'}.`].join('\n');
console.log(section);
if (values.write) {
    const file = path.join(here, 'RESULTS.md');
    const t = fs.readFileSync(file, 'utf8');
    const a = t.indexOf('<!-- lsp:start -->');
    const b = t.indexOf('<!-- lsp:end -->');
    fs.writeFileSync(file, `${t.slice(0, a + 18)}\n${section}\n${t.slice(b)}`);
}
