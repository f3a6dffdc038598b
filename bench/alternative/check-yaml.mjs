// The alternative a team would otherwise pick: the référentiel as YAML, validated by a JSON
// Schema with ajv, plus a small script for the cross-references (what JSON Schema cannot say).
// It reads the same content as the .ref files (bench/generate.mjs writes both).
//
//   node bench/alternative/check-yaml.mjs DIR      (prints the number of problems)
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'yaml';

const dir = process.argv[2];
const schema = JSON.parse(fs.readFileSync(new URL('./referential.schema.json', import.meta.url), 'utf8'));
const validate = new Ajv({ allErrors: true }).compile(schema);
let problems = 0;
for (const name of fs.readdirSync(dir).sort()) {
    if (!name.endsWith('.yaml')) continue;
    const doc = parse(fs.readFileSync(path.join(dir, name), 'utf8'));
    if (!validate(doc)) {
        problems += validate.errors.length;
        continue;
    }
    // cross-references: ids unique, criteria judge existing competencies, every competency
    // evaluated and judged, modalities evaluate existing competencies
    const competencies = new Map();
    const judged = new Set();
    const evaluated = new Set();
    for (const bloc of doc.blocs) for (const a of bloc.activities) for (const c of a.competencies) {
        if (competencies.has(c.id) && competencies.get(c.id) !== bloc.option) problems++;
        competencies.set(c.id, bloc.option);
    }
    for (const bloc of doc.blocs) {
        if (bloc.modalities.length === 0) problems++;
        for (const m of bloc.modalities) {
            for (const id of m.evaluates) {
                if (!competencies.has(id)) problems++;
                evaluated.add(id);
            }
            for (const c of m.criteria) {
                if (c.judges.length === 0) problems++;
                for (const id of c.judges) {
                    if (!competencies.has(id)) problems++;
                    judged.add(id);
                }
            }
        }
    }
    for (const id of competencies.keys()) {
        if (!judged.has(id)) problems++;
        if (!evaluated.has(id)) problems++;
    }
}
console.log(problems);
