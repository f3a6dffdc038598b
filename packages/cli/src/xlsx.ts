import ExcelJS from 'exceljs';
import { containers, criteriaOfModality, modalityName, neutralise, partName, xmlText, type CertificationModel, type Language } from 'certiref-language';

/**
 * The jury's workbook: one sheet per modality (its criteria as rows, a drop-down for each
 * decision, formulas counting what is acquired per competency, frozen headers, print set-up),
 * and a coverage sheet (competencies × modalities, gaps highlighted).
 */
export async function toXlsx(models: CertificationModel[], language: Language): Promise<Buffer> {
    const fr = language === 'fr';
    const L = fr
        ? { competency: 'Compétence', text: 'Intitulé', part: 'Partie', criterion: 'Critère', criterionText: "Critère d'évaluation", decision: 'Décision', observations: 'Observations', acquired: 'Acquis', notAcquired: 'Non acquis', count: 'Critères acquis', of: 'sur', coverage: 'Couverture', total: 'critères' }
        : { competency: 'Competency', text: 'Text', part: 'Part', criterion: 'Criterion', criterionText: 'Evaluation criterion', decision: 'Decision', observations: 'Observations', acquired: 'Acquired', notAcquired: 'Not acquired', count: 'Criteria acquired', of: 'of', coverage: 'Coverage', total: 'criteria' };
    const workbook = new ExcelJS.Workbook();
    workbook.creator = 'certiref';
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
    for (const model of models) {
        for (const container of containers(model)) {
            for (const m of container.modalities) {
                const sheet = workbook.addWorksheet(sheetName(`${models.length > 1 ? `${model.id} ` : ''}${m.id ?? m.title}${container.containerKind === 'option' ? ` (${container.id})` : ''}`), {
                    views: [{ state: 'frozen', ySplit: 2 }],
                    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9, printTitlesRow: '2:2' },
                });
                sheet.columns = [{ width: 12 }, { width: 45 }, { width: 18 }, { width: 12 }, { width: 60 }, { width: 14 }, { width: 35 }];
                sheet.addRow([text(`${model.title} — ${modalityName(m)}`)]).font = { bold: true, size: 13 };
                header(sheet.addRow([L.competency, L.text, L.part, L.criterion, L.criterionText, L.decision, L.observations]));
                const first = 3;
                for (const c of m.evaluatedCompetencies) {
                    for (const cr of criteriaOfModality(m).filter((x) => x.judges.includes(c))) {
                        const row = sheet.addRow([text(c.id), text(c.text), text(partName(cr)), text(cr.label ?? ''), text(cr.text), '', '']);
                        row.alignment = { vertical: 'top', wrapText: true };
                        // spreadsheets do not grow a row for wrapped text on their own: lines × 15 pt
                        const lines = Math.max(...[c.text, cr.text, partName(cr)].map((t, k) => Math.ceil(t.length / ([45, 60, 18][k] * 1.1))), 1);
                        row.height = Math.min(409, lines * 15);
                        row.getCell(6).dataValidation = { type: 'list', allowBlank: true, formulae: [`"${L.acquired},${L.notAcquired}"`], showErrorMessage: true };
                    }
                }
                // criteria that judge nothing this modality evaluates: still on the sheet, never lost
                for (const cr of criteriaOfModality(m).filter((x) => !x.judges.some((c) => m.evaluatedCompetencies.includes(c)))) {
                    const row = sheet.addRow([text(cr.judges.map((c) => c.id).join(', ') || '—'), '', text(partName(cr)), text(cr.label ?? ''), text(cr.text), '', '']);
                    row.alignment = { vertical: 'top', wrapText: true };
                    row.height = Math.min(409, Math.max(1, Math.ceil(cr.text.length / 66)) * 15);
                    row.getCell(6).dataValidation = { type: 'list', allowBlank: true, formulae: [`"${L.acquired},${L.notAcquired}"`], showErrorMessage: true };
                }
                const last = sheet.rowCount;
                // what is acquired, per competency
                sheet.addRow([]);
                header(sheet.addRow([L.competency, L.count]));
                for (const c of m.evaluatedCompetencies) {
                    const n = criteriaOfModality(m).filter((x) => x.judges.includes(c)).length;
                    const row = sheet.addRow([text(c.id)]);
                    row.getCell(2).value = last >= first
                        ? { formula: `COUNTIFS($A$${first}:$A$${last},A${row.number},$F$${first}:$F$${last},"${L.acquired}")&" ${L.of} ${n}"`, result: `0 ${L.of} ${n}` }
                        : `0 ${L.of} 0`;
                }
            }
        }
        // coverage: competencies × modalities
        const all = containers(model);
        const modalities = all.flatMap((c) => c.modalities);
        const sheet = workbook.addWorksheet(sheetName(`${L.coverage}${models.length > 1 ? ` ${model.id}` : ''}`), { views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }] });
        header(sheet.addRow([L.competency, ...modalities.map((m) => text(`${m.id ?? m.title}${m.container.containerKind === 'option' ? ` (${m.container.id})` : ''}`))]));
        sheet.getColumn(1).width = 14;
        for (const c of all.flatMap((k) => k.activities.flatMap((a) => a.competencies))) {
            const row = sheet.addRow([text(c.id), ...modalities.map((m) => (m.evaluatedCompetencies.includes(c) ? criteriaOfModality(m).filter((x) => x.judges.includes(c)).length : null))]);
            row.eachCell((cell, col) => {
                if (col === 1) return;
                if (cell.value === 0) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFD7A0' } };
            });
            if (c.evaluatedBy.length === 0 || c.criteria.length === 0) row.getCell(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFD7A0' } };
        }
    }
    return Buffer.from(await workbook.xlsx.writeBuffer());
}
