// The benchmark: wall time and peak memory of `certiref check` at 1 k, 10 k and 100 k
// competencies and on a simulated whole RNCP (6,000 certifications, about 200 k competencies),
// side by side in the same run with (a) the same content as YAML validated by a JSON Schema
// with ajv plus a cross-reference script, and (b) the floor: reading the files and JSON.parse.
// Also the cold check of the two seed référentiels against a bare `node -e 0`.
//
//   npm run bench                      (all sizes; writes bench/RESULTS.md)
//   node bench/run.mjs --sizes 1k,10k  (some sizes; prints the table)
//
// Generated files go to bench/out/ (not committed); they are reused when present.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generate } from './generate.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const out = path.join(here, 'out');
const CLI = path.join(root, 'packages/cli/bin/certiref.cjs');
const PEAK = path.join(here, 'peak.cjs');

const SIZES = {
    '1k': { certifications: 30, competencies: 1_000, runs: 5 },
    '10k': { certifications: 300, competencies: 10_000, runs: 3 },
    '100k': { certifications: 3_000, competencies: 100_000, runs: 2 },
    rncp: { certifications: 6_000, competencies: 200_000, runs: 1 },
};

const { values } = parseArgs({ options: { sizes: { type: 'string' }, write: { type: 'boolean' }, 'seed-runs': { type: 'string' } } });
const sizes = (values.sizes ?? Object.keys(SIZES).join(',')).split(',');

/** Runs a command once; wall time (ms) and peak resident memory (MiB) of its process. */
function measure(args, extraEnv = {}) {
    const peakFile = path.join(os.tmpdir(), `certiref-peak-${process.pid}`);
    fs.rmSync(peakFile, { force: true });
    const start = process.hrtime.bigint();
    const r = spawnSync(process.execPath, ['--require', PEAK, ...args], {
        env: { ...process.env, BENCH_PEAK_FILE: peakFile, ...extraEnv },
        encoding: 'utf8',
        maxBuffer: 1 << 30,
    });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (r.status === null || r.status > 1) throw new Error(`${args.join(' ')}: exit ${r.status}\n${r.stderr}`);
    const kib = Number(fs.readFileSync(peakFile, 'utf8'));
    return { ms, mib: kib / 1024, stdout: r.stdout };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

/** Measures several commands side by side: one run of each per round, rounds repeated. */
function sideBySide(commands, runs) {
    const samples = commands.map(() => []);
    for (let i = 0; i < runs; i++) commands.forEach((c, k) => samples[k].push(measure(c.args, c.env)));
    return commands.map((c, k) => ({ name: c.name, ms: median(samples[k].map((s) => s.ms)), mib: Math.max(...samples[k].map((s) => s.mib)), runs, stdout: samples[k][0].stdout }));
}

function ensureGenerated(name, size) {
    const dir = path.join(out, name);
    const stamp = path.join(dir, 'params.json');
    const params = JSON.stringify(size);
    if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === params) return dir;
    console.error(`generating ${name} …`);
    return generate({ certifications: size.certifications, competencies: size.competencies, out: dir }).then(() => {
        fs.writeFileSync(stamp, params);
        return dir;
    });
}

function du(dir) {
    let bytes = 0;
    let files = 0;
    const walk = (d) => {
        for (const e of fs.readdirSync(d, { withFileTypes: true })) {
            const p = path.join(d, e.name);
            if (e.isDirectory()) walk(p);
            else {
                bytes += fs.statSync(p).size;
                files++;
            }
        }
    };
    walk(dir);
    return { bytes, files };
}

const rows = [];
// cold check of the two seeds against a bare node
const seedRuns = Number(values['seed-runs'] ?? 11);
const [bare, seeds] = sideBySide([
    { name: 'node -e 0', args: ['-e', '0'] },
    { name: 'certiref check referentials', args: [CLI, 'check', path.join(root, 'referentials'), '--format', 'json'] },
], seedRuns);
rows.push({ size: 'seeds', competencies: 65, files: 13, mb: du(path.join(root, 'referentials')).bytes / 1e6, certiref: seeds, bare });
console.error(`seeds: ${seeds.ms.toFixed(0)} ms vs node -e 0 ${bare.ms.toFixed(0)} ms`);

for (const name of sizes) {
    const size = SIZES[name];
    if (!size) throw new Error(`unknown size ${name} (${Object.keys(SIZES).join(', ')})`);
    const dir = await ensureGenerated(name, size);
    const ref = du(path.join(dir, 'ref'));
    const [certiref, yamlAjv, floor] = sideBySide([
        { name: 'certiref check', args: [CLI, 'check', path.join(dir, 'ref'), '--format', 'json', '-o', path.join(os.tmpdir(), 'certiref-bench.json')] },
        { name: 'YAML + ajv + cross-refs', args: [path.join(here, 'alternative/check-yaml.mjs'), path.join(dir, 'yaml')] },
        { name: 'read + JSON.parse', args: [path.join(here, 'floor.mjs'), path.join(dir, 'json')] },
    ], size.runs);
    rows.push({ size: name, competencies: size.competencies, certifications: size.certifications, files: ref.files, mb: ref.bytes / 1e6, certiref, yamlAjv, floor });
    console.error(`${name}: certiref ${(certiref.ms / 1000).toFixed(2)} s ${certiref.mib.toFixed(0)} MiB | yaml+ajv ${(yamlAjv.ms / 1000).toFixed(2)} s | floor ${(floor.ms / 1000).toFixed(2)} s`);
}

const s = (ms) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
const table = ['| size | certifications | competencies | .ref files | .ref MB | certiref check | peak | YAML + ajv + refs | peak | read + JSON.parse | peak | certiref / YAML | certiref / floor | runs |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |'];
for (const r of rows) {
    if (r.size === 'seeds') {
        table.push(`| both seeds, cold | 2 | 65 | 13 | ${r.mb.toFixed(2)} | ${s(r.certiref.ms)} | ${r.certiref.mib.toFixed(0)} MiB | — | — | — | — | — | — | ${r.certiref.runs} |`);
        continue;
    }
    table.push(`| ${r.size} | ${r.certifications} | ${r.competencies} | ${r.files} | ${r.mb.toFixed(0)} | ${s(r.certiref.ms)} | ${r.certiref.mib.toFixed(0)} MiB | ${s(r.yamlAjv.ms)} | ${r.yamlAjv.mib.toFixed(0)} MiB | ${s(r.floor.ms)} | ${r.floor.mib.toFixed(0)} MiB | ${(r.certiref.ms / r.yamlAjv.ms).toFixed(1)} × | ${(r.certiref.ms / r.floor.ms).toFixed(0)} × | ${r.certiref.runs} |`);
}
const by = Object.fromEntries(rows.map((r) => [r.size, r]));
const targets = ['| target | measured | verdict |', '| --- | --- | --- |'];
const verdict = (ok) => (ok ? 'met' : '**missed**');
const seedRatio = seeds.ms / bare.ms;
targets.push(`| cold check of both seeds ≤ 3 × \`node -e 0\` (${s(bare.ms)}) | ${s(seeds.ms)} = ${seedRatio.toFixed(1)} × | ${verdict(seedRatio <= 3)} |`);
if (by['10k'] && by['100k']) {
    const ratio = by['100k'].certiref.ms / by['10k'].certiref.ms;
    targets.push(`| t(100 k) / t(10 k) ≤ 12 | ${ratio.toFixed(1)} | ${verdict(ratio <= 12)} |`);
}
if (by.rncp) {
    targets.push(`| whole simulated RNCP ≤ 2 min | ${s(by.rncp.certiref.ms)} | ${verdict(by.rncp.certiref.ms <= 120_000)} |`);
    targets.push(`| whole simulated RNCP ≤ 4 GB peak | ${(by.rncp.certiref.mib / 1024).toFixed(2)} GiB | ${verdict(by.rncp.certiref.mib <= 4096)} |`);
}
for (const name of ['1k', '10k', '100k', 'rncp']) {
    if (!by[name]) continue;
    const ratio = by[name].certiref.ms / by[name].yamlAjv.ms;
    targets.push(`| check ≤ 5 × YAML + ajv (${name}) | ${ratio.toFixed(1)} × | ${verdict(ratio <= 5)} |`);
}
const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.type()} ${os.release()}`;
const section = [`Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine}. Times are medians of the runs`,
    '(one run of each command per round, rounds interleaved), peaks are the largest of the runs.', '', ...table, '', ...targets].join('\n');
console.log(section);
if (values.write) {
    const file = path.join(here, 'RESULTS.md');
    const text = fs.readFileSync(file, 'utf8');
    const a = text.indexOf('<!-- results:start -->');
    const b = text.indexOf('<!-- results:end -->');
    if (a < 0 || b < 0) throw new Error('bench/RESULTS.md: markers not found');
    fs.writeFileSync(file, `${text.slice(0, a + 22)}\n${section}\n${text.slice(b)}`);
}
