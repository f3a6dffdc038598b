import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { XMLParser } from 'fast-xml-parser';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listFiches, normaliseFicheNumber, readFiches, RncpExportError, scanExport, type Fiche, type ReadSummary } from 'certiref-rncp';
import { listFichesFrom, memoryExport, readFichesFrom } from 'certiref-rncp/core';
import { ROOT } from '../helpers.js';

const EXTRACT = path.join(ROOT, 'examples/rncp/export_fiches_RNCP_extract.xml');
const XML = fs.readFileSync(EXTRACT, 'utf8');
const NUMBERS = ['RNCP34762', 'RNCP35625', 'RNCP36612', 'RNCP37674', 'RNCP36490', 'RNCP39568'];

let dir: string;
beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'certiref-rncp-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function read(file: string, numbers?: string[], summary?: ReadSummary): Promise<Fiche[]> {
    const fiches: Fiche[] = [];
    for await (const fiche of readFiches(file, { numbers }, summary)) fiches.push(fiche);
    return fiches;
}

/** Reads a file expected to fail, and returns the error. */
async function failure(file: string, numbers?: string[]): Promise<RncpExportError> {
    try {
        await read(file, numbers);
    } catch (error) {
        expect(error).toBeInstanceOf(RncpExportError);
        return error as RncpExportError;
    }
    throw new Error(`${file} was read without error`);
}

function write(name: string, content: string | Buffer): string {
    const file = path.join(dir, name);
    fs.writeFileSync(file, content);
    return file;
}

/** 1-based line and column of the n-th occurrence of `needle` in the extract. */
function positionOf(text: string, needle: string, occurrence = 1): { line: number; column: number } {
    let index = -1;
    for (let i = 0; i < occurrence; i++) index = text.indexOf(needle, index + 1);
    const before = text.slice(0, index);
    const lines = before.split('\n');
    return { line: lines.length, column: [...lines[lines.length - 1]!].length + 1 };
}

describe('reading the extract', () => {
    it('reads its six fiches, in order, with what an independent XML parser reads', async () => {
        const summary: ReadSummary = { fiches: 0, missing: [] };
        const fiches = await read(EXTRACT, undefined, summary);
        expect(fiches.map((f) => f.number)).toEqual(NUMBERS);
        expect(summary.version).toBe('4.1');
        expect(summary.fiches).toBe(6);

        const parsed = new XMLParser({ trimValues: false, parseTagValue: false, isArray: (name) => ['FICHE', 'BLOC_COMPETENCES', 'PARTENAIRE', 'CERTIFICATEUR', 'NSF', 'ROME', 'FORMACODE', 'CORRESPONDANCE', 'STATISTIQUES_PROMOTION', 'PUBLICATION_JO', 'ANCIENNE_CERTIFICATION', 'NOUVELLE_CERTIFICATION'].includes(name) })
            .parse(XML).FICHES.FICHE as Array<Record<string, any>>;
        for (const [i, fiche] of fiches.entries()) {
            const other = parsed[i]!;
            expect(fiche.number).toBe(other.NUMERO_FICHE);
            expect(fiche.title).toBe(other.INTITULE);
            expect(fiche.id).toBe(other.ID_FICHE);
            expect(fiche.level?.code).toBe(other.NOMENCLATURE_EUROPE.NIVEAU);
            expect(fiche.blocs.map((b) => [b.code, b.title, b.competencies, b.modalities]))
                .toEqual(other.BLOCS_COMPETENCES.BLOC_COMPETENCES.map((b: any) => [b.CODE, b.LIBELLE, b.LISTE_COMPETENCES, b.MODALITES_EVALUATION]));
            expect(fiche.partners.length).toBe(other.PARTENAIRES?.PARTENAIRE.length ?? 0);
            expect(fiche.certifiers.map((c) => c.name)).toEqual(other.CERTIFICATEURS.CERTIFICATEUR.map((c: any) => c.NOM_CERTIFICATEUR));
            expect(fiche.nsf.map((c) => c.code)).toEqual((other.CODES_NSF?.NSF ?? []).map((c: any) => c.CODE));
            expect(fiche.rome.map((c) => c.code)).toEqual((other.CODES_ROME?.ROME ?? []).map((c: any) => c.CODE));
            expect(fiche.formacodes.map((c) => c.code)).toEqual((other.FORMACODES?.FORMACODE ?? []).map((c: any) => c.CODE));
            expect(fiche.correspondences.length).toBe(other.CORRESPONDANCES?.CORRESPONDANCE.length ?? 0);
            expect(fiche.statistics.length).toBe(other.STATISTIQUES_PROMOTIONS?.STATISTIQUES_PROMOTION.length ?? 0);
            expect(fiche.previous).toEqual((other.ANCIENNES_CERTIFICATIONS?.ANCIENNE_CERTIFICATION ?? []).map((c: any) => c.ID_FICHE_ANCIENNE_CERTIFICATION));
            expect(fiche.next).toEqual((other.NOUVELLES_CERTIFICATIONS?.NOUVELLE_CERTIFICATION ?? []).map((c: any) => c.ID_FICHE_NOUVELLE_CERTIFICATION));
            expect(fiche.texts.activities).toBe(other.ACTIVITES_VISEES);
            expect(fiche.texts.jobs).toBe(other.TYPE_EMPLOI_ACCESSIBLES);
            expect(fiche.accessRoutes.map((r) => r.route)).toEqual(['FI', 'CA', 'FC', 'CQ', 'CL', 'VAE']);
            // every element of the six fiches is read into a field
            expect(fiche.other).toEqual([]);
            expect(fiche.source).toEqual(positionOf(XML, '<FICHE>', i + 1));
        }
    });

    it('reads every field of RNCP37674 (a titre professionnel)', async () => {
        const [fiche] = await read(EXTRACT, ['RNCP37674']);
        expect(fiche).toMatchObject({
            id: '24208',
            number: 'RNCP37674',
            title: 'Développeur web et web mobile',
            abbreviation: { code: 'TP', label: 'Titre professionnel' },
            state: 'Publiée',
            active: true,
            registrationType: 'Enregistrement de droit',
            level: { code: 'NIV5', label: 'Niveau 5', value: 5 },
            dates: { effect: '01/09/2023', endOfRegistration: '01/09/2028', publication: '12/06/2023' },
            nsf: [{ code: '326t', label: 'Programmation, mise en place de logiciels' }],
            rome: [{ code: 'M1805', label: 'Études et développement informatique' }],
            certifiers: [{ siret: '11000007200014', name: 'MINISTERE DU TRAVAIL DU PLEIN EMPLOI ET DE L\' INSERTION', state: 'Actif', stateDate: '01/07/2023' }],
            hasPartners: true,
            previous: ['RNCP31114'],
            next: [],
            accessibleNewCaledonia: false,
            accessibleFrenchPolynesia: false,
            statistics: [{ year: '2021', certified: '3899', certifiedByVae: '0', employmentRate6Months: '60', jobRate2Years: '83' }],
            correspondences: [
                { source: [], fiche: 'RNCP31114', destination: [] },
                { source: ['RNCP37674BC01'], fiche: 'RNCP31114', destination: ['RNCP31114BC01'] },
                { source: ['RNCP37674BC02'], fiche: 'RNCP31114', destination: ['RNCP31114BC02'] },
            ],
        });
        expect(fiche!.formacodes.map((f) => f.code)).toEqual(['31090', '46357', '31006', '70710']);
        expect(fiche!.accessRoutes.map((r) => [r.route, r.open])).toEqual([['FI', false], ['CA', true], ['FC', true], ['CQ', true], ['CL', false], ['VAE', true]]);
        expect(fiche!.accessRoutes[1]!.jury).toMatch(/^Le jury du titre est habilité/);
        expect(fiche!.publications.map((p) => [p.kind, p.date])).toEqual([['general', '30/12/2015'], ['creation', '13/05/2023'], ['other', '13/05/2023']]);
        expect(fiche!.partners[0]).toMatchObject({ name: expect.any(String), siret: expect.stringMatching(/^\d{14}$/) });
        expect(fiche!.texts.regulations).toBe('Sans objet');
    });

    it('selects fiches by number, whatever its case, with or without RNCP, and says which are missing', async () => {
        const summary: ReadSummary = { fiches: 0, missing: [] };
        const fiches = await read(EXTRACT, ['rncp39568', '34762', 'RNCP99999'], summary);
        expect(fiches.map((f) => f.number)).toEqual(['RNCP34762', 'RNCP39568']);
        expect(summary.missing).toEqual(['RNCP99999']);
        expect(normaliseFicheNumber(' rs6626 ')).toBe('RS6626');
        expect(normaliseFicheNumber('RNCP-1')).toBeUndefined();
    });

    it('lists number and title of every fiche without parsing them', async () => {
        const list = await listFiches(EXTRACT);
        expect(list.map((e) => e.number)).toEqual(NUMBERS);
        expect(list[4]).toEqual({ number: 'RNCP36490', title: 'Concepteur développeur d\'applications' });
    });

    it('reads the zip as downloaded the same as the XML in it', async () => {
        const zip = new JSZip();
        zip.file('export_fiches_CSV_RNCP_v4_1_2026-01-01.xml', XML);
        const file = write('export-fiches-rncp-v4-1-2026-01-01.zip', await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
        const summary: ReadSummary = { fiches: 0, missing: [] };
        const fromZip = await read(file, ['RNCP36490'], summary);
        expect(fromZip).toEqual(await read(EXTRACT, ['RNCP36490']));
        expect(summary.entry).toBe('export_fiches_CSV_RNCP_v4_1_2026-01-01.xml');
        expect((await listFiches(file)).map((e) => e.number)).toEqual(NUMBERS);
    });

    it('reads an export held in memory (VS Code for the Web) as it reads the file: XML, or zip inflated piece by piece', async () => {
        const zip = new JSZip();
        zip.file('export.xml', XML);
        const zipped = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
        const fromFile = await read(EXTRACT, ['RNCP35625']);
        for (const bytes of [new TextEncoder().encode(XML), zipped]) {
            const summary: ReadSummary = { fiches: 0, missing: [] };
            const fiches: Fiche[] = [];
            for await (const fiche of readFichesFrom(memoryExport('export', bytes), { numbers: ['RNCP35625'] }, summary)) fiches.push(fiche);
            expect(fiches).toEqual(fromFile);
            expect(summary.fiches).toBe(6);
            expect((await listFichesFrom(memoryExport('export', bytes))).map((e) => e.number)).toEqual(NUMBERS);
        }
        const damaged = zipped.slice();
        damaged.fill(0, 200, 4000);
        await expect(listFichesFrom(memoryExport('damaged.zip', damaged))).rejects.toThrow(/damaged or incomplete|malformed XML/);
    });

    it('finds the same fiches at the same places whatever the size of the pieces the bytes come in', async () => {
        const bytes = Buffer.from(XML);
        const reference = await scanned([bytes]);
        await fc.assert(fc.asyncProperty(fc.array(fc.integer({ min: 1, max: 4000 }), { minLength: 1, maxLength: 30 }), async (sizes) => {
            const chunks: Buffer[] = [];
            for (let offset = 0, i = 0; offset < bytes.length; i++) {
                const size = sizes[i % sizes.length]!;
                chunks.push(bytes.subarray(offset, offset + size));
                offset += size;
            }
            expect(await scanned(chunks)).toEqual(reference);
        }), { numRuns: 40 });
        expect(reference.map((r) => r.number)).toEqual(NUMBERS);
    });
});

async function scanned(chunks: Buffer[]) {
    async function* source() {
        yield* chunks;
    }
    const found = [];
    for await (const fiche of scanExport(source(), 'x.xml')) found.push({ number: fiche.number, start: fiche.start, offset: fiche.offset, length: fiche.text().length });
    return found;
}

describe('a bad export gets a clear error with the line and column of the XML', () => {
    it('truncated inside a fiche: where the file ends, and which fiche', async () => {
        const cut = XML.slice(0, XML.indexOf('<BLOCS_COMPETENCES>', XML.indexOf('<NUMERO_FICHE>RNCP39568')) + 5);
        const error = await failure(write('cut.xml', cut), ['RNCP34762']);
        const lines = cut.split('\n');
        expect([error.line, error.column]).toEqual([lines.length, [...lines[lines.length - 1]!].length + 1]);
        expect(error.en).toContain('RNCP39568');
        expect(error.en).toContain('truncated');
        expect(error.fr).toContain('tronqué');
    });

    it('truncated between fiches: the export’s root is not closed', async () => {
        const cut = XML.slice(0, XML.lastIndexOf('</FICHES>'));
        const error = await failure(write('cut2.xml', cut));
        expect(error.en).toMatch(/malformed XML: unclosed tag: FICHES/);
        expect(error.line).toBe(cut.split('\n').length);
    });

    it('malformed inside the fiche asked for: the place in the export, not in the fiche', async () => {
        const bad = XML.replace('<INTITULE>Concepteur développeur', '<INTITULE>Concepteur & développeur');
        const error = await failure(write('bad.xml', bad), ['RNCP36490']);
        expect([error.line, error.column]).toEqual(Object.values(positionOf(bad, '& développeur')));
        expect(error.format('en')).toMatch(/^.*bad\.xml:\d+:\d+: malformed XML: a bare « & »/);
        expect(error.format('fr')).toMatch(/XML mal formé : /);
        const closing = XML.replace('<INTITULE>Concepteur développeur d\'applications</INTITULE>', '<INTITULE>Concepteur développeur d\'applications</TITLE>');
        const mismatch = await failure(write('bad-close.xml', closing), ['RNCP36490']);
        const at = positionOf(closing, '</TITLE>');
        expect(mismatch.line).toBe(at.line);
        expect(mismatch.column).toBe(at.column + '</TITLE>'.length - 1);
    });

    it('malformed outside the fiches: the line and column of the damage', async () => {
        const bad = XML.replace('</FICHES>', '</FICHES><X>');
        const error = await failure(write('bad2.xml', bad), ['RNCP34762']);
        const at = positionOf(bad, '<X>');
        expect(error.line).toBe(at.line);
        expect(error.column).toBeGreaterThanOrEqual(at.column);
    });

    it('mismatched tags between two fiches (the scan checks the structure around them)', async () => {
        const bad = XML.replace('</FICHE>\n  <FICHE>', '</FICHE>\n  </VERSION_FLUX>\n  <FICHE>');
        const error = await failure(write('bad3.xml', bad), ['RNCP39568']);
        expect(error.line).toBe(positionOf(bad, '</VERSION_FLUX>\n  <FICHE>', 2).line);
    });

    it('not an export: another XML file, a text file, an empty file, a damaged zip, bytes that are not UTF-8', async () => {
        expect((await failure(write('other.xml', '<?xml version="1.0"?>\n<root/>'))).en).toMatch(/root element is <root>/);
        expect((await failure(write('text.txt', 'bonjour'))).en).toMatch(/neither a zip nor an XML file/);
        expect((await failure(write('empty.xml', ''))).en).toMatch(/holds no XML element/);
        const zip = await failure(write('damaged.zip', Buffer.from('PK\x03\x04 not really a zip')));
        expect(zip.en).toMatch(/damaged or incomplete/);
        expect(zip.line).toBeUndefined();
        const latin1 = Buffer.from(XML.replace('Développeur web et web mobile', 'D\u00e9veloppeur'), 'latin1');
        expect((await failure(write('latin1.xml', latin1), ['RNCP37674'])).en).toMatch(/not UTF-8/);
        expect((await failure(path.join(dir, 'nowhere.zip'))).en).toMatch(/not found/);
    });
});
