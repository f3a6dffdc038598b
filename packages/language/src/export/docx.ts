import {
    AlignmentType, BorderStyle, Document, Footer, HeadingLevel, HeightRule, Packer, PageNumber, PageOrientation, Paragraph, Table, TableCell, TableLayoutType,
    TableRow, TextRun, VerticalMergeType, WidthType,
} from 'docx';
import type { Language } from '../i18n.js';
import { containers } from '../model/queries.js';
import type { CertificationModel, CompetencyModel, CriterionModel, ModalityModel, PartModel } from '../model/types.js';
import { certificationTitle, containerHeading, evaluationTable, juryGrid, modalityMeta as metaOf, modalityName, partName, rncpNumber, shownContainers } from '../model/view.js';

import { append } from '../util/arrays.js';
import { xmlText } from './tables.js';
import { colon, frenchLabels } from '../typography.js';

/** A4 landscape, 2 cm margins: the width a table may take, in twentieths of a point. */
const PAGE = { width: 16838, height: 11906, margin: 1134 };
const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;

/** Column widths from fractions of the text width (twips): LibreOffice and Word lay tables out from these. */
const columns = (...fractions: number[]) => fractions.map((f) => Math.round(f * TEXT_WIDTH));

/**
 * The référentiel as France Compétences expects it, in Word: a title block (certification, RNCP
 * number, level, certifier), the free-text sections and the accessibility provisions, then per
 * bloc the three-column table (référentiel d'activités | de compétences | d'évaluation: modalités
 * et critères) with its header repeated on every page; then the jury's grids, one per modality:
 * criteria as rows, acquis / non acquis / observations, a decision line and signatures.
 */
export async function toDocx(models: CertificationModel[], language: Language): Promise<Buffer> {
    const L = {
        fr: frenchLabels({
            certification: 'Certification', rncp: 'Numéro RNCP', level: 'Niveau', certifier: 'Certificateur', version: 'Version', date: 'Date', missing: 'non renseigné',
            activities: "Référentiel d'activités", competencies: 'Référentiel de compétences', evaluation: "Référentiel d'évaluation (modalités et critères)",
            grids: "Grilles d'évaluation du jury", competency: 'Compétence', criterion: 'Critère', acquired: 'Acquis', notAcquired: 'Non acquis', observations: 'Observations',
            decision: 'Décision du jury :', validated: 'bloc validé', notValidated: 'bloc non validé', juryDate: 'Date de la délibération :', member: 'Membre du jury (nom, prénom)', role: 'Qualité', signature: 'Signature',
            candidate: 'Candidat (nom, prénom) :', evaluationDate: "Date de l'évaluation :", accessibility: 'Candidats en situation de handicap', noCriterion: 'aucun critère ne juge cette compétence',
            unattached: 'Critères qui ne jugent aucune compétence de ce bloc', part: 'Partie', evaluates: 'Évalue', page: 'page',
        }),
        en: {
            certification: 'Certification', rncp: 'RNCP number', level: 'Level', certifier: 'Certifier', version: 'Version', date: 'Date', missing: 'not given',
            activities: 'Activities', competencies: 'Competencies', evaluation: 'Evaluation (modalities and criteria)',
            grids: "The jury's evaluation grids", competency: 'Competency', criterion: 'Criterion', acquired: 'Acquired', notAcquired: 'Not acquired', observations: 'Observations',
            decision: "Jury's decision:", validated: 'bloc validated', notValidated: 'bloc not validated', juryDate: 'Date of the deliberation:', member: 'Member of the jury (name)', role: 'Role', signature: 'Signature',
            candidate: 'Candidate (name):', evaluationDate: 'Date of the evaluation:', accessibility: 'Candidates with disabilities', noCriterion: 'no criterion judges this competency',
            unattached: 'Criteria that judge no competency of this bloc', part: 'Part', evaluates: 'Evaluates', page: 'page',
        },
    }[language];
    /** Prose: one Word paragraph per paragraph (or list item) of the source text. */
    const paragraphs = (text: string, options: { bold?: boolean; italics?: boolean; keepNext?: boolean } = {}) =>
        xmlText(text).split(/\n+/).map((line) => new Paragraph({ children: [new TextRun({ text: line, bold: options.bold, italics: options.italics })], spacing: { after: 60 }, keepNext: options.keepNext }));
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
    const checkbox = () => [new Paragraph({ text: '☐', alignment: AlignmentType.CENTER })];
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

    const sections = [];
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
            body.push(new Paragraph({ text: xmlText(containerHeading(container)), heading: HeadingLevel.HEADING_1, pageBreakBefore: true }));
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

        // the jury's grids: one per modality
        body.push(new Paragraph({ text: L.grids, heading: HeadingLevel.HEADING_1, pageBreakBefore: true }));
        const gridWidths = columns(0.24, 0.40, 0.08, 0.08, 0.20);
        const signatureWidths = columns(0.40, 0.25, 0.35);
        let first = true;
        for (const container of containers(model)) {
            for (const m of container.modalities) {
                body.push(new Paragraph({ text: xmlText(modalityName(m)), heading: HeadingLevel.HEADING_2, pageBreakBefore: !first, keepNext: true }));
                first = false;
                append(body, paragraphs(containerHeading(container), { bold: true, keepNext: true }));
                const meta = modalityMeta(m);
                if (meta) append(body, paragraphs(meta, { italics: true, keepNext: true }));
                append(body, paragraphs(L.candidate, { keepNext: true }));
                append(body, paragraphs(L.evaluationDate, { keepNext: true }));
                const rows = [new TableRow({ tableHeader: true, cantSplit: true, children: [L.competency, L.criterion, L.acquired, L.notAcquired, L.observations].map((h, i) => cell(paragraphs(h, { bold: true }), gridWidths[i], { header: true })) })];
                const decisionRow = (competency: TableCell | undefined, text: Paragraph[], decided = true) => new TableRow({
                    cantSplit: true,
                    children: [...(competency ? [competency] : []), cell(text, gridWidths[1]), cell(decided ? checkbox() : [], gridWidths[2]), cell(decided ? checkbox() : [], gridWidths[3]), cell([], gridWidths[4])],
                });
                const grid = juryGrid(m);
                for (const { competency: c, criteria: list } of grid.rows) {
                    // the competency once, beside all its criteria (a merged cell, as the preview's grid)
                    const head = cell(paragraphs(`${c.id} ${c.text}`), gridWidths[0], { rowSpan: Math.max(1, list.length) });
                    // nothing to decide where no criterion judges: the gap shows, without boxes to tick
                    if (list.length === 0) rows.push(decisionRow(head, paragraphs(L.noCriterion, { italics: true }), false));
                    list.forEach((cr, i) => rows.push(decisionRow(i === 0 ? head : undefined, paragraphs(criterionText(cr)))));
                }
                // criteria that judge nothing this modality evaluates: still on the grid, never lost
                for (const cr of grid.unattached) {
                    rows.push(decisionRow(cell(paragraphs(cr.judges.map((c) => c.id).join(', ') || '—'), gridWidths[0]), paragraphs(criterionText(cr))));
                }
                body.push(table(rows, gridWidths));
                // the decision and the signatures, kept together on one page
                body.push(new Paragraph({ spacing: { before: 240, after: 120 }, keepNext: true, children: [new TextRun({ text: `${L.decision}   ☐ ${L.validated}     ☐ ${L.notValidated}`, bold: true })] }));
                append(body, paragraphs(L.juryDate, { keepNext: true }));
                body.push(table([
                    new TableRow({ tableHeader: true, cantSplit: true, children: [L.member, L.role, L.signature].map((h, i) => cell(paragraphs(h, { bold: true, keepNext: true }), signatureWidths[i], { header: true })) }),
                    ...[1, 2, 3].map(() => new TableRow({ cantSplit: true, height: { value: 700, rule: HeightRule.ATLEAST }, children: signatureWidths.map((w) => cell([new Paragraph({ text: '', keepNext: true })], w)) })),
                ], signatureWidths));
            }
        }
        sections.push({
            properties: { page: { size: { width: PAGE.height, height: PAGE.width, orientation: PageOrientation.LANDSCAPE } /* given portrait, turned */, margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin } } },
            footers: {
                default: new Footer({
                    children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: xmlText(`${certificationTitle(model)} — ${L.page} `), size: 16 }), new TextRun({ children: [PageNumber.CURRENT], size: 16 })] })],
                }),
            },
            children: body,
        });
    }
    const document = new Document({ creator: 'certiref', title: xmlText(models.map((m) => m.title).join(' · ')), sections });
    return Packer.toBuffer(document);
}
