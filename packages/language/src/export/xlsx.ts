import ExcelJS from 'exceljs';
import type { Language } from '../i18n.js';
import { containers } from '../model/queries.js';
import type { CertificationModel } from '../model/types.js';
import { certificationTitle, containerHeading, coverageMatrix, juryGrid, modalityLabel, modalityName, partName } from '../model/view.js';
import { neutralise, xmlText } from './tables.js';
import { frenchLabels } from '../typography.js';

/**
 * The jury's workbook: one sheet per modality (its criteria as rows, a drop-down for each
 * decision, formulas counting what is acquired per competency, frozen headers, print set-up),
 * and a coverage sheet (competencies × modalities, gaps highlighted).
 */
export async function toXlsx(models: CertificationModel[], language: Language): Promise<Buffer> {
    const L = {
        fr: frenchLabels({ competency: 'Compétence', text: 'Intitulé', part: 'Partie', criterion: 'Critère', criterionText: "Critère d'évaluation", decision: 'Décision', observations: 'Observations', acquired: 'Acquis', notAcquired: 'Non acquis', count: 'Critères acquis', of: 'Critères', coverage: 'Couverture', candidate: 'Candidat :', noCriterion: 'Aucun critère ne juge cette compétence', legend: 'Nombre de critères de chaque modalité qui jugent la compétence ; une case vide : la modalité ne l\'évalue pas ; en orange : évaluée sans critère, ou compétence sans critère ni évaluation.' }),
        en: { competency: 'Competency', text: 'Text', part: 'Part', criterion: 'Criterion', criterionText: 'Evaluation criterion', decision: 'Decision', observations: 'Observations', acquired: 'Acquired', notAcquired: 'Not acquired', count: 'Criteria acquired', of: 'Criteria', coverage: 'Coverage', candidate: 'Candidate:', noCriterion: 'No criterion judges this competency', legend: 'Number of criteria of each modality that judge the competency; an empty cell: the modality does not evaluate it; in orange: evaluated without a criterion, or a competency with no criterion or no evaluation.' },
    }[language];
    const workbook = new ExcelJS.Workbook();
    workbook.creator = 'certiref';
    // Excel and LibreOffice compute the counts again when the file opens (the file carries no results)
    workbook.calcProperties.fullCalcOnLoad = true;
    // Excel's rules for a sheet name: at most 31 characters, none of \ / * ? : [ ], no apostrophe
    // first or last, not "History" (reserved), unique regardless of case
    const names = new Set<string>(['history']);
    const cut = (s: string, units: number) => {
        let out = '';
        for (const c of s) {
            if (out.length + c.length > units) break;
            out += c;
        }
        return out;
    };
    const sheetName = (wanted: string) => {
        const base = cut(xmlText(wanted).replace(/[\uFFFD\\/*?:[\]\s]+/g, ' ').replace(/^[\s']+/, ''), 28).replace(/[\s']+$/, '') || 'Feuille';
        let name = base;
        for (let i = 2; names.has(name.toLowerCase()); i++) name = `${cut(base, 26)} ${i}`;
        names.add(name.toLowerCase());
        return name;
    };
    const text = (value: string) => neutralise(xmlText(value));
    const header = (row: ExcelJS.Row) => {
        row.font = { bold: true };
        row.alignment = { vertical: 'middle', wrapText: true };
        row.eachCell((cell) => {
            cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEF1F5' } };
            cell.border = { bottom: { style: 'thin' } };
        });
    };
    const THIN = { top: { style: 'thin', color: { argb: 'FF8A8A8A' } }, left: { style: 'thin', color: { argb: 'FF8A8A8A' } }, bottom: { style: 'thin', color: { argb: 'FF8A8A8A' } }, right: { style: 'thin', color: { argb: 'FF8A8A8A' } } } as const;
    const GAP = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFD7A0' } } as const;
    // spreadsheets do not grow a row for wrapped text on their own: lines × 13 pt
    const heightFor = (texts: Array<[string, number]>) => Math.min(409, 13 * Math.max(1, ...texts.map(([t, width]) => t.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(line.length / (width * 1.1))), 0))));
    for (const model of models) {
        for (const container of containers(model)) {
            for (const m of container.modalities) {
                const sheet = workbook.addWorksheet(sheetName(`${models.length > 1 ? `${model.id} ` : ''}${modalityLabel(m)}`), {
                    views: [{ state: 'frozen', ySplit: 2 }],
                    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9, printTitlesRow: '2:2', margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 } },
                    headerFooter: { oddFooter: `&L${text(certificationTitle(model)).replace(/&/g, '&&')}&R&P / &N` },
                });
                sheet.columns = [{ width: 12 }, { width: 40 }, { width: 16 }, { width: 12 }, { width: 56 }, { width: 14 }, { width: 32 }];
                // the title (certification, bloc, modality) over the criteria, and where the jury writes the candidate's name
                const title = `${certificationTitle(model)} — ${containerHeading(container, { titles: false })} — ${modalityName(m)}`;
                const top = sheet.addRow([text(title), '', '', '', '', L.candidate, '']);
                sheet.mergeCells(1, 1, 1, 5);
                sheet.mergeCells(1, 6, 1, 7);
                top.font = { bold: true, size: 13 };
                top.alignment = { vertical: 'top', wrapText: true };
                top.height = heightFor([[title, 130 / 1.3]]);
                header(sheet.addRow([L.competency, L.text, L.part, L.criterion, L.criterionText, L.decision, L.observations]));
                const first = 3;
                const decision = (row: ExcelJS.Row) => {
                    row.getCell(6).dataValidation = { type: 'list', allowBlank: true, formulae: [`"${L.acquired},${L.notAcquired}"`], showErrorMessage: true };
                };
                const grid = juryGrid(m);
                for (const { competency: c, criteria: list } of grid.rows) {
                    if (list.length === 0) {
                        // a competency the modality evaluates with no criterion: the jury sees the gap
                        const row = sheet.addRow([text(c.id), text(c.text), '', '', L.noCriterion, '', '']);
                        row.alignment = { vertical: 'top', wrapText: true };
                        row.height = heightFor([[c.text, 40]]);
                        row.getCell(5).font = { italic: true };
                        for (const k of [1, 5]) row.getCell(k).fill = GAP;
                        continue;
                    }
                    for (const cr of list) {
                        const row = sheet.addRow([text(c.id), text(c.text), text(partName(cr)), text(cr.label ?? ''), text(cr.text), '', '']);
                        row.alignment = { vertical: 'top', wrapText: true };
                        row.height = heightFor([[c.text, 40], [cr.text, 56], [partName(cr), 16]]);
                        decision(row);
                    }
                }
                // criteria that judge nothing this modality evaluates: still on the sheet, never lost
                for (const cr of grid.unattached) {
                    const row = sheet.addRow([text(cr.judges.map((c) => c.id).join(', ') || '—'), '', text(partName(cr)), text(cr.label ?? ''), text(cr.text), '', '']);
                    row.alignment = { vertical: 'top', wrapText: true };
                    row.height = heightFor([[cr.text, 56], [partName(cr), 16]]);
                    row.getCell(1).fill = GAP;
                    decision(row);
                }
                const last = sheet.rowCount;
                // ruled like a printed grid
                for (let r = 2; r <= last; r++) for (let k = 1; k <= 7; k++) sheet.getCell(r, k).border = THIN;
                // what is acquired, per competency: a number the jury's spreadsheet can compute with, beside the number of criteria
                sheet.addRow([]);
                header(sheet.addRow([L.competency, L.count, L.of]));
                for (const { competency: c, criteria } of grid.rows) {
                    const n = criteria.length;
                    const row = sheet.addRow([text(c.id), null, n]);
                    // EXACT, not COUNTIFS: ids are told apart by case (C1 and c1 are two competencies),
                    // and COUNTIFS compares without case (and reads * ? ~ < > = in a criterion)
                    row.getCell(2).value = { formula: `SUMPRODUCT(EXACT($A$${first}:$A$${last},A${row.number})*($F$${first}:$F$${last}="${L.acquired}"))`, result: 0 };
                    row.getCell(2).alignment = { horizontal: 'center' };
                    row.getCell(3).alignment = { horizontal: 'center' };
                    if (n === 0) row.getCell(3).fill = GAP;
                    for (let k = 1; k <= 3; k++) row.getCell(k).border = THIN;
                }
            }
        }
        // coverage: competencies × modalities
        const { modalities, rows: matrix } = coverageMatrix(model);
        const sheet = workbook.addWorksheet(sheetName(`${L.coverage}${models.length > 1 ? ` ${model.id}` : ''}`), {
            views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }],
            pageSetup: { orientation: modalities.length > 8 ? 'landscape' : 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9, printTitlesRow: '1:1' },
            headerFooter: { oddFooter: `&L${text(certificationTitle(model)).replace(/&/g, '&&')} — ${L.coverage}&R&P / &N` },
        });
        const head = sheet.addRow([L.competency, ...modalities.map((m) => text(modalityLabel(m)))]);
        header(head);
        head.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
        head.getCell(1).alignment = { horizontal: 'left', vertical: 'middle' };
        sheet.getColumn(1).width = 14;
        for (let k = 2; k <= modalities.length + 1; k++) sheet.getColumn(k).width = 11;
        for (const { competency: c, cells, gap } of matrix) {
            const row = sheet.addRow([text(c.id), ...cells.map((n) => n ?? null)]);
            for (let k = 1; k <= modalities.length + 1; k++) row.getCell(k).border = THIN;
            row.eachCell((cell, col) => {
                if (col === 1) return;
                cell.alignment = { horizontal: 'center' };
                if (cell.value === 0) cell.fill = GAP;
            });
            if (gap) row.getCell(1).fill = GAP;
        }
        sheet.addRow([]);
        const legend = sheet.addRow([L.legend]);
        sheet.mergeCells(legend.number, 1, legend.number, Math.max(2, modalities.length + 1));
        legend.alignment = { wrapText: true, vertical: 'top' };
        legend.font = { italic: true };
        legend.height = heightFor([[L.legend, 14 + 11 * modalities.length]]);
        // what each column is
        for (const m of modalities) {
            const row = sheet.addRow([text(modalityLabel(m)), text(modalityName(m))]);
            sheet.mergeCells(row.number, 2, row.number, Math.max(2, modalities.length + 1));
            row.getCell(1).font = { bold: true };
            row.alignment = { vertical: 'top', wrapText: true };
            row.height = heightFor([[modalityName(m), 11 * modalities.length]]);
        }
    }
    return Buffer.from(await workbook.xlsx.writeBuffer());
}
