import {
    AlignmentType, BorderStyle, Document, HeadingLevel, Packer, PageOrientation, Paragraph, Table, TableCell, TableRow, TextRun, WidthType,
} from 'docx';
import { containers, criteriaOfModality, modalityName, partName, xmlText, type CertificationModel, type CompetencyModel, type Language } from 'certiref-language';

/**
 * The référentiel as France Compétences expects it, in Word: a title block (certification, RNCP
 * number, level, certifier), the accessibility provisions, then per bloc the three-column table
 * (référentiel d'activités | de compétences | d'évaluation: modalités et critères) with its header
 * repeated on every page; then the jury's grids, one per modality: criteria as rows, acquis /
 * non acquis / observations, a decision line and signatures.
 */
export async function toDocx(models: CertificationModel[], language: Language): Promise<Buffer> {
    const fr = language === 'fr';
    const L = fr
        ? { rncp: 'RNCP', level: 'Niveau', certifier: 'Certificateur', activities: "Référentiel d'activités", competencies: 'Référentiel de compétences', evaluation: "Référentiel d'évaluation", modalities: 'Modalités', criteria: 'Critères', grids: "Grilles d'évaluation du jury", competency: 'Compétence', criterion: 'Critère', acquired: 'Acquis', notAcquired: 'Non acquis', observations: 'Observations', decision: 'Décision du jury :  ☐ bloc validé   ☐ bloc non validé', signatures: 'Date, noms et signatures des membres du jury :', candidate: 'Candidat :', accessibility: 'Candidats en situation de handicap', noCriterion: 'aucun critère' }
        : { rncp: 'RNCP', level: 'Level', certifier: 'Certifier', activities: 'Activities', competencies: 'Competencies', evaluation: 'Evaluation', modalities: 'Modalities', criteria: 'Criteria', grids: "The jury's evaluation grids", competency: 'Competency', criterion: 'Criterion', acquired: 'Acquired', notAcquired: 'Not acquired', observations: 'Observations', decision: "Jury's decision:  ☐ bloc validated   ☐ bloc not validated", signatures: 'Date, names and signatures of the members of the jury:', candidate: 'Candidate:', accessibility: 'Candidates with disabilities', noCriterion: 'no criterion' };
    const paragraphs = (text: string, options: { bold?: boolean; size?: number } = {}) =>
        xmlText(text).split(/\n+/).map((line) => new Paragraph({ children: [new TextRun({ text: line, bold: options.bold, size: options.size })], spacing: { after: 60 } }));
    const cell = (children: Paragraph[], width: number, header = false) => new TableCell({
        children: children.length ? children : [new Paragraph('')],
        width: { size: width, type: WidthType.PERCENTAGE },
        shading: header ? { fill: 'EEF1F5' } : undefined,
    });
    const border = { style: BorderStyle.SINGLE, size: 4, color: '808080' };
    const borders = { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border };
    const sections = [];
    for (const model of models) {
        const body: Array<Paragraph | Table> = [];
        body.push(new Paragraph({ text: xmlText(model.title || model.id), heading: HeadingLevel.TITLE }));
        const meta = [model.rncp ? `${L.rncp} ${model.rncp.replace(/^RNCP/i, '')}` : undefined, model.level ? `${L.level} ${model.level}` : undefined, model.certifier ? `${L.certifier} : ${model.certifier}` : undefined].filter(Boolean) as string[];
        if (meta.length) body.push(...paragraphs(meta.join(' · '), { bold: true }));
        for (const section of model.sections) body.push(new Paragraph({ text: xmlText(section.title), heading: HeadingLevel.HEADING_2 }), ...paragraphs(section.text));
        if (model.accessibility.length) body.push(new Paragraph({ text: L.accessibility, heading: HeadingLevel.HEADING_2 }), ...model.accessibility.flatMap((a) => paragraphs(a)));
        for (const container of containers(model)) {
            if (container.containerKind === 'bloc' && container.options.length > 0 && container.activities.length === 0 && container.modalities.length === 0) continue;
            const bloc = container.containerKind === 'option' ? container.bloc : container;
            body.push(new Paragraph({
                text: xmlText(`Bloc ${bloc.id}${bloc.title ? ` — ${bloc.title}` : ''}${container.containerKind === 'option' ? ` · option ${container.id}${container.title ? ` — ${container.title}` : ''}` : ''}`),
                heading: HeadingLevel.HEADING_1, pageBreakBefore: true,
            }));
            if (container.description) body.push(...paragraphs(container.description));
            const rows = [new TableRow({ tableHeader: true, children: [cell(paragraphs(L.activities, { bold: true }), 28, true), cell(paragraphs(L.competencies, { bold: true }), 32, true), cell(paragraphs(L.evaluation, { bold: true }), 40, true)] })];
            const criteria = container.modalities.flatMap(criteriaOfModality);
            for (const a of container.activities) {
                const evaluation: Paragraph[] = [];
                const judged = (c: CompetencyModel) => criteria.filter((cr) => cr.judges.includes(c));
                for (const m of container.modalities.filter((x) => a.competencies.some((c) => x.evaluatedCompetencies.includes(c)))) {
                    evaluation.push(...paragraphs(modalityName(m), { bold: true }));
                    if (m.kind) evaluation.push(...paragraphs(m.kind));
                    for (const c of a.competencies.filter((x) => m.evaluatedCompetencies.includes(x))) {
                        const list = judged(c).filter((cr) => cr.modality === m);
                        if (list.length === 0) evaluation.push(...paragraphs(`${c.id} : ${L.noCriterion}`));
                        for (const cr of list) evaluation.push(...paragraphs(`${cr.label ? `${cr.label} — ` : ''}${cr.text}`));
                    }
                }
                rows.push(new TableRow({
                    cantSplit: false,
                    children: [
                        cell([...paragraphs(`${a.id} ${a.title}`, { bold: true }), ...(a.description ? paragraphs(a.description) : [])], 28),
                        cell(a.competencies.flatMap((c) => paragraphs(`${c.id} ${c.text}`)), 32),
                        cell(evaluation, 40),
                    ],
                }));
            }
            body.push(new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE }, borders }));
        }
        // the jury's grids
        body.push(new Paragraph({ text: L.grids, heading: HeadingLevel.HEADING_1, pageBreakBefore: true }));
        let first = true;
        for (const container of containers(model)) {
            for (const m of container.modalities) {
                body.push(new Paragraph({ text: xmlText(modalityName(m)), heading: HeadingLevel.HEADING_2, pageBreakBefore: !first }));
                first = false;
                body.push(...paragraphs(L.candidate));
                const rows = [new TableRow({ tableHeader: true, children: [L.competency, L.criterion, L.acquired, L.notAcquired, L.observations].map((h, i) => cell(paragraphs(h, { bold: true }), [22, 40, 9, 9, 20][i], true)) })];
                for (const c of m.evaluatedCompetencies) {
                    const list = criteriaOfModality(m).filter((cr) => cr.judges.includes(c));
                    for (const cr of list.length ? list : [undefined]) {
                        rows.push(new TableRow({
                            children: [
                                cell(paragraphs(`${c.id} ${c.text}`), 22),
                                cell(paragraphs(cr ? `${cr.part ? `${partName(cr)} · ` : ''}${cr.label ? `${cr.label} — ` : ''}${cr.text}` : L.noCriterion), 40),
                                cell([new Paragraph({ text: '☐', alignment: AlignmentType.CENTER })], 9),
                                cell([new Paragraph({ text: '☐', alignment: AlignmentType.CENTER })], 9),
                                cell([], 20),
                            ],
                        }));
                    }
                }
                // criteria that judge nothing this modality evaluates: still on the grid, never lost
                for (const cr of criteriaOfModality(m).filter((x) => !x.judges.some((c) => m.evaluatedCompetencies.includes(c)))) {
                    rows.push(new TableRow({
                        children: [
                            cell(paragraphs(cr.judges.map((c) => c.id).join(', ') || '—'), 22),
                            cell(paragraphs(`${cr.part ? `${partName(cr)} · ` : ''}${cr.label ? `${cr.label} — ` : ''}${cr.text}`), 40),
                            cell([new Paragraph({ text: '☐', alignment: AlignmentType.CENTER })], 9),
                            cell([new Paragraph({ text: '☐', alignment: AlignmentType.CENTER })], 9),
                            cell([], 20),
                        ],
                    }));
                }
                body.push(new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE }, borders }));
                body.push(...paragraphs(L.decision, { bold: true }), ...paragraphs(L.signatures), new Paragraph(''), new Paragraph(''));
            }
        }
        sections.push({ properties: { page: { size: { orientation: PageOrientation.LANDSCAPE } } }, children: body });
    }
    const document = new Document({ creator: 'certiref', title: xmlText(models.map((m) => m.title).join(' · ')), sections });
    return Packer.toBuffer(document);
}
