import * as path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { readFiches, splitCompetencies, splitModalities, type Fiche, type SplitList } from 'certiref-rncp';
import { ROOT } from '../helpers.js';
import { CAREFUL_READER, UNSURE_COMPETENCIES } from './careful-reader.js';

const EXTRACT = path.join(ROOT, 'examples/rncp/export_fiches_RNCP_extract.xml');

/** Compares first words without caring for the kind of apostrophe or runs of spaces. */
function norm(text: string): string {
    return text.replace(/[’']/g, '\'').replace(/\s+/g, ' ').trim();
}

function joined(split: SplitList): string {
    return split.pieces.map((p) => p.source).join('');
}

let fiches: Fiche[] = [];
beforeAll(async () => {
    fiches = [];
    for await (const fiche of readFiches(EXTRACT)) fiches.push(fiche);
});

describe('the splitter agrees with the careful reader on every bloc of the six fiches', () => {
    it('covers every bloc of the extract', () => {
        const blocs = fiches.flatMap((f) => f.blocs.map((b) => b.code)).sort();
        const read = Object.values(CAREFUL_READER).flatMap((f) => Object.keys(f)).sort();
        expect(read).toEqual(blocs);
        expect(blocs).toHaveLength(31);
    });

    for (const [number, blocs] of Object.entries(CAREFUL_READER)) {
        for (const [code, reader] of Object.entries(blocs)) {
            it(`${code}: ${reader.competencies.length} competencies, ${reader.modalities.length} modalities`, () => {
                const bloc = fiches.find((f) => f.number === number)!.blocs.find((b) => b.code === code)!;
                const competencies = splitCompetencies(bloc.competencies ?? '');
                expect(joined(competencies)).toBe(bloc.competencies);
                const items = competencies.items;
                expect(items.map((i) => norm(i.text).slice(0, norm(reader.competencies[items.indexOf(i)]?.starts ?? '').length)))
                    .toEqual(reader.competencies.map((c) => norm(c.starts)));
                expect(items.map((i) => i.codes[0])).toEqual(reader.competencies.map((c) => c.code));
                const headings = competencies.pieces.filter((p) => p.kind === 'heading');
                expect(headings.map((h, n) => norm(h.text).slice(0, norm(reader.headings?.[n] ?? '').length))).toEqual((reader.headings ?? []).map(norm));
                expect(items.map((i) => i.heading === undefined ? undefined : norm(competencies.pieces[i.heading]!.text).slice(0, norm(reader.competencies[items.indexOf(i)]!.under ?? '').length)))
                    .toEqual(reader.competencies.map((c) => c.under === undefined ? undefined : norm(c.under)));
                // unsure exactly where the reader saw an unmarked boundary
                expect(items.filter((i) => i.unsure).map((i) => norm(i.text).slice(0, 20)))
                    .toEqual((UNSURE_COMPETENCIES[code] ?? []).map((s) => norm(s).slice(0, 20)));

                const modalities = splitModalities(bloc.modalities ?? '', items.flatMap((i) => i.codes));
                expect(joined(modalities)).toBe(bloc.modalities);
                expect(modalities.items.map((m, n) => norm(m.text).slice(0, norm(reader.modalities[n] ?? '').length))).toEqual(reader.modalities.map(norm));
                if (reader.evaluates) expect(modalities.items.map((m) => m.codes)).toEqual(reader.evaluates);
                else expect(modalities.items.every((m) => m.codes.length === 0)).toBe(true);
            });
        }
    }

    it('says it is unsure of the one-modality reading of RNCP36612, and of no other modality', () => {
        const unsure = fiches.flatMap((f) => f.blocs.flatMap((b) => splitModalities(b.modalities ?? '').items.filter((m) => m.unsure).map(() => b.code)));
        expect(unsure).toEqual(['RNCP36612BC01', 'RNCP36612BC02', 'RNCP36612BC03', 'RNCP36612BC04']);
    });

    it('keeps `NB` lines as notes, not modalities', () => {
        const bloc = fiches.find((f) => f.number === 'RNCP34762')!.blocs.find((b) => b.code === 'RNCP34762BC04')!;
        const notes = splitModalities(bloc.modalities!).pieces.filter((p) => p.kind === 'note');
        expect(notes.map((n) => n.text)).toEqual(['NB. Les compétences A4C1 à A4C7 peuvent être traitées au travers d’une même situation ou de manière dissociée']);
    });

    it('gives a modality its lines: the épreuve first, then what follows it', () => {
        const bloc = fiches.find((f) => f.number === 'RNCP39568')!.blocs.find((b) => b.code === 'RNCP39568BC02')!;
        const first = splitModalities(bloc.modalities!).items[0]!;
        expect(first.text).toBe('Etude de cas simulation / mise en situation professionnelle');
        expect(first.lines).toEqual([
            'Elaboration et/ou Analyse de décisions stratégiques concernant la gestion d’un contexte concurrentiel en lien avec les principaux ratios financiers d’une organisation',
            'Productions orale et écrite, individuelle et collective',
        ]);
    });
});

describe('the splitter on texts the six fiches do not show', () => {
    it('reads old exports’ HTML: paragraphs, list items, line breaks, entities', () => {
        const html = '<p><strong>Compétences :</strong></p><ul><li>Analyser le besoin du client&nbsp;;</li><li>Concevoir l&#39;offre</li></ul><p>- Présenter l&rsquo;offre</p>';
        const split = splitCompetencies(html);
        expect(joined(split)).toBe(html);
        expect(split.items.map((i) => i.text)).toEqual(['Analyser le besoin du client\u00a0;', 'Concevoir l\'offre', 'Présenter l’offre']);
        expect(split.pieces.filter((p) => p.kind === 'heading').map((p) => p.text)).toEqual(['Compétences :']);
    });

    it('reads line breaks as the source’s lines', () => {
        const split = splitCompetencies('Analyser le besoin\nConcevoir la solution\r\nDéployer la solution');
        expect(split.items.map((i) => i.text)).toEqual(['Analyser le besoin', 'Concevoir la solution', 'Déployer la solution']);
    });

    it('reads `C1 -`, `C2 :` codes and bullets `•`', () => {
        expect(splitCompetencies('C1 - Analyser le besoin  C2 : Concevoir la solution').items.map((i) => [i.codes[0], i.text]))
            .toEqual([['C1', 'Analyser le besoin'], ['C2', 'Concevoir la solution']]);
        expect(splitCompetencies('• Analyser le besoin   • Concevoir la solution').items.map((i) => i.text))
            .toEqual(['Analyser le besoin', 'Concevoir la solution']);
    });

    it('says it is unsure where the numbering skips a code', () => {
        const split = splitCompetencies('C1. Analyser le besoin   C2. Concevoir la solution et la présenter   C4. Déployer');
        expect(split.items.map((i) => Boolean(i.unsure))).toEqual([false, true, false]);
        expect(split.items[1]!.unsure!.en).toContain('C3');
    });

    it('says it is unsure of one long paragraph of several sentences', () => {
        const split = splitCompetencies('Le candidat analyse le besoin. Il conçoit la solution et la présente au client.');
        expect(split.items).toHaveLength(1);
        expect(split.items[0]!.unsure).toBeDefined();
    });

    it('does not split a sentence at a name with a capital (`la Direction Financière`, `le Manager`)', () => {
        const split = splitCompetencies('- Présenter le budget à la Direction Financière en fin d’exercice   - Accompagner le Manager intermédiaire dans ses choix');
        expect(split.items.map((i) => i.text.slice(0, 20))).toEqual(['Présenter le budget ', 'Accompagner le Manag']);
        expect(split.items.every((i) => !i.unsure)).toBe(true);
    });

    it('an empty or blank text has no item and keeps its spaces', () => {
        for (const text of ['', '   ', '\n']) {
            expect(splitCompetencies(text).items).toEqual([]);
            expect(joined(splitCompetencies(text))).toBe(text);
            expect(joined(splitModalities(text))).toBe(text);
        }
    });
});

describe('the splitter never drops text (property)', () => {
    const word = fc.constantFrom('Analyser', 'le', 'besoin', 'Concevoir', 'la', 'solution', 'Direction', 'Financière', ':', ';', '.', 'à', 'et',
        'A1C1.', 'A1C2', '1.1', '1.1.1', 'C3 -', '-', '•', '*', 'NB :', '<p>', '</p>', '<br>', '<li>', '&nbsp;', 'é', '’', '(RGPD)', 'Objectif :', '00 h 20 min');
    const space = fc.constantFrom(' ', '  ', '   ', '    ', '      ', '\n', '\t', '\u00a0', '');
    const text = fc.array(fc.tuple(word, space), { maxLength: 60 }).map((parts) => parts.map(([w, s]) => w + s).join(''));

    it('pieces joined give back the source, for any text', () => {
        fc.assert(fc.property(fc.oneof(text, fc.string({ maxLength: 200 })), (source) => {
            const competencies = splitCompetencies(source);
            const modalities = splitModalities(source, ['A1C1', 'A1C2']);
            expect(joined(competencies)).toBe(source);
            expect(joined(modalities)).toBe(source);
            for (const split of [competencies, modalities]) {
                let offset = 0;
                for (const piece of split.pieces) {
                    expect(piece.offset).toBe(offset);
                    expect(piece.source.length).toBeGreaterThan(0);
                    offset += piece.source.length;
                }
                for (const item of split.items) expect(item.source.trim()).not.toBe('');
            }
        }), { numRuns: 2000 });
    });
});
