// Generates synthetic but realistic référentiels shaped like the two seeds, in three equivalent
// forms: .ref files (one main file and one file per bloc, as real ones are split), YAML and JSON
// (one file per certification), for the side-by-side benchmark.
//
//   node bench/generate.mjs --certifications 20 --competencies 1000 --out bench/out/1k
//
// Deterministic (seeded): the same arguments give the same files. About 1 % of certifications
// carry a defect of the kinds the seeds have (a competency without criterion, an unnumbered
// criterion in a modality that evaluates several, an activity id off its siblings' pattern).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';

const WORDS = ("analyser les besoins du client en identifiant les objectifs les cibles et les contraintes budgétaires afin de cadrer "
    + "le projet digital concevoir un plan d'actions multicanal piloter les prestataires et l'équipe interne en suivant "
    + "les indicateurs de performance définir la stratégie de contenu évaluer la conformité de la solution au regard "
    + "des normes d'accessibilité numérique et de la réglementation RGPD présenter et défendre ses recommandations "
    + "auprès de la direction coordonner les parties prenantes en tenant compte des personnes en situation de handicap "
    + "mesurer l'écart entre prévisions et réalisations structurer un tableau de bord synthétiser les résultats").split(' ');

export function rng(seed) {
    let s = seed >>> 0;
    return () => {
        s = (s + 0x6d2b79f5) >>> 0;
        let t = s;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

function prose(rand, words) {
    const out = [];
    for (let i = 0; i < words; i++) out.push(WORDS[Math.floor(rand() * WORDS.length)]);
    const s = out.join(' ');
    return s.charAt(0).toUpperCase() + s.slice(1) + '.';
}

/** Wraps prose the way authors write it: lines of about 90 characters, indented. */
function wrap(text, indent) {
    const lines = [];
    let line = '';
    for (const word of text.split(' ')) {
        if (line.length + word.length > 90) {
            lines.push(line);
            line = word;
        } else line = line ? `${line} ${word}` : word;
    }
    lines.push(line);
    return lines.join(`\n${indent}`);
}

/** One certification as a plain object (the content all three forms share). */
export function certification(index, competencies, rand) {
    const id = `CERT${String(index).padStart(5, '0')}`;
    const defect = rand() < 0.01 ? ['no-criterion', 'unnumbered', 'pattern'][Math.floor(rand() * 3)] : undefined;
    const blocs = [];
    let n = 0;
    for (let b = 1; n < competencies; b++) {
        const remaining = competencies - n;
        // the last bloc sometimes has three options, as bloc 5 of one seed
        const withOptions = b > 2 && remaining >= 6 && remaining <= 9 && rand() < 0.5;
        const units = withOptions ? [1, 2, 3].map((o) => ({ option: String(o) })) : [{ option: null }];
        const bloc = { id: `RNCP${10000 + index}BC${String(b).padStart(2, '0')}`, title: prose(rand, 6), description: prose(rand, 30), units: [] };
        for (const unit of units) {
            const activities = [];
            const evaluates = [];
            const left = competencies - n;
            const want = unit.option ? Math.max(2, Math.floor(remaining / 3)) : Math.min(left, left <= 9 ? left : 4 + Math.floor(rand() * 5));
            if (want <= 0) break;
            let a = 0;
            while (evaluates.length < want) {
                a++;
                const prefix = unit.option ? `S${unit.option}-` : '';
                const activity = { id: `A${prefix}${b}.${a}`, title: prose(rand, 8), description: prose(rand, 40), competencies: [] };
                const count = Math.min(want - evaluates.length, 1 + Math.floor(rand() * 3));
                for (let c = 0; c < count; c++) {
                    n++;
                    const cid = unit.option ? `CS${unit.option}-${evaluates.length + 1}` : `C${n}`;
                    activity.competencies.push({ id: cid, text: prose(rand, 45 + Math.floor(rand() * 30)) });
                    evaluates.push(cid);
                }
                activities.push(activity);
            }
            if (defect === 'pattern' && activities.length > 2) activities[1].id = activities[1].id.replace('A', 'AX');
            const criteria = evaluates.map((cid, i) => ({ id: cid.startsWith('CS') ? `CR${cid.slice(2)}` : `CR${cid.slice(1)}`, text: prose(rand, 30 + Math.floor(rand() * 30)), judges: [cid], index: i }));
            if (criteria.length >= 4 && rand() < 0.3) {
                // a range criterion, as "CR11 à 13"
                const [x, y] = [criteria[0], criteria[2]];
                criteria.splice(0, 3, { id: x.id, rangeEnd: y.id.replace(/^.*?(\d+)$/, '$1'), text: x.text, judges: [x.judges[0], criteria[1].judges[0], y.judges[0]] });
            }
            if (defect === 'no-criterion') criteria.pop();
            if (defect === 'unnumbered') criteria.push({ id: null, text: prose(rand, 20), judges: [] });
            const modality = {
                id: `E${b}`, title: `Étude de cas ${unit.option ? 'en groupe' : 'individuelle'} avec remise d'un dossier écrit`,
                kind: rand() < 0.5 ? 'étude de cas' : 'mise en situation professionnelle', mode: unit.option ? 'group' : 'individual',
                deliverables: ['dossier écrit', 'soutenance orale'], description: prose(rand, 60), evaluates, criteria,
            };
            bloc.units.push({ option: unit.option, optionTitle: unit.option ? prose(rand, 5) : null, activities, modalities: [modality] });
        }
        blocs.push(bloc);
    }
    return { id, title: prose(rand, 5), rncp: `RNCP${10000 + index}`, level: String(5 + (index % 3)), certifier: `Organisme ${index}`, accessibility: prose(rand, 80), blocs };
}

const q = (s) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

export function toRef(cert) {
    const files = {};
    files['certification.ref'] = `certification ${cert.id} ${q(cert.title)}\n  rncp ${cert.rncp}\n  niveau ${cert.level}\n  certificateur ${q(cert.certifier)}\n`
        + `  accessibilité "${wrap(cert.accessibility, '    ')}"\n`;
    for (const bloc of cert.blocs) {
        let s = `partie de ${cert.id}\n\nbloc ${bloc.id} ${q(bloc.title)}\n  description "${wrap(bloc.description, '    ')}"\n`;
        for (const unit of bloc.units) {
            const ind = unit.option ? '    ' : '  ';
            if (unit.option) s += `\n  option ${unit.option} ${q(unit.optionTitle)}\n`;
            for (const a of unit.activities) {
                s += `\n${ind}activité ${a.id} ${q(a.title)}\n${ind}  description "${wrap(a.description, ind + '    ')}"\n`;
                for (const c of a.competencies) s += `${ind}  compétence ${c.id} "${wrap(c.text, ind + '    ')}"\n`;
            }
            for (const m of unit.modalities) {
                s += `\n${ind}modalité ${m.id} ${q(m.title)}\n${ind}  type ${q(m.kind)}\n${ind}  ${m.mode === 'group' ? 'groupe' : 'individuel'}\n`
                    + `${ind}  livrables ${m.deliverables.map(q).join(', ')}\n${ind}  évalue ${m.evaluates.join(', ')}\n`
                    + `${ind}  description "${wrap(m.description, ind + '    ')}"\n`;
                for (const c of m.criteria) {
                    const label = c.id ? `${c.id}${c.rangeEnd ? ` à ${c.rangeEnd}` : ''} ` : '';
                    s += `${ind}  critère ${label}"${wrap(c.text, ind + '    ')}"\n`;
                }
            }
        }
        files[`${bloc.id.toLowerCase()}.ref`] = s;
    }
    return files;
}

/** The same content as the YAML/JSON document a team would otherwise write. */
export function toPlain(cert) {
    return {
        id: cert.id, title: cert.title, rncp: cert.rncp, level: cert.level, certifier: cert.certifier, accessibility: cert.accessibility,
        blocs: cert.blocs.flatMap((b) => b.units.map((u) => ({
            id: b.id, title: b.title, description: b.description, option: u.option, optionTitle: u.optionTitle,
            activities: u.activities.map((a) => ({ id: a.id, title: a.title, description: a.description, competencies: a.competencies })),
            modalities: u.modalities.map((m) => ({ ...m, criteria: m.criteria.map((c) => ({ id: c.id, rangeEnd: c.rangeEnd ?? null, text: c.text, judges: c.judges })) })),
        }))),
    };
}

export async function generate({ certifications, competencies, out, seed = 42 }) {
    const { stringify } = await import('yaml');
    const rand = rng(seed);
    fs.rmSync(out, { recursive: true, force: true });
    for (const form of ['ref', 'yaml', 'json']) fs.mkdirSync(path.join(out, form), { recursive: true });
    const per = Math.floor(competencies / certifications);
    let extra = competencies - per * certifications;
    let total = 0;
    for (let i = 0; i < certifications; i++) {
        const want = per + (extra-- > 0 ? 1 : 0);
        const cert = certification(i, want, rand);
        const dir = path.join(out, 'ref', cert.id.toLowerCase());
        fs.mkdirSync(dir, { recursive: true });
        for (const [name, text] of Object.entries(toRef(cert))) fs.writeFileSync(path.join(dir, name), text);
        const plain = toPlain(cert);
        fs.writeFileSync(path.join(out, 'yaml', `${cert.id.toLowerCase()}.yaml`), stringify(plain, { lineWidth: 100 }));
        fs.writeFileSync(path.join(out, 'json', `${cert.id.toLowerCase()}.json`), JSON.stringify(plain));
        total += cert.blocs.reduce((n, b) => n + b.units.reduce((m, u) => m + u.activities.reduce((k, a) => k + a.competencies.length, 0), 0), 0);
    }
    return { competencies: total };
}

if (import.meta.url === `file://${process.argv[1]}`) {
    const { values } = parseArgs({ options: { certifications: { type: 'string' }, competencies: { type: 'string' }, out: { type: 'string' }, seed: { type: 'string' } } });
    const r = await generate({ certifications: Number(values.certifications), competencies: Number(values.competencies), out: values.out, seed: Number(values.seed ?? 42) });
    console.log(`${values.out}: ${r.competencies} competencies in ${values.certifications} certifications`);
}
