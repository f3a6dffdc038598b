import ExcelJS from 'exceljs';
import type { Language } from '../i18n.js';
import type { CertificationModel } from '../model/types.js';
import { blocJuries, certificationTitle, containerHeading, coverageMatrix, modalityLabel, modalityMeta, modalityName, partName, type BlocJury, type Candidate } from '../model/view.js';
import type { OfficeOptions } from './format.js';
import { neutralise, xmlText } from './tables.js';
import { frenchLabels } from '../typography.js';

/** The columns of a jury's sheet: competency, its text, part, criterion, its text, decision, observations. */
const WIDTHS = [12, 40, 16, 12, 56, 14, 32];
const LAST_COLUMN = WIDTHS.length;

/**
 * The jury's workbook: a sheet per bloc (or option) — with `candidates`, a sheet per candidate
 * holding every bloc asked for, filled in with the candidate's name, date and examiners. On a
 * sheet, per bloc: its title, where to write the candidate, the date and the examiners, each
 * modality's grid (competencies merged over their criteria, a drop-down for each decision), the
 * bloc's result computed from the grid (formulas), its validation rule, the jury's decision and
 * the signatures; printable on A4 (landscape, fit to the width). Then a coverage sheet
 * (competencies × modalities, gaps highlighted).
 */
export async function toXlsx(models: CertificationModel[], language: Language, options: OfficeOptions = {}): Promise<Buffer> {
    const L = {
        fr: frenchLabels({ competency: 'Compétence', text: 'Intitulé', part: 'Partie', criterion: 'Critère', criterionText: "Critère d'évaluation", decision: 'Décision', observations: 'Observations', acquired: 'Acquis', notAcquired: 'Non acquis', count: 'Critères acquis', of: 'Critères', coverage: 'Couverture', candidate: 'Candidat (nom, prénom) :', noCriterion: 'Aucun critère ne juge cette compétence', legend: 'Nombre de critères de chaque modalité qui jugent la compétence ; une case vide : la modalité ne l\'évalue pas ; en orange : évaluée sans critère, ou compétence sans critère ni évaluation.',
            date: "Date de l'évaluation :", examiners: 'Examinateurs :', modality: 'Modalité', competencyAcquired: 'Compétence acquise', yes: 'oui', no: 'non',
            result: 'Résultat calculé (toutes les compétences évaluées acquises)', validation: 'Règle de validation :', juryDecision: 'Décision du jury :', juryDate: 'Date de la délibération :',
            member: 'Membre du jury (nom, prénom)', role: 'Qualité', signature: 'Signature', validated: { bloc: 'bloc validé', option: 'option validée' }, notValidated: { bloc: 'bloc non validé', option: 'option non validée' } }),
        en: { competency: 'Competency', text: 'Text', part: 'Part', criterion: 'Criterion', criterionText: 'Evaluation criterion', decision: 'Decision', observations: 'Observations', acquired: 'Acquired', notAcquired: 'Not acquired', count: 'Criteria acquired', of: 'Criteria', coverage: 'Coverage', candidate: 'Candidate (name):', noCriterion: 'No criterion judges this competency', legend: 'Number of criteria of each modality that judge the competency; an empty cell: the modality does not evaluate it; in orange: evaluated without a criterion, or a competency with no criterion or no evaluation.',
            date: 'Date of the evaluation:', examiners: 'Examiners:', modality: 'Modality', competencyAcquired: 'Competency acquired', yes: 'yes', no: 'no',
            result: 'Computed result (every competency evaluated acquired)', validation: 'Validation rule:', juryDecision: "Jury's decision:", juryDate: 'Date of the deliberation:',
            member: 'Member of the jury (name)', role: 'Role', signature: 'Signature', validated: { bloc: 'bloc validated', option: 'option validated' }, notValidated: { bloc: 'bloc not validated', option: 'option not validated' } },
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
    const HEAD = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEF1F5' } } as const;
    const decision = (row: ExcelJS.Row) => {
        row.getCell(6).dataValidation = { type: 'list', allowBlank: true, formulae: [`"${L.acquired},${L.notAcquired}"`], showErrorMessage: true };
    };
    // spreadsheets do not grow a row for wrapped text on their own: lines × 13 pt
    const heightFor = (texts: Array<[string, number]>) => Math.min(409, 13 * Math.max(1, ...texts.map(([t, width]) => t.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(line.length / (width * 1.1))), 0))));
    /** A sheet ready to print: A4 landscape, fit to the width, the certification and the page in the footer. */
    const jurySheet = (name: string, model: CertificationModel) => {
        const sheet = workbook.addWorksheet(sheetName(name), {
            pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9, horizontalCentered: true, margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 } },
            headerFooter: { oddFooter: `&L${text(certificationTitle(model)).replace(/&/g, '&&')}&R&P / &N` },
        });
        sheet.columns = WIDTHS.map((width) => ({ width }));
        return sheet;
    };
    /** A row whose cells from `from` to `to` are one, its text wrapped, as high as the text needs at that width. */
    const merged = (sheet: ExcelJS.Worksheet, value: string, from = 1, to = LAST_COLUMN, options: { bold?: boolean; size?: number } = {}) => {
        const row = sheet.addRow([]);
        row.getCell(from).value = text(value);
        sheet.mergeCells(row.number, from, row.number, to);
        row.getCell(from).font = { bold: options.bold, size: options.size };
        row.getCell(from).alignment = { vertical: 'top', wrapText: true };
        const width = WIDTHS.slice(from - 1, to).reduce((a, b) => a + b, 0) * (11 / (options.size ?? 11)) * (options.bold ? 0.9 : 1);
        row.height = heightFor([[value, width / 1.1]]) * ((options.size ?? 11) / 11) + 4;
        return row;
    };
    const rule = (sheet: ExcelJS.Worksheet, from: number, to: number, columns = LAST_COLUMN) => {
        for (let r = from; r <= to; r++) for (let k = 1; k <= columns; k++) sheet.getCell(r, k).border = THIN;
    };
    /** A label (columns A and B) and what is written beside it (C to G): the candidate's, or room to write. */
    const field = (sheet: ExcelJS.Worksheet, label: string, value: string | undefined, height = 20) => {
        const row = sheet.addRow([label, '', text(value ?? '')]);
        sheet.mergeCells(row.number, 1, row.number, 2);
        sheet.mergeCells(row.number, 3, row.number, LAST_COLUMN);
        row.getCell(1).font = { bold: true };
        row.getCell(1).fill = HEAD;
        row.alignment = { vertical: 'middle', wrapText: true };
        row.height = height;
        rule(sheet, row.number, row.number);
        return row;
    };

    /** One bloc's grids, result, decision and signatures, from the sheet's next row. */
    const writeJury = (sheet: ExcelJS.Worksheet, model: CertificationModel, jury: BlocJury, candidate?: Candidate) => {
        const { container } = jury;
        merged(sheet, `${certificationTitle(model)} — ${containerHeading(container)}`, 1, LAST_COLUMN, { bold: true, size: 13 });
        field(sheet, L.candidate, candidate?.name);
        field(sheet, L.date, candidate?.date);
        field(sheet, L.examiners, candidate?.examiners);
        // per modality and competency: where its decisions are, for the result's formulas
        const judged: Array<{ modality: string; competency: string; first: number; last: number; count: number }> = [];
        for (const grid of jury.grids) {
            const m = grid.modality;
            sheet.addRow([]);
            merged(sheet, modalityName(m), 1, LAST_COLUMN, { bold: true, size: 12 });
            const meta = modalityMeta(m, language, { quoteDeliverables: true });
            if (meta.length) merged(sheet, meta.join(' · ')).getCell(1).font = { italic: true };
            const head = sheet.addRow([L.competency, L.text, L.part, L.criterion, L.criterionText, L.decision, L.observations]);
            header(head);
            for (const { competency: c, criteria: list } of grid.rows) {
                const first = sheet.rowCount + 1;
                if (list.length === 0) {
                    // a competency the modality evaluates with no criterion: the jury sees the gap
                    const row = sheet.addRow([text(c.id), text(c.text), '', '', L.noCriterion, '', '']);
                    row.alignment = { vertical: 'top', wrapText: true };
                    row.height = heightFor([[c.text, 40]]);
                    row.getCell(5).font = { italic: true };
                    for (const k of [1, 5]) row.getCell(k).fill = GAP;
                    judged.push({ modality: modalityLabel(m), competency: c.id, first, last: first, count: 0 });
                    continue;
                }
                for (const cr of list) {
                    const row = sheet.addRow([text(c.id), text(c.text), text(partName(cr)), text(cr.label ?? ''), text(cr.text), '', '']);
                    row.alignment = { vertical: 'top', wrapText: true };
                    row.height = heightFor([[cr.text, 56], [partName(cr), 16]]);
                    decision(row);
                }
                // the competency once, over all its criteria; the rows as high as its text needs
                const last = sheet.rowCount;
                if (last > first) {
                    sheet.mergeCells(first, 1, last, 1);
                    sheet.mergeCells(first, 2, last, 2);
                }
                let height = 0;
                for (let r = first; r <= last; r++) height += sheet.getRow(r).height ?? 13;
                const needed = heightFor([[c.text, 40]]);
                if (needed > height) sheet.getRow(last).height = (sheet.getRow(last).height ?? 13) + needed - height;
                judged.push({ modality: modalityLabel(m), competency: c.id, first, last, count: list.length });
            }
            // criteria that judge nothing this modality evaluates: still on the sheet, never lost
            for (const cr of grid.unattached) {
                const row = sheet.addRow([text(cr.judges.map((c) => c.id).join(', ') || '—'), '', text(partName(cr)), text(cr.label ?? ''), text(cr.text), '', '']);
                row.alignment = { vertical: 'top', wrapText: true };
                row.height = heightFor([[cr.text, 56], [partName(cr), 16]]);
                row.getCell(1).fill = GAP;
                decision(row);
            }
            rule(sheet, head.number + 1, sheet.rowCount);
        }
        // the bloc's result, computed from the grid: per competency, its criteria acquired; acquired when all are
        sheet.addRow([]);
        const resultHead = sheet.addRow([L.competency, L.modality, L.count, L.of, L.competencyAcquired]);
        header(resultHead);
        const firstResult = resultHead.number + 1;
        for (const j of judged) {
            const row = sheet.addRow([text(j.competency), text(j.modality), null, j.count, null]);
            row.getCell(3).value = { formula: `COUNTIF(F${j.first}:F${j.last},"${L.acquired}")`, result: 0 };
            // a competency without criterion is no one's to compute: the jury judges it
            // blank until every decision of the competency is written
            row.getCell(5).value = j.count === 0 ? '—' : { formula: `IF(COUNTA(F${j.first}:F${j.last})<D${row.number},"",IF(C${row.number}=D${row.number},"${L.yes}","${L.no}"))`, result: '' };
            for (const k of [3, 4, 5]) row.getCell(k).alignment = { horizontal: 'center' };
            if (j.count === 0) row.getCell(4).fill = GAP;
        }
        const lastResult = sheet.rowCount;
        rule(sheet, resultHead.number, lastResult, 5);
        // the result once every decision is written: validated when every competency evaluated is acquired
        const result = sheet.addRow([L.result, '', '', '', null]);
        sheet.mergeCells(result.number, 1, result.number, 4);
        const kind = container.containerKind;
        const decided = `SUM(D${firstResult}:D${lastResult})`;
        const written = judged.filter((j) => j.count > 0).map((j) => `COUNTA(F${j.first}:F${j.last})`).join('+') || '0';
        result.getCell(5).value = { formula: `IF(${written}<${decided},"",IF(COUNTIF(E${firstResult}:E${lastResult},"${L.no}")=0,"${L.validated[kind]}","${L.notValidated[kind]}"))`, result: '' };
        result.font = { bold: true };
        result.alignment = { vertical: 'middle', wrapText: true };
        rule(sheet, result.number, result.number, 5);
        // the rule the référentiel gives, then the jury's own decision
        if (jury.validation) {
            const row = sheet.addRow([L.validation, '', text(jury.validation)]);
            sheet.mergeCells(row.number, 1, row.number, 2);
            sheet.mergeCells(row.number, 3, row.number, LAST_COLUMN);
            row.getCell(1).font = { bold: true };
            row.alignment = { vertical: 'top', wrapText: true };
            row.height = heightFor([[jury.validation, 130]]);
        }
        const decisionRow = field(sheet, L.juryDecision, undefined, 24);
        decisionRow.getCell(3).dataValidation = { type: 'list', allowBlank: true, formulae: [`"${L.validated[kind]},${L.notValidated[kind]}"`], showErrorMessage: true };
        field(sheet, L.juryDate, undefined);
        // the signatures: a row per examiner named, at least three
        const signatureHead = sheet.addRow([L.member, '', L.role, '', L.signature]);
        sheet.mergeCells(signatureHead.number, 1, signatureHead.number, 2);
        sheet.mergeCells(signatureHead.number, 3, signatureHead.number, 4);
        sheet.mergeCells(signatureHead.number, 5, signatureHead.number, LAST_COLUMN);
        header(signatureHead);
        const examiners = (candidate?.examiners ?? '').split(/\s*[,;\n]\s*/).filter(Boolean);
        for (let i = 0; i < Math.max(3, examiners.length); i++) {
            const row = sheet.addRow([text(examiners[i] ?? ''), '', '', '', '']);
            sheet.mergeCells(row.number, 1, row.number, 2);
            sheet.mergeCells(row.number, 3, row.number, 4);
            sheet.mergeCells(row.number, 5, row.number, LAST_COLUMN);
            row.height = 36;
            row.alignment = { vertical: 'top' };
        }
        rule(sheet, signatureHead.number, sheet.rowCount);
    };

    for (const model of models) {
        const juries = blocJuries(model);
        const prefix = models.length > 1 ? `${model.id} ` : '';
        if (options.candidates) {
            // a sheet per candidate: every bloc asked for, each from a new printed page
            for (const candidate of options.candidates) {
                const sheet = jurySheet(`${prefix}${candidate.name}`, model);
                juries.forEach((jury, i) => {
                    if (i > 0) sheet.getRow(sheet.rowCount).addPageBreak();
                    writeJury(sheet, model, jury, candidate);
                });
            }
        } else {
            for (const jury of juries) writeJury(jurySheet(`${prefix}${containerHeading(jury.container, { titles: false })}`, model), model, jury);
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
