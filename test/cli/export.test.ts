import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers.js';

const temps: string[] = [];
const temp = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'certiref-export-'));
    temps.push(dir);
    return dir;
};
afterEach(() => {
    for (const d of temps.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function model(seed: string) {
    return JSON.parse(runCli(['export', `referentials/${seed}`]).stdout).certifications[0];
}

describe('certiref export --format csv', () => {
    for (const seed of ['chef-de-projet-digital', 'manager-strategie-digitale']) {
        it(`${seed}: UTF-8 with a BOM, RFC 4180, every competency and criterion in the order of the source`, () => {
            const r = runCli(['export', `referentials/${seed}`, '--format', 'csv', '--lang', 'fr']);
            expect(r.status).toBe(0);
            expect(r.stdout.startsWith('\uFEFF')).toBe(true);
            expect(r.stdout).toMatch(/\r\n$/);
            const rows: Record<string, string>[] = parse(r.stdout.slice(1), { columns: true, relax_column_count: false });
            expect(Object.keys(rows[0])).toEqual(['Certification', 'Bloc', 'Option', 'Activité', 'Compétence', 'Intitulé de la compétence', 'Modalité', 'Partie', 'Critère', "Critère d'évaluation"]);
            const m = model(seed);
            const competencies = m.blocs.flatMap((b: { activities: { competencies: { id: string }[] }[] }) => b.activities.flatMap((a) => a.competencies.map((c) => c.id)));
            const inCsv = [...new Set(rows.map((x) => x['Compétence']).filter(Boolean))];
            expect(inCsv).toEqual(competencies);
            const criteria = m.blocs.flatMap((b: { modalities: { criteria: { text: string }[] }[] }) => b.modalities.flatMap((mo) => mo.criteria.map((c) => c.text)));
            const texts = rows.map((x) => x["Critère d'évaluation"]).filter(Boolean);
            for (const text of criteria) expect(texts, text.slice(0, 40)).toContain(text);
            expect(new Set(texts).size).toBe(criteria.length);
        });
    }

    it('neutralises cells a spreadsheet would run as a formula', () => {
        const dir = temp();
        fs.writeFileSync(path.join(dir, 'a.ref'), `certification F "=HYPERLINK(\\"http://x\\")"
  accessibilité "a"
bloc 1 "+1"
  activité A1 "@SUM(A1)"
    compétence C1 "-2+3"
    compétence C2 "\ttab"
  modalité E1 "M"
    critère CR1 "=1+1"
    critère CR2 "ok"
`);
        const csv = runCli(['export', '.', '--format', 'csv'], { cwd: dir }).stdout;
        const rows: string[][] = parse(csv.slice(1));
        for (const row of rows.slice(1)) for (const cell of row) expect(cell, cell).not.toMatch(/^[=+\-@\t\r]/);
        expect(rows[1]).toContain("'-2+3");
        expect(rows[1]).toContain("'=1+1");
    });
});

describe('certiref export --format md', () => {
    it('a table per modality with the jury\'s columns, texts escaped', () => {
        const md = runCli(['export', 'referentials/manager-strategie-digitale', '--format', 'md', '--lang', 'fr']).stdout;
        expect(md).toMatch(/^# Manager de la stratégie digitale \(MSD\)/);
        expect(md).toContain('### E3 — Mise en situation en groupe');
        expect(md).toContain('| Compétence | Critère | Acquis | Non acquis | Observations |');
        expect(md).toContain('| **C14** | **CR14** Les candidats ont démontré');
        expect(md.match(/^### /gm)).toHaveLength(7);
    });
});

describe('certiref export --out', () => {
    it('writes one file per certification, and replaces none without --force', () => {
        const dir = temp();
        const first = runCli(['export', 'referentials', '--format', 'html', '--out', dir]);
        expect(first.status).toBe(0);
        expect(fs.readdirSync(dir).sort()).toEqual(['CPD.html', 'MSD.html']);
        fs.writeFileSync(path.join(dir, 'MSD.html'), 'mine');
        const again = runCli(['export', 'referentials', '--format', 'html', '--out', dir]);
        expect(again.status).toBe(2);
        expect(again.stderr).toMatch(/MSD\.html.*already exists, add --force to replace/);
        expect(fs.readFileSync(path.join(dir, 'MSD.html'), 'utf8')).toBe('mine');
        expect(runCli(['export', 'referentials', '--format', 'html', '--out', dir, '--force']).status).toBe(0);
        expect(fs.readFileSync(path.join(dir, 'MSD.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/);
        expect(fs.readdirSync(dir).sort()).toEqual(['CPD.html', 'MSD.html']);
    });
});

describe('certiref export --format xlsx', () => {
    it('a jury workbook: a sheet per modality with decisions, counts and frozen headers, and a coverage sheet', async () => {
        const ExcelJS = (await import('exceljs')).default;
        const dir = temp();
        const file = path.join(dir, 'msd.xlsx');
        const r = runCli(['export', 'referentials/manager-strategie-digitale', '--format', 'xlsx', '-o', file, '--lang', 'fr']);
        expect(r.status, r.stderr).toBe(0);
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.readFile(file);
        expect(workbook.worksheets.map((s) => s.name)).toEqual(['E1', 'E2', 'E3', 'E4', 'E5 (1)', 'E5 (2)', 'E5 (3)', 'Couverture']);
        const e3 = workbook.getWorksheet('E3')!;
        expect(e3.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
        expect(e3.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true });
        const rows = [] as string[][];
        e3.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (typeof v === 'object' && v && 'formula' in v ? `=${(v as { formula: string }).formula}` : String(v ?? '')))));
        expect(rows[1]).toEqual(['Compétence', 'Intitulé', 'Partie', 'Critère', "Critère d'évaluation", 'Décision', 'Observations']);
        // C11, C12, C13 each judged by the range criterion; C14 by CR14 and two criteria written `juge C14`
        expect(rows.slice(2, 8).map((x) => `${x[0]}:${x[3]}`)).toEqual(['C11:CR11 à 13', 'C12:CR11 à 13', 'C13:CR11 à 13', 'C14:CR14', 'C14:', 'C14:']);
        expect(e3.getRow(3).getCell(6).dataValidation).toMatchObject({ type: 'list', formulae: ['"Acquis,Non acquis"'] });
        const counts = rows.filter((x) => x[1]?.startsWith('=COUNTIFS'));
        expect(counts.map((x) => x[0])).toEqual(['C11', 'C12', 'C13', 'C14']);
        expect(counts[3][1]).toMatch(/"Acquis"\)&" sur 3"$/);
        const coverage = workbook.getWorksheet('Couverture')!;
        expect(coverage.rowCount).toBe(36);
        const cs24 = coverage.getColumn(1).values.indexOf('CS2-4');
        expect((coverage.getRow(cs24).getCell(1).fill as { fgColor: { argb: string } }).fgColor.argb).toBe('FFFFD7A0');
    });
});

describe('certiref export --format docx', () => {
    for (const [seed, title, blocs, modalities] of [['chef-de-projet-digital', 'Chef de projet digital', 8, 18], ['manager-strategie-digitale', 'Manager de la stratégie digitale', 7, 7]] as const) it(`${seed}: title block, a three-column table per bloc, the jury grids; every competency and criterion, in order`, async () => {
        const mammoth = (await import('mammoth')).default;
        const dir = temp();
        const file = path.join(dir, 'msd.docx');
        const r = runCli(['export', `referentials/${seed}`, '--format', 'docx', '-o', file, '--lang', 'fr']);
        expect(r.status, r.stderr).toBe(0);
        const html = (await mammoth.convertToHtml({ path: file })).value;
        const text = (await mammoth.extractRawText({ path: file })).value;
        expect(text.startsWith(title)).toBe(true);
        expect(html).toContain("<th><p><strong>Référentiel d'activités</strong></p></th><th><p><strong>Référentiel de compétences</strong></p></th><th><p><strong>Référentiel d'évaluation</strong></p></th>");
        expect(html.match(/<h1>Bloc /g)).toHaveLength(blocs);
        expect(text).toContain('Candidats en situation de handicap');
        const m = model(seed);
        // competencies in the order of the source, in the three-column tables
        const grids = text.indexOf("Grilles d'évaluation du jury");
        let at = 0;
        for (const id of m.blocs.flatMap((b: { activities: { competencies: { id: string; text: string }[] }[] }) => b.activities.flatMap((a) => a.competencies.map((c) => `${c.id} ${c.text.slice(0, 30)}`)))) {
            const next = text.indexOf(id, at);
            expect(next, id).toBeGreaterThan(at - 1);
            expect(next).toBeLessThan(grids);
            at = next;
        }
        // every criterion in the grids, with a decision line and signatures per modality
        for (const c of m.blocs.flatMap((b: { modalities: { criteria: { text: string }[] }[] }) => b.modalities.flatMap((mo) => mo.criteria))) {
            expect(text.indexOf(c.text.split('\n')[0].slice(0, 50), grids), c.text.slice(0, 30)).toBeGreaterThan(grids);
        }
        expect(text.match(/Décision du jury/g)).toHaveLength(modalities);
        expect(text.match(/noms et signatures des membres du jury/g)).toHaveLength(modalities);
    });
});

describe('certiref export --format xlsx, both seeds', () => {
    for (const seed of ['chef-de-projet-digital', 'manager-strategie-digitale']) {
        it(`${seed}: every criterion on a modality sheet, every competency on the coverage sheet`, async () => {
            const ExcelJS = (await import('exceljs')).default;
            const file = path.join(temp(), 'x.xlsx');
            expect(runCli(['export', `referentials/${seed}`, '--format', 'xlsx', '-o', file]).status).toBe(0);
            const workbook = new ExcelJS.Workbook();
            await workbook.xlsx.readFile(file);
            const cells = new Set<string>();
            for (const sheet of workbook.worksheets) sheet.eachRow((row) => row.eachCell((c) => cells.add(String(c.value))));
            const m = model(seed);
            for (const b of m.blocs) {
                for (const mo of b.modalities) for (const c of mo.criteria) expect(cells.has(c.text), c.text.slice(0, 30)).toBe(true);
                for (const a of b.activities) for (const c of a.competencies) expect(cells.has(c.id), c.id).toBe(true);
            }
        });
    }
});

describe('certiref export --bloc, --modality', () => {
    it('exports one bloc with its options, or one modality, and says when there is none', () => {
        const bloc5 = JSON.parse(runCli(['export', 'referentials/manager-strategie-digitale', '--bloc', '5']).stdout).certifications[0];
        expect(bloc5.blocs.map((b: { id: string; option: { id: string } }) => `${b.id}/${b.option.id}`)).toEqual(['5/1', '5/2', '5/3']);
        const e3 = runCli(['export', 'referentials/manager-strategie-digitale', '--format', 'md', '--modality', 'E3']).stdout;
        expect(e3.match(/^### /gm)).toEqual(['### ']);
        expect(e3).toContain('## Bloc 3');
        const none = runCli(['export', 'referentials', '--bloc', '9']);
        expect(none.status).toBe(2);
        expect(none.stderr).toMatch(/bloc 9 : introuvable \/ not found/);
    });
});
