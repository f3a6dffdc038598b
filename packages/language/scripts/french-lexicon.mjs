// Writes out/drafting/french-lexicon.txt: the part of the Lefff (a French morphological lexicon,
// through the npm packages french-verbs-lefff and lefff-helper) that the drafting rules read, in a
// form that loads in a few milliseconds:
//
//   @infinitives   one infinitive a line (7,800 verbs)
//   @accentless    "etablir<TAB>établir": infinitives as written without their accents
//   @forms         "form<TAB>K:inf P:inf …": the past participles (K), present participles (G)
//                  and present-tense forms (P) that the regular endings of drafting/lexicon.ts
//                  (élaboré → élaborer, fini → finir …) do not lead back to their infinitive
//   @nouns         nouns that end like an infinitive (dossier, cadre …), so that an unknown
//                  word in -er/-ir/-re is taken for a verb only when it is not a noun
//
// The Lefff is distributed under the Lesser General Public License For Linguistic Resources
// (LGPL-LR): the file says where it comes from, and its licence is copied beside it.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { regularInfinitives, stripAccents } from '../out/drafting/lexicon.js';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, '..', 'out', 'drafting');

const verbsPackage = dirname(require.resolve('french-verbs-lefff/package.json'));
const helperPackage = dirname(require.resolve('lefff-helper/package.json'));
const version = (dir) => JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version;

const conjugations = JSON.parse(readFileSync(join(verbsPackage, 'dist', 'conjugations.json'), 'utf8'));
const nouns = JSON.parse(readFileSync(join(helperPackage, 'resources_pub', 'nouns.json'), 'utf8'));

const WORD = /^[a-zàâäçéèêëîïôöùûüÿœæ]+(?:[-'][a-zàâäçéèêëîïôöùûüÿœæ]+)*$/;
const infinitives = Object.keys(conjugations).filter((v) => WORD.test(v)).sort();
const infinitiveSet = new Set(infinitives);
const forms = new Map();
const add = (form, kind, infinitive) => {
    if (!form || form === 'NA' || !WORD.test(form) || infinitiveSet.has(form)) return;
    // what the regular endings find at run time is not written
    if (regularInfinitives(form).some((r) => r.infinitive === infinitive && infinitiveSet.has(r.infinitive))) return;
    const list = forms.get(form) ?? [];
    const entry = `${kind}:${infinitive}`;
    if (!list.includes(entry)) list.push(entry);
    forms.set(form, list);
};
for (const infinitive of infinitives) {
    const v = conjugations[infinitive];
    for (const f of v.K ?? []) add(f, 'K', infinitive);
    for (const f of v.G ?? []) add(f, 'G', infinitive);
    for (const i of [0, 2, 5]) add(v.P?.[i], 'P', infinitive);
}
const accentless = infinitives.filter((v) => stripAccents(v) !== v).map((v) => `${stripAccents(v)}\t${v}`)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
const nounsLikeVerbs = [...new Set(Object.keys(nouns))]
    .filter((n) => WORD.test(n) && /(er|ir|re|oir)$/.test(n) && !infinitiveSet.has(n))
    .sort();

const text = [
    `# certiref French lexicon, derived from the Lefff 3.4 (Lexique des formes fléchies du français, Benoît Sagot, Inria)`,
    `# through french-verbs-lefff ${version(verbsPackage)} and lefff-helper ${version(helperPackage)} (RosaeNLG, Apache-2.0 code).`,
    `# The Lefff data is distributed under the LGPL-LR (Lesser General Public License For Linguistic Resources):`,
    `# see french-lexicon.LICENSE beside this file. Made by packages/language/scripts/french-lexicon.mjs.`,
    '@infinitives',
    ...infinitives,
    '@accentless',
    ...accentless,
    '@forms',
    ...[...forms.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([f, list]) => `${f}\t${list.join(' ')}`),
    '@nouns',
    ...nounsLikeVerbs,
    '',
].join('\n');

mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'french-lexicon.txt'), text);
copyFileSync(join(verbsPackage, 'dist', 'LICENSE'), join(out, 'french-lexicon.LICENSE'));
if (process.argv.includes('--verbose')) {
    console.log(`french-lexicon.txt: ${infinitives.length} infinitives, ${accentless.length} accentless, ${forms.size} irregular forms, ${nounsLikeVerbs.length} nouns, ${(text.length / 1024).toFixed(0)} KiB`);
}
