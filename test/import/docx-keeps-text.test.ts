import { describe, expect, it } from 'vitest';
import { EmptyFileSystem, URI } from 'langium';
import { createCertirefServices } from 'certiref-language';
import { writeRef, type DraftActivity, type DraftCertification } from 'certiref-import';
import { importDocx } from 'certiref-import/docx';
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';

/**
 * An id at the start of a paragraph of a competency or activity cell that the import already
 * knows, or that has no text of its own: the text around it is never dropped (issue 16, found by
 * test/import/docx-random.test.ts). Each document is the smallest that lost a word before.
 */

type Cell = string | { items: string[] };
const paragraphsOf = (cell: Cell) => (typeof cell === 'string'
    ? cell.split('\n').map((t) => new Paragraph(t))
    : cell.items.map((t) => new Paragraph({ text: t, numbering: { reference: 'n', level: 0 } })));

/** A Word document: its title, a bloc heading (when given), and tables of a header row and rows of cells. */
async function documentOf(tables: Array<{ header: string[]; rows: Cell[][] }>, bloc?: string): Promise<Buffer> {
    const children: Array<Paragraph | Table> = [new Paragraph({ text: 'Titre du référentiel', heading: HeadingLevel.TITLE })];
    if (bloc) children.push(new Paragraph({ text: bloc, heading: HeadingLevel.HEADING_1 }));
    for (const t of tables) {
        children.push(new Table({
            rows: [
                new TableRow({ tableHeader: true, children: t.header.map((h) => new TableCell({ children: [new Paragraph(h)] })) }),
                ...t.rows.map((r) => new TableRow({ children: r.map((c) => new TableCell({ children: paragraphsOf(c) })) })),
            ],
        }));
        children.push(new Paragraph(''));
    }
    return Packer.toBuffer(new Document({
        numbering: { config: [{ reference: 'n', levels: [{ level: 0, format: 'decimal', text: '%1.' }] }] },
        sections: [{ children }],
    }));
}

/** Imports a document; its files must parse. */
async function imported(bytes: Buffer): Promise<{ draft: DraftCertification; text: string }> {
    const { draft } = await importDocx(bytes, 'référentiel.docx');
    const { files } = writeRef(draft);
    const { shared } = createCertirefServices(EmptyFileSystem);
    for (const f of files) {
        const doc = shared.workspace.LangiumDocumentFactory.fromString(f.text, URI.file(`/keeps-text/${f.path}`));
        expect(doc.parseResult.lexerErrors.length + doc.parseResult.parserErrors.length, f.text).toBe(0);
    }
    return { draft, text: files.map((f) => f.text).join('\n') };
}

const activities = (draft: DraftCertification): DraftActivity[] => draft.blocs.flatMap((b) => b.activities);
const competencies = (draft: DraftCertification) => activities(draft).flatMap((a) => a.competencies.map((k) => ({ id: k.id, text: k.text.map((p) => p.text).join('\n'), loose: (k.loose ?? []).map((l) => l.text.map((p) => p.text).join('\n')) })));

describe('certiref import docx keeps the text around ids it knows or that have no text', () => {
    it('a competency id written again in its cell with another text: that text is kept on the competency, with a note (issue 16)', async () => {
        const bytes = await documentOf([{ header: ['Compétences', "Critères d'évaluation"], rows: [['A3\nanalyser\nA3 E1 analyser', 'analyser']] }], 'Bloc 1 : analyser');
        const { draft, text } = await imported(bytes);
        expect(competencies(draft)).toEqual([{ id: 'A3', text: 'analyser', loose: ['E1 analyser'] }]);
        expect(text).toContain('// > E1 analyser');
        expect(text).toContain('// à revoir\u00a0: la compétence A3 est nommée à nouveau (tableau 1, ligne 2) avec un autre texte\u00a0: ce texte est gardé ici.');
        expect(text).toContain('// to review: competency A3 is named again (table 1, row 2) with another text: that text is kept here.');
    });

    it('a competency named again in a later table: the same text (or a part of it) only names it; another wording is kept on it', async () => {
        const bytes = await documentOf([
            { header: ['Activités', 'Compétences', "Modalités d'évaluation"], rows: [['A1 Gérer le projet', 'C1 Planifier les délais du projet\nC2 Suivre le budget', 'Étude de cas']] },
            { header: ['Compétences', "Critères d'évaluation"], rows: [['C1 Planifier les délais', 'CR1 Le planning est réaliste'], ['C2 Suivre le budget et en rendre compte', 'CR2 Les écarts sont expliqués']] },
        ], 'Bloc 1 : Piloter');
        const { draft, text } = await imported(bytes);
        expect(competencies(draft)).toEqual([
            { id: 'C1', text: 'Planifier les délais du projet', loose: [] },
            { id: 'C2', text: 'Suivre le budget', loose: ['Suivre le budget et en rendre compte'] },
        ]);
        expect(text.match(/nommée à nouveau/g)).toHaveLength(1);
        expect(text).toContain('la compétence C2 est nommée à nouveau (tableau 2, ligne 3)');
        // the criteria still judge the competencies their rows name
        const criteria = draft.blocs.flatMap((b) => b.modalities.flatMap((m) => m.criteria));
        expect(criteria.map((c) => [c.id, c.judges])).toEqual([['CR1', ['C1']], ['CR2', ['C2']]]);
    });

    it('a competency id without a text (« C1. » then the next id, an id alone in its cell): kept as written, with a note', async () => {
        const bytes = await documentOf([
            { header: ['Compétences', "Critères d'évaluation"], rows: [['C1.\nC2 Planifier les délais', 'Le planning est réaliste'], ['C 111', 'Le budget est tenu']] },
        ], 'Bloc 1 : Piloter');
        const { draft, text } = await imported(bytes);
        expect(competencies(draft).map((k) => k.id)).toEqual(['C2']);
        const loose = draft.blocs[0].loose ?? [];
        expect(loose.map((l) => l.text.map((p) => p.text))).toEqual([['C1'], ['C 111']]);
        expect(text).toContain("// à revoir\u00a0: l'identifiant C1 est écrit sans texte de compétence (tableau 1, ligne 2)\u00a0: il est gardé ici.");
        expect(text).toContain('// to review: id C 111 is written without a competency text (table 1, row 3): it is kept here.');
        expect(text).toContain('// > C1');
    });

    it('an activity id without a title: the activity it names when there is one, else kept as written, with a note', async () => {
        const bytes = await documentOf([
            // « A3 » then « Analyser » as numbered items: two items, the first only an id
            { header: ["Référentiel d'activités", 'Référentiel de compétences', "Référentiel d'évaluation"], rows: [[{ items: ['A3', 'Analyser le besoin'] }, 'C1 Recueillir la demande', 'Étude de cas']] },
            // « A1 » alone: the activity A1 read above (its competencies go under it)
            { header: ['Activités', 'Compétences'], rows: [['A1 Gérer le projet', 'C2 Planifier les délais'], ['A1', 'C3 Suivre le budget']] },
        ], 'Bloc 1 : Piloter');
        const { draft, text } = await imported(bytes);
        expect(activities(draft).map((a) => [a.id, a.title, a.competencies.map((k) => k.id)])).toEqual([
            ['A1.1', 'Analyser le besoin', ['C1']],
            ['A1', 'Gérer le projet', ['C2', 'C3']],
        ]);
        expect(text).toContain("// à revoir\u00a0: l'identifiant A3 est écrit sans texte d'activité (tableau 1, ligne 2)\u00a0: il est gardé ici.");
        expect(text).toContain('// > A3');
    });
});
