// Loading an index and querying it, for the benchmark:
//   node bench/similar/query.mjs INDEX_FILE COMPETENCIES_JSON PLANTED_JSON RUNS
// Each run compares one référentiel (its blocs' competencies, the blocs, their modalities)
// with a freshly loaded index, so that no cache of an earlier run helps.
import { compareCertification, DEFAULT_OPTIONS, RegistryIndex } from 'certiref-similar';

const [file, competenciesJson, plantedJson, runsText] = process.argv.slice(2);
const competencies = JSON.parse(competenciesJson);
const planted = JSON.parse(plantedJson);
const blocs = new Map();
for (const c of competencies) {
    const key = `${c.certification} ${c.bloc}`;
    if (!blocs.has(key)) blocs.set(key, { key, title: '', competencies: [], modalities: [] });
    blocs.get(key).competencies.push({ key: `${c.certification} ${c.id}`, text: c.text });
}
const query = { previous: [], blocs: [...blocs.values()] };
const times = [];
const cpuTimes = [];
let loadMs = 0;
let result;
for (let run = 0; run < Number(runsText) + 1; run++) {
    const loading = performance.now();
    const index = RegistryIndex.load(file);
    if (run === 0) loadMs = performance.now() - loading;
    const started = performance.now();
    const cpu = process.cpuUsage();
    result = compareCertification(index, query);
    times.push(performance.now() - started);
    const used = process.cpuUsage(cpu);
    cpuTimes.push((used.user + used.system) / 1000);
    index.close();
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const [firstMs, ...rest] = times;
const medianMs = median(rest);
const medianCpuMs = median(cpuTimes.slice(1));
// a planted copy is found when its competency is reported and the planted fiche is among the
// passages that make the finding (listed, or counted among the others)
const index = RegistryIndex.load(file);
const report = planted.map((p) => {
    const competency = competencies.find((c) => `${c.certification} ${c.id}` === p.competency);
    const reported = result.elements.some((e) => e.key === p.competency && e.element === 'competency' && e.others.length > 0);
    const match = index.search(competency.text, { group: 'competencies', minScore: DEFAULT_OPTIONS.threshold })
        .find((m) => m.fiche.number === p.fiche && m.sharedWords >= DEFAULT_OPTIONS.minSharedWords);
    return { fiche: p.fiche, competency: p.competency, kind: p.kind, found: reported && !!match, score: match ? Math.round(match.score * 100) : undefined };
});
index.close();
console.log(JSON.stringify({ loadMs, firstMs, medianMs, medianCpuMs, planted: report, elements: result.elements.length }));
