// Precision and recall of the similarity on the labelled set made from the extract (see
// labelled-set.mjs), at each threshold; the threshold certiref uses is chosen from them.
//
//   node bench/similar/evaluate.mjs                 (the table)
//   node bench/similar/evaluate.mjs --candidates    (every pair from 30 %, for labelling)
//   node bench/similar/evaluate.mjs --min-shared 3  (another minimum of shared words)
//   node bench/similar/evaluate.mjs --thesaurus /usr/share/mythes/thes_fr.dat [--credit 0.8] [--max-synonyms 10]
//        (with the synonyms of a MyThes thesaurus: LibreOffice's French one is Debian's mythes-fr)
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_OPTIONS, openRegistryExport, stemOf } from 'certiref-similar';
import { EXTRACT, KINDS, labelledSet } from './labelled-set.mjs';

const { values } = parseArgs({ options: {
    candidates: { type: 'boolean' }, json: { type: 'boolean' }, 'min-shared': { type: 'string' },
    thesaurus: { type: 'string' }, credit: { type: 'string' }, 'max-synonyms': { type: 'string' },
} });
const minShared = values['min-shared'] !== undefined ? Number(values['min-shared']) : DEFAULT_OPTIONS.minSharedWords;
const synonymCredit = values.credit !== undefined ? Number(values.credit) : 0.8;

/**
 * A MyThes thesaurus (`word|n` then n lines `(category)|synonym|…`) as synonyms by stem: two words
 * are synonyms when each lists the other, and neither has more than `max` such synonyms.
 */
function thesaurus(file, max = Infinity) {
    const lines = fs.readFileSync(file, 'utf8').split('\n').slice(1);
    const listed = new Map();
    for (let i = 0; i < lines.length;) {
        if (!lines[i]) { i++; continue; }
        const [word, n] = [lines[i].slice(0, lines[i].lastIndexOf('|')), Number(lines[i].slice(lines[i].lastIndexOf('|') + 1))];
        const set = listed.get(word) ?? new Set();
        for (let k = 1; k <= n; k++) for (const s of lines[i + k].split('|').slice(1)) if (s && !/[ (]/.test(s)) set.add(s);
        listed.set(word, set);
        i += n + 1;
    }
    const mutual = new Map();
    for (const [word, set] of listed) mutual.set(word, [...set].filter((s) => listed.get(s)?.has(word)));
    const byStem = new Map();
    for (const [word, others] of mutual) {
        if (others.length > max || /[ (]/.test(word)) continue;
        const a = stemOf(word);
        for (const other of others) {
            const b = stemOf(other);
            if (!a || !b || a === b || (mutual.get(other)?.length ?? 0) > max) continue;
            byStem.set(a, [...new Set([...(byStem.get(a) ?? []), b])]);
        }
    }
    return (stem) => byStem.get(stem);
}
const synonyms = values.thesaurus ? thesaurus(values.thesaurus, values['max-synonyms'] ? Number(values['max-synonyms']) : Infinity) : undefined;

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'certiref-eval-'));
try {
    const { index } = await openRegistryExport(EXTRACT, { indexFolder: folder });
    const { queries } = await labelledSet();
    const THRESHOLDS = [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.8];
    // every query's registry blocs from the lowest threshold, with their best score
    const runs = queries.map((q) => {
        const best = new Map();
        for (const m of index.search(q.text, { group: 'competencies', minScore: THRESHOLDS[0], synonyms, synonymCredit })) {
            if (!m.bloc || m.fiche.number === q.exclude || m.sharedWords < minShared) continue;
            if ((best.get(m.bloc.code)?.score ?? 0) < m.score) best.set(m.bloc.code, m);
        }
        return { ...q, found: best };
    });
    if (values.candidates) {
        for (const r of runs) {
            if (r.kind !== 'real') continue;
            for (const [bloc, m] of r.found) {
                const mark = r.expected.includes(bloc) ? 'yes' : 'no ';
                console.log(`${mark} ${Math.round(m.score * 100)} ${JSON.stringify(r.source.key)} -> ${bloc}\n      Q: ${r.text.slice(0, 160)}\n      P: ${m.text.slice(m.passage.start, m.passage.end).replace(/\s+/g, ' ').slice(0, 160)}`);
            }
        }
        // labelled pairs the similarity does not reach even at 30 %
        for (const r of runs) {
            if (r.kind !== 'real') continue;
            for (const bloc of r.expected) if (!r.found.has(bloc)) console.log(`MISSED ${JSON.stringify(r.source.key)} -> ${bloc}\n      Q: ${r.text.slice(0, 160)}`);
        }
    } else {
        const rows = THRESHOLDS.map((t) => {
            let tp = 0;
            let fp = 0;
            let expected = 0;
            const byKind = Object.fromEntries(['real', ...KINDS].map((k) => [k, { found: 0, of: 0 }]));
            for (const r of runs) {
                const found = [...r.found].filter(([, m]) => m.score >= t).map(([b]) => b);
                for (const b of found) (r.expected.includes(b) ? tp++ : fp++);
                expected += r.expected.length;
                byKind[r.kind].of += r.expected.length;
                byKind[r.kind].found += r.expected.filter((b) => found.includes(b)).length;
                // a planted copy is found when its source bloc is
            }
            const planted = runs.filter((r) => r.kind !== 'real');
            const sourceFound = planted.filter((r) => (r.found.get(r.source.bloc)?.score ?? 0) >= t).length;
            const precision = tp / Math.max(1, tp + fp);
            const recall = tp / Math.max(1, expected);
            return { t, tp, fp, precision, recall, f1: (2 * precision * recall) / Math.max(1e-9, precision + recall), byKind, planted: { found: sourceFound, of: planted.length } };
        });
        if (values.json) {
            console.log(JSON.stringify({ minShared, thesaurus: values.thesaurus ?? null, synonymCredit, queries: runs.length, rows }, null, 2));
        } else {
            const pct = (x) => `${(100 * x).toFixed(1)} %`;
            console.log(`queries: ${runs.filter((r) => r.kind === 'real').length} real competencies, ${runs.filter((r) => r.kind !== 'real').length} planted copies; at least ${minShared} shared words; ${synonyms ? `synonyms of ${values.thesaurus} at ${synonymCredit}` : 'no synonyms'}`);
            console.log(`| threshold | precision | recall | F1 | false alarms | real pairs found | planted copies found (${KINDS.join(' / ')}) |`);
            console.log('| ---: | ---: | ---: | ---: | ---: | ---: | --- |');
            for (const r of rows) {
                const kinds = KINDS.map((k) => `${r.byKind[k].found}/${r.byKind[k].of}`).join(' / ');
                console.log(`| ${Math.round(r.t * 100)} % | ${pct(r.precision)} | ${pct(r.recall)} | ${r.f1.toFixed(3)} | ${r.fp} | ${r.byKind.real.found}/${r.byKind.real.of} | ${r.planted.found}/${r.planted.of} (${kinds}) |`);
            }
        }
    }
    index.close();
} finally {
    fs.rmSync(folder, { recursive: true, force: true });
}
