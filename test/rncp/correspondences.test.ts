import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyseCorrespondences, contentWords, type BlocContent } from 'certiref-language';
import { readFiches, splitCompetencies, type Fiche } from 'certiref-rncp';
import { ROOT } from '../helpers.js';

const EXTRACT = path.join(ROOT, 'examples/rncp/export_fiches_RNCP_extract.xml');

/**
 * RNCP34762 → RNCP39568 (the same master programme before and after its renewal), read by hand:
 * which blocs of the previous version each new bloc takes up (RNCP39568 declares none).
 */
const READER: Record<string, string[]> = {
    RNCP39568BC01: ['RNCP34762BC01', 'RNCP34762BC04'], // contexts, geopolitics (A1C1 almost word for word); technological watch
    RNCP39568BC02: ['RNCP34762BC01', 'RNCP34762BC03', 'RNCP34762BC04'], // strategy; financial performance; innovation
    RNCP39568BC03: ['RNCP34762BC05'], // expertise métier in a function
    RNCP39568BC04: ['RNCP34762BC02'], // management, organisation of work, projects, reflexive practice
    RNCP39568BC05: ['RNCP34762BC02'], // communication (A2C10)
    RNCP39568BC06: ['RNCP34762BC03'], // highly specialised knowledge, analysis (A3C8, A3C10)
};

let fiches: Record<string, Fiche> = {};
beforeAll(async () => {
    fiches = {};
    for await (const fiche of readFiches(EXTRACT, { numbers: ['RNCP34762', 'RNCP39568'] })) fiches[fiche.number] = fiche;
});

function content(fiche: Fiche): BlocContent[] {
    return fiche.blocs.map((b) => ({ id: b.code, title: b.title, texts: splitCompetencies(b.competencies ?? '').items.map((i) => i.text) }));
}

describe('bloc correspondences proposed from content', () => {
    it('RNCP34762 → RNCP39568: every proposal is one the careful reader makes, the near-verbatim bloc first', () => {
        const analysis = analyseCorrespondences(content(fiches.RNCP34762!), content(fiches.RNCP39568!));
        const proposed = analysis.proposals.flatMap((p) => p.new.flatMap((n) => p.old.map((o) => `${n} ← ${o}`)));
        const read = Object.entries(READER).flatMap(([n, olds]) => olds.map((o) => `${n} ← ${o}`));
        expect(proposed.filter((p) => !read.includes(p))).toEqual([]);
        // most of the new blocs get a proposal
        expect(analysis.proposals.length).toBeGreaterThanOrEqual(5);
        const strongest = [...analysis.proposals].sort((a, b) => b.score - a.score)[0]!;
        expect([strongest.new, strongest.old]).toEqual([['RNCP39568BC01'], ['RNCP34762BC01']]);
        // what is left is said, not hidden
        expect(analysis.unmatchedNew.every((id) => !analysis.proposals.some((p) => p.new.includes(id)))).toBe(true);
        expect([...analysis.unmatchedOld, ...analysis.proposals.flatMap((p) => p.old)].sort()).toEqual(expect.arrayContaining(fiches.RNCP34762!.blocs.map((b) => b.code)));
    });

    it('checks declared correspondences: supported, weak, or another bloc matches better', () => {
        const analysis = analyseCorrespondences(content(fiches.RNCP34762!), content(fiches.RNCP39568!), [
            { new: ['RNCP39568BC01'], old: ['RNCP34762BC01'] },
            { new: ['RNCP39568BC05'], old: ['RNCP34762BC04'] },
            { new: ['RNCP39568BC06'], old: ['RNCP34762BC05'] },
        ]);
        expect(analysis.checked.map((c) => c.verdict)).toEqual(['supported', 'better', 'better']);
        expect(analysis.checked[1]!.better?.old).toBe('RNCP34762BC02');
        expect(analysis.checked[2]!.better?.old).toBe('RNCP34762BC03');
    });

    it('identical blocs score 1, unrelated ones 0, and renumbered blocs are paired by content', () => {
        const old: BlocContent[] = [
            { id: 'B1', title: 'Concevoir une campagne', texts: ['Analyser le brief du client', 'Concevoir un plan de campagne multicanal'] },
            { id: 'B2', title: 'Piloter le budget', texts: ['Élaborer le budget prévisionnel', 'Suivre les dépenses engagées'] },
        ];
        const renewed: BlocContent[] = [
            { id: 'N1', title: 'Piloter le budget', texts: ['Élaborer le budget prévisionnel', 'Suivre les dépenses engagées'] },
            { id: 'N2', title: 'Concevoir une campagne digitale', texts: ['Analyser le brief du client', 'Concevoir un plan de campagne multicanal'] },
            { id: 'N3', title: 'Recruter des bénévoles', texts: ['Rédiger une annonce de mission'] },
        ];
        const analysis = analyseCorrespondences(old, renewed);
        expect(analysis.scores[1]![0]).toBe(1);
        expect(analysis.scores[0]![2]).toBe(0);
        expect(analysis.proposals.map((p) => [p.new, p.old, p.strength])).toEqual([[['N1'], ['B2'], 'strong'], [['N2'], ['B1'], 'strong']]);
        expect(analysis.unmatchedNew).toEqual(['N3']);
    });

    it('compares words regardless of case, accents, plural and the commonest words', () => {
        expect(contentWords('Évaluer les évaluations')).toEqual(['evalu', 'evalu']);
        expect(contentWords('des ÉQUIPES et de l’équipe')).toEqual(['equip', 'equip']);
    });
});
