import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, describe, expect, it } from 'vitest';
import { cli } from '../helpers.js';

// What juries and France Compétences receive: no word of the checker unless asked, one decision
// per bloc, grids per candidate, files their spreadsheets and word processors open as meant.

const temps: string[] = [];
const temp = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'certiref-deliverables-'));
    temps.push(dir);
    return dir;
};
afterEach(() => {
    for (const d of temps.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const MSD = 'referentials/manager-strategie-digitale';

/** A référentiel with findings (a competency no modality evaluates, a criterion judging nothing) and a bulleted description. */
const FLAWED = `certification F "Formation"
  accessibilité "a"
bloc 1 "Premier bloc"
  description "Le bloc couvre :
- la veille ;
- l'analyse."
  activité A1 "Activité"
    compétence C1 "Analyser le besoin"
    compétence C2 "Rédiger la note"
  modalité E1 "Étude de cas"
    évalue C1
    critère CR1 "L'analyse cite trois sources."
  modalité E2 "Oral"
    évalue C1
    critère CR1b juge C1 "La synthèse tient en cinq minutes."
`;

async function zipEntry(file: string, entry: string): Promise<string> {
    const JSZip = (await import('jszip')).default;
    return (await JSZip.loadAsync(fs.readFileSync(file))).file(entry)!.async('string');
}

describe('no checker findings in a deliverable unless asked', () => {
    it('HTML, Markdown, CSV, Word and Excel say nothing of the checker; --with-findings puts them in the HTML', async () => {
        const dir = temp();
        fs.writeFileSync(path.join(dir, 'f.ref'), FLAWED);
        const check = await cli(['check', '.', '--format', 'json', '--lang', 'fr'], { cwd: dir });
        const messages: string[] = JSON.parse(check.stdout).diagnostics.map((d: { message: string }) => d.message);
        expect(messages.length).toBeGreaterThan(0);
        const html = (await cli(['export', '.', '--format', 'html', '--lang', 'fr'], { cwd: dir })).stdout;
        const asked = (await cli(['export', '.', '--format', 'html', '--lang', 'fr', '--with-findings'], { cwd: dir })).stdout;
        const md = (await cli(['export', '.', '--format', 'md', '--lang', 'fr'], { cwd: dir })).stdout;
        const csv = (await cli(['export', '.', '--format', 'csv', '--lang', 'fr'], { cwd: dir })).stdout;
        expect((await cli(['export', '.', '--format', 'docx', '--lang', 'fr', '-o', 'f.docx'], { cwd: dir })).status).toBe(0);
        expect((await cli(['export', '.', '--format', 'xlsx', '--lang', 'fr', '-o', 'f.xlsx'], { cwd: dir })).status).toBe(0);
        const word = await zipEntry(path.join(dir, 'f.docx'), 'word/document.xml');
        const excel = (await Promise.all(['xl/sharedStrings.xml', 'xl/worksheets/sheet1.xml'].map((e) => zipEntry(path.join(dir, 'f.xlsx'), e).catch(() => '')))).join('');
        const escaped = (m: string) => m.replace(/&/g, '&amp;').replace(/'/g, '&#39;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
        for (const message of messages) {
            for (const [name, text] of Object.entries({ html, md, csv, word, excel })) {
                expect(text.includes(message) || text.includes(escaped(message)), `${name}: ${message}`).toBe(false);
            }
            expect(asked.includes(escaped(message)), message).toBe(true);
        }
        // no count of errors either, and no finding's class in the page
        expect(html).not.toMatch(/erreur\(s\)|class="finding/);
        expect(asked).toMatch(/avertissement\(s\)/);
    });
});

describe('one jury decision per bloc', () => {
    it('Word and Excel: a bloc of two modalities has two grids and one decision, after both', async () => {
        const dir = temp();
        fs.writeFileSync(path.join(dir, 'f.ref'), FLAWED);
        expect((await cli(['export', '.', '--format', 'docx', '--lang', 'fr', '-o', 'f.docx'], { cwd: dir })).status).toBe(0);
        const text = (await (await import('mammoth')).default.extractRawText({ path: path.join(dir, 'f.docx') })).value;
        expect(text.match(/Décision du jury/g)).toHaveLength(1);
        expect(text.indexOf('Décision du jury')).toBeGreaterThan(text.lastIndexOf('La synthèse tient en cinq minutes.'));
        expect(text.lastIndexOf('E2 — Oral')).toBeGreaterThan(text.indexOf('E1 — Étude de cas', text.indexOf("Grilles d'évaluation")));
        expect((await cli(['export', '.', '--format', 'xlsx', '--lang', 'fr', '-o', 'f.xlsx'], { cwd: dir })).status).toBe(0);
        const ExcelJS = (await import('exceljs')).default;
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.readFile(path.join(dir, 'f.xlsx'));
        const sheet = workbook.worksheets[0];
        const column = Array.from(sheet.getColumn(1).values as unknown[], (v) => String(v ?? ''));
        expect(column.filter((v) => v === 'Décision du jury\u00a0:')).toHaveLength(1);
        expect(column.filter((v) => v === 'Compétence')).toHaveLength(3); // two grids and the result
        // the result counts both modalities' decisions
        const result = sheet.getRow(column.findIndex((v) => v.startsWith('Résultat calculé'))).getCell(5).value as { formula: string };
        expect(result.formula.match(/COUNTA\(/g)).toHaveLength(2);
    });

    it('Word: the last grid keeps with its decision, rows never split, fonts declared, list items as a Word list', async () => {
        const dir = temp();
        fs.writeFileSync(path.join(dir, 'f.ref'), FLAWED);
        expect((await cli(['export', '.', '--format', 'docx', '--lang', 'fr', '-o', 'f.docx'], { cwd: dir })).status).toBe(0);
        const file = path.join(dir, 'f.docx');
        const styles = await zipEntry(file, 'word/styles.xml');
        expect(styles).toMatch(/<w:docDefaults>.*<w:rFonts w:ascii="Arial"/s);
        const numbering = await zipEntry(file, 'word/numbering.xml');
        expect(numbering).toMatch(/<w:numFmt w:val="bullet"\/>/);
        const document = await zipEntry(file, 'word/document.xml');
        // the two items of the bloc's description are items of a list, their dashes gone
        const items = [...document.matchAll(/<w:p>(?:(?!<\/w:p>).)*<w:numPr>(?:(?!<\/w:p>).)*<\/w:p>/gs)].map((p) => p[0].replace(/<[^>]+>/g, '').replace(/&apos;/g, "'"));
        expect(items).toEqual(['la veille ;', "l'analyse."]);
        expect(document).not.toContain('- la veille');
        // the last grid's last row keeps with the next (the decision), and only it; no row splits across pages
        const grids = document.split('Décision du jury')[0].split('<w:tbl>');
        const lastGrid = grids[grids.length - 1];
        const rows = lastGrid.match(/<w:tr>.*?<\/w:tr>/gs)!;
        for (const p of rows[rows.length - 1].match(/<w:p>.*?<\/w:p>/gs)!) expect(p, p.slice(0, 200)).toContain('<w:keepNext/>');
        for (const p of rows.slice(1, -1).flatMap((r) => r.match(/<w:p>.*?<\/w:p>/gs)!)) expect(p, p.slice(0, 200)).not.toContain('<w:keepNext/>');
        expect(lastGrid.match(/<w:trPr>/g)!.length).toBe(lastGrid.match(/<w:cantSplit\/>/g)!.length);
    });
});

describe('grids per candidate (--candidates)', () => {
    const CANDIDATES = '\uFEFFNom;Date;Examinateurs\r\nJeanne Dupont;12/06/2026;M. Martin, Mme Leroy\r\n"Durand; Paul";13/06/2026;M. Martin\r\nÉlodie Noël;;\r\n';

    it('Word: one document per candidate, name, date and examiners written in', async () => {
        const dir = temp();
        fs.writeFileSync(path.join(dir, 'candidats.csv'), CANDIDATES);
        const out = path.join(dir, 'grilles');
        const r = await cli(['export', MSD, '--bloc', '1', '--format', 'docx', '--lang', 'fr', '--candidates', path.join(dir, 'candidats.csv'), '--out', out]);
        expect(r.status, r.stderr).toBe(0);
        expect(fs.readdirSync(out).sort()).toEqual(['MSD-Durand_Paul.docx', 'MSD-Elodie_Noel.docx', 'MSD-Jeanne_Dupont.docx']);
        const mammoth = (await import('mammoth')).default;
        const text = (await mammoth.extractRawText({ path: path.join(out, 'MSD-Jeanne_Dupont.docx') })).value;
        expect(text).toMatch(/Candidat \(nom, prénom\)\u00a0:\s+Jeanne Dupont/);
        expect(text).toMatch(/Date de l'évaluation\u00a0:\s+12\/06\/2026/);
        expect(text).toMatch(/Examinateurs\u00a0:\s+M\. Martin, Mme Leroy/);
        // the grids only (no référentiel table), one decision for bloc 1, the examiners on the signature lines
        expect(text).not.toContain("Référentiel d'activités");
        expect(text.match(/Décision du jury/g)).toHaveLength(1);
        expect(text).toMatch(/Membre du jury \(nom, prénom\)\s+Qualité\s+Signature\s+M\. Martin\s+Mme Leroy/);
        const other = (await mammoth.extractRawText({ path: path.join(out, 'MSD-Durand_Paul.docx') })).value;
        expect(other).toMatch(/Candidat \(nom, prénom\)\u00a0:\s+Durand; Paul/);
        // one document per candidate needs a folder
        const one = await cli(['export', MSD, '--bloc', '1', '--format', 'docx', '--candidates', path.join(dir, 'candidats.csv'), '-o', path.join(dir, 'x.docx')]);
        expect(one.status).toBe(2);
        expect(one.stderr).toMatch(/--out/);
    });

    it('Excel: one sheet per candidate, with every bloc asked for, English headers and commas read too', async () => {
        const dir = temp();
        fs.writeFileSync(path.join(dir, 'candidates.csv'), 'name,examiners\nAnna Smith,"J. Doe, K. Roe"\nBen Jones,J. Doe\n');
        const file = path.join(dir, 'jury.xlsx');
        const r = await cli(['export', MSD, '--bloc', '5', '--format', 'xlsx', '--lang', 'en', '--candidates', path.join(dir, 'candidates.csv'), '-o', file]);
        expect(r.status, r.stderr).toBe(0);
        const ExcelJS = (await import('exceljs')).default;
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.readFile(file);
        expect(workbook.worksheets.map((s) => s.name)).toEqual(['Anna Smith', 'Ben Jones', 'Coverage']);
        const anna = workbook.getWorksheet('Anna Smith')!;
        const column = Array.from(anna.getColumn(1).values as unknown[], (v) => String(v ?? ''));
        // bloc 5's three options, each with its candidate's lines filled in and its decision, each from a new page
        const names = column.map((v, i) => [v, i] as const).filter(([v]) => v === 'Candidate (name):');
        expect(names).toHaveLength(3);
        for (const [, row] of names) expect(anna.getRow(row).getCell(3).value).toBe('Anna Smith');
        expect(column.filter((v) => v === 'Examiners:').map((_, k) => k)).toHaveLength(3);
        expect(column.filter((v) => v === "Jury's decision:")).toHaveLength(3);
        // a page break before the second and the third option (ExcelJS writes them, does not read them back)
        expect(await zipEntry(file, 'xl/worksheets/sheet1.xml')).toMatch(/<rowBreaks count="2"/);
        expect(column).toEqual(expect.arrayContaining(['J. Doe', 'K. Roe']));
    });

    it('a bad list is refused with its file, line and column, exit 2', async () => {
        const dir = temp();
        const cases: Array<[string, string | Buffer, RegExp]> = [
            ['quote.csv', 'nom;date\nDupont;"12/06\n', /quote\.csv:2:\d+: guillemet ouvert jamais fermé/],
            ['fields.csv', 'nom;date\nDupont;12/06;en trop\n', /fields\.csv:2:\d+: cette ligne n'a pas autant de champs/],
            ['column.csv', 'nom;âge\nDupont;12\n', /column\.csv:1:5: colonne inconnue «\sâge\s»/],
            ['noname.csv', 'date;jury\n12/06;M. Martin\n', /noname\.csv:1:1: pas de colonne «\snom\s»/],
            ['empty.csv', '', /empty\.csv:1:1: liste de candidats vide/],
            ['blank.csv', 'nom;date\n;12/06\n', /blank\.csv:2:1: candidat sans nom/],
            ['latin1.csv', Buffer.from([0x6e, 0x6f, 0x6d, 0x0a, 0x4e, 0x6f, 0xeb, 0x6c, 0x0a]), /latin1\.csv:2:3: /],
        ];
        for (const [name, content, message] of cases) {
            fs.writeFileSync(path.join(dir, name), content);
            const r = await cli(['export', MSD, '--bloc', '1', '--format', 'xlsx', '--candidates', path.join(dir, name), '-o', path.join(dir, 'x.xlsx'), '--force']);
            expect(r.status, name).toBe(2);
            expect(r.stderr, name).toMatch(message);
        }
        const html = await cli(['export', MSD, '--format', 'html', '--candidates', path.join(dir, 'quote.csv')]);
        expect(html.status).toBe(2);
        expect(html.stderr).toMatch(/--candidates\s: pour --format docx ou xlsx seulement/);
    });
});

describe('CSV separators', () => {
    it('French: semicolons; English: commas; --separator chooses', async () => {
        const fr = (await cli(['export', MSD, '--format', 'csv', '--lang', 'fr'])).stdout.slice(1);
        const en = (await cli(['export', MSD, '--format', 'csv', '--lang', 'en'])).stdout.slice(1);
        const tab = (await cli(['export', MSD, '--format', 'csv', '--lang', 'fr', '--separator', 'tab'])).stdout.slice(1);
        const rows = (text: string, delimiter: string) => parse(text, { delimiter, relax_column_count: false }) as string[][];
        expect(rows(fr, ';')[0]).toHaveLength(10);
        expect(rows(en, ',')[0]).toHaveLength(10);
        expect(rows(tab, '\t')[0]).toHaveLength(10);
        // the same cells whatever the separator
        expect(rows(tab, '\t')).toEqual(rows(fr, ';'));
        const bad = await cli(['export', MSD, '--format', 'csv', '--separator', '""']);
        expect(bad.status).toBe(2);
        const notCsv = await cli(['export', MSD, '--format', 'md', '--separator', ';']);
        expect(notCsv.status).toBe(2);
        expect(notCsv.stderr).toMatch(/--separator\s: pour --format csv seulement/);
    });
});
