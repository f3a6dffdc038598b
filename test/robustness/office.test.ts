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

describe('Excel sheet names follow Excel\'s rules, whatever the names', () => {
    // a sheet is named after its bloc (Bloc 1, Bloc 5 · option 2), or after a candidate
    // (--candidates): whatever a list of candidates holds must give a valid, unique sheet name
    const sheets = async (blocs: string, candidates?: string[]) => {
        const { models } = await checkText(`${HEADER}
${blocs}`);
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(await toXlsx(models, 'fr', candidates ? { candidates: candidates.map((name) => ({ name })) } : {}) as unknown as ArrayBuffer);
        return workbook.worksheets.map((w) => w.name);
    };
    const bloc = (id: string) => `bloc ${id} "Bloc"\n  activité A${id} "Activité"\n    compétence C${id} "Première."\n  modalité "Titre avec / * ? : [ ] \\ et ' partout"\n    évalue C${id}\n    critère "Critère."\n`;

    it('a name of forbidden characters, long or hostile, is cleaned and cut; a name left empty gets a word', async () => {
        expect(await sheets(bloc('1') + bloc('2'))).toEqual(['Bloc 1', 'Bloc 2', 'Couverture']);
        expect(await sheets(bloc('1'), ["Titre / * ? : [ ] \\ et ' partout", `'${'😀'.repeat(40)}'`, "'[]'"])).toEqual(['Titre et \' partout', '😀'.repeat(14), 'Feuille', 'Couverture']);
    });

    it('"History" is reserved by Excel; names that differ only by case get two sheets; a long name is cut', async () => {
        expect(await sheets(bloc('1'), ['History'])).toEqual(['History 2', 'Couverture']);
        expect(await sheets(bloc('1'), ['oral', 'ORAL'])).toEqual(['oral', 'ORAL 2', 'Couverture']);
        const long = `E${'x'.repeat(40)}`;
        expect(await sheets(bloc('1'), [long])).toEqual([long.slice(0, 28), 'Couverture']);
    });
});

