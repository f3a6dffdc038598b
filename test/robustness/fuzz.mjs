// `npm run fuzz -- --runs 100000 [--seed N] [--workers 2] [--record]`: the fuzz test of the suite
// (test/robustness/fuzz.test.ts) with many more cases, split over worker processes, each with
// its own seed. Prints what each worker found; --record writes the result into
// test/robustness/RESULTS.md. Exit 1 when a case failed (its shrunk input is printed).
import { spawn, execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : fallback;
};
const runs = Number(option('runs', '100000'));
const workers = Math.max(1, Number(option('workers', String(Math.min(2, os.availableParallelism?.() ?? os.cpus().length)))));
const seed = Number(option('seed', String(Date.now() % 2 ** 31)));
const record = args.includes('--record');
if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(seed)) {
    console.error('usage: npm run fuzz -- [--runs 100000] [--seed N] [--workers 2] [--record]');
    process.exit(2);
}

const started = Date.now();
// the commit under test, read before the run (work may go on while it runs)
const commit = (() => {
    try {
        return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
    } catch {
        return 'unknown';
    }
})();
const share = Math.ceil(runs / workers);
const reports = [];
const jobs = Array.from({ length: workers }, (_, i) => new Promise((resolve) => {
    const report = path.join(os.tmpdir(), `certiref-fuzz-${process.pid}-${i}.json`);
    const child = spawn(process.execPath, [path.join(root, 'node_modules/vitest/vitest.mjs'), 'run', 'test/robustness/fuzz.test.ts'], {
        cwd: root,
        env: { ...process.env, CERTIREF_FUZZ_RUNS: String(share), CERTIREF_FUZZ_SEED: String(seed + i), CERTIREF_FUZZ_REPORT: report },
        stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('exit', (code) => {
        let summary;
        try {
            summary = JSON.parse(fs.readFileSync(report, 'utf8'));
            fs.rmSync(report);
        } catch {
            summary = { seed: seed + i, cases: 0, failed: true, error: 'no report' };
        }
        const line = `worker ${i}: seed ${summary.seed}, ${summary.cases} cases in ${summary.seconds} s, ${summary.failed ? 'FAILED' : 'passed'}`;
        console.log(line);
        if (code !== 0 || summary.failed) console.log(output.split('\n').filter((l) => /fuzz failure|input:|Error|became/.test(l)).slice(0, 20).join('\n'));
        reports.push(summary);
        resolve();
    });
}));
await Promise.all(jobs);
const seconds = Math.round((Date.now() - started) / 1000);
const cases = reports.reduce((n, r) => n + (r.cases ?? 0), 0);
const failed = reports.filter((r) => r.failed);
const slowest = {};
for (const r of reports) for (const [stage, ms] of Object.entries(r.slowestMs ?? {})) slowest[stage] = Math.max(slowest[stage] ?? 0, ms);
console.log(`fuzz: ${cases} cases in ${seconds} s on ${workers} worker(s), seeds ${seed}…${seed + workers - 1}: ${failed.length === 0 ? 'no failure' : `${failed.length} worker(s) failed`}`);

if (record) {
    const cpus = os.cpus();
    const sum = (key) => reports.reduce((n, r) => n + (r[key] ?? 0), 0);
    const lines = [
        `Last recorded run: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, commit ${commit}, ${cpus.length} cores (${cpus[0]?.model.trim() ?? 'unknown CPU'}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.versions.node}.`,
        '',
        '| cases | time | workers | seeds | failures | formatted | with syntax errors | with Word and Excel |',
        '| --- | --- | --- | --- | --- | --- | --- | --- |',
        `| ${cases} | ${seconds} s | ${workers} | ${reports.map((r) => r.seed).join(', ')} | ${failed.length === 0 ? 'none' : failed.map((r) => `seed ${r.seed}: ${r.counterexample?.error ?? r.error}`).join('; ')} | ${sum('formatted')} | ${sum('withSyntaxErrors')} | ${sum('heavy')} |`,
        '',
        `Slowest case per stage (ms of CPU): ${Object.entries(slowest).map(([s, ms]) => `${s} ${ms}`).join(', ')}.`,
    ];
    const file = path.join(here, 'RESULTS.md');
    const text = fs.readFileSync(file, 'utf8');
    const start = '<!-- fuzz:start -->';
    const end = '<!-- fuzz:end -->';
    fs.writeFileSync(file, `${text.slice(0, text.indexOf(start) + start.length)}\n${lines.join('\n')}\n${text.slice(text.indexOf(end))}`);
    console.log(`recorded in ${path.relative(process.cwd(), file)}`);
}
process.exit(failed.length === 0 ? 0 : 1);
