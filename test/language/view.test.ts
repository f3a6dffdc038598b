import { describe, expect, it } from 'vitest';
import { containerHeading, coverageMatrix, evaluationTable, juryGrid, modalityLabel, modalityMeta, shownContainers } from 'certiref-language';
import { checkText, HEADER } from '../helpers.js';

/** The view-model (model/view.ts): what every grid shows, computed once from the model. */
describe('the view-model of a référentiel', () => {
    const text = `${HEADER}
bloc 1 "Un"
  activité A1 "a"
    compétence C1 "Un."
    compétence C2 "Deux."
  activité A2 "b"
    compétence C3 "Trois."
  modalité E1 "Étude"
    individuel
    livrables "Dossier", "Soutenance"
    évalue C1, C2
    partie P1 "Écrit"
      critère CR1 "a"
    critère K9 juge C3 "hors de la modalité"
  modalité E2 "Oral"
    évalue C3
    critère CR3 "c"
bloc 5
  option 1 "Première"
    activité AS1-1 "x"
      compétence CS1-1 "x1"
      compétence CS1-2 "x2"
    modalité E5 "Cas"
      évalue CS1-1, CS1-2
      critère CR1-1 "x"
      critère CR1-2 "y"
`;

    it('a jury grid: each competency evaluated with its criteria (a gap when none), then the criteria that judge nothing evaluated', async () => {
        const { models } = await checkText(text, { rules: { 'evaluates-outside-bloc': 'off', 'criterion-outside-evaluation': 'off' } });
        const e1 = models[0].blocs[0].modalities[0];
        const grid = juryGrid(e1);
        expect(grid.rows.map((r) => `${r.competency.id}:${r.criteria.map((c) => c.label).join(',')}`)).toEqual(['C1:CR1', 'C2:']);
        expect(grid.unattached.map((c) => c.label)).toEqual(['K9']);
        expect(modalityMeta(e1, 'fr')).toEqual(['individuelle', 'Livrables : Dossier, Soutenance']);
        expect(modalityMeta(e1, 'en')).toEqual(['individual', 'Deliverables : Dossier, Soutenance']);
    });

    it('the blocs and options shown, their headings and the names of modalities', async () => {
        const { models } = await checkText(text);
        expect(shownContainers(models[0]).map((c) => containerHeading(c))).toEqual(['Bloc 1 — Un', 'Bloc 5 · option 1 — Première']);
        expect(shownContainers(models[0]).map((c) => containerHeading(c, { optionWord: 'Option', titles: false }))).toEqual(['Bloc 1', 'Bloc 5 · Option 1']);
        expect(containerHeading(shownContainers(models[0])[0], { text: (s) => s.toUpperCase() })).toBe('Bloc 1 — UN');
        expect(models[0].blocs.flatMap((b) => [b, ...b.options]).flatMap((c) => c.modalities).map(modalityLabel)).toEqual(['E1', 'E2', 'E5 (1)']);
    });

    it('the coverage matrix: criteria per competency and modality, empty where not evaluated, gaps marked', async () => {
        const { models } = await checkText(text);
        const matrix = coverageMatrix(models[0]);
        expect(matrix.modalities.map((m) => m.id)).toEqual(['E1', 'E2', 'E5']);
        expect(matrix.rows.map((r) => `${r.competency.id}:${r.cells.map((n) => n ?? '-').join('')}${r.gap ? ' gap' : ''}`)).toEqual([
            'C1:1--', 'C2:0-- gap', 'C3:-1-', 'CS1-1:--1', 'CS1-2:--1',
        ]);
    });

    it("the référentiel d'évaluation, activity by activity, and what no activity's row holds", async () => {
        const { models } = await checkText(text);
        const table = evaluationTable(models[0].blocs[0]);
        expect(table.rows.map((r) => `${r.activity.id}: ${r.modalities.map((m) => `${m.modality.id} [${m.criteria.map((c) => c.label).join(',')}] without ${m.withoutCriterion.map((c) => c.id).join(',') || '—'}`).join('; ')}`)).toEqual([
            'A1: E1 [CR1] without C2',
            'A2: E2 [CR3] without —',
        ]);
        // K9 judges C3, which E1 does not evaluate: no activity's row holds it, it is not lost
        expect(table.rest.map((r) => `${r.modality.id} [${r.criteria.map((c) => c.label).join(',')}]`)).toEqual(['E1 [K9]']);
    });
});

describe('the RNCP number, however it is written', () => {
    it('RNCP35411 and 35411 both read RNCP 35411 in every layout', async () => {
        const { toMarkdown, renderGrid } = await import('certiref-language');
        for (const written of ['RNCP35411', '35411']) {
            const { models } = await checkText(HEADER.replace('\n', `\n  rncp ${written}\n`));
            expect(toMarkdown(models, 'en')).toContain('\n\nRNCP 35411\n');
            expect(toMarkdown(models, 'en')).not.toContain('RNCP RNCP');
            expect(renderGrid(models, [], { language: 'en', interactive: false }).body).toContain('RNCP 35411');
        }
    });
});
