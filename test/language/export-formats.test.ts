import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXPORT_FORMATS, exportFormat } from 'certiref-language';
import { toDocx, toXlsx } from 'certiref-language/office';
import { loadFiles, ROOT } from '../helpers.js';

/** One registry of export formats (export/formats/): what the CLI, the server and the editor's Export… offer. */
describe('the export formats', () => {
    const seed = path.join(ROOT, 'referentials/manager-strategie-digitale');
    const files = fs.readdirSync(seed).filter((f) => f.endsWith('.ref')).map((f) => path.join(seed, f));

    it('each has its id, its name and a description in both languages', () => {
        expect(EXPORT_FORMATS.map((f) => f.id)).toEqual(['json', 'html', 'md', 'csv', 'xlsx', 'docx']);
        for (const f of EXPORT_FORMATS) {
            expect(exportFormat(f.id)).toBe(f);
            expect(f.label.length).toBeGreaterThan(2);
            expect(f.description.fr).not.toBe(f.description.en);
        }
        expect(exportFormat('pdf')).toBeUndefined();
    });

    it('each lays out a seed in both languages, text or bytes as it says; Word and Excel only where the host lends them', async () => {
        const { models, services } = await loadFiles(files);
        const findings = models.flatMap((m) => services.referential.Findings.ofModel(m));
        for (const format of EXPORT_FORMATS) {
            for (const language of ['fr', 'en'] as const) {
                const context = { language, findings, office: async () => ({ toDocx, toXlsx }) };
                const out = await format.render(models, context);
                if (format.binary) expect(Buffer.from(out as Uint8Array).subarray(0, 2).toString(), format.id).toBe('PK');
                else expect(typeof out === 'string' && out.includes('CS2-4'), format.id).toBe(true);
                if (format.office) await expect(format.render(models, { language, findings })).rejects.toThrow(/Node/);
            }
        }
    });

    it('the README lists every format and shows each', () => {
        const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
        expect(readme).toContain(`certiref export [paths...] --format ${EXPORT_FORMATS.map((f) => f.id).join('|')}`);
        const section = readme.slice(readme.indexOf('### `certiref export` and `certiref stats`'));
        for (const f of EXPORT_FORMATS) expect(section, f.id).toContain(`\`${f.id}\``);
    });
});
