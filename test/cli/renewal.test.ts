import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers.js';

/**
 * `certiref diff OLD NEW` for a renewal: two versions of a certification under two RNCP numbers
 * (test/fixtures/renewal: the new version swaps the two blocs, rewords one competency, drops one,
 * adds one and a bloc). The blocs are paired by correspondence, not by their ids.
 */
const OLD = path.join(ROOT, 'test/fixtures/renewal/old');
const NEW = path.join(ROOT, 'test/fixtures/renewal/new');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'certiref-renewal-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('certiref diff for a renewal', () => {
    it('pairs the blocs by content, whatever their ids, and lists what changed', () => {
        const run = runCli(['diff', OLD, NEW, '--format', 'json']);
        expect(run.status).toBe(0);
        const { renewal } = JSON.parse(run.stdout);
        expect(renewal.old).toMatchObject({ id: 'CDD', rncp: 'RNCP30001', version: '2019' });
        expect(renewal.new).toMatchObject({ id: 'CDD2', rncp: 'RNCP40001', version: '2024' });
        expect(renewal.correspondences.map((c: any) => [c.old.map((b: any) => b.id), c.new.map((b: any) => b.id), c.origin, c.strength]))
            .toEqual([[['BC02'], ['BC01'], 'proposed', 'strong'], [['BC01'], ['BC02'], 'proposed', 'strong']]);
        expect(renewal.unmatchedNew.map((b: any) => b.id)).toEqual(['BC03']);
        const changes = renewal.changes.map((c: any) => `${c.nature} ${c.kind} ${c.element}`);
        expect(changes).toEqual(expect.arrayContaining([
            'changed certification title', 'retitled bloc BC01', 'reworded competency C2', 'added competency C3', 'added bloc BC03', 'removed competency C2',
        ]));
        expect(renewal.unchanged).toBe(2);
    });

    it('says it as text in French, each version by its RNCP number, title and version', () => {
        const run = runCli(['diff', OLD, NEW, '--lang', 'fr']);
        expect(run.status).toBe(0);
        expect(run.stdout).toContain('Version précédente : RNCP30001 — Chargé de communication digitale (2019)');
        expect(run.stdout).toContain('BC02 → BC01 — proposée d’après le contenu, à confirmer (score 0.87, forte)');
        expect(run.stdout).toContain('Compétence C2 (BC01, version précédente) — suppression');
    });

    it('writes the two tables in Word and in Excel, headed with each version', async () => {
        const docx = path.join(dir, 'renewal.docx');
        const xlsx = path.join(dir, 'renewal.xlsx');
        expect(runCli(['diff', OLD, NEW, '--format', 'docx', '-o', docx, '--lang', 'fr']).status).toBe(0);
        expect(runCli(['diff', OLD, NEW, '--format', 'xlsx', '-o', xlsx, '--lang', 'fr']).status).toBe(0);
        const { value } = await mammoth.extractRawText({ path: docx });
        for (const expected of ['Tableau de correspondance des blocs de compétences', 'Tableau des modifications', 'Version précédente : RNCP30001 — Chargé de communication digitale (2019)',
            'Nouvelle version : RNCP40001 — Chargé de communication digitale et responsable (2024)', 'Justification', 'reformulation (0.86)', 'BC03 Animer une communauté']) {
            expect(value).toContain(expected);
        }
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.readFile(xlsx);
        expect(workbook.worksheets.map((w) => w.name)).toEqual(['Correspondance des blocs', 'Modifications']);
        const changes = workbook.getWorksheet('Modifications')!;
        expect(changes.getRow(5).values).toEqual([undefined, 'Élément', 'Version précédente : RNCP30001 — Chargé de communication digitale (2019)',
            'Nouvelle version : RNCP40001 — Chargé de communication digitale et responsable (2024)', 'Nature de la modification', 'Justification']);
        expect(changes.getRow(6).values).toEqual([undefined, 'Certification intitulé', 'Chargé de communication digitale', 'Chargé de communication digitale et responsable', 'modification', '']);
    });

    it('Word and Excel need a file, and a renewal; --no-renewal gives the element by element diff', () => {
        expect(runCli(['diff', OLD, NEW, '--no-renewal']).stdout).not.toContain('Renewal file');
        const same = runCli(['diff', OLD, OLD, '--format', 'docx', '-o', path.join(dir, 'x.docx')]);
        expect(same.status).toBe(2);
        expect(same.stderr).toContain('the Word and Excel tables are a renewal\'s');
    });
});
