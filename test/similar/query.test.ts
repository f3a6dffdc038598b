import { describe, expect, it } from 'vitest';
import { registryNumber, similarityQuery } from 'certiref-language';
import { checkText } from '../helpers.js';

describe('what the similarity reads of a référentiel', () => {
    const text = `certification PGE "Programme"
  rncp 39568

bloc BC01 "Analyse"
  option 1A "Première option"
    activité A1 "Veille"
      compétence C1 "Évaluer les contextes économiques et géopolitiques."
  activité A2 "Synthèse"
    compétence C2 "Rédiger une note de synthèse pour la direction."
    compétence C3 ""
  modalité E1 "Étude de cas"
    livrables "dossier écrit"
    description "Analyse d'un contexte réel."
    évalue C1, C2
`;

    it('takes every competency of a bloc and its options, and each modality with its description and deliverables', async () => {
        const { models } = await checkText(text);
        const { certification, elements } = similarityQuery(models[0]);
        expect(certification.rncp).toBe('RNCP39568');
        expect(certification.blocs).toHaveLength(1);
        expect(certification.blocs[0].competencies.map((c) => c.text)).toEqual([
            'Évaluer les contextes économiques et géopolitiques.', 'Rédiger une note de synthèse pour la direction.',
        ]);
        expect(certification.blocs[0].modalities.map((m) => m.text)).toEqual(["Étude de cas. Analyse d'un contexte réel.. dossier écrit"]);
        // every key leads back to its element's place
        for (const c of [...certification.blocs[0].competencies, ...certification.blocs[0].modalities]) expect(elements.get(c.key)?.source.uri).toMatch(/a\.ref$/);
        expect(elements.get('certification')?.kind).toBe('certification');
    });

    it('reads the versions the référentiel declares, when its model has them', async () => {
        const { models } = await checkText(text);
        const model = models[0] as typeof models[0] & { versions?: unknown };
        model.versions = [{ relation: 'replaces', certification: 'RNCP34762' }, { relation: 'replaced-by', certification: 'rncp 40001' }];
        expect(similarityQuery(model).certification).toMatchObject({ previous: ['RNCP34762'], next: ['RNCP40001'] });
    });

    it('reads registry numbers as the registry writes them', () => {
        expect(['RNCP39568', 'rncp39568', '39568', ' RNCP 39568 ', 'RS6626', 'BC01', undefined].map(registryNumber))
            .toEqual(['RNCP39568', 'RNCP39568', 'RNCP39568', 'RNCP39568', 'RS6626', undefined, undefined]);
    });
});
