import {
    AlignmentType, BorderStyle, Document, Footer, HeadingLevel, HeightRule, LevelFormat, Packer, PageNumber, PageOrientation, Paragraph, Table, TableCell, TableLayoutType,
    TableRow, TextRun, VerticalMergeType, WidthType, type ISectionOptions,
} from 'docx';
import type { Language } from '../i18n.js';
import type { CertificationModel, CompetencyModel, CriterionModel, ModalityModel, PartModel } from '../model/types.js';
import { blocJuries, certificationTitle, containerHeading, evaluationTable, modalityMeta as metaOf, modalityName, partName, rncpNumber, shownContainers, type BlocJury, type Candidate } from '../model/view.js';
import type { OfficeOptions } from './format.js';

import { append } from '../util/arrays.js';
import { xmlText } from './tables.js';
import { colon, frenchLabels } from '../typography.js';

/** A4 landscape, 2 cm margins: the width a table may take, in twentieths of a point. */
const PAGE = { width: 16838, height: 11906, margin: 1134 };
const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;

/** Column widths from fractions of the text width (twips): LibreOffice and Word lay tables out from these. */
const columns = (...fractions: number[]) => fractions.map((f) => Math.round(f * TEXT_WIDTH));

/** The fonts the document declares (Word and LibreOffice otherwise fall back on their own defaults, serif in LibreOffice). */
const FONT = 'Arial';

/** A list item of the source's prose: a bullet (`- `, `• ` …) or a number (`1. `, `2) `). */
const LIST_ITEM = /^\s*(?:([-•–*·▪◦])|(\d{1,2})[.)])\s+/;

/**
 * The référentiel as France Compétences expects it, in Word: a title block (certification, RNCP
 * number, level, certifier), the free-text sections and the accessibility provisions, then per
 * bloc the three-column table (référentiel d'activités | de compétences | d'évaluation: modalités
 * et critères) with its header repeated on every page; then the jury's grids, per bloc (or
 * option): where to write the candidate, the date and the examiners, each modality's grid
 * (criteria as rows, acquis / non acquis / observations), then one decision for the bloc with its
 * validation rule, and signatures. With `candidates`, the grids only, once per candidate, filled
 * in with the candidate's name, date and examiners (the CLI makes one document per candidate).
 */
export async function toDocx(models: CertificationModel[], language: Language, options: OfficeOptions = {}): Promise<Buffer> {
    const L = {
        fr: frenchLabels({
            certification: 'Certification', rncp: 'Numéro RNCP', level: 'Niveau', certifier: 'Certificateur', version: 'Version', date: 'Date', missing: 'non renseigné',
            activities: "Référentiel d'activités", competencies: 'Référentiel de compétences', evaluation: "Référentiel d'évaluation (modalités et critères)",
            grids: "Grilles d'évaluation du jury", competency: 'Compétence', criterion: 'Critère', acquired: 'Acquis', notAcquired: 'Non acquis', observations: 'Observations',
            decision: 'Décision du jury :', validated: { bloc: 'bloc validé', option: 'option validée' }, notValidated: { bloc: 'bloc non validé', option: 'option non validée' }, validation: 'Règle de validation :', examiners: 'Examinateurs :', juryDate: 'Date de la délibération :', member: 'Membre du jury (nom, prénom)', role: 'Qualité', signature: 'Signature',
            candidate: 'Candidat (nom, prénom) :', evaluationDate: "Date de l'évaluation :", accessibility: 'Candidats en situation de handicap', noCriterion: 'aucun critère ne juge cette compétence',
            unattached: 'Critères qui ne jugent aucune compétence de ce bloc', part: 'Partie', evaluates: 'Évalue', page: 'page',
        }),
        en: {
            certification: 'Certification', rncp: 'RNCP number', level: 'Level', certifier: 'Certifier', version: 'Version', date: 'Date', missing: 'not given',
            activities: 'Activities', competencies: 'Competencies', evaluation: 'Evaluation (modalities and criteria)',
            grids: "The jury's evaluation grids", competency: 'Competency', criterion: 'Criterion', acquired: 'Acquired', notAcquired: 'Not acquired', observations: 'Observations',
            decision: "Jury's decision:", validated: { bloc: 'bloc validated', option: 'option validated' }, notValidated: { bloc: 'bloc not validated', option: 'option not validated' }, validation: 'Validation rule:', examiners: 'Examiners:', juryDate: 'Date of the deliberation:', member: 'Member of the jury (name)', role: 'Role', signature: 'Signature',
            candidate: 'Candidate (name):', evaluationDate: 'Date of the evaluation:', accessibility: 'Candidates with disabilities', noCriterion: 'no criterion judges this competency',
            unattached: 'Criteria that judge no competency of this bloc', part: 'Part', evaluates: 'Evaluates', page: 'page',
        },
    }[language];
    /**
     * Prose: one Word paragraph per paragraph of the source text; a list item (`- `, `• `, `1. ` …)
     * as an item of a Word list (bullets, or numbers that start again with each list).
     */
    let numberedLists = 0;
    const paragraphs = (text: string, options: { bold?: boolean; italics?: boolean; keepNext?: boolean } = {}) => {
        let numbered: number | undefined;
        return xmlText(text).split(/\n+/).map((line) => {
            const item = LIST_ITEM.exec(line);
            if (!item || !item[2]) numbered = undefined;
            if (item && item[2] && numbered === undefined) numbered = ++numberedLists;
            const numbering = item ? (item[1] ? { reference: 'bullets', level: 0 } : { reference: 'numbers', level: 0, instance: numbered! }) : undefined;
            return new Paragraph({
                children: [new TextRun({ text: item ? line.slice(item[0].length) : line, bold: options.bold, italics: options.italics })],
                spacing: { after: 60 }, keepNext: options.keepNext, numbering,
            });
        });
    };
    const cell = (children: Paragraph[], width: number, options: { header?: boolean; rowSpan?: number; merged?: boolean } = {}) => new TableCell({
        children: children.length ? children : [new Paragraph('')],
        width: { size: width, type: WidthType.DXA },
        shading: options.header ? { fill: 'EEF1F5' } : undefined,
        rowSpan: options.rowSpan,
        verticalMerge: options.merged ? VerticalMergeType.CONTINUE : undefined,
    });
    const border = { style: BorderStyle.SINGLE, size: 4, color: '808080' };
    const borders = { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border };
    const table = (rows: TableRow[], widths: number[]) => new Table({ rows, columnWidths: widths, layout: TableLayoutType.FIXED, width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA }, borders });
    const checkbox = (keepNext = false) => [new Paragraph({ text: '☐', alignment: AlignmentType.CENTER, keepNext })];
    const criterionText = (cr: CriterionModel, withPart = true) => `${withPart && cr.part ? `${partName(cr)} · ` : ''}${cr.label ? `${cr.label} — ` : ''}${cr.text}`;
    // deliverables each in quotes (one may hold a comma: a reader, or the Word import, tells them
    // apart); a part says what it evaluates when its source does
    const modalityMeta = (m: ModalityModel | PartModel) => [
        ...metaOf(m, language, { quoteDeliverables: true }),
        ...('modality' in m && m.evaluatesDeclared && m.evaluates.length ? [`${L.evaluates}${colon(language)}${m.evaluates.map((c) => c.id).join(', ')}`] : []),
    ].join(' · ');
    // a part's heading in the evaluation column: `Partie 1 — title`, or its title when it says it is a part
    const partHeading = (p: PartModel) => {
        if (p.id) return `${L.part} ${p.id}${p.title ? ` — ${p.title}` : ''}`;
        if (p.title) return /^(partie|part)\b/i.test(p.title) ? p.title : `${L.part} — ${p.title}`;
        return L.part;
    };

    const sections: ISectionOptions[] = [];
    if (options.candidates) {
        // a candidate's grids, ready to fill: the certification's name, then the grids of every bloc asked for
        for (const candidate of options.candidates) {
            for (const model of models) {
                sections.push(section(model, [new Paragraph({ text: xmlText(certificationTitle(model)), heading: HeadingLevel.TITLE }), ...juryGrids(model, candidate)]));
            }
        }
        return Packer.toBuffer(wordDocument(models, sections));
    }
    for (const model of models) {
        const body: Array<Paragraph | Table> = [];
        // the title block: what France Compétences reads first; a field the source does not give says so
        body.push(new Paragraph({ text: xmlText(certificationTitle(model)), heading: HeadingLevel.TITLE }));
        if (model.description) append(body, paragraphs(model.description, { italics: true }));
        const fields: Array<[string, string | undefined]> = [
            [L.certification, `${certificationTitle(model)} (${model.id})`],
            [L.rncp, model.rncp ? `RNCP${rncpNumber(model)}` : undefined],
            [L.level, model.level],
            [L.certifier, model.certifier],
            ...(model.version ? [[L.version, model.version] as [string, string]] : []),
            ...(model.date ? [[L.date, model.date] as [string, string]] : []),
        ];
        const titleWidths = columns(0.25, 0.75);
        body.push(table(fields.map(([label, value]) => new TableRow({
            children: [cell(paragraphs(label, { bold: true }), titleWidths[0], { header: true }), cell(value ? paragraphs(value) : paragraphs(L.missing, { italics: true }), titleWidths[1])],
        })), titleWidths));
        for (const section of model.sections) body.push(new Paragraph({ text: xmlText(section.title), heading: HeadingLevel.HEADING_2 }), ...paragraphs(section.text));
        if (model.accessibility.length) body.push(new Paragraph({ text: L.accessibility, heading: HeadingLevel.HEADING_2 }), ...model.accessibility.flatMap((a) => paragraphs(a)));

        // per bloc (or option), the three-column table
        const threeWidths = columns(0.28, 0.32, 0.40);
        for (const container of shownContainers(model)) {
            body.push(new Paragraph({ text: xmlText(containerHeading(container, { language })), heading: HeadingLevel.HEADING_1, pageBreakBefore: true }));
            if (container.description) append(body, paragraphs(container.description));
            const rows = [new TableRow({ tableHeader: true, cantSplit: true, children: [L.activities, L.competencies, L.evaluation].map((h, i) => cell(paragraphs(h, { bold: true }), threeWidths[i], { header: true })) })];
            const described = new Set<ModalityModel>();
            const describedParts = new Set<PartModel>();
            // criteria, a part's under its heading with (the first time) its kind, mode, deliverables and description
            const criteriaParagraphs = (list: CriterionModel[], suffix: (cr: CriterionModel) => string = () => '') => {
                const out: Paragraph[] = [];
                let part: PartModel | undefined;
                for (const cr of list) {
                    if (cr.part && cr.part !== part) {
                        append(out, paragraphs(partHeading(cr.part), { bold: true, italics: true }));
                        if (!describedParts.has(cr.part)) {
                            describedParts.add(cr.part);
                            const meta = modalityMeta(cr.part);
                            if (meta) append(out, paragraphs(meta, { italics: true }));
                            if (cr.part.description) append(out, paragraphs(cr.part.description));
                        }
                    }
                    part = cr.part;
                    append(out, paragraphs(`${criterionText(cr, false)}${suffix(cr)}`));
                }
                return out;
            };
            // a modality: its name, then (the first time) its kind, mode, deliverables and description
            const modalityParagraphs = (m: ModalityModel) => {
                const out = paragraphs(modalityName(m), { bold: true });
                if (!described.has(m)) {
                    described.add(m);
                    const meta = modalityMeta(m);
                    if (meta) append(out, paragraphs(meta, { italics: true }));
                    if (m.description) append(out, paragraphs(m.description));
                }
                return out;
            };
            const evaluated = evaluationTable(container);
            for (const { activity: a, modalities } of evaluated.rows) {
                const evaluation: Paragraph[] = [];
                for (const { modality: m, criteria, withoutCriterion } of modalities) {
                    append(evaluation, modalityParagraphs(m));
                    append(evaluation, criteriaParagraphs(criteria));
                    for (const c of withoutCriterion) append(evaluation, paragraphs(`${c.id}${colon(language)}${L.noCriterion}`, { italics: true }));
                }
                rows.push(new TableRow({
                    children: [
                        cell([...paragraphs(`${a.id} ${a.title}`, { bold: true }), ...(a.description ? paragraphs(a.description) : [])], threeWidths[0]),
                        cell(a.competencies.flatMap((c) => paragraphs(`${c.id} ${c.text}`)), threeWidths[1]),
                        cell(evaluation, threeWidths[2]),
                    ],
                }));
            }
            // modalities and criteria that no activity's row holds: never lost from the référentiel d'évaluation
            const rest: Paragraph[] = [];
            for (const { modality: m, criteria: left } of evaluated.rest) {
                append(rest, modalityParagraphs(m));
                append(rest, criteriaParagraphs(left, (cr) => (cr.judges.length ? ` (${cr.judges.map((c: CompetencyModel) => c.id).join(', ')})` : '')));
            }
            if (rest.length) rows.push(new TableRow({ children: [cell(paragraphs(L.unattached, { italics: true }), threeWidths[0]), cell([], threeWidths[1]), cell(rest, threeWidths[2])] }));
            body.push(table(rows, threeWidths));
        }

        // the jury's grids, per bloc
        body.push(new Paragraph({ text: L.grids, heading: HeadingLevel.HEADING_1, pageBreakBefore: true }));
        append(body, juryGrids(model));
        sections.push(section(model, body));
    }
    return Packer.toBuffer(wordDocument(models, sections));

    /** A section of the document: A4 landscape, the certification and the page number in the footer. */
    function section(model: CertificationModel, body: Array<Paragraph | Table>): ISectionOptions {
        return {
            properties: { page: { size: { width: PAGE.height, height: PAGE.width, orientation: PageOrientation.LANDSCAPE } /* given portrait, turned */, margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin } } },
            footers: {
                default: new Footer({
                    children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: xmlText(`${certificationTitle(model)} — ${L.page} `), size: 16 }), new TextRun({ children: [PageNumber.CURRENT], size: 16 })] })],
                }),
            },
            children: body,
        };
    }

    /**
     * The jury's grids of a certification, one bloc (or option) after the other, each from a new
     * page: the candidate, the date and the examiners (written in for a candidate, else lines to
     * fill), every modality's grid, then one decision for the bloc with its validation rule, the
     * date of the deliberation and the signatures — kept with the end of the last grid, never
     * alone on a page.
     */
    function juryGrids(model: CertificationModel, candidate?: Candidate, firstOnNewPage = false): Array<Paragraph | Table> {
        const body: Array<Paragraph | Table> = [];
        const gridWidths = columns(0.24, 0.40, 0.08, 0.08, 0.20);
        const signatureWidths = columns(0.40, 0.25, 0.35);
        blocJuries(model).forEach((jury: BlocJury, index) => {
            const { container } = jury;
            body.push(new Paragraph({ text: xmlText(containerHeading(container, { language })), heading: HeadingLevel.HEADING_2, pageBreakBefore: index > 0 || firstOnNewPage, keepNext: true }));
            // who and when: the candidate's, written in; else room to write
            for (const [label, value] of [[L.candidate, candidate?.name], [L.evaluationDate, candidate?.date], [L.examiners, candidate?.examiners]] as Array<[string, string | undefined]>) {
                body.push(new Paragraph({ keepNext: true, spacing: { after: 80 }, children: [new TextRun({ text: label, bold: true }), new TextRun({ text: value ? ` ${xmlText(value)}` : '' })] }));
            }
            jury.grids.forEach((grid, g) => {
                const m = grid.modality;
                const last = g === jury.grids.length - 1;
                body.push(new Paragraph({ text: xmlText(modalityName(m)), heading: HeadingLevel.HEADING_3, keepNext: true }));
                const meta = modalityMeta(m);
                if (meta) append(body, paragraphs(meta, { italics: true, keepNext: true }));
                const rows = [new TableRow({ tableHeader: true, cantSplit: true, children: [L.competency, L.criterion, L.acquired, L.notAcquired, L.observations].map((h, i) => cell(paragraphs(h, { bold: true, keepNext: true }), gridWidths[i], { header: true })) })];
                // rows made once it is known whether they keep with the decision that follows
                const makers: Array<(keep: boolean) => TableRow> = [];
                const decisionRow = (competency: ((keep: boolean) => TableCell) | undefined, text: (keep: boolean) => Paragraph[], decided = true) => makers.push((keep) => new TableRow({
                    cantSplit: true,
                    children: [...(competency ? [competency(keep)] : []), cell(text(keep), gridWidths[1]), cell(decided ? checkbox(keep) : [], gridWidths[2]), cell(decided ? checkbox(keep) : [], gridWidths[3]), cell([new Paragraph({ keepNext: keep })], gridWidths[4])],
                }));
                for (const { competency: c, criteria: list } of grid.rows) {
                    // the competency once, beside all its criteria (a merged cell, as the preview's grid)
                    const head = (keep: boolean) => cell(paragraphs(`${c.id} ${c.text}`, { keepNext: keep }), gridWidths[0], { rowSpan: Math.max(1, list.length) });
                    // nothing to decide where no criterion judges: the gap shows, without boxes to tick
                    if (list.length === 0) decisionRow(head, (keep) => paragraphs(L.noCriterion, { italics: true, keepNext: keep }), false);
                    list.forEach((cr, i) => decisionRow(i === 0 ? head : undefined, (keep) => paragraphs(criterionText(cr), { keepNext: keep })));
                }
                // criteria that judge nothing this modality evaluates: still on the grid, never lost
                for (const cr of grid.unattached) {
                    decisionRow((keep) => cell(paragraphs(cr.judges.map((c) => c.id).join(', ') || '—', { keepNext: keep }), gridWidths[0]), (keep) => paragraphs(criterionText(cr), { keepNext: keep }));
                }
                // the last grid's last row keeps with the decision that follows (keep-with-next on its paragraphs, as
                // Word reads it; LibreOffice 7.4 does not honour it inside a table), every row whole on its page
                append(rows, makers.map((make, i) => make(last && i === makers.length - 1)));
                body.push(table(rows, gridWidths));
            });
            // one decision for the bloc, after all its modalities, with the rule that validates it
            const kind = container.containerKind;
            if (jury.validation) body.push(new Paragraph({ spacing: { before: 240, after: 60 }, keepNext: true, children: [new TextRun({ text: `${L.validation} `, bold: true }), new TextRun({ text: xmlText(jury.validation) })] }));
            body.push(new Paragraph({ spacing: { before: jury.validation ? 60 : 240, after: 120 }, keepNext: true, children: [new TextRun({ text: `${L.decision}   ☐ ${L.validated[kind]}     ☐ ${L.notValidated[kind]}`, bold: true })] }));
            append(body, paragraphs(L.juryDate, { keepNext: true }));
            const examiners = (candidate?.examiners ?? '').split(/\s*[,;\n]\s*/).filter(Boolean);
            const signatureRows = Math.max(3, examiners.length);
            body.push(table([
                new TableRow({ tableHeader: true, cantSplit: true, children: [L.member, L.role, L.signature].map((h, i) => cell(paragraphs(h, { bold: true, keepNext: true }), signatureWidths[i], { header: true })) }),
                ...Array.from({ length: signatureRows }, (_, i) => new TableRow({
                    cantSplit: true, height: { value: 700, rule: HeightRule.ATLEAST },
                    children: signatureWidths.map((w, k) => cell([new Paragraph({ text: k === 0 && examiners[i] ? xmlText(examiners[i]) : '', keepNext: i < signatureRows - 1 })], w)),
                })),
            ], signatureWidths));
        });
        return body;
    }
}

/** The document: its fonts and list styles declared, so that Word and LibreOffice show the same. */
function wordDocument(models: CertificationModel[], sections: ISectionOptions[]): Document {
    const font = { font: FONT };
    return new Document({
        creator: 'certiref', title: xmlText(models.map((m) => m.title).join(' · ')), sections,
        styles: {
            default: {
                document: { run: { ...font, size: 20 } },
                title: { run: font }, heading1: { run: font }, heading2: { run: font }, heading3: { run: font },
            },
        },
        numbering: {
            config: [
                { reference: 'bullets', levels: [{ level: 0, format: LevelFormat.BULLET, text: '•', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 360, hanging: 240 } } } }] },
                { reference: 'numbers', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 360, hanging: 300 } } } }] },
            ],
        },
    });
}
