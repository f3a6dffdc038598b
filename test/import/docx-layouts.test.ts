import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { criteriaOfModality, type CertificationModel } from 'certiref-language';
import { countDraft, writeRef, type PlacedNote } from 'certiref-import';
import { importDocx } from 'certiref-import/docx';
import { loadFiles, WRITING_RULES } from '../helpers.js';
import { bytesOf, EVENT, fourColumns, numberedLists, threeColumns, threeTables, type Spec } from './documents.js';

/** The model as the tests compare it: every element, its ids, its texts, what it judges and evaluates. */
function project(model: CertificationModel) {
    return {
        id: model.id,
        title: model.title,
        rncp: model.rncp,
        level: model.level,
        certifier: model.certifier,
        blocs: model.blocs.map((b) => ({
            id: b.id,
            title: b.title,
            description: b.description,
            activities: b.activities.map((a) => ({ id: a.id, title: a.title, description: a.description, competencies: a.competencies.map((c) => ({ id: c.id, text: c.text })) })),
            modalities: b.modalities.map((m) => ({
                id: m.id,
                title: m.title,
                description: m.description,
                mode: m.mode,
                deliverables: m.deliverables,
                evaluates: m.evaluatedCompetencies.map((c) => c.id),
                criteria: criteriaOfModality(m).map((c) => ({ id: c.id, text: c.text, judges: c.judges.map((j) => j.id) })),
            })),
        })),
    };
}

function expected(spec: Spec, options: { ids?: Record<string, string>; criterionIds?: boolean; unsure?: string[]; modality?: { mode?: boolean; deliverables?: boolean; description?: boolean; id?: boolean } } = {}) {
    const id = (x: string) => options.ids?.[x] ?? x;
    return {
        id: spec.id,
        title: spec.title,
        rncp: spec.rncp,
        level: spec.level,
        certifier: spec.certifier,
        blocs: spec.blocs.map((b) => ({
            id: b.id,
            title: b.title,
            description: b.description,
            activities: b.activities.map((a) => ({ id: id(a.id), title: a.title, description: a.description, competencies: a.competencies.map((c) => ({ id: id(c.id), text: c.text })) })),
            modalities: b.modalities.map((m) => ({
                id: options.modality?.id === false ? undefined : m.id,
                title: m.title,
                description: options.modality?.description === false ? undefined : m.description,
                mode: options.modality?.mode === false ? undefined : m.mode,
                deliverables: options.modality?.deliverables === false ? [] : m.deliverables ?? [],
                evaluates: m.evaluates.map(id),
                criteria: m.criteria.map((c) => ({
                    id: options.criterionIds === false ? undefined : c.id,
                    text: c.text,
                    judges: options.unsure?.includes(c.text) ? [] : c.judges.map(id),
                })),
            })),
        })),
    };
}

/**
 * `CERTIREF_IMPORT_DOCUMENTS=folder` keeps each test document there (docs/tools/render-office.sh
 * renders them with LibreOffice, to look at them as their authors would).
 */
const KEEP = process.env.CERTIREF_IMPORT_DOCUMENTS;

/** Imports a document, writes its files into a fresh folder and reads them back with the language. */
async function roundTrip(bytes: Uint8Array, name: string) {
    if (KEEP) {
        fs.mkdirSync(KEEP, { recursive: true });
        fs.writeFileSync(path.join(KEEP, `${name}.docx`), bytes);
    }
    const imported = await importDocx(bytes, 'référentiel.docx');
    const written = writeRef(imported.draft);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'certiref-import-'));
    for (const f of written.files) fs.writeFileSync(path.join(dir, f.path), f.text);
    const { documents, models } = await loadFiles(written.files.map((f) => path.join(dir, f.path)));
    const diagnostics = documents.flatMap((d) => (d.diagnostics ?? []).map((x) => ({ file: path.basename(d.uri.path), line: x.range.start.line + 1, rule: (x.data as { rule: string }).rule })));
    return { imported, written, dir, models, diagnostics, counts: countDraft(imported.draft) };
}

/** The notes as written: each at a line that holds its French comment, followed by its English one. */
function checkPlaces(dir: string, notes: PlacedNote[]) {
    for (const n of notes) {
        const lines = fs.readFileSync(path.join(dir, n.file), 'utf8').split('\n');
        expect(lines[n.line - 1].slice(n.column - 1)).toBe(`// à revoir\u00a0: ${n.note.fr}`);
        expect(lines[n.line].trim()).toBe(`// to review: ${n.note.en}`);
    }
}

const SYNTAX = (d: { rule: string }) => d.rule === 'syntax-error';
const EVENT_IDS_CRITERIA = EVENT.blocs.flatMap((b) => b.modalities.flatMap((m) => m.criteria));
const allCriteria = (spec: Spec) => spec.blocs.flatMap((b) => b.modalities.flatMap((m) => m.criteria));

describe('certiref import docx: the usual layouts of a Word référentiel', () => {
    it('one three-column table per bloc, activities merged down their competencies, ids in the text (« C1. », « CR1 : », « CS2-1. », « CR2-1 : »), bulleted criteria', async () => {
        const r = await roundTrip(await bytesOf(threeColumns(EVENT, { ids: true, merged: (b) => b.id === '1' })), 'three-columns');
        expect(r.diagnostics.filter(SYNTAX)).toEqual([]);
        expect(r.models).toHaveLength(1);
        // every element, texts verbatim (French typography included), what each criterion judges
        expect(project(r.models[0])).toEqual(expected(EVENT, { modality: { mode: false, deliverables: false } }));
        // the only place to look: the certification's id, made from the title
        expect(r.written.notes.map((n) => [n.file, n.line])).toEqual([['certification.ref', 1]]);
        checkPlaces(r.dir, r.written.notes);
        expect(r.counts).toMatchObject({ blocs: 2, activities: 4, competencies: 7, modalities: 2, criteria: 8, notes: 1 });
        // accessibility: its heading is kept as the first paragraph of the provision
        expect(r.models[0].accessibility).toEqual([`Accessibilité aux personnes en situation de handicap\n\n${EVENT.accessibility}`]);
        // nothing else to say of its coherence: no finding but the note (how it is written — no
        // purpose, no level — is the drafting and dossier rules' business, tested on their own)
        expect(r.diagnostics.filter((d) => d.rule !== 'review-note' && !(WRITING_RULES as readonly string[]).includes(d.rule)).map((d) => d.rule)).toEqual([]);
    });

    it('the same without any id: the import numbers the elements and says so; criteria in a cell over several competencies are notes', async () => {
        const r = await roundTrip(await bytesOf(threeColumns(EVENT, { ids: false, merged: (b) => b.id === '1' })), 'three-columns-no-ids');
        expect(r.diagnostics.filter(SYNTAX)).toEqual([]);
        const model = project(r.models[0]);
        // bloc 1: its evaluation cell spans the bloc, so no criterion can say which competency it judges;
        // C3's two paragraphs, without an id to hold them together, are two competencies (a note says so)
        const spec: Spec = structuredClone(EVENT);
        const c3 = spec.blocs[0].activities[1].competencies[0];
        const [first, second] = c3.text.split('\n\n');
        spec.blocs[0].activities[1].competencies.splice(0, 1, { id: 'C3a', text: first }, { id: 'C3b', text: second });
        spec.blocs[0].modalities[0].evaluates = ['C1', 'C2', 'C3a', 'C3b', 'C4'];
        const ids = { A1: 'A1.1', A2: 'A1.2', C1: 'C1.1', C2: 'C1.2', C3a: 'C1.3', C3b: 'C1.4', C4: 'C1.5', A3: 'A2.1', A4: 'A2.2', 'CS2-1': 'C2.1', 'CS2-2': 'C2.2', 'CS2-3': 'C2.3' };
        expect(model).toEqual(expected(spec, { ids, criterionIds: false, unsure: spec.blocs[0].modalities[0].criteria.map((c) => c.text), modality: { id: false, mode: false, deliverables: false } }));
        // notes: the certification's id, the ids given per bloc, the split cell, and each of bloc 1's four criteria
        const notes = r.written.notes.map((n) => `${n.file}:${n.line}`);
        expect(notes).toHaveLength(1 + 2 + 1 + 4);
        checkPlaces(r.dir, r.written.notes);
        expect(r.written.notes.filter((n) => /plusieurs compétences \(C1\.1, C1\.2, C1\.3, C1\.4, C1\.5/.test(n.note.fr))).toHaveLength(4);
        expect(r.written.notes.some((n) => /2 paragraphes sans identifiant/.test(n.note.fr))).toBe(true);
        // the checker reports those criteria too, beside their notes
        expect(r.diagnostics.filter((d) => d.rule === 'criterion-without-competency')).toHaveLength(4);
    });

    it('one four-column table for the whole référentiel (criteria apart, numbered), blocs as rows over the whole width, « Activité 1 : »', async () => {
        const r = await roundTrip(await bytesOf(fourColumns(EVENT, { ids: true })), 'four-columns');
        expect(r.diagnostics.filter(SYNTAX)).toEqual([]);
        // activities numbered again in each bloc: bloc 2's « Activité 1 » becomes A2.1, said in a note
        const ids = { A3: 'A2.1', A4: 'A2.2' };
        expect(project(r.models[0])).toEqual(expected(EVENT, { ids, modality: { id: false } }));
        expect(r.written.notes.map((n) => n.note.en)).toEqual([
            expect.stringMatching(/no short id/),
            'ids made from the words of the document: Activité 1 → A1, Activité 2 → A2.',
            'ids made from the words of the document: Activité 1 → A2.1, Activité 2 → A2.2.',
        ]);
        checkPlaces(r.dir, r.written.notes);
        // the table's title heading stays as the certification's description, never lost
        expect(r.models[0].description).toBe('Référentiel d’activités, de compétences et d’évaluation');
    });

    it('the three référentiels as three tables one after the other, the evaluation table naming its competencies', async () => {
        const r = await roundTrip(await bytesOf(threeTables(EVENT, { ids: true })), 'three-tables');
        expect(r.diagnostics.filter(SYNTAX)).toEqual([]);
        // competencies follow the activities row for row; criteria judge the competency of their row (written « juge »)
        expect(project(r.models[0])).toEqual(expected(EVENT, { criterionIds: false, modality: { id: false, mode: false, deliverables: false } }));
        expect(r.written.notes).toHaveLength(1);
        expect(r.diagnostics.filter((d) => d.rule !== 'review-note' && !(WRITING_RULES as readonly string[]).includes(d.rule))).toEqual([]);
        const bloc1 = fs.readFileSync(path.join(r.dir, 'bloc-1.ref'), 'utf8');
        expect(bloc1).toContain('critère juge C1 "Les besoins du client sont identifiés de manière exhaustive."');
        expect(bloc1).toContain('évalue C1 à C4');
    });

    it('numbered lists and multi-paragraph cells, no ids at all: several competencies and criteria per row', async () => {
        const r = await roundTrip(await bytesOf(numberedLists(EVENT)), 'numbered-lists');
        expect(r.diagnostics.filter(SYNTAX)).toEqual([]);
        // the list items are the elements; the paragraph under an item belongs to it (C3 keeps its two paragraphs)
        const ids = { A1: 'A1.1', A2: 'A1.2', C1: 'C1.1', C2: 'C1.2', C3: 'C1.3', C4: 'C1.4', A3: 'A2.1', A4: 'A2.2', 'CS2-1': 'C2.1', 'CS2-2': 'C2.2', 'CS2-3': 'C2.3' };
        // a row holds several competencies: its criteria cannot say which they judge (each a note), except in a row of one
        const unsure = allCriteria(EVENT).filter((c) => c.id !== 'CR2-3').map((c) => c.text);
        expect(project(r.models[0])).toEqual(expected(EVENT, { ids, criterionIds: false, unsure, modality: { id: false, mode: false, deliverables: false } }));
        expect(r.written.notes.filter((n) => /plusieurs compétences/.test(n.note.fr))).toHaveLength(unsure.length);
        checkPlaces(r.dir, r.written.notes);
        // bloc headings in bold (no heading style), « Bloc 2 - … »
        expect(r.models[0].blocs.map((b) => `${b.id} ${b.title}`)).toEqual(['1 Concevoir un projet événementiel', '2 Piloter la réalisation de l’événement']);
        void EVENT_IDS_CRITERIA;
    });

    it('a column the language has no place for (« Moyens mis à disposition »): its text under the competency of its row, said once', async () => {
        const { Document, Paragraph, Table, TableRow, TableCell, TextRun, HeadingLevel } = await import('docx');
        const cell = (text: string, bold = false) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });
        const document = new Document({ sections: [{ children: [
            new Paragraph({ text: 'Technicien supérieur', heading: HeadingLevel.TITLE }),
            new Paragraph({ text: 'Bloc 1 : Installer un réseau', heading: HeadingLevel.HEADING_1 }),
            new Table({ rows: [
                new TableRow({ tableHeader: true, children: ['Compétences', 'Moyens mis à disposition', 'Résultats attendus'].map((h) => cell(h, true)) }),
                new TableRow({ children: [cell('C1.1 Installer les équipements'), cell('Un local technique, les équipements'), cell('Les équipements sont installés selon le plan.')] }),
                new TableRow({ children: [cell('C1.2 Tester le réseau'), cell('Un testeur de câbles'), cell('Les tests sont consignés.')] }),
            ] }),
        ] }] });
        const r = await roundTrip(await bytesOf(document), 'other-column');
        expect(r.diagnostics.filter(SYNTAX)).toEqual([]);
        const bloc = r.models[0].blocs[0];
        expect(bloc.activities.flatMap((a) => a.competencies.map((c) => [c.id, c.text, c.criteria.map((x) => x.text)]))).toEqual([
            ['C1.1', 'Installer les équipements', ['Les équipements sont installés selon le plan.']],
            ['C1.2', 'Tester le réseau', ['Les tests sont consignés.']],
        ]);
        const text = fs.readFileSync(path.join(r.dir, 'bloc-1.ref'), 'utf8');
        expect(text).toContain('// > Un local technique, les équipements');
        expect(text).toContain('// > Un testeur de câbles');
        expect(r.written.notes.filter((n) => /«\sMoyens mis à disposition\s»/.test(n.note.fr))).toHaveLength(1);
    });

    it('rows indented in Word (w:gridBefore), which its reader places from the first column: said in a note', async () => {
        const JSZip = (await import('jszip')).default;
        const zip = await JSZip.loadAsync(await bytesOf(threeColumns(EVENT, { ids: true, merged: () => true })));
        const xml = await zip.file('word/document.xml')!.async('string');
        zip.file('word/document.xml', xml.replace('<w:tr>', '<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>'));
        const r = await roundTrip(await zip.generateAsync({ type: 'uint8array' }), 'grid-before');
        expect(r.written.notes.map((n) => n.note.en)).toContain('some table rows of the document start after empty columns (a row indent, "w:gridBefore"), which the import reads from the first column: check the elements of those rows.');
    });

    it('the same documents saved again by LibreOffice (another writer of Word files) give the same .ref files', async () => {
        // test/fixtures/import/*.libreoffice.docx: these tests' documents opened and saved by LibreOffice 7
        // (soffice --headless --convert-to 'docx:MS Word 2007 XML'): its own styles, numbering and merged cells
        const layouts: Array<[string, () => ReturnType<typeof threeColumns>]> = [
            ['three-columns', () => threeColumns(EVENT, { ids: true, merged: (b) => b.id === '1' })],
            ['four-columns', () => fourColumns(EVENT, { ids: true })],
            ['three-tables', () => threeTables(EVENT, { ids: true })],
            ['numbered-lists', () => numberedLists(EVENT)],
        ];
        for (const [name, build] of layouts) {
            const ours = writeRef((await importDocx(await bytesOf(build()), `${name}.docx`)).draft).files;
            const saved = fs.readFileSync(path.join(__dirname, '../fixtures/import', `${name}.libreoffice.docx`));
            const theirs = writeRef((await importDocx(saved, `${name}.docx`)).draft).files;
            expect(theirs, name).toEqual(ours);
        }
    });
});
