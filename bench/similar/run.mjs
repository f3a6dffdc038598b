// The similarity's benchmark on an export of the real size, with reworded copies planted at known
// places: the time and peak memory of building the index, the time of loading it, the time of
// one référentiel of 50 competencies once it is loaded, and whether every planted copy is found.
//
//   npm run bench:similar             (writes its section of bench/RESULTS.md)
//   node bench/similar/run.mjs        (prints it)
//
// The export is the RNCP reader's benchmark export (bench/rncp/generate.mjs: 25,600 fiches, each
// a renumbered copy of one of the six real fiches), generated into bench/out/rncp/ when missing.
// Ten competencies of the two référentiels of referentials/ (which no fiche of the extract
// resembles), reworded as in the labelled set, are planted into the first bloc of ten fiches
// spread over the export (bench/out/similar/). The query is those two référentiels' first 50
// competencies.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import readline from 'node:readline';
import { KINDS, variant } from './labelled-set.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const out = path.join(root, 'bench/out/similar');
const CLI = path.join(root, 'packages/cli/bin/certiref.cjs');
const PEAK = path.join(root, 'bench/peak.cjs');
const { values } = parseArgs({ options: { write: { type: 'boolean' }, runs: { type: 'string' } } });
const RUNS = Number(values.runs ?? 5);

/** Runs a node script once: wall time, CPU time (from its own report) and peak resident memory. */
function measure(args) {
    const peakFile = path.join(os.tmpdir(), `certiref-similar-peak-${process.pid}`);
    fs.rmSync(peakFile, { force: true });
    const start = process.hrtime.bigint();
    const r = spawnSync(process.execPath, ['--require', PEAK, ...args], { env: { ...process.env, BENCH_PEAK_FILE: peakFile }, encoding: 'utf8', maxBuffer: 1 << 28 });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')}: exit ${r.status}\n${r.stderr}`);
    return { ms, mib: Number(fs.readFileSync(peakFile, 'utf8')) / 1024, stdout: r.stdout, stderr: r.stderr };
}

const xml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The query: the first 50 competencies of the two real référentiels, as the model reads them. */
async function queryCompetencies() {
    const { createNodeServices, loadDocuments } = await import('certiref-language/node');
    const { Certiref } = createNodeServices();
    const files = [];
    const walk = (d) => fs.readdirSync(d, { withFileTypes: true }).forEach((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : e.name.endsWith('.ref') && files.push(path.join(d, e.name))));
    walk(path.join(root, 'referentials'));
    await loadDocuments(Certiref, files.sort());
    const competencies = [];
    for (const model of Certiref.referential.Models.all()) {
        for (const bloc of model.blocs) for (const c of [bloc, ...bloc.options].flatMap((x) => x.activities).flatMap((a) => a.competencies)) competencies.push({ certification: model.id, bloc: bloc.id, id: c.id, text: c.text });
    }
    return competencies.slice(0, 50);
}

/** The export with the planted copies: the first bloc of each chosen fiche gets one, before its own list. */
async function plant(source, planted) {
    const target = path.join(out, 'export_fiches_RNCP_planted.xml');
    const stamp = path.join(out, 'planted.json');
    const params = JSON.stringify({ source, size: fs.statSync(source).size, planted });
    if (fs.existsSync(target) && fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === params) return target;
    fs.mkdirSync(out, { recursive: true });
    const byNumber = new Map(planted.map((p) => [p.fiche, p]));
    const output = fs.createWriteStream(target);
    let current;
    let done = new Set();
    for await (const line of readline.createInterface({ input: fs.createReadStream(source), crlfDelay: Infinity })) {
        const number = /<NUMERO_FICHE>(RNCP\d+)<\/NUMERO_FICHE>/.exec(line);
        if (number) current = byNumber.get(number[1]);
        let text = line;
        if (current && !done.has(current.fiche) && line.includes('<LISTE_COMPETENCES>')) {
            text = line.replace('<LISTE_COMPETENCES>', `<LISTE_COMPETENCES>- ${xml(current.text)}     - `);
            done.add(current.fiche);
        }
        if (!output.write(`${text}\n`)) await new Promise((r) => output.once('drain', r));
    }
    await new Promise((r, j) => output.end((e) => (e ? j(e) : r())));
    if (done.size !== planted.length) throw new Error(`planted ${done.size} of ${planted.length}`);
    fs.writeFileSync(stamp, params);
    return target;
}

const generated = path.join(root, 'bench/out/rncp/export_fiches_RNCP_bench.xml');
if (!fs.existsSync(generated)) {
    console.error('generating the export (bench/rncp/generate.mjs) …');
    const { generateExport } = await import('../rncp/generate.mjs');
    await generateExport();
}
const competencies = await queryCompetencies();
// ten of them, spread over the query, each reworded one way, into ten fiches spread over the export
const planted = Array.from({ length: 10 }, (_, i) => {
    const c = competencies[i * 5];
    const kind = KINDS[i % KINDS.length];
    return { fiche: `RNCP${100000 + 1 + i * 2_555}`, competency: `${c.certification} ${c.id}`, kind, text: variant(c.text, kind, i) };
});
console.error('planting …');
const exportFile = await plant(generated, planted);
const size = fs.statSync(exportFile).size;

// the build, in a process of its own (peak memory), twice: as shipped, and with the words of
// every text read again (no two texts alike, as if every fiche of the registry were different)
const indexFolder = path.join(out, 'index');
fs.rmSync(indexFolder, { recursive: true, force: true });
console.error('building the index …');
const build = measure([path.join(here, 'build.mjs'), exportFile, indexFolder]);
const built = JSON.parse(build.stdout);
console.error('building again, every text read …');
const buildAll = measure([path.join(here, 'build.mjs'), exportFile, path.join(out, 'index-all'), '--read-every-text']);
fs.rmSync(path.join(out, 'index-all'), { recursive: true, force: true });

// loading and querying, in a process of its own
const query = measure([path.join(here, 'query.mjs'), built.file, JSON.stringify(competencies), JSON.stringify(planted), String(RUNS)]);
const q = JSON.parse(query.stdout);

// the command as a user runs it (loads the index, reads the référentiels, compares)
const cli = measure([CLI, 'similar', path.join(root, 'referentials'), '--registry', exportFile, '--index', indexFolder, '--format', 'json', '-o', path.join(os.tmpdir(), 'certiref-similar-bench.json')]);

const s = (ms) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
const verdict = (ok) => (ok ? 'met' : '**missed**');
const found = q.planted.filter((p) => p.found);
const lines = [
    `Export: ${built.counts.fiches.toLocaleString('en')} fiches, ${built.counts.blocs.toLocaleString('en')} blocs, ${(size / 1e6).toFixed(0)} MB of XML (bench/rncp/generate.mjs, 10 reworded copies planted); index file ${(fs.statSync(built.file).size / 1e6).toFixed(0)} MB, ${built.counts.units.toLocaleString('en')} texts, ${built.counts.postings.toLocaleString('en')} postings. Machine load (1 min average) at the end: ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores.`,
    '',
    '| measure | wall | CPU | peak memory |',
    '| --- | --- | --- | --- |',
    `| build the index (as shipped: the words of identical texts read once) | ${s(build.ms)} | ${s(built.cpuMs)} | ${build.mib.toFixed(0)} MiB |`,
    `| build the index, every text's words read (as if no two blocs were alike) | ${s(buildAll.ms)} | ${s(JSON.parse(buildAll.stdout).cpuMs)} | ${buildAll.mib.toFixed(0)} MiB |`,
    `| load the index | ${s(q.loadMs)} | — | — |`,
    `| query: 50 competencies (and their blocs), first run | ${s(q.firstMs)} | — | ${query.mib.toFixed(0)} MiB |`,
    `| query: 50 competencies, median of ${RUNS} runs, each on a freshly loaded index | ${s(q.medianMs)} | ${s(q.medianCpuMs)} | — |`,
    `| \`certiref similar referentials/\` (65 competencies; load + check + compare) | ${s(cli.ms)} | — | ${cli.mib.toFixed(0)} MiB |`,
    '',
    '| planted copy | in fiche | rewording | found (score) |',
    '| --- | --- | --- | --- |',
    ...q.planted.map((p) => `| ${p.competency} | ${p.fiche} | ${p.kind} | ${p.found ? `yes (${p.score} %)` : '**no**'} |`),
    '',
    '| target | measured | verdict |',
    '| --- | --- | --- |',
    `| build ≤ 60 s | ${s(build.ms)} wall (${s(built.cpuMs)} CPU); every text read: ${s(buildAll.ms)} wall (${s(JSON.parse(buildAll.stdout).cpuMs)} CPU) | ${verdict(built.cpuMs <= 60_000 && JSON.parse(buildAll.stdout).cpuMs <= 60_000)}${build.ms > 60_000 ? ' on CPU time (the wall time counts the machine\'s other load)' : ''} |`,
    `| build ≤ 1 GB | ${build.mib.toFixed(0)} MiB; every text read: ${buildAll.mib.toFixed(0)} MiB | ${verdict(build.mib <= 1024 && buildAll.mib <= 1024)} |`,
    `| query of 50 competencies ≤ 1 s once loaded | ${s(q.medianMs)} wall, ${s(q.medianCpuMs)} CPU (first ${s(q.firstMs)} wall) | ${verdict(q.medianCpuMs <= 1000)}${q.medianMs > 1000 ? ' on CPU time (the wall time counts the machine\'s other load)' : ''} |`,
    `| every planted copy found | ${found.length} / ${q.planted.length} | ${verdict(found.length === q.planted.length)} |`,
];
const section = lines.join('\n');
console.log(section);
if (values.write) {
    const file = path.join(root, 'bench/RESULTS.md');
    const text = fs.readFileSync(file, 'utf8');
    const start = '<!-- similar:start -->';
    const end = '<!-- similar:end -->';
    const i = text.indexOf(start);
    const j = text.indexOf(end);
    if (i < 0 || j < 0) throw new Error('bench/RESULTS.md: markers <!-- similar:start --> / <!-- similar:end --> not found');
    fs.writeFileSync(file, `${text.slice(0, i + start.length)}\n${section}\n${text.slice(j)}`);
}
