import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EmptyFileSystem, URI } from 'langium';
import { createCertirefServices } from 'certiref-language';
import { writeRef } from 'certiref-import';
import { importDocx } from 'certiref-import/docx';
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';

/**
 * Random Word référentiels (headings, paragraphs, tables of any of the usual headers, merged
 * cells, lists, ids, quotes, backslashes, no-break spaces): the import never throws, its files
 * always parse, and no word of the document is lost — each is in the files, in a text, an id or
 * a comment (the words of headers and headings, which only name the structure, aside).
 * 40 cases here; CERTIREF_IMPORT_RUNS=400 runs more (about a minute).
 */
const WORDS = ['analyser', 'le', 'client', 'budget', 'l’équipe', 'délais', '«\u00a0note\u00a0»', 'Il dit "oui"', 'a\\b', 'coût\u00a0;', 'prêt\u202f?', '(C12)', 'C1.', 'CR2-1', 'A3', 'E1', '—', '1.', '-', '•', 'C\u00a0111', 'x*/y', '// z', '"""', 'œuvre'];
const text = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 8 }).map((w) => w.join(' '));
const paragraphs = fc.array(fc.record({ text, list: fc.constantFrom(undefined, 'bullet', 'number'), bold: fc.boolean() }), { minLength: 1, maxLength: 4 });
const HEADERS = [
    ["Référentiel d'activités", 'Référentiel de compétences', "Référentiel d'évaluation"],
    ['Activités', 'Compétences', "Modalités d'évaluation", "Critères d'évaluation"],
    ['Compétences', "Critères d'évaluation"],
    ['Activités'],
    ['Compétences évaluées', 'Moyens', 'Résultats attendus'],
];
const table = fc.record({
    header: fc.integer({ min: 0, max: HEADERS.length - 1 }),
    rows: fc.array(fc.array(fc.record({ content: paragraphs, down: fc.integer({ min: 1, max: 3 }) }), { minLength: 4, maxLength: 4 }), { minLength: 1, maxLength: 5 }),
});
const block = fc.oneof(
    fc.record({ kind: fc.constant('heading' as const), bloc: fc.integer({ min: 1, max: 3 }), title: text }),
    fc.record({ kind: fc.constant('paragraphs' as const), content: paragraphs }),
    fc.record({ kind: fc.constant('table' as const), table }),
);
type Block = typeof block extends fc.Arbitrary<infer T> ? T : never;
type Para = { text: string; list?: string; bold: boolean };

let numbered = 0;
function wordParagraphs(content: Para[]): Paragraph[] {
    const instance = ++numbered;
    return content.map((p) => new Paragraph({
        children: [new TextRun({ text: p.text, bold: p.bold })],
        bullet: p.list === 'bullet' ? { level: 0 } : undefined,
        numbering: p.list === 'number' ? { reference: 'n', level: 0, instance } : undefined,
    }));
}

async function documentOf(blocks: Block[]): Promise<{ bytes: Buffer; words: string[] }> {
    const words: string[] = [];
    const children: Array<Paragraph | Table> = [new Paragraph({ text: 'Titre du référentiel', heading: HeadingLevel.TITLE })];
    for (const b of blocks) {
        if (b.kind === 'heading') {
            children.push(new Paragraph({ text: `Bloc ${b.bloc} : ${b.title}`, heading: HeadingLevel.HEADING_1 }));
            words.push(...b.title.split(' '));
        } else if (b.kind === 'paragraphs') {
            children.push(...wordParagraphs(b.content));
            words.push(...b.content.flatMap((p) => p.text.split(' ')));
        } else {
            const header = HEADERS[b.table.header];
            const columns = header.length;
            // cells merged down: a cell covers the rows below it it says, within the table
            const covered = new Set<string>();
            const rows = [new TableRow({ tableHeader: true, children: header.map((h) => new TableCell({ children: [new Paragraph(h)] })) })];
            b.table.rows.forEach((row, r) => {
                const cells: TableCell[] = [];
                for (let c = 0; c < columns; c++) {
                    if (covered.has(`${r},${c}`)) continue;
                    const span = Math.min(row[c].down, b.table.rows.length - r);
                    for (let k = 1; k < span; k++) covered.add(`${r + k},${c}`);
                    cells.push(new TableCell({ rowSpan: span, children: wordParagraphs(row[c].content) }));
                    words.push(...row[c].content.flatMap((p) => p.text.split(' ')));
                }
                rows.push(new TableRow({ children: cells }));
            });
            children.push(new Table({ rows }));
        }
    }
    const document = new Document({
        numbering: { config: [{ reference: 'n', levels: [{ level: 0, format: 'decimal', text: '%1.' }] }] },
        sections: [{ children }],
    });
    return { bytes: await Packer.toBuffer(document), words };
}

// a fixed seed in npm test, so that a run fails for a change and not for a draw; another seed:
// CERTIREF_IMPORT_SEED=n (printed, as a failing draw prints its own)
const SEED = Number(process.env.CERTIREF_IMPORT_SEED) || 20261201;
console.log(`import docx property: seed ${SEED}`);

describe('certiref import docx on random Word référentiels', () => {
    it('never throws, always writes files that parse, never loses a word (property)', async () => {
        const { shared } = createCertirefServices(EmptyFileSystem);
        await fc.assert(fc.asyncProperty(fc.array(block, { minLength: 1, maxLength: 6 }), async (blocks) => {
            const { bytes, words } = await documentOf(blocks);
            const { draft } = await importDocx(bytes, 'aléatoire.docx');
            const { files } = writeRef(draft);
            for (const f of files) {
                const doc = shared.workspace.LangiumDocumentFactory.fromString(f.text, URI.file(`/random/${f.path}`));
                expect(doc.parseResult.lexerErrors.length + doc.parseResult.parserErrors.length, f.text).toBe(0);
            }
            // the files' texts as the language reads them (escapes undone), their comments as written
            const all = files.map((f) => f.text).join('\n').replace(/\\(["\\])/g, '$1').replace(/\s+/g, ' ');
            for (const word of words) {
                // a word that only separated elements (a list marker, an id's full stop) may go
                if (/^(—|-|•|1\.)$/.test(word)) continue;
                const kept = word.replace(/^C1\.$/, 'C1').replace(/\s+/g, ' ');
                expect(all.includes(kept) || all.includes(kept.replace('\u00a0', '')), `${word} lost`).toBe(true);
            }
        }), { numRuns: Number(process.env.CERTIREF_IMPORT_RUNS) || 40, seed: SEED });
    }, 180_000);
});
