import {
    AlignmentType, BorderStyle, Document, Footer, HeadingLevel, PageNumber, PageOrientation, Packer, Paragraph, Table, TableCell, TableLayoutType, TableRow,
    TextRun, WidthType,
} from 'docx';
import ExcelJS from 'exceljs';
import type { Language } from '../config/config.js';
import type { RenewalFile } from '../diff/renewal.js';
import { changeRows, correspondenceRows, renewalWords as words, versionHeading, versionRows } from '../diff/renewal-report.js';
import { neutralise, xmlText } from './tables.js';

/**
 * The two tables of a renewal file, in Word and Excel: the correspondence of the blocs of the
 * previous version and the new one, and the table of changes (element · previous version · new
 * version · nature of the change · justification). Each version's column is headed with its
 * title, RNCP number and version or date, as written in its référentiel.
 */

/** A4 landscape, 2 cm margins (twips). */
const PAGE = { width: 16838, height: 11906, margin: 1134 };
const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;
const columns = (...fractions: number[]) => fractions.map((f) => Math.round(f * TEXT_WIDTH));

export async function renewalToDocx(file: RenewalFile, language: Language): Promise<Buffer> {
    const L = words(language);
    const paragraphs = (text: string, options: { bold?: boolean; italics?: boolean } = {}) =>
        xmlText(text).split(/\n+/).map((line) => new Paragraph({ children: [new TextRun({ text: line, bold: options.bold, italics: options.italics })], spacing: { after: 40 } }));
    const border = { style: BorderStyle.SINGLE, size: 4, color: '808080' };
    const borders = { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border };
    const cell = (text: string, width: number, header = false) => new TableCell({
        children: text ? paragraphs(text, { bold: header }) : [new Paragraph('')],
        width: { size: width, type: WidthType.DXA },
        shading: header ? { fill: 'EEF1F5' } : undefined,
    });
    const table = (head: string[], rows: string[][], widths: number[]) => new Table({
        rows: [
            new TableRow({ tableHeader: true, cantSplit: true, children: head.map((h, i) => cell(h, widths[i]!, true)) }),
            ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((t, i) => cell(t, widths[i]!)) })),
        ],
        columnWidths: widths,
        layout: TableLayoutType.FIXED,
        width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
        borders,
    });
    const previous = `${L.previous}${L.colon}${versionHeading(file.old)}`;
    const next = `${L.next}${L.colon}${versionHeading(file.new)}`;
    const body: Array<Paragraph | Table> = [
        new Paragraph({ text: xmlText(`${L.title} — ${file.new.title || file.new.id}`), heading: HeadingLevel.TITLE }),
        new Paragraph({ text: L.versions, heading: HeadingLevel.HEADING_2 }),
        table(['', L.previous, L.next], versionRows(file, L), columns(0.2, 0.4, 0.4)),
        new Paragraph({ text: L.correspondence, heading: HeadingLevel.HEADING_1, pageBreakBefore: true }),
        table([previous, next, L.correspondenceColumn, L.originColumn, L.observations], correspondenceRows(file, L), columns(0.27, 0.27, 0.16, 0.15, 0.15)),
        new Paragraph({ text: L.changes, heading: HeadingLevel.HEADING_1, pageBreakBefore: true }),
        table([L.element, previous, next, L.natureColumn, L.justification], changeRows(file, L), columns(0.14, 0.28, 0.28, 0.14, 0.16)),
    ];
    if (file.unchanged > 0) body.push(...paragraphs(L.unchanged(file.unchanged), { italics: true }));
    const document = new Document({
        creator: 'certiref',
        title: xmlText(`${L.title} — ${versionHeading(file.old)} → ${versionHeading(file.new)}`),
        sections: [{
            properties: { page: { size: { width: PAGE.height, height: PAGE.width, orientation: PageOrientation.LANDSCAPE }, margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin } } },
            footers: {
                default: new Footer({
                    children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: xmlText(`${L.title} — ${file.new.title || file.new.id} — ${L.page} `), size: 16 }), new TextRun({ children: [PageNumber.CURRENT], size: 16 })] })],
                }),
            },
            children: body,
        }],
    });
    return Packer.toBuffer(document);
}

export async function renewalToXlsx(file: RenewalFile, language: Language): Promise<Buffer> {
    const L = words(language);
    const workbook = new ExcelJS.Workbook();
    workbook.creator = 'certiref';
    const text = (value: string) => neutralise(xmlText(value));
    const THIN = { style: 'thin', color: { argb: 'FF8A8A8A' } } as const;
    // spreadsheets do not grow a row for wrapped text on their own: lines × 13 pt
    const heightFor = (texts: string[], widths: number[]) =>
        Math.min(409, 13 * Math.max(1, ...texts.map((t, i) => t.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(line.length / (widths[i]! * 1.1))), 0))));
    const sheet = (name: string, heading: string, head: string[], rows: string[][], widths: number[]) => {
        const ws = workbook.addWorksheet(name, {
            views: [{ state: 'frozen', ySplit: 5 }],
            pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9, printTitlesRow: '5:5' },
        });
        ws.columns = widths.map((width) => ({ width }));
        ws.addRow([text(heading)]).font = { bold: true, size: 14 };
        ws.addRow([text(L.previous), text(versionHeading(file.old))]);
        ws.addRow([text(L.next), text(versionHeading(file.new))]);
        ws.addRow([]);
        const header = ws.addRow(head.map(text));
        header.font = { bold: true };
        header.height = heightFor(head, widths);
        header.eachCell((c) => {
            c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEF1F5' } };
            c.border = { top: THIN, bottom: THIN, left: THIN, right: THIN };
            c.alignment = { vertical: 'top', wrapText: true };
        });
        for (const r of rows) {
            const row = ws.addRow(r.map(text));
            row.eachCell({ includeEmpty: true }, (c) => {
                c.alignment = { vertical: 'top', wrapText: true };
                c.border = { top: THIN, bottom: THIN, left: THIN, right: THIN };
            });
            row.height = heightFor(r, widths);
        }
        return ws;
    };
    const previous = `${L.previous}${L.colon}${versionHeading(file.old)}`;
    const next = `${L.next}${L.colon}${versionHeading(file.new)}`;
    sheet(L.sheetCorrespondence, L.correspondence, [previous, next, L.correspondenceColumn, L.originColumn, L.observations], correspondenceRows(file, L), [45, 45, 24, 30, 30]);
    const changes = sheet(L.sheetChanges, L.changes, [L.element, previous, next, L.natureColumn, L.justification], changeRows(file, L), [22, 55, 55, 18, 35]);
    if (file.unchanged > 0) changes.addRow([text(L.unchanged(file.unchanged))]).font = { italic: true };
    return Buffer.from(await workbook.xlsx.writeBuffer());
}
