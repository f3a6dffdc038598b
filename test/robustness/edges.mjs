// `npm run edges -- [--scale 1] [--only a,b] [--commands check,format] [--timeout 300] [--cli path] [--no-lsp] [--record]`
//
// The inputs of test/robustness/large-inputs.mjs (many comments, long digit runs, long lists,
// many ranges, many unknown names, many findings on one line, 1 million lines, a 50 MB file)
// through every command of the built CLI and through the language server, one process each,
// with a timeout: wall time, peak memory (resident set), exit code, and whether what it printed
// is clean (no stack trace, no internal error name). A benchmark, not a test: the figures go to
// test/robustness/RESULTS.md with --record; the bad-input catalogue of `npm test` runs the same
// inputs, smaller. `--cli` runs another build (an older bundle, to compare); the language
// server is measured with the CLI given.
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { LARGE_INPUTS } from './large-inputs.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const PEAK = path.join(root, 'bench/peak.cjs');

const { values } = parseArgs({
    options: {
        scale: { type: 'string', default: '1' },
        only: { type: 'string' },
        commands: { type: 'string' },
        timeout: { type: 'string', default: '300' },
        cli: { type: 'string', default: path.join(root, 'packages/cli/bin/certiref.cjs') },
        'no-lsp': { type: 'boolean', default: false },
        record: { type: 'boolean', default: false },
    },
});
const scale = Number(values.scale);
const timeoutMs = Number(values.timeout) * 1000;
const CLI = path.resolve(values.cli);

const COMMANDS = {
    check: ['check', 'a.ref'],
    'check github': ['check', '--format', 'github', 'a.ref'],
    'format --check': ['format', '--check', 'a.ref'],
    'export json': ['export', '-f', 'json', 'a.ref'],
    'export html': ['export', '-f', 'html', 'a.ref'],
    'export md': ['export', '-f', 'md', 'a.ref'],
    'export csv': ['export', '-f', 'csv', 'a.ref'],
    stats: ['stats', 'a.ref'],
};
const commands = values.commands ? values.commands.split(',') : Object.keys(COMMANDS);
const inputs = LARGE_INPUTS.filter((i) => !values.only || values.only.split(',').includes(i.name));

/** A stack trace, or the name of an internal error, in what a user sees. */
const INTERNALS = /^\s+at\s|\b(?:TypeError|RangeError|ReferenceError|SyntaxError|Maximum call stack|heap out of memory)\b/m;

function run(args, cwd) {
    const peakFile = path.join(os.tmpdir(), `certiref-edges-peak-${process.pid}`);
    fs.rmSync(peakFile, { force: true });
    const started = process.hrtime.bigint();
    const r = spawnSync(process.execPath, ['--require', PEAK, CLI, ...args], {
        cwd, encoding: 'utf8', timeout: timeoutMs, maxBuffer: 1 << 30,
        env: { ...process.env, LANG: 'C', LC_ALL: '', LC_MESSAGES: '', BENCH_PEAK_FILE: peakFile, GITHUB_STEP_SUMMARY: '' },
    });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    let mib;
    try {
        mib = Number(fs.readFileSync(peakFile, 'utf8')) / 1024;
    } catch {
        mib = undefined; // killed, or aborted before exit
    }
    const said = `${r.stdout ?? ''}${r.stderr ?? ''}`;
    return {
        seconds, mib,
        exit: r.signal ? `killed (${r.signal})` : r.status,
        timedOut: r.signal !== null && seconds * 1000 >= timeoutMs - 50,
        clean: !INTERNALS.test(said),
        stderr: (r.stderr ?? '').split('\n').slice(0, 2).join(' ').slice(0, 200),
    };
}

/** The language server on the file: time to its diagnostics, then to a document-symbol answer. */
async function lsp(dir) {
    const { createMessageConnection, StreamMessageReader, StreamMessageWriter } = await import('vscode-jsonrpc/node.js');
    const child = spawn(process.execPath, [CLI, 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdin.on('error', () => undefined);
    const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const uri = pathToFileURL(path.join(dir, 'a.ref')).toString();
    let published;
    const diagnostics = new Promise((resolve) => (published = resolve));
    connection.onNotification('textDocument/publishDiagnostics', (p) => { if (p.uri === uri) published(p.diagnostics.length); });
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onRequest('workspace/configuration', (p) => p.items.map(() => null));
    connection.listen();
    const exited = new Promise((resolve) => child.once('exit', (code) => resolve(`exited (${code})`)));
    const timeout = new Promise((resolve) => setTimeout(() => resolve('timeout'), timeoutMs));
    const started = performance.now();
    const outcome = { diagnostics: undefined, symbols: undefined, answered: false };
    try {
        await connection.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(dir).toString(), capabilities: {}, workspaceFolders: [{ uri: pathToFileURL(dir).toString(), name: 'w' }] });
        await connection.sendNotification('initialized', {});
        await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'certiref', version: 1, text: fs.readFileSync(path.join(dir, 'a.ref'), 'utf8') } });
        const d = await Promise.race([diagnostics, exited, timeout]);
        outcome.diagnostics = typeof d === 'number' ? (performance.now() - started) / 1000 : d;
        const t = performance.now();
        const s = await Promise.race([connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } }).then(() => 'ok', (e) => `error ${e.message}`), exited, timeout]);
        outcome.symbols = s === 'ok' ? (performance.now() - t) / 1000 : s;
        outcome.answered = s === 'ok';
    } catch (e) {
        outcome.diagnostics ??= `failed: ${e.message}`;
    } finally {
        connection.dispose();
        child.kill();
    }
    outcome.clean = !INTERNALS.test(stderr);
    return outcome;
}

const fmt = (r) => (r.timedOut ? `> ${values.timeout} s` : `${r.seconds.toFixed(1)} s`);
const mem = (r) => (r.mib === undefined ? '—' : `${Math.round(r.mib)} MB`);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'certiref-edges-'));
const rows = [];
try {
    for (const input of inputs) {
        const dir = path.join(work, input.name);
        fs.mkdirSync(dir);
        const text = input.make(scale);
        fs.writeFileSync(path.join(dir, 'a.ref'), text);
        const size = Buffer.byteLength(text);
        const lines = text.split('\n').length;
        const results = {};
        for (const c of commands) {
            results[c] = run(COMMANDS[c], dir);
            const r = results[c];
            console.error(`${input.name} (${(size / 1e6).toFixed(2)} MB): ${c}: ${fmt(r)}, ${mem(r)}, exit ${r.exit}${r.clean ? '' : ', NOT CLEAN'}${r.exit === 2 ? ` — ${r.stderr}` : ''}`);
        }
        const server = values['no-lsp'] ? undefined : await lsp(dir);
        if (server) console.error(`${input.name}: language server: diagnostics ${typeof server.diagnostics === 'number' ? `${server.diagnostics.toFixed(1)} s` : server.diagnostics}, symbols ${typeof server.symbols === 'number' ? `${server.symbols.toFixed(2)} s` : server.symbols}${server.clean ? '' : ', NOT CLEAN'}`);
        rows.push({ input, size, lines, results, server });
        fs.rmSync(dir, { recursive: true, force: true });
    }
} finally {
    fs.rmSync(work, { recursive: true, force: true });
}

const secs = (v) => (typeof v === 'number' ? `${v.toFixed(v < 10 ? 1 : 0)} s` : v ?? '—');
const table = [
    `| input | size | ${commands.join(' | ')} | peak memory | exit | language server: diagnostics / symbols |`,
    `| --- | --- | ${commands.map(() => '---').join(' | ')} | --- | --- | --- |`,
    ...rows.map(({ input, size, results, server }) => {
        const all = Object.values(results);
        const peak = Math.max(...all.map((r) => r.mib ?? 0));
        const exits = [...new Set(all.map((r) => String(r.exit)))].join(', ');
        const dirty = all.some((r) => !r.clean) || (server && !server.clean) ? ' (internal error shown)' : '';
        return `| ${input.what(scale)} | ${size >= 1e6 ? `${(size / 1e6).toFixed(1)} MB` : `${Math.round(size / 1e3)} kB`} | ${commands.map((c) => fmt(results[c])).join(' | ')} | ${peak ? `${Math.round(peak)} MB` : '—'} | ${exits}${dirty} | ${server ? `${secs(server.diagnostics)} / ${secs(server.symbols)}` : '—'} |`;
    }),
].join('\n');
console.log(table);

if (values.record) {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
    const cpu = os.cpus();
    const stamp = `Last recorded run: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, commit ${commit}, ${cpu.length} cores (${cpu[0]?.model.split(' ').slice(0, 2).join(' ')}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.versions.node}; scale ${scale}, timeout ${values.timeout} s per command.`;
    const file = path.join(here, 'RESULTS.md');
    const md = fs.readFileSync(file, 'utf8');
    const block = `<!-- edges:start -->\n${stamp}\n\n${table}\n<!-- edges:end -->`;
    fs.writeFileSync(file, md.replace(/<!-- edges:start -->[\s\S]*<!-- edges:end -->/, block));
    console.error(`recorded in ${path.relative(root, file)}`);
}
