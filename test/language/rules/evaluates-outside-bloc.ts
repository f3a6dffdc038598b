import { describe, expect, it } from 'vitest';
import { checkText } from '../../helpers.js';
import { example, HEADER } from '../rule-cases.js';
import { ruleTester } from '../rule-tester.js';

const OTHER_BLOC = `${HEADER}
bloc 1 "Un"
  activité A1 "a"
    compétence C1 "Un."
    compétence C2 "Deux."
  modalité E1 "M"
    critère CR1 "a"
    critère CR2 "b"
    critère CR3 "c"
bloc 2 "Deux"
  activité A2 "a"
    compétence C3 "Trois."
    compétence C4 "Quatre."
  modalité E2 "M"
    critère CR4 "d"
bloc 5
  option 1 "O1"
    activité AS1-1 "a"
      compétence CS1-1 "x1"
      compétence CS1-2 "y1"
    modalité E5 "M"
      critère CR1-1 "a"
      critère CR1-2 "b"
  option 2 "O2"
    activité AS2-1 "a"
      compétence CS2-1 "x2"
      compétence CS2-2 "y2"
    modalité E5 "M"
      critère CR2-1 "a"
      critère CR1-2 "b"`;

const COMMON_BEFORE_OPTIONS = `${HEADER}
bloc 5 "Cinq"
  modalité E5 "Commune"
    critère CR1-1 "a"
    critère CR2-1 "b"
  option 1 "O1"
    activité AS1-1 "a"
      compétence CS1-1 "x1"
  option 2 "O2"
    activité AS2-1 "a"
      compétence CS2-1 "x2"`;

ruleTester('evaluates-outside-bloc', {
    valid: [
        { name: 'a modality of the whole bloc, written before its options', rules: { 'bloc-single-competency': 'off' }, code: COMMON_BEFORE_OPTIONS },
    ],
    invalid: [
        { name: 'the example: a modality written after the options belongs to the last one', code: example('evaluates-outside-bloc'), errors: [
                { line: 19, column: 14, endLine: 19, endColumn: 16, message: 'Modality E5 (option 2 of bloc 5) evaluates CS1-1, of option 1. A modality for the whole bloc is written before its options. Remove CS1-1 from "evaluates" or move the modality.', data: { outside: ['CS1-1'] } },
            ] },
        { name: 'without « évalue », a criterion that judges a competency of another bloc or option', code: OTHER_BLOC, errors: [
                { line: 11, column: 13, endLine: 11, endColumn: 16, message: 'Criterion CR3 of modality E1 (bloc 1) judges C3, of bloc 2: a bloc is evaluated by its own modalities. Move the criterion to a modality of bloc 2, or fix it.', data: { outside: ['C3'] } },
                { line: 32, column: 15, endLine: 32, endColumn: 20, message: 'Criterion CR1-2 of modality E5 (option 2 of bloc 5) judges CS1-2, of option 1: an option is evaluated by its own modalities. Move the criterion to a modality of option 1, or fix it.', data: { outside: ['CS1-2'] } },
            ] },
    ],
});

describe('evaluates-outside-bloc', () => {
    it('evaluates-outside-bloc: without `évalue`, a criterion that judges a competency of another bloc or option', async () => {
        const text = OTHER_BLOC;
        const en = await checkText(text);
        expect(en.findings.filter((f) => f.rule === 'evaluates-outside-bloc').map((f) => `${f.line}:${f.message}`)).toEqual([
            '11:Criterion CR3 of modality E1 (bloc 1) judges C3, of bloc 2: a bloc is evaluated by its own modalities. Move the criterion to a modality of bloc 2, or fix it.',
            '32:Criterion CR1-2 of modality E5 (option 2 of bloc 5) judges CS1-2, of option 1: an option is evaluated by its own modalities. Move the criterion to a modality of option 1, or fix it.',
        ]);
        const fr = await checkText(text, { language: 'fr' });
        expect(fr.findings.find((f) => f.rule === 'evaluates-outside-bloc')!.message).toBe('Le critère CR3 de la modalité E1 (bloc 1) juge C3, du bloc 2 : un bloc est évalué par ses propres modalités. Déplacez le critère dans une modalité du bloc 2, ou corrigez-le.');
        // the competency left without a criterion in option 2 is named with its option
        expect(en.findings.filter((f) => f.rule === 'competency-not-evaluated').map((f) => f.message)).toEqual(['No modality evaluates competency CS2-2. Add "evaluates CS2-2" to a modality of option 2 of bloc 5.']);
    });

    it('evaluates-outside-bloc stays silent for a modality of the whole bloc, written before its options', async () => {
        const text = COMMON_BEFORE_OPTIONS;
        const { findings } = await checkText(text, { rules: { 'bloc-single-competency': 'off' } });
        expect(findings).toEqual([]);
    });
});
