// One build of the index of an export, for the benchmark (peak memory measured from outside):
//   node bench/similar/build.mjs EXPORT INDEX_FOLDER [--read-every-text]
import { openRegistryExport } from 'certiref-similar';

const [file, folder, flag] = process.argv.slice(2);
const started = Date.now();
const { index } = await openRegistryExport(file, { indexFolder: folder, rebuild: true, reuseWords: flag !== '--read-every-text' });
const cpu = process.cpuUsage();
console.log(JSON.stringify({ ms: Date.now() - started, cpuMs: (cpu.user + cpu.system) / 1000, counts: index.header.counts, file: index.file }));
index.close();
