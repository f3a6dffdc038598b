import { describe, expect, it } from 'vitest';
import { frenchLexiconLoaded } from 'certiref-language';
import { checkTexts, WRITING_RULES_OFF } from '../helpers.js';

/**
 * The French lexicon is read on the first question a drafting rule asks: not when certiref
 * starts, not for a référentiel whose drafting rules are switched off (each test file runs in a
 * process of its own, so this one starts without it).
 */
const TEXT = `certification R "Exemple"
bloc 1 "Bloc"
  activité A1 "Activité"
    compétence C1 "Gestion des plannings."
`;

describe('the lexicon is read lazily', () => {
    it('not while the drafting rules are off, then once they run', async () => {
        expect(frenchLexiconLoaded()).toBe(false);
        await checkTexts({ 'a.ref': TEXT }, { rules: WRITING_RULES_OFF });
        expect(frenchLexiconLoaded()).toBe(false);
        const { findings } = await checkTexts({ 'a.ref': TEXT }, { writingRules: true });
        expect(findings.map((f) => f.rule)).toContain('competency-action-verb');
        expect(frenchLexiconLoaded()).toBe(true);
    });
});
