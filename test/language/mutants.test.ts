import { describe, expect, it } from 'vitest';
import { checkText, checkTexts, HEADER, rules } from '../helpers.js';

/**
 * Cases that kill small changes to the rules' logic which the rest of the suite let through
 * (each was a surviving mutant: the change is named in the test's title). `npm run mutation`
 * looks for more (test/robustness/RESULTS.md).
 */

const activity = (n: number, ids: string[]) => `  activité A${n} "Activité ${n}"\n${ids.map((id) => `    compétence ${id} "Compétence ${id}."`).join('\n')}\n`;

describe('bloc-single-competency (count !== 1, not count > 1 nor count >= 1)', () => {
    it('a bloc with no competency is not told it holds one; one with one is; one with two is not', async () => {
        const { findings } = await checkText(`${HEADER}
bloc 1 "Vide"
  modalité E1 "M"
bloc 2 "Un"
${activity(2, ['C1'])}  modalité E2 "M"
    évalue C1
    critère CR1 "Un."
bloc 3 "Deux"
${activity(3, ['C2', 'C3'])}  modalité E3 "M"
    évalue C2, C3
    critère CR2 "Deux."
    critère CR3 "Trois."
`);
        const single = findings.filter((f) => f.rule === 'bloc-single-competency');
        expect(single.map((f) => f.message)).toEqual(['Bloc 2 holds a single competency. A bloc groups several: complete it or merge it.']);
    });

    it('an option counts the bloc\'s shared competencies with its own', async () => {
        const { findings } = await checkText(`${HEADER}
bloc 1 "Options"
${activity(1, ['C1'])}  modalité E1 "Commune"
    évalue C1
    critère CR1 "Un."
  option 1 "A"
${activity(2, ['C2'])}    modalité E2 "M"
      évalue C2
      critère CR2 "Deux."
  option 2 "B"
    modalité E3 "M"
      évalue C1
`);
        // option 1: C1 + C2; option 2: C1 only
        expect(findings.filter((f) => f.rule === 'bloc-single-competency').map((f) => f.message)).toEqual(['Option 2 of bloc 1 holds a single competency. A bloc groups several: complete it or merge it.']);
    });
});

describe('ranges (a > b reversed, not a >= b)', () => {
    it('C1 à C1 is a range of one competency, not a range written backwards', async () => {
        const { findings, models } = await checkText(`${HEADER}
bloc 1 "Bloc"
${activity(1, ['C1', 'C2'])}  modalité E1 "M"
    évalue C1 à C1, C2 à C2
    critère CR1 "Un."
    critère CR2 "Deux."
`);
        expect(rules(findings)).toEqual([]);
        expect(models[0].blocs[0].modalities[0].evaluates.map((c) => c.id)).toEqual(['C1', 'C2']);
    });

    it('C2 à C1 is written backwards', async () => {
        const { findings } = await checkText(`${HEADER}
bloc 1 "Bloc"
${activity(1, ['C1', 'C2'])}  modalité E1 "M"
    évalue C2 à C1
    critère CR1 "Un."
    critère CR2 "Deux."
`);
        expect(findings.map((f) => f.message)).toContain('Range C2 to C1 is written backwards: write C1 à C2.');
    });
});

describe('a hyphen range (CR1-3) is read over its own bloc only (every, not some)', () => {
    it('CR1-3 in bloc 1, where only C1 is of bloc 1: not a range; its findings stay', async () => {
        const { findings, models } = await checkText(`${HEADER}
bloc 1 "Un"
${activity(1, ['C1'])}  modalité E1 "M"
    critère CR1-3 "Trois compétences ?"
bloc 2 "Deux"
${activity(2, ['C2', 'C3'])}  modalité E2 "M"
    évalue C2, C3
    critère CR2 "Deux."
    critère CR3 "Trois."
`);
        const criterion = models[0].blocs[0].modalities[0].criteria[0];
        expect(criterion.judges).toEqual([]);
        expect(criterion.conventionalIds).toEqual(['CS1-3']);
        // the criterion judges nothing, C1 has no criterion, and no modality of bloc 1 evaluates it
        expect(rules(findings).sort()).toEqual(['bloc-single-competency', 'competency-not-evaluated', 'competency-without-criterion', 'criterion-without-competency']);
        expect(rules(findings)).not.toContain('evaluates-outside-bloc');
    });

    it('CR1-3 over C1 to C3 of its own bloc is a range', async () => {
        const { findings, models } = await checkText(`${HEADER}
bloc 1 "Un"
${activity(1, ['C1', 'C2', 'C3'])}  modalité E1 "M"
    critère CR1-3 "Trois compétences."
`);
        expect(models[0].blocs[0].modalities[0].criteria[0].judges.map((c) => c.id)).toEqual(['C1', 'C2', 'C3']);
        expect(rules(findings)).toEqual([]);
    });
});

describe('evaluates-outside-bloc: an option\'s modality may evaluate the bloc\'s shared competencies', () => {
    it('by its évalue list, or by what its criteria judge', async () => {
        const { findings } = await checkText(`${HEADER}
bloc 1 "Options"
${activity(1, ['C1', 'C2'])}  option 1 "A"
${activity(2, ['C3', 'C4'])}    modalité E1 "Par la liste"
      évalue C1, C3, C4
      critère CR1 "Un."
      critère CR3 "Trois."
      critère CR4 "Quatre."
  option 2 "B"
${activity(3, ['C5', 'C6'])}    modalité E2 "Par les critères"
      critère CR2 "Deux."
      critère CR5 "Cinq."
      critère CR6 "Six."
`);
        expect(rules(findings)).toEqual([]);
    });

    it('but not those of another option', async () => {
        const { findings } = await checkText(`${HEADER}
bloc 1 "Options"
  option 1 "A"
${activity(1, ['C1', 'C2'])}    modalité E1 "M"
      évalue C1, C2
      critère CR1 "Un."
      critère CR2 "Deux."
  option 2 "B"
${activity(2, ['C3', 'C4'])}    modalité E2 "M"
      évalue C1, C3, C4
      critère CR3 "Trois."
      critère CR4 "Quatre."
`);
        expect(rules(findings)).toEqual(['evaluates-outside-bloc']);
    });
});

describe('missing-accessibility-provision needs a main file (!cert.declared)', () => {
    it('a certification that no file declares is told that, not that its header lacks a provision', async () => {
        const { findings } = await checkTexts({
            'bloc.ref': `partie de R\n\nbloc 1 "Bloc"\n${activity(1, ['C1', 'C2'])}  modalité E1 "M"\n    évalue C1, C2\n    critère CR1 "Un."\n    critère CR2 "Deux."\n`,
        });
        expect(rules(findings)).toEqual(['unresolved-reference']);
    });

    it('a declared certification without one is told', async () => {
        const { findings } = await checkText('certification R "R"\n\nbloc 1 "Bloc"\n  activité A1 "A"\n    compétence C1 "Un."\n    compétence C2 "Deux."\n  modalité E1 "M"\n    évalue C1, C2\n    critère CR1 "Un."\n    critère CR2 "Deux."\n');
        expect(rules(findings)).toEqual(['missing-accessibility-provision']);
    });
});
