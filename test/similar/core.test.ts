import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
    align, buildIndex, cacheFolder, compareCertification, DEFAULT_OPTIONS, exportIdentity, familyOf, indexFileFor, prepareQuery, readIndexHeader,
    RegistryIndex, staleness, stemOf, tokenize, type RegistryFiche,
} from 'certiref-similar';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'certiref-similar-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const stems = (text: string) => tokenize(text).map((t) => t.stem);

describe('French normalisation', () => {
    it('folds case, accents, plural and conjugation endings to one stem', () => {
        expect(new Set(['Évaluer', 'évaluée', 'EVALUER', 'évalue', 'évaluation'].map(stemOf)).size).toBe(1);
        expect(stemOf('compétences')).toBe(stemOf('Compétence'));
        expect(stemOf('œuvre')).toBe(stemOf('oeuvre'));
    });

    it('drops function words, elided articles, codes and numbers, and keeps where each word stands', () => {
        const text = "A1C1. Évaluer l'entreprise d’aujourd'hui et ses 12 risques";
        const tokens = tokenize(text);
        expect(tokens.map((t) => text.slice(t.start, t.end))).toEqual(['Évaluer', 'entreprise', 'risques']);
    });

    it('makes a reworded sentence share its content words', () => {
        const a = new Set(stems('Évaluer les contextes économiques et géopolitiques de l’entreprise'));
        const b = stems("les contextes géopolitiques et économiques de l'entreprise sont évalués");
        expect(b.every((s) => a.has(s))).toBe(true);
    });
});

describe('alignment', () => {
    const weight = () => 1;
    const options = { weight };

    it('scores a verbatim copy 1 and finds it inside a longer text', () => {
        const query = prepareQuery(tokenize('Concevoir un plan de déploiement du logiciel'), options);
        const long = 'Rédiger le cahier des charges. Concevoir un plan de déploiement du logiciel (étapes, ressources). Tester.';
        const a = align(query, tokenize(long), options)!;
        expect(a.score).toBe(1);
        const words = tokenize(long).slice(a.start, a.end);
        expect(long.slice(words[0].start, words[words.length - 1].end)).toBe('Concevoir un plan de déploiement du logiciel');
    });

    it('ignores the order of clauses, and loses in proportion to words added or dropped', () => {
        const query = prepareQuery(tokenize('analyser le besoin du client afin de rédiger le cahier des charges'), options);
        const moved = align(query, tokenize('rédiger le cahier des charges afin d’analyser le besoin du client'), options)!;
        expect(moved.score).toBe(1);
        // 6 content words against 6 + 2 added: 12 shared of 14
        const added = align(query, tokenize('analyser précisément le besoin du client afin de rédiger rapidement le cahier des charges'), options)!;
        expect(added.score).toBeCloseTo(12 / 14, 5);
        expect(added.queryShared.every(Boolean)).toBe(true);
        expect(added.windowShared.filter((s) => !s)).toHaveLength(2);
    });

    it('counts a synonym for part of its weight', () => {
        const synonyms = (s: string) => (s === stemOf('évaluer') ? [stemOf('apprécier')!] : undefined);
        const query = prepareQuery(tokenize('évaluer les risques juridiques'), { weight, synonyms, synonymCredit: 0.5 });
        const a = align(query, tokenize('apprécier les risques juridiques'), { weight, synonyms, synonymCredit: 0.5 })!;
        // 2 words fully shared on each side, one by a synonym at half weight: (2·2 + 2·0.5) / 6
        expect(a.score).toBeCloseTo(5 / 6, 5);
    });

    it('says nothing when no word is shared', () => {
        expect(align(prepareQuery(tokenize('piloter un budget'), options), tokenize('souder des tuyaux'), options)).toBeUndefined();
    });
});

const FICHES: RegistryFiche[] = [
    {
        number: 'RNCP100', title: 'Chargé de veille', active: false, previous: [], next: ['RNCP200'],
        blocs: [{
            code: 'RNCP100BC01', title: 'Veille stratégique',
            competencies: 'C1. Evaluer les contextes économiques et géopolitiques qui peuvent impacter les choix stratégiques de l’entreprise     C2. Rédiger une note de veille',
            modalities: 'Étude de cas écrite individuelle portant sur un contexte géopolitique',
        }],
    },
    {
        number: 'RNCP200', title: 'Chargé de veille (nouvelle version)', active: true, previous: ['RNCP100'], next: [],
        blocs: [{
            code: 'RNCP200BC01', title: 'Veille et analyse',
            competencies: '- Evaluer les contextes économiques et géopolitiques qui peuvent impacter les choix stratégiques de l’entreprise - Présenter une synthèse orale',
            modalities: 'Dossier écrit',
        }],
    },
    {
        number: 'RNCP300', title: 'Soudeur', active: true, previous: [], next: [],
        blocs: [{ code: 'RNCP300BC01', title: 'Souder', competencies: 'Souder des tuyauteries en acier selon un mode opératoire de soudage qualifié', modalities: 'Mise en situation pratique' }],
        capacities: 'unused: the fiche has blocs',
    },
    {
        number: 'RNCP400', title: 'Ancienne fiche sans bloc', active: false, previous: [], next: [], blocs: [],
        capacities: 'Souder des tuyauteries en acier inoxydable selon un mode opératoire de soudage qualifié et contrôler la soudure',
    },
];

const identity = { path: '/x/export.xml', size: 1, mtimeMs: 1, sample: 'x' };

describe('the index', async () => {
    const file = path.join(dir, 'a.certiref-index');
    const header = await buildIndex(FICHES, identity, file);
    const index = RegistryIndex.load(file);
    afterAll(() => index.close());

    it('records what it holds and the export it was built from', () => {
        expect(header.counts).toMatchObject({ fiches: 4, blocs: 3 });
        // 3 blocs × (title, competencies, modalities), and the capacities of the fiche without blocs
        expect(header.counts.units).toBe(10);
        expect(readIndexHeader(file)?.export).toEqual(identity);
        expect(fs.readdirSync(dir).filter((f) => f.includes('.tmp'))).toEqual([]);
    });

    it('finds a reworded competency in the registry, with the shared passage as written there', () => {
        const matches = index.search('Apprécier les choix stratégiques de l’entreprise que les contextes géopolitiques et économiques peuvent impacter', { group: 'competencies', minScore: 0.5 });
        // the same score: the active fiche first
        expect(matches.map((m) => m.bloc?.code)).toEqual(['RNCP200BC01', 'RNCP100BC01']);
        for (const m of matches) {
            expect(m.text.slice(m.passage.start, m.passage.end)).toBe('contextes économiques et géopolitiques qui peuvent impacter les choix stratégiques de l’entreprise');
            expect(m.passageWords.every((w) => w.shared)).toBe(true);
        }
        // the référentiel's words: all shared but the verb, reworded
        expect(matches[0].queryWords.filter((w) => !w.shared)).toHaveLength(1);
    });

    it('reads the capacities of a fiche without blocs, and modalities only against modalities', () => {
        const souder = index.search('Souder des tuyauteries en acier selon un mode opératoire qualifié', { group: 'competencies', minScore: 0.5 });
        expect(souder.map((m) => [m.fiche.number, m.bloc?.code])).toEqual([['RNCP300', 'RNCP300BC01'], ['RNCP400', undefined]]);
        const modality = index.search('Étude de cas écrite individuelle sur un contexte géopolitique', { group: 'modalities', minScore: 0.5 });
        expect(modality.map((m) => m.bloc?.code)).toEqual(['RNCP100BC01']);
    });

    it('tells the certification\'s own fiche and versions from other certifications', () => {
        expect([...familyOf(index, { rncp: 'RNCP200', previous: [] })]).toEqual([
            ['RNCP200', { relation: 'own', source: 'declared' }],
            ['RNCP100', { relation: 'previous', source: 'registry' }],
        ]);
        // declared by the référentiel, whether the registry knows them or not
        expect([...familyOf(index, { rncp: 'RNCP999', previous: ['rncp300'], next: ['RNCP400'] })]).toEqual([
            ['RNCP999', { relation: 'own', source: 'declared' }],
            ['RNCP300', { relation: 'previous', source: 'declared' }],
            ['RNCP400', { relation: 'next', source: 'declared' }],
        ]);
        // the registry says it on one side only: RNCP100 names RNCP200 as its next version
        expect(familyOf(index, { rncp: 'RNCP100', previous: [] }).get('RNCP200')).toEqual({ relation: 'next', source: 'registry' });
        const { elements: results, family } = compareCertification(index, {
            rncp: 'RNCP200', previous: [],
            blocs: [{ key: 'b', title: 'Veille', competencies: [
                { key: 'c1', text: 'Evaluer les contextes économiques et géopolitiques qui peuvent impacter les choix stratégiques de l’entreprise' },
                { key: 'c2', text: 'Souder des tuyauteries en acier selon un mode opératoire de soudage qualifié' },
            ], modalities: [] }],
        });
        const c1 = results.find((r) => r.key === 'c1')!;
        expect(c1.others).toEqual([]);
        expect(c1.family.map((p) => [p.fiche.number, p.relation])).toEqual([['RNCP200', 'own'], ['RNCP100', 'previous']]);
        const c2 = results.find((r) => r.key === 'c2')!;
        expect(c2.others.map((p) => [p.fiche.number, Math.round(p.score * 100)])).toEqual([['RNCP300', 100], ['RNCP400', expect.any(Number)]]);
        // one competency of two in RNCP300BC01: not a bloc of another certification; one in its
        // previous version's bloc: enough to say which bloc it continues
        const bloc = results.find((r) => r.key === 'b')!;
        expect(bloc.others).toEqual([]);
        expect(bloc.family.map((p) => [p.bloc?.code, p.coverage])).toEqual([['RNCP200BC01', { similar: 1, of: 2 }], ['RNCP100BC01', { similar: 1, of: 2 }]]);
        expect(family.map((f) => [f.fiche.number, f.relation, f.competencies, f.of, f.blocs.map((b) => b.code)])).toEqual([
            ['RNCP200', 'own', 1, 2, ['RNCP200BC01']],
            ['RNCP100', 'previous', 1, 2, ['RNCP100BC01']],
        ]);
    });

    it('leaves out short phrases that everyone writes', () => {
        const results = compareCertification(index, { previous: [], blocs: [{ key: 'b', title: '', competencies: [{ key: 'c', text: 'Rédiger une note' }], modalities: [] }] });
        expect(results).toEqual({ elements: [], family: [] });
        expect(DEFAULT_OPTIONS.minSharedWords).toBeGreaterThan(2);
    });
});

describe('where the index is kept and when it is built again', () => {
    it('keys the index by the export\'s path, in the cache folder unless told otherwise', () => {
        expect(indexFileFor('/data/export-fiches-rncp-v4-1-2026-01-05.zip', '/idx')).toMatch(/^\/idx\/export-fiches-rncp-v4-1-2026-01-05-[0-9a-f]{12}\.certiref-index$/);
        expect(indexFileFor('/a/export.xml')).not.toBe(indexFileFor('/b/export.xml'));
        expect(cacheFolder({ XDG_CACHE_HOME: '/c' }, 'linux')).toBe('/c/certiref');
        expect(cacheFolder({ LOCALAPPDATA: 'C:\\L' }, 'win32')).toContain('certiref');
    });

    it('is stale when the export\'s size, time or sampled content changes', async () => {
        const exportFile = path.join(dir, 'export.xml');
        fs.writeFileSync(exportFile, '<FICHES></FICHES>');
        const before = exportIdentity(exportFile);
        const file = path.join(dir, 'b.certiref-index');
        await buildIndex(FICHES.slice(0, 1), before, file);
        expect(staleness(readIndexHeader(file), exportIdentity(exportFile))).toBeUndefined();
        fs.writeFileSync(exportFile, '<FICHES> </FICHES>');
        expect(staleness(readIndexHeader(file), exportIdentity(exportFile))).toBe('export-changed');
        // same size, same time, other content
        fs.writeFileSync(exportFile, '<FICHES></FICHEZ>');
        fs.utimesSync(exportFile, before.mtimeMs / 1000, before.mtimeMs / 1000);
        const after = exportIdentity(exportFile);
        expect(after.size).toBe(before.size);
        expect(staleness(readIndexHeader(file), after)).toBe('export-changed');
        expect(staleness(undefined, after)).toBe('missing');
    });

    it('refuses a file that is not an index', () => {
        const file = path.join(dir, 'not-an-index');
        fs.writeFileSync(file, 'hello');
        expect(readIndexHeader(file)).toBeUndefined();
        expect(() => RegistryIndex.load(file)).toThrow(/not a certiref registry index/);
    });
});
