// The floor for reading an export: its bytes only (the XML file read, or the zip's entry
// inflated), nothing looked at.
//   node bench/rncp/floor.mjs EXPORT
import { openExport } from 'certiref-rncp';

const source = await openExport(process.argv[2]);
let bytes = 0;
for await (const chunk of source.chunks) bytes += chunk.length;
console.log(bytes);
