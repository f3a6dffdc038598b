// Builds an RNCP export of the real export's scale from the six real fiches of
// examples/rncp/: 25,600 fiches (the real export's count), each a copy of one of the six,
// renumbered (its NUMERO_FICHE, ID_FICHE and bloc codes), with at most 5 partners (the real
// export's fiches have few; one of the six has 471). About 0.8 GB of XML: larger than the real
// ~570 MB, since the six fiches are longer than the registry's average. Also its zip (the form
// users download), made with the `zip` command when there is one.
//
//   node bench/rncp/generate.mjs [--fiches 25600] [--out bench/out/rncp]
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const EXTRACT = path.join(root, 'examples/rncp/export_fiches_RNCP_extract.xml');
const PARTNERS_KEPT = 5;

/** The six fiches' XML texts, with at most PARTNERS_KEPT partners each. */
function templates() {
    const xml = fs.readFileSync(EXTRACT, 'utf8');
    return [...xml.matchAll(/  <FICHE>[\s\S]*?<\/FICHE>\n/g)].map(([fiche]) => {
        let kept = 0;
        return fiche.replace(/\s*<PARTENAIRE>[\s\S]*?<\/PARTENAIRE>/g, (partner) => (++kept <= PARTNERS_KEPT ? partner : ''));
    });
}

/** Writes the export; returns its path, the number of its last fiche and its size. */
export async function generateExport({ fiches = 25_600, out = path.join(root, 'bench/out/rncp') } = {}) {
    fs.mkdirSync(out, { recursive: true });
    const file = path.join(out, 'export_fiches_RNCP_bench.xml');
    const stream = fs.createWriteStream(file);
    const write = (text) => (stream.write(text) ? undefined : new Promise((resolve) => stream.once('drain', resolve)));
    const fiche = templates();
    await write('<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n<FICHES>\n  <VERSION_FLUX>4.1</VERSION_FLUX>\n');
    let last = '';
    for (let k = 1; k <= fiches; k++) {
        const template = fiche[(k - 1) % fiche.length];
        const original = template.match(/<NUMERO_FICHE>(RNCP\d+)<\/NUMERO_FICHE>/)[1];
        const number = `RNCP${100000 + k}`;
        const text = template
            .replace(/<ID_FICHE>\d+<\/ID_FICHE>/, `<ID_FICHE>${k}</ID_FICHE>`)
            .replace(`<NUMERO_FICHE>${original}</NUMERO_FICHE>`, `<NUMERO_FICHE>${number}</NUMERO_FICHE>`)
            .replaceAll(`${original}BC`, `${number}BC`);
        await write(text);
        last = number;
    }
    await write('</FICHES>\n');
    await new Promise((resolve, reject) => stream.end((error) => (error ? reject(error) : resolve())));
    const zip = path.join(out, 'export-fiches-rncp-v4-1-bench.zip');
    fs.rmSync(zip, { force: true });
    const zipped = spawnSync('zip', ['-q', '-j', zip, file], { stdio: 'inherit' });
    if (zipped.error || zipped.status !== 0) console.error('bench/rncp/generate.mjs: no `zip` command: the zip form of the export is not made');
    return { file, zip: fs.existsSync(zip) ? zip : undefined, fiches, last, bytes: fs.statSync(file).size };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
    const { values } = parseArgs({ options: { fiches: { type: 'string' }, out: { type: 'string' } } });
    const result = await generateExport({ fiches: values.fiches ? Number(values.fiches) : undefined, out: values.out });
    console.log(JSON.stringify(result));
}
