// The floor: read the files and JSON.parse the same content (bench/generate.mjs writes it).
//   node bench/floor.mjs DIR
import * as fs from 'node:fs';
import * as path from 'node:path';

let count = 0;
for (const name of fs.readdirSync(process.argv[2]).sort()) {
    if (!name.endsWith('.json')) continue;
    const doc = JSON.parse(fs.readFileSync(path.join(process.argv[2], name), 'utf8'));
    count += doc.blocs.length;
}
console.log(count);
