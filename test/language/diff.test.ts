import { describe, expect, it } from 'vitest';
import { diffReferentials, diffSide, diffToMarkdown, diffToText, type ElementChange, type ReferentialDiff } from 'certiref-language';
import { checkTexts, HEADER } from '../helpers.js';

/** The model diff of two versions of a référentiel given as texts (name → text). */
async function compare(before: Record<string, string>, after: Record<string, string>): Promise<ReferentialDiff> {
    const sides = [];
    for (const files of [before, after]) {
        const { services, documents } = await checkTexts(files);
        sides.push(diffSide(services, documents));
    }
    return diffReferentials(sides[0], sides[1]);
}

function brief(diff: ReferentialDiff): string[] {
    const one = (c: ElementChange): string[] => [
        `${c.status} ${c.kind} ${c.oldName ? `${c.oldName}→` : ''}${c.name}${c.fields.map((f) => ` ${f.field}${f.added ? ` +${f.added.join(',')}` : ''}${f.removed ? ` -${f.removed.join(',')}` : ''}${f.old !== undefined || f.new !== undefined ? ` ${f.old ?? ''}→${f.new ?? ''}` : ''}`).join('')}`,
        ...c.children.flatMap((x) => one(x).map((s) => `  ${s}`)),
    ];
    return diff.certifications.flatMap((c) => [
        ...c.fields.map((f) => `certification ${f.field}${f.added ? ` +${f.added.join(',')}` : ''}${f.removed ? ` -${f.removed.join(',')}` : ''}${f.old !== undefined || f.new !== undefined ? ` ${f.old ?? ''}→${f.new ?? ''}` : ''}`),
        ...c.changes.flatMap(one),
    ]);
}

const paths = { old: (uri: string) => `old:${uri.split('/').pop()}`, new: (uri: string) => uri.split('/').pop()! };

/** Bloc 5 with two options, each with its own modality E5, as the Manager de la stratégie digitale référentiel. */
const OPTIONS = (first: string, second: string) => `${HEADER}
bloc 5 "Piloter"
  option 1 "E-commerce"
    activité AS1-1 "Activité"
      compétence CS1-1 "Première."
      compétence CS1-2 "Deuxième."
    modalité E5 "Étude de cas"
      évalue CS1-1, CS1-2
      critère CR1-1 "${first}"
      critère CR1-2 "Critère."
  option 2 "Social media"
    activité AS2-1 "Activité"
      compétence CS2-1 "Première."
      compétence CS2-2 "Deuxième."
    modalité E5 "Étude de cas"
      évalue CS2-1, CS2-2
      critère CR2-1 "${second}"
      critère CR2-2 "Critère."
`;

describe('the model diff pairs elements by identity', () => {
    it('an id reused once per option (E5) is two modalities: each compared with its own', async () => {
        const diff = await compare({ 'a.ref': OPTIONS('Un.', 'Deux.') }, { 'a.ref': OPTIONS('Un.', 'Deux, autrement.') });
        expect(brief(diff)).toEqual(['changed criterion CR2-1 text Deux.→Deux, autrement.']);
        expect(diff.certifications[0].changes[0]).toMatchObject({ bloc: '5', option: '2', parent: 'E5' });
    });

    it('a modality without id is known by its title, else by its place in its bloc', async () => {
        const text = (title: string, kind: string) => `${HEADER}
bloc 1 "Bloc"
  activité A1 "Activité"
    compétence C1 "Première."
  modalité "${title}"
    type "${kind}"
    critère "Critère."
`;
        expect(brief(await compare({ 'a.ref': text('Étude de cas', 'étude') }, { 'a.ref': text('Étude de cas', 'cas pratique') })))
            .toEqual(['changed modality Étude de cas kind étude→cas pratique']);
        expect(brief(await compare({ 'a.ref': text('Étude de cas', 'étude') }, { 'a.ref': text('Mise en situation', 'étude') })))
            .toEqual(['changed modality Mise en situation title Étude de cas→Mise en situation']);
    });

    it('criteria without id: the same text wherever it moved in its modality, else their order', async () => {
        const text = (criteria: string[]) => `${HEADER}
bloc 1 "Bloc"
  activité A1 "Activité"
    compétence C1 "Première."
  modalité E1 "Étude"
    évalue C1
${criteria.map((c) => `    critère "${c}"`).join('\n')}
`;
        // reordered: nothing changed (criteria order is not part of the model's meaning here)
        expect(brief(await compare({ 'a.ref': text(['Un.', 'Deux.']) }, { 'a.ref': text(['Deux.', 'Un.']) }))).toEqual([]);
        // the second one reworded: paired by order, its text changed
        expect(brief(await compare({ 'a.ref': text(['Un.', 'Deux.']) }, { 'a.ref': text(['Un.', 'Deux, reformulé.']) })))
            .toEqual(['changed criterion Deux, reformulé. text Deux.→Deux, reformulé.']);
        // one added
        expect(brief(await compare({ 'a.ref': text(['Un.']) }, { 'a.ref': text(['Un.', 'Trois.']) }))).toEqual(['added criterion Trois.']);
        // an id given to an unnumbered criterion: a rename
        const numbered = (await compare({ 'a.ref': text(['Un.']) }, { 'a.ref': text(['Un.']).replace('critère "Un."', 'critère CR1 "Un."') }));
        expect(brief(numbered)).toEqual(['renamed criterion Un.→CR1']);
    });

    it('a competency moved to another option keeps its id: moved, not removed and added', async () => {
        const before = OPTIONS('Un.', 'Deux.');
        const after = before.replace('      compétence CS1-2 "Deuxième."\n', '').replace('      compétence CS2-2 "Deuxième."\n', '      compétence CS2-2 "Deuxième."\n      compétence CS1-2 "Deuxième."\n');
        const diff = await compare({ 'a.ref': before }, { 'a.ref': after });
        expect(brief(diff)).toEqual(['changed competency CS1-2 activity AS1-1→AS2-1']);
        // option 1's E5 still names it (the same competency, now out of its option), and option 1 is left with one
        expect(diff.findings.introduced.map((f) => f.rule).sort()).toEqual(['bloc-single-competency', 'evaluates-outside-bloc']);
    });

    it("the certification's own fields, sections and conventions", async () => {
        const text = (level: string, legal: string, convention: string) => `certification R "Exemple"
  niveau ${level}
  section "Base légale" "${legal}"
  accessibilité "Aménagements pour les candidats en situation de handicap."
  ${convention}
bloc 1 "Bloc"
  activité A1 "Activité"
    compétence C1 "Première."
  modalité E1 "Étude"
    évalue C1
    critère CR1 "Critère."
`;
        const diff = await compare({ 'a.ref': text('6', 'Article L6113-1.', '') }, { 'a.ref': text('7', 'Article L6113-1, modifié.', 'convention "K{n}" juge "C{n}"') });
        expect(brief(diff)).toEqual([
            'certification level 6→7',
            'certification sections Base légale: Article L6113-1.→Base légale: Article L6113-1, modifié.',
            // a declared convention replaces the three defaults
            'certification conventions +K{n} → C{n} -CR{n} → C{n},CR{o}-{n} → CS{o}-{n},CR{a}.{n} → C{a}.{n}',
        ]);
    });

    it('the same words in other paragraphs is a change, said as such', async () => {
        const text = (accessibility: string) => `certification R "Exemple"
  accessibilité "${accessibility}"
bloc 1 "Bloc"
  activité A1 "Activité"
    compétence C1 "Première."
  modalité E1 "Étude"
    évalue C1
    critère CR1 "Critère."
`;
        const diff = await compare(
            { 'a.ref': text('Le référent handicap aménage les épreuves.\n\n    Le jury peut exempter un candidat de certains critères.') },
            { 'a.ref': text('Le référent handicap aménage les épreuves.\n    Le jury peut exempter un candidat de certains critères.') },
        );
        expect(diffToText(diff, { language: 'en', paths })).toContain('    ~ accessibility: same words, paragraphs or list items changed\n');
        expect(diffToText(diff, { language: 'fr', paths })).toContain('    ~ accessibilité\u00a0: mêmes mots, paragraphes ou éléments de liste modifiés\n');
    });

    it('findings are compared without the places they name: a line moved is not a finding resolved and introduced', async () => {
        const text = (comment: string) => `${HEADER}${comment}
bloc 1 "Bloc"
  activité A1 "Activité"
    compétence C1 "Première."
    compétence C1 "Doublon."
  modalité E1 "Étude"
    évalue C1
    critère CR1 "Critère."
`;
        const diff = await compare({ 'a.ref': text('') }, { 'a.ref': text('// un commentaire\n// de plus\n') });
        expect(diff.findings).toEqual({ introduced: [], resolved: [] });
        expect(diff.certifications).toEqual([]);
    });
});

describe('the Markdown report is safe to post', () => {
    it('référentiel text cannot inject HTML, links or Markdown into a pull-request comment', async () => {
        const hostile = '<script>alert(1)</script> [clic](javascript:alert(1)) **gras** `code` | col';
        const before = `${HEADER}
bloc 1 "Bloc"
  activité A1 "Activité"
    compétence C1 "Première."
  modalité E1 "Étude"
    évalue C1
    critère CR1 "Critère."
`;
        const after = before.replace('compétence C1 "Première."', `compétence C1 "Première."\n    compétence C2 "${hostile}"`);
        const markdown = diffToMarkdown(await compare({ 'a.ref': before }, { 'a.ref': after }), { language: 'en', paths });
        expect(markdown).toContain('« &lt;script&gt;alert(1)&lt;/script&gt; \\[clic\\](javascript:alert(1)) \\*\\*gras\\*\\* \\`code\\` \\| col »');
        expect(markdown).not.toContain('<script>');
        expect(markdown).not.toMatch(/[^\\]\[clic\]/);
    });
});
