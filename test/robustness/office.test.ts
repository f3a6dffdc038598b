import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { xmlText } from 'certiref-language';
import { toDocx, toXlsx } from 'certiref-language/office';
import { checkText, HEADER } from '../helpers.js';

/**
 * Word and Excel files are XML, which forbids most control characters: found by the fuzzer
 * (a NUL, a vertical tab — Word's line break, left by a paste — in a text made a workbook Excel
 * and exceljs itself refuse to open). And Excel's rules for sheet names (no apostrophe first or
 * last, "History" reserved, 31 characters) made the export throw on some modality titles.
 */
const CONTROLS = 'Avant\u000Bligne\u0001nul\u0000fin\uFFFF\uD800.';

const referential = (title: string, criterion = 'Critère.') => `${HEADER}
bloc 1 "Bloc ${title}"
  activité A1 "Activité"
    compétence C1 "${title}"
  modalité "${title}"
    évalue C1
    critère CR1 "${criterion}"
`;

async function xmlParts(buffer: Buffer): Promise<Record<string, string>> {
    const zip = await JSZip.loadAsync(buffer);
    const out: Record<string, string> = {};
    for (const name of Object.keys(zip.files)) if (/\.(xml|rels)$/.test(name)) out[name] = await zip.file(name)!.async('string');
    return out;
}

const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

describe('Office exports with characters XML forbids', () => {
    it('xmlText: vertical tab and form feed become line breaks, other forbidden characters U+FFFD', () => {
        expect(xmlText(CONTROLS)).toBe('Avant\nligne\uFFFDnul\uFFFDfin\uFFFD\uFFFD.');
        expect(xmlText('emoji 😀 kept, tab\tkept')).toBe('emoji 😀 kept, tab\tkept');
    });

    it('the Excel workbook opens again and shows the text', async () => {
        const { models } = await checkText(referential(CONTROLS, `=1+1 ${CONTROLS}`));
        const buffer = await toXlsx(models, 'fr');
        for (const [name, xml] of Object.entries(await xmlParts(buffer))) expect(FORBIDDEN.test(xml), name).toBe(false);
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(buffer as unknown as ArrayBuffer); // threw "disallowed character" before the fix
        const values = workbook.worksheets.flatMap((s) => s.getSheetValues().flat().filter((v): v is string => typeof v === 'string'));
        expect(values).toContain('Avant\nligne\uFFFDnul\uFFFDfin\uFFFD\uFFFD.');
        expect(values).toContain(`'=1+1 Avant\nligne\uFFFDnul\uFFFDfin\uFFFD\uFFFD.`);
    });

    it('the Word document holds only characters XML allows', async () => {
        const { models } = await checkText(referential(CONTROLS));
        const parts = await xmlParts(await toDocx(models, 'fr'));
        for (const [name, xml] of Object.entries(parts)) expect(FORBIDDEN.test(xml), name).toBe(false);
        expect(parts['word/document.xml']).toContain('ligne\uFFFDnul\uFFFDfin');
    });
});

describe('Excel sheet names follow Excel\'s rules, whatever the ids', () => {
    // a sheet is named after its modality's id, else its bloc and rank (Bloc 1.2): titles, often
    // all « Mise en situation professionnelle », never reach a sheet name
    const sheets = async (modalities: string) => {
        const { models } = await checkText(`${HEADER}
bloc 1 "Bloc"
  activité A1 "Activité"
    compétence C1 "Première."
${modalities}`);
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(await toXlsx(models, 'fr') as unknown as ArrayBuffer);
        return workbook.worksheets.map((w) => w.name);
    };
    const modality = (id: string, title = "Titre avec / * ? : [ ] \\ et ' partout") => `  modalité ${id}"${title}"\n    évalue C1\n    critère "Critère."\n`;

    it('a title of forbidden characters, long or hostile, gives no sheet name: the bloc and rank do', async () => {
        expect(await sheets(modality('') + modality('', `'${'😀'.repeat(40)}'`))).toEqual(['Bloc 1.1', 'Bloc 1.2', 'Couverture']);
    });

    it('"History" is reserved by Excel; ids that differ only by case get two sheets; a long id is cut', async () => {
        expect(await sheets(modality('History '))).toEqual(['History 2', 'Couverture']);
        expect(await sheets(modality('oral ') + modality('ORAL '))).toEqual(['oral', 'ORAL 2', 'Couverture']);
        const long = `E${'x'.repeat(40)}`;
        expect(await sheets(modality(`${long} `))).toEqual([long.slice(0, 28), 'Couverture']);
    });
});
