// The French lexicon of the drafting rules: what reading it costs, in a fresh process each time
// (as the CLI pays it once per run), and what the analysis of the seeds' 65 competencies adds.
//
//   npm run build && node bench/lexicon.mjs [--runs 15]
//
// Prints the file's size, and the medians of: reading and indexing the lexicon (the first
// question), and analysing every competency of referentials/ once it is read.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { runs: { type: 'string' } } });
const runs = Number(values.runs ?? 15);
const lexiconFile = path.join(root, 'packages/language/out/drafting/french-lexicon.txt');

const probe = `
const { frenchLexicon, analyseHead, purposeOf } = await import(${JSON.stringify(path.join(root, 'packages/language/out/index.js'))});
const fs = await import('node:fs');
const texts = [];
for (const dir of fs.readdirSync(${JSON.stringify(path.join(root, 'referentials'))})) {
    const folder = ${JSON.stringify(path.join(root, 'referentials'))} + '/' + dir;
    if (!fs.statSync(folder).isDirectory()) continue;
    for (const f of fs.readdirSync(folder).filter((x) => x.endsWith('.ref'))) {
        for (const m of fs.readFileSync(folder + '/' + f, 'utf8').matchAll(/comp[ée]tence\\s+\\S+\\s+"([^"]*)"/g)) texts.push(m[1].replace(/\\s+/g, ' '));
    }
}
const t0 = performance.now();
const lexicon = frenchLexicon();
lexicon.infinitive('analyser');
const t1 = performance.now();
for (const t of texts) { analyseHead(t, lexicon); purposeOf(t, lexicon); }
const t2 = performance.now();
console.log(JSON.stringify({ load: t1 - t0, analysis: t2 - t1, competencies: texts.length }));
`;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const results = [];
for (let i = 0; i < runs; i++) {
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', probe], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(r.stderr);
    results.push(JSON.parse(r.stdout));
}
console.log(`lexicon: ${(fs.statSync(lexiconFile).size / 1024).toFixed(0)} KiB; ${runs} fresh processes`);
console.log(`read and index (first question): median ${median(results.map((r) => r.load)).toFixed(1)} ms`);
console.log(`analysis of ${results[0].competencies} competencies: median ${median(results.map((r) => r.analysis)).toFixed(1)} ms`);
