// The labelled set of the similarity: made from the six real fiches of the extract.
//
// - Real pairs: every competency of every fiche (as the RNCP reader splits them) is a query
//   against the other fiches. A careful reader's labels (labels.json) say which registry blocs
//   each one really resembles: the two versions of one master programme (RNCP34762, RNCP39568),
//   and the wording that several higher-education diplomas share (RNCP35625 with both).
//   Everything else the similarity reports for it is a false alarm.
// - Planted copies: a sample of competencies, reworded by rules independent of certiref's own
//   synonyms (a rewording table written for this set), in five degrees from the verbatim copy
//   to synonyms + clauses moved + words added and dropped. Each must find its source bloc.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFiches, splitCompetencies } from 'certiref-rncp';

const here = path.dirname(fileURLToPath(import.meta.url));
export const EXTRACT = path.resolve(here, '../../examples/rncp/export_fiches_RNCP_extract.xml');
const LABELS = JSON.parse(fs.readFileSync(path.join(here, 'labels.json'), 'utf8'));

/** A competency's label key: its bloc and its first six words. */
export function keyOf(bloc, text) {
    return `${bloc} ${text.replace(/[^\p{L}\p{N}' ]+/gu, ' ').trim().split(/\s+/).slice(0, 6).join(' ')}`;
}

/** The competencies of the extract, as the RNCP reader splits them. */
export async function extractItems(file = EXTRACT) {
    const fiches = [];
    const items = [];
    for await (const fiche of readFiches(file)) {
        fiches.push(fiche);
        for (const bloc of fiche.blocs) {
            for (const piece of splitCompetencies(bloc.competencies ?? '').pieces) {
                if (piece.kind !== 'item') continue;
                const text = piece.text.replace(/\s+/g, ' ').trim();
                if (text.split(' ').length < 4) continue;
                items.push({ fiche: fiche.number, bloc: bloc.code, text, key: keyOf(bloc.code, text) });
            }
        }
    }
    return { fiches, items };
}

// The rewording table of the planted copies: words a certification engineer swaps when
// rewriting (written for this set; certiref's synonyms are not read here).
const REWORDING = {
    évaluer: 'apprécier', analyser: 'examiner', concevoir: 'élaborer', élaborer: 'concevoir', définir: 'déterminer',
    identifier: 'repérer', organiser: 'planifier', piloter: 'conduire', conduire: 'mener', assurer: 'garantir',
    réaliser: 'effectuer', rédiger: 'écrire', proposer: 'suggérer', contribuer: 'participer', participer: 'contribuer',
    développer: 'bâtir', utiliser: 'employer', adapter: 'ajuster', respecter: 'observer', entreprise: 'organisation',
    collaborateurs: 'salariés', client: 'commanditaire', besoins: 'attentes', besoin: 'attente', objectifs: 'buts',
    outils: 'instruments', méthodes: 'démarches', données: 'informations', règles: 'normes', contraintes: 'exigences',
    enjeux: 'défis', performance: 'efficacité', actions: 'mesures', plan: 'programme', démarche: 'approche',
    situation: 'contexte', contexte: 'environnement', veille: 'surveillance', établir: 'fixer', recueillir: 'collecter',
    formaliser: 'structurer', présenter: 'exposer', communiquer: 'transmettre', accompagner: 'soutenir',
    anticiper: 'prévoir', optimiser: 'améliorer', garantir: 'assurer', préparer: 'apprêter', vérifier: 'contrôler',
    contrôler: 'vérifier', sélectionner: 'choisir', intégrer: 'inclure', mobiliser: 'solliciter', équipe: 'groupe',
    équipes: 'groupes', projet: 'chantier', activités: 'travaux', activité: 'travail', procédures: 'protocoles',
    déployer: 'étendre', mettre: 'placer', sécurité: 'sûreté', application: 'logiciel', solutions: 'réponses',
};

const FILLERS = ['de manière autonome', 'en lien avec sa hiérarchie', 'dans le respect des délais fixés', 'avec les parties prenantes concernées'];

/** A deterministic choice (no randomness: the set is the same on every run). */
const pick = (list, n) => list[n % list.length];

function synonyms(text, limit = 3) {
    let replaced = 0;
    return text.replace(/[\p{L}']+/gu, (word) => {
        if (replaced >= limit) return word;
        const lower = word.toLowerCase();
        const other = REWORDING[lower];
        if (!other) return word;
        replaced++;
        return word[0] !== lower[0] ? other[0].toUpperCase() + other.slice(1) : other;
    });
}

/** The clause after the first comma (or `afin de`, `pour`, `en`) moved to the front. */
function reorder(text) {
    const m = /^(.{12,}?)(,\s+| afin d[e'’]\s*| pour | en )(.{12,})$/su.exec(text.replace(/\.$/, ''));
    if (!m) return text;
    const [, head, link, tail] = m;
    const lead = link.trim().startsWith('afin') ? 'Afin de ' : link.trim() === 'pour' ? 'Pour ' : link.trim() === 'en' ? 'En ' : '';
    return `${lead ? lead + tail.replace(/^\s+/, '') : tail[0].toUpperCase() + tail.slice(1)}, ${head[0].toLowerCase()}${head.slice(1)}`;
}

/** Every fifth word dropped (the first kept), a filler added. */
function edit(text, n) {
    const words = text.split(' ');
    const kept = words.filter((w, i) => i === 0 || i % 5 !== 4);
    kept.splice(Math.min(3, kept.length), 0, pick(FILLERS, n));
    return kept.join(' ');
}

export const KINDS = ['verbatim', 'edited', 'reordered', 'synonyms', 'reworded'];

export function variant(text, kind, n) {
    switch (kind) {
        case 'verbatim': return text;
        case 'edited': return edit(text, n);
        case 'reordered': return reorder(text);
        case 'synonyms': return synonyms(text);
        default: return edit(reorder(synonyms(text)), n);
    }
}

/**
 * The queries: real competencies (against the other fiches) and planted copies (against all),
 * each with the registry blocs a careful reader expects the similarity to report.
 */
export async function labelledSet(file = EXTRACT) {
    const { fiches, items } = await extractItems(file);
    const expected = (item) => LABELS.similar[item.key] ?? [];
    const unknown = Object.keys(LABELS.similar).filter((k) => !items.some((i) => i.key === k));
    if (unknown.length > 0) throw new Error(`labels.json names competencies the reader does not find: ${unknown.join('; ')}`);
    const queries = [];
    for (const item of items) {
        queries.push({ kind: 'real', text: item.text, source: item, exclude: item.fiche, expected: expected(item) });
    }
    // every third competency of each bloc is planted, in each degree of rewording
    items.forEach((item, n) => {
        if (n % 3 !== 0) return;
        for (const kind of KINDS) {
            queries.push({ kind, text: variant(item.text, kind, n), source: item, expected: [item.bloc, ...expected(item)] });
        }
    });
    return { fiches, items, queries };
}
