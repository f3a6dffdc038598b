// One build of the index of an export, for the benchmark (wall time and peak memory measured
// from outside):   node bench/similar/build.mjs EXPORT INDEX_FOLDER
import { openRegistryExport } from 'certiref-similar';

const [file, folder] = process.argv.slice(2);
const started = Date.now();
const { index } = await openRegistryExport(file, { indexFolder: folder, rebuild: true });
console.log(JSON.stringify({ ms: Date.now() - started, counts: index.header.counts, file: index.file }));
index.close();
