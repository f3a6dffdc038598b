import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EmptyFileSystem, URI } from 'langium';
import { buildCertificationModel, createCertirefServices, criteriaOfModality, normalizeText } from 'certiref-language';
import { note, plainText, text, writeFiles, WriteFilesError, writeRef, type DraftCertification } from 'certiref-import';
import { checkTexts } from '../helpers.js';

const temp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'certiref-write-'));

function draft(overrides: Partial<DraftCertification> = {}): DraftCertification {
    return {
        id: 'T',
        title: 'Titre',
        sections: [],
        accessibility: [text('Aménagements pour les candidats en situation de handicap.')],
        blocs: [{
            id: '1',
            title: 'Bloc',
            activities: [{ id: 'A1', title: 'Activité', competencies: [{ id: 'C1', text: text('Première.') }, { id: 'C2', text: text('Deuxième.') }] }],
            modalities: [{
                title: 'Étude de cas', deliverables: [], evaluates: ['C1', 'C2'], parts: [],
                criteria: [{ id: 'CR1', judges: ['C1'], text: text('Premier critère.') }, { judges: ['C2'], text: text('Sans identifiant.') }],
            }],
            options: [],
        }],
        ...overrides,
    };
}

async function read(files: Array<{ path: string; text: string }>) {
    return checkTexts(Object.fromEntries(files.map((f) => [f.path, f.text])));
}

describe('write-ref: a draft as .ref files', () => {
    it('one main file and one per bloc (partie de ID), in the canonical layout; juge only where the language would not infer it', async () => {
        const { files } = writeRef(draft());
        expect(files.map((f) => f.path)).toEqual(['certification.ref', 'bloc-1.ref']);
        expect(files[1].text).toBe([
            'partie de T',
            '',
            'bloc 1 "Bloc"',
            '  activité A1 "Activité"',
            '    compétence C1 "Première."',
            '    compétence C2 "Deuxième."',
            '  modalité "Étude de cas"',
            '    évalue C1, C2',
            // CR1 judges C1 by the conventions; the criterion without an id needs its juge
            '    critère CR1 "Premier critère."',
            '    critère juge C2 "Sans identifiant."',
            '',
        ].join('\n'));
        const { findings } = await read(files);
        expect(findings).toEqual([]);
    });

    it('texts escaped as the grammar requires: straight quotes, backslashes, «\u00a0guillemets\u00a0», a """ inside', async () => {
        const tricky = 'Il dit "oui" \\ puis « non » ; C:\\dossier\\"x" et """trois""" — fin';
        const d = draft();
        d.blocs[0].activities[0].competencies[0].text = text(tricky);
        d.blocs[0].title = 'Un "titre" \\ avec barre';
        const { files } = writeRef(d);
        const { models, findings } = await read(files);
        expect(findings.filter((f) => f.rule === 'syntax-error')).toEqual([]);
        expect(models[0].blocs[0].activities[0].competencies[0].text).toBe(tricky);
        expect(models[0].blocs[0].title).toBe('Un "titre" \\ avec barre');
    });

    it('ids the language cannot read are made readable and said in a note; references follow', async () => {
        const d = draft();
        d.blocs[0].activities[0].competencies[0].id = 'C 111';
        d.blocs[0].modalities[0].evaluates = ['C 111', 'C2'];
        d.blocs[0].modalities[0].criteria[0] = { judges: ['C 111'], text: text('Critère.') };
        const { files, notes } = writeRef(d);
        const { models, findings } = await read(files);
        expect(findings.map((f) => f.rule)).toEqual(['review-note']);
        const c = models[0].blocs[0].activities[0].competencies[0];
        expect(c.id).toBe('C111');
        expect(c.criteria.map((x) => x.text)).toEqual(['Critère.']);
        expect(notes).toHaveLength(1);
        expect(notes[0].note.en).toBe('the competency id is written "C 111" in the source, which the language does not read as an id: it becomes C111.');
    });

    it('notes above their element, loose text kept verbatim under its note, nothing dropped', async () => {
        const d = draft();
        d.blocs[0].activities[0].notes = [note('à vérifier', 'to check')];
        d.blocs[0].loose = [{ text: [{ text: 'Ligne "une"' }, { text: 'ligne */ deux // trois' }], notes: [note('texte à placer', 'text to place')] }];
        const { files, notes } = writeRef(d);
        const bloc = files[1].text;
        // the bloc's loose text at its head, then the activity's note right above it
        expect(bloc).toContain('bloc 1 "Bloc"\n  // à revoir\u00a0: texte à placer\n  // to review: text to place\n  // > Ligne "une"\n  // > ligne */ deux // trois\n'
            + '  // à revoir\u00a0: à vérifier\n  // to review: to check\n  activité A1 "Activité"');
        expect(notes.map((n) => [n.file, n.line, n.column, n.note.en])).toEqual([['bloc-1.ref', 4, 3, 'text to place'], ['bloc-1.ref', 8, 3, 'to check']]);
        const { findings } = await read(files);
        expect(findings.map((f) => `${f.file}:${f.line}:${f.rule}:${f.severity}`)).toEqual(['bloc-1.ref:4:review-note:3', 'bloc-1.ref:8:review-note:3']);
    });

    it('English keywords on request; ranges for runs of ids; a range criterion', async () => {
        const d = draft();
        d.blocs[0].activities[0].competencies.push({ id: 'C3', text: text('Troisième.') });
        d.blocs[0].modalities[0].evaluates = ['C1', 'C2', 'C3'];
        d.blocs[0].modalities[0].criteria = [{ id: 'CR1', rangeEnd: '3', judges: ['C1', 'C2', 'C3'], text: text('Les trois.') }];
        const fr = writeRef(d).files[1].text;
        expect(fr).toContain('évalue C1 à C3');
        expect(fr).toContain('critère CR1 à 3 "Les trois."');
        const en = writeRef(d, { keywords: 'en' }).files[1].text;
        expect(en).toContain('part of T');
        expect(en).toContain('evaluates C1 to C3');
        expect(en).toContain('criterion CR1 to 3 "Les trois."');
        const { models } = await read(writeRef(d, { keywords: 'en' }).files);
        expect(criteriaOfModality(models[0].blocs[0].modalities[0])[0].judges.map((c) => c.id)).toEqual(['C1', 'C2', 'C3']);
    });

    it('any text reads back as the language reads it, however it is wrapped (property)', async () => {
        const char = fc.oneof(
            fc.constantFrom(' ', ' ', ' ', '\u00a0', '\u202f', '"', '\\', '«', '»', '’', '-', '•', '1', '.', ')', ':', ';', '?', '!', 'é', 'œ', '\t', 'a', 'b', 'C', '/', '*'),
            fc.string({ minLength: 1, maxLength: 12 }).filter((x) => !/[\r\n\u2028\u2029]/.test(x)),
        );
        const paragraph = fc.array(char, { minLength: 1, maxLength: 80 }).map((cs) => cs.join('')).filter((x) => x.trim().length > 0);
        const item = fc.option(fc.record({ ordered: fc.boolean(), level: fc.integer({ min: 0, max: 2 }) }), { nil: undefined });
        // one set of services for every case: parse the files and build the model, as the language does
        const { shared } = createCertirefServices(EmptyFileSystem);
        const competency = async (paragraphs: Array<{ text: string; item?: { ordered: boolean; level: number } }>, width: number) => {
            const d = draft();
            d.blocs[0].activities[0].competencies[0].text = paragraphs;
            const documents = writeRef(d, { width }).files.map((f) => shared.workspace.LangiumDocumentFactory.fromString(f.text, URI.file(`/p/${f.path}`)));
            for (const doc of documents) expect(doc.parseResult.lexerErrors.length + doc.parseResult.parserErrors.length).toBe(0);
            return buildCertificationModel('T', documents).blocs[0].activities[0].competencies[0].text;
        };
        await fc.assert(fc.asyncProperty(fc.array(fc.record({ text: paragraph, item }), { minLength: 1, maxLength: 6 }), async (paragraphs) => {
            // cut at 40 columns or not cut at all: the same text for the language
            expect(await competency(paragraphs, 40)).toBe(await competency(paragraphs, 100_000));
            // plain paragraphs: exactly what the language makes of them written by hand, a blank line apart
            const plain = paragraphs.map((p) => ({ text: p.text }));
            const typed = plain.some((p) => /^([-•–*·▪◦]|\d{1,2}[.)])\s/.test(p.text.trimStart()));
            if (!typed) expect(await competency(plain, 40)).toBe(normalizeText(plain.map((p) => p.text).join('\n\n')));
        }), { numRuns: 100 });
    }, 120_000);
});

describe('write-files: never over a file unless asked, then atomically', () => {
    const files = [{ path: 'a.ref', text: 'un\n' }, { path: 'b.ref', text: 'deux\n' }];

    it('writes new files, leaves identical ones alone, refuses a changed one without force and then writes nothing', () => {
        const dir = temp();
        expect(writeFiles(dir, files).written.map((f) => path.basename(f))).toEqual(['a.ref', 'b.ref']);
        expect(writeFiles(dir, files)).toEqual({ written: [], unchanged: [path.join(dir, 'a.ref'), path.join(dir, 'b.ref')] });
        fs.writeFileSync(path.join(dir, 'b.ref'), 'modifié\n');
        const changed = [{ path: 'a.ref', text: 'UN\n' }, { path: 'b.ref', text: 'DEUX\n' }];
        expect(() => writeFiles(dir, changed)).toThrow(WriteFilesError);
        try {
            writeFiles(dir, changed);
        } catch (e) {
            expect((e as WriteFilesError).reason).toBe('exists');
            expect((e as WriteFilesError).files).toEqual([path.join(dir, 'a.ref'), path.join(dir, 'b.ref')]);
        }
        // nothing written: a.ref is refused too, and b.ref keeps its edit
        expect(fs.readFileSync(path.join(dir, 'a.ref'), 'utf8')).toBe('un\n');
        expect(fs.readFileSync(path.join(dir, 'b.ref'), 'utf8')).toBe('modifié\n');
        writeFiles(dir, changed, { force: true });
        expect(fs.readdirSync(dir).sort()).toEqual(['a.ref', 'b.ref']);
        expect(fs.readFileSync(path.join(dir, 'b.ref'), 'utf8')).toBe('DEUX\n');
    });

    it('keeps a replaced file\'s mode; never follows a link or writes outside its folder', () => {
        const dir = temp();
        writeFiles(dir, files);
        fs.chmodSync(path.join(dir, 'a.ref'), 0o640);
        writeFiles(dir, [{ path: 'a.ref', text: 'autre\n' }], { force: true });
        expect(fs.statSync(path.join(dir, 'a.ref')).mode & 0o777).toBe(0o640);
        const target = path.join(temp(), 'elsewhere.ref');
        fs.writeFileSync(target, 'ailleurs\n');
        fs.symlinkSync(target, path.join(dir, 'link.ref'));
        expect(() => writeFiles(dir, [{ path: 'link.ref', text: 'x\n' }], { force: true })).toThrow(/n'est pas un fichier ordinaire/);
        expect(fs.readFileSync(target, 'utf8')).toBe('ailleurs\n');
        expect(() => writeFiles(dir, [{ path: '../evil.ref', text: 'x\n' }])).toThrow(/outside the folder/);
    });

    it('a folder it cannot write into: an error that says which file, and no temporary file left', () => {
        if (process.getuid?.() === 0) {
            // root writes anywhere: a file where the folder should be fails for everyone
            const dir = temp();
            fs.writeFileSync(path.join(dir, 'blocked'), '');
            expect(() => writeFiles(path.join(dir, 'blocked'), files)).toThrow(/cannot write \(E(NOTDIR|EXIST)\)/);
            return;
        }
        const dir = temp();
        fs.chmodSync(dir, 0o500);
        expect(() => writeFiles(dir, files)).toThrow(/a\.ref : écriture impossible \/ cannot write \(EACCES\)/);
        expect(fs.readdirSync(dir)).toEqual([]);
    });
});

void plainText;
