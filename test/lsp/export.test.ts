import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';
import { TestClient } from './client.js';

/** VS Code's Export… asks the Node server (desktop) for Word and Excel: the same files as `certiref export`. */
describe('certiref/export over stdio: Word and Excel', () => {
    const dir = path.join(ROOT, 'referentials/manager-strategie-digitale');
    const uri = pathToFileURL(path.join(dir, 'bloc-1.ref')).toString();
    let client: TestClient;
    beforeAll(async () => {
        client = new TestClient();
        await client.initialize(pathToFileURL(dir).toString(), 'fr');
        client.open(uri, fs.readFileSync(path.join(dir, 'bloc-1.ref'), 'utf8'));
        await client.waitFor(uri, () => true);
    });
    afterAll(async () => client?.stop());
    const exported = async (format: 'docx' | 'xlsx') => {
        const r = await client.connection.sendRequest('certiref/export', { uri, format, language: 'fr' }) as { base64: string };
        return Buffer.from(r.base64, 'base64');
    };

    it('Word: the référentiel of the whole certification, with its three columns and the jury grids', async () => {
        const bytes = await exported('docx');
        expect(bytes.subarray(0, 2).toString()).toBe('PK');
        const mammoth = await import('mammoth');
        const { value } = await mammoth.extractRawText({ buffer: bytes });
        expect(value).toContain("Référentiel d'activités");
        expect(value).toContain("Grilles d'évaluation du jury");
        // bloc 5's competencies too: the certification, not only the open file
        expect(value).toContain('CS2-4');
    });

    it('Excel: a sheet per bloc or option and the coverage sheet', async () => {
        const ExcelJS = (await import('exceljs')).default;
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(await exported('xlsx') as unknown as ArrayBuffer);
        const names = workbook.worksheets.map((w) => w.name);
        expect(names).toContain('Bloc 1');
        expect(names).toContain('Bloc 5 · option 2');
        expect(names).toContain('Couverture');
        expect(names.length).toBe(7 + 1);
    });

    it("the Export… menu's formats: every one of the registry, Word and Excel included, described in the language asked", async () => {
        const formats = await client.connection.sendRequest('certiref/exportFormats', { language: 'fr' }) as Array<{ id: string; label: string; description: string; office: boolean }>;
        expect(formats.map((f) => f.id)).toEqual(['json', 'html', 'md', 'csv', 'xlsx', 'docx']);
        expect(formats.filter((f) => f.office).map((f) => f.label)).toEqual(['Excel', 'Word']);
        expect(formats.find((f) => f.id === 'csv')?.description).toBe('une ligne par critère, pour un tableur');
    });
});
