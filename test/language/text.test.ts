import { describe, expect, it } from 'vitest';
import { normalizeText, textOf, Conventions, DEFAULT_CONVENTIONS, hyphenRange, idsInRange, completeRangeEnd } from 'certiref-language';
import { checkText, HEADER } from '../helpers.js';

describe('text', () => {
    it('joins wrapped lines, keeps paragraphs and bullets', () => {
        expect(normalizeText('  Une phrase\n    coupée en deux.\n\n  Liste :\n  - un\n  - deux\n')).toBe('Une phrase coupée en deux.\n\nListe :\n- un\n- deux');
    });

    it('unescapes quotes and keeps raw texts', () => {
        expect(textOf('"il a dit \\"oui\\" ; l’école « ouverte » : fin"')).toBe('il a dit "oui" ; l’école « ouverte » : fin');
        expect(textOf('"""brut "entre" guillemets"""')).toBe('brut "entre" guillemets');
    });

    it('reads French prose without escaping, keywords in any case and without accents', async () => {
        const { findings, models } = await checkText(`CERTIFICATION X "Titre : l'école, « guillemets » ; fin"
  Accessibilite "Aménagements."
BLOC 1 "B"
  Activite A1 "a"
    Competence C1 "Analyser l’écosystème ; puis
      conclure : « bien »."
    competency C2 "Second"
  Modalite E1 "M"
    evalue C1 a C2
    Critere CR1 "x"
    criterion CR2 "y"`);
        expect(findings).toEqual([]);
        expect(models[0].title).toBe("Titre : l'école, « guillemets » ; fin");
        expect(models[0].blocs[0].activities[0].competencies[0].text).toBe('Analyser l’écosystème ; puis conclure : « bien ».');
    });

    it('gives one error at the opening quote of an unterminated text', async () => {
        const { findings } = await checkText(`${HEADER}\nbloc 1 "B\n  activité A1 "a"\n`);
        const syntax = findings.filter((f) => f.rule === 'syntax-error');
        expect(syntax).toHaveLength(1);
        expect(syntax[0].line).toBe(4);
        expect(syntax[0].message).toMatch(/Unterminated text: this text swallows the line "activité A1/);
    });

    it('points at the quote itself when no text swallowed a keyword line', async () => {
        const { findings } = await checkText(`${HEADER}\nbloc 1 "B"\n  activité A1 "a\n`);
        expect(findings.filter((f) => f.rule === 'syntax-error').map((f) => f.line)).toEqual([5]);
    });
});

describe('ids', () => {
    const c = new Conventions(DEFAULT_CONVENTIONS);
    it('maps criteria to competencies and back', () => {
        expect(c.competencyIdsFor('CR4')).toEqual(['C4']);
        expect(c.competencyIdsFor('CR1-1')).toEqual(['CS1-1']);
        expect(c.criterionIdsFor('C4')).toEqual(['CR4']);
        expect(c.criterionIdsFor('CS2-3')).toEqual(['CR2-3']);
    });
    it('reads ranges', () => {
        expect(hyphenRange('CR18-19')).toEqual(['CR18', 'CR19']);
        expect(hyphenRange('CR1-1')).toBeUndefined();
        expect(completeRangeEnd('CR11', '13')).toBe('CR13');
        expect(idsInRange('C11', 'C13', ['C10', 'C11', 'C12', 'C13', 'C14', 'CS12'])).toEqual(['C11', 'C12', 'C13']);
    });
});
