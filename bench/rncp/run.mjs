// The RNCP export benchmark: on an export of the real export's scale (bench/rncp/generate.mjs:
// 25,600 fiches, ~0.8 GB of XML, and its zip), the wall time and peak memory of
//   - reading the last fiche (the worst case of `--fiche`), from the XML and from the zip;
//   - listing every fiche's number and title (the editor's completion);
//   - reading every fiche and splitting every bloc's lists (`--all`);
//   - `certiref import rncp` of the last fiche and of all of them, once the CLI has the command;
// side by side with the floor: the bytes only (the XML read, the zip's entry inflated).
// One run of each command per round, rounds interleaved, median time and largest peak kept.
//
//   npm run bench:rncp                  (writes the section of bench/RESULTS.md)
//   node bench/rncp/run.mjs --runs 1    (prints the table only)
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateExport } from './generate.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const out = path.join(root, 'bench/out/rncp');
const PEAK = path.join(root, 'bench/peak.cjs');
const CLI = path.join(root, 'packages/cli/bin/certiref.cjs');
const READ = path.join(here, 'read.mjs');
const FLOOR = path.join(here, 'floor.mjs');

const { values } = parseArgs({ options: { runs: { type: 'string' }, write: { type: 'boolean' }, fiches: { type: 'string' } } });
const runs = Number(values.runs ?? 3);
const fiches = Number(values.fiches ?? 25_600);

/** Runs a command once: wall time (ms) and peak resident memory (MiB) of its process. */
function measure(args) {
    const peakFile = path.join(os.tmpdir(), `certiref-rncp-peak-${process.pid}`);
    fs.rmSync(peakFile, { force: true });
    const start = process.hrtime.bigint();
    const r = spawnSync(process.execPath, ['--require', PEAK, ...args], { env: { ...process.env, BENCH_PEAK_FILE: peakFile }, encoding: 'utf8', maxBuffer: 1 << 30 });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (r.status !== 0) throw new Error(`${args.join(' ')}: exit ${r.status}\n${r.stderr}`);
    return { ms, mib: Number(fs.readFileSync(peakFile, 'utf8')) / 1024, stdout: r.stdout.trim() };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

const stamp = path.join(out, 'params.json');
let generated = fs.existsSync(stamp) ? JSON.parse(fs.readFileSync(stamp, 'utf8')) : undefined;
if (!generated || generated.fiches !== fiches || !fs.existsSync(generated.file)) {
    console.error(`generating an export of ${fiches} fiches into ${path.relative(root, out)} …`);
    generated = await generateExport({ fiches, out });
    fs.writeFileSync(stamp, JSON.stringify(generated));
}
const { file, zip, last, bytes } = generated;

const hasImport = (spawnSync(process.execPath, [CLI, 'import', 'rncp', '--help'], { encoding: 'utf8' }).stdout ?? '').includes('--fiche');
const importDir = path.join(os.tmpdir(), `certiref-rncp-import-${process.pid}`);
const commands = [
    { name: `read the last fiche (${last}), XML`, args: [READ, file, 'fiche', last] },
    zip && { name: `read the last fiche (${last}), zip`, args: [READ, zip, 'fiche', last] },
    { name: 'list every fiche (number, title), XML', args: [READ, file, 'list'] },
    { name: 'read every fiche, split every bloc, XML', args: [READ, file, 'all'] },
    hasImport && { name: `certiref import rncp --fiche ${last}, zip`, args: [CLI, 'import', 'rncp', zip ?? file, '--fiche', last, '--out', importDir, '--force'] },
    hasImport && { name: 'certiref import rncp --all, zip', args: [CLI, 'import', 'rncp', zip ?? file, '--all', '--out', importDir, '--force'] },
    { name: 'floor: the XML’s bytes only', args: [FLOOR, file] },
    zip && { name: 'floor: the zip’s entry inflated only', args: [FLOOR, zip] },
].filter(Boolean);

const load = os.loadavg()[0];
const samples = commands.map(() => []);
for (let round = 0; round < runs; round++) {
    commands.forEach((command, k) => {
        const m = measure(command.args);
        samples[k].push(m);
        console.error(`round ${round + 1}: ${command.name}: ${(m.ms / 1000).toFixed(2)} s, ${m.mib.toFixed(0)} MiB`);
    });
    fs.rmSync(importDir, { recursive: true, force: true });
}
const rows = commands.map((command, k) => ({ name: command.name, ms: median(samples[k].map((s) => s.ms)), mib: Math.max(...samples[k].map((s) => s.mib)) }));

const s = (ms) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${(ms / 1000).toFixed(2)} s`);
const lines = [
    `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${os.cpus().length} × ${os.cpus()[0]?.model.split(' ').slice(0, 2).join(' ')}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}; `
        + `load average at the start ${load.toFixed(1)}; export of ${fiches.toLocaleString('en')} fiches, ${(bytes / 1e6).toFixed(0)} MB of XML${zip ? `, ${(fs.statSync(zip).size / 1e6).toFixed(0)} MB zipped` : ''}; median of ${runs} runs, largest peak.`,
    '',
    '| command | time | peak memory |',
    '| --- | --- | --- |',
    ...rows.map((r) => `| ${r.name} | ${s(r.ms)} | ${r.mib.toFixed(0)} MiB |`),
    '',
    '| target | measured | verdict |',
    '| --- | --- | --- |',
];
const worst = rows.filter((r) => r.name.includes('last fiche') || r.name.includes('--fiche'));
for (const r of worst) {
    lines.push(`| ${r.name}: ≤ 15 s, ≤ 300 MB | ${s(r.ms)}, ${r.mib.toFixed(0)} MiB | ${r.ms <= 15_000 && r.mib * 1.048576 <= 300 ? 'met' : '**missed**'} |`);
}
const table = lines.join('\n');
console.log(table);
if (values.write) {
    const results = path.join(root, 'bench/RESULTS.md');
    const text = fs.readFileSync(results, 'utf8');
    const start = '<!-- rncp:start -->';
    const end = '<!-- rncp:end -->';
    if (!text.includes(start)) throw new Error(`${results} has no ${start} marker`);
    fs.writeFileSync(results, text.slice(0, text.indexOf(start) + start.length) + '\n' + table + '\n' + text.slice(text.indexOf(end)));
    console.error(`written to ${path.relative(root, results)}`);
}
