/**
 * Word référentiels as people write them, made with the `docx` library (the one certiref's own
 * Word export uses) from a specification of what they hold: the tests import them and compare
 * what the language reads back with the specification, element by element. Each layout is one
 * of the usual ones:
 *
 * - `threeColumns`: one three-column table per bloc (activités · compétences · évaluation), each
 *   competency on its row, the activity merged down over its competencies, the evaluation cell
 *   merged over the bloc (or one cell per row), criteria as bullets;
 * - `fourColumns`: the whole référentiel in one table of four columns (the criteria apart), the
 *   blocs as rows over the whole width, as France Compétences' template;
 * - `threeTables`: per bloc, the référentiel d'activités, de compétences and d'évaluation as three
 *   tables one after the other;
 * - `numberedLists`: several competencies and criteria per cell, as numbered lists, some of them
 *   over several paragraphs, no ids at all.
 *
 * Texts use French typography (no-break spaces before « : ; ? ! » and inside « », curly
 * apostrophes, ligatures).
 */
import {
    AlignmentType, Document, HeadingLevel, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType,
} from 'docx';

export interface SpecCriterion {
    /** Written in the document when the layout writes ids. */
    id?: string;
    /** As the language reads it: paragraphs apart, list items (`• `, `1. `) one a line. */
    text: string;
    judges: string[];
}

export interface SpecModality {
    id?: string;
    title: string;
    description?: string;
    deliverables?: string[];
    mode?: 'individual' | 'group';
    criteria: SpecCriterion[];
    evaluates: string[];
}

export interface SpecCompetency {
    id: string;
    text: string;
}

export interface SpecActivity {
    id: string;
    title: string;
    description?: string;
    competencies: SpecCompetency[];
}

export interface SpecBloc {
    id: string;
    title: string;
    description?: string;
    activities: SpecActivity[];
    modalities: SpecModality[];
}

export interface Spec {
    id: string;
    title: string;
    rncp?: string;
    level?: string;
    certifier?: string;
    accessibility?: string;
    blocs: SpecBloc[];
}

const NB = '\u00a0';
const NNB = '\u202f';

const NUMBERING = {
    config: [{
        reference: 'numbers',
        levels: [
            { level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START, style: { paragraph: { indent: { left: 360, hanging: 260 } } } },
            { level: 1, format: LevelFormat.LOWER_LETTER, text: '%2)', alignment: AlignmentType.START, style: { paragraph: { indent: { left: 720, hanging: 260 } } } },
        ],
    }],
};

let instance = 0;

/**
 * A text as Word paragraphs: a blank line between paragraphs; a line `• x` a bulleted item, `1. x`
 * a numbered one (Word numbering, not typed); `idPrefix` before the first paragraph (`C1. `).
 */
function paragraphs(text: string, options: { prefix?: string; bold?: boolean; list?: 'bullet' | 'number' } = {}): Paragraph[] {
    const out: Paragraph[] = [];
    const numbered = ++instance;
    text.split('\n\n').forEach((block, b) => {
        block.split('\n').forEach((line, l) => {
            const bullet = /^• /.exec(line);
            const number = /^\d+\. /.exec(line);
            const content = bullet || number ? line.slice((bullet ?? number)![0].length) : line;
            const prefix = b === 0 && l === 0 ? options.prefix ?? '' : '';
            const children = [new TextRun({ text: prefix + content, bold: options.bold })];
            if (bullet) out.push(new Paragraph({ children, bullet: { level: 0 } }));
            else if (number) out.push(new Paragraph({ children, numbering: { reference: 'numbers', level: 0, instance: numbered } }));
            else out.push(new Paragraph({ children }));
        });
    });
    return out;
}

/** A list of elements as list items (Word numbering or bullets), each over as many paragraphs as it has. */
function listOf(texts: string[], kind: 'bullet' | 'number'): Paragraph[] {
    const numbered = ++instance;
    return texts.flatMap((text) => text.split('\n\n').map((p, i) => {
        const children = [new TextRun(p)];
        if (i > 0) return new Paragraph({ children, indent: { left: 360 } });
        return kind === 'bullet' ? new Paragraph({ children, bullet: { level: 0 } }) : new Paragraph({ children, numbering: { reference: 'numbers', level: 0, instance: numbered } });
    }));
}

const cell = (children: Paragraph[], options: { rowSpan?: number; columnSpan?: number; width?: number } = {}) =>
    new TableCell({ children: children.length ? children : [new Paragraph('')], rowSpan: options.rowSpan, columnSpan: options.columnSpan, width: options.width ? { size: options.width, type: WidthType.DXA } : undefined });
const header = (titles: string[], widths: number[]) => new TableRow({ tableHeader: true, children: titles.map((t, i) => cell([new Paragraph({ children: [new TextRun({ text: t, bold: true })] })], { width: widths[i] })) });
const table = (rows: TableRow[], widths: number[]) => new Table({ rows, columnWidths: widths, width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA } });

function headerBlock(spec: Spec, fields: 'table' | 'lines'): Array<Paragraph | Table> {
    const out: Array<Paragraph | Table> = [new Paragraph({ text: spec.title, heading: HeadingLevel.TITLE })];
    const values: Array<[string, string | undefined]> = [['Intitulé de la certification', spec.title], ['Code RNCP', spec.rncp], ['Niveau', spec.level], ['Certificateur', spec.certifier]];
    if (fields === 'table') out.push(table(values.filter(([, v]) => v).map(([k, v]) => new TableRow({ children: [cell(paragraphs(k, { bold: true })), cell(paragraphs(v!))] })), [3000, 6000]));
    // the fields as lines: « Code RNCP : RNCP12345 »
    else out.push(...values.slice(1).filter(([, v]) => v).flatMap(([k, v]) => paragraphs(`${k}${NB}: ${v}`)));
    if (spec.accessibility) out.push(new Paragraph({ text: 'Accessibilité aux personnes en situation de handicap', heading: HeadingLevel.HEADING_1 }), ...paragraphs(spec.accessibility));
    return out;
}

const idOf = (id: string | undefined, ids: boolean, separator = `.${' '}`) => (ids && id ? `${id}${separator}` : '');

/** One three-column table per bloc; `merged`: one evaluation cell over the whole bloc, else one per competency row. */
export function threeColumns(spec: Spec, options: { ids: boolean; merged: (bloc: SpecBloc) => boolean }): Document {
    const body: Array<Paragraph | Table> = headerBlock(spec, 'table');
    const widths = [2600, 3000, 3400];
    for (const bloc of spec.blocs) {
        body.push(new Paragraph({ text: `Bloc ${bloc.id}${NB}: ${bloc.title}`, heading: HeadingLevel.HEADING_1 }));
        if (bloc.description) body.push(...paragraphs(bloc.description));
        const rows = [header(["Référentiel d'activités", 'Référentiel de compétences', "Référentiel d'évaluation"], widths)];
        const total = bloc.activities.reduce((n, a) => n + a.competencies.length, 0);
        const merged = options.merged(bloc);
        let first = true;
        for (const a of bloc.activities) {
            a.competencies.forEach((c, k) => {
                const children: TableCell[] = [];
                if (k === 0) children.push(cell([...paragraphs(a.title, { prefix: idOf(a.id, options.ids), bold: true }), ...(a.description ? paragraphs(a.description) : [])], { rowSpan: a.competencies.length }));
                children.push(cell(paragraphs(c.text, { prefix: idOf(c.id, options.ids) })));
                if (merged && first) children.push(cell(evaluationCell(bloc.modalities, options.ids), { rowSpan: total }));
                if (!merged) {
                    // one cell per row: the modality named in the first row of its competencies, its criteria in each row
                    const m = bloc.modalities.find((x) => x.evaluates.includes(c.id))!;
                    const own = m.criteria.filter((cr) => cr.judges.includes(c.id));
                    const named = m.evaluates[0] === c.id;
                    children.push(cell([
                        ...(named ? evaluationHead(m, options.ids) : []),
                        ...listOf(own.map((cr) => `${idOf(cr.id, options.ids, `${NB}: `)}${cr.text}`), 'bullet'),
                    ]));
                }
                first = false;
                rows.push(new TableRow({ children }));
            });
        }
        body.push(table(rows, widths));
    }
    return new Document({ numbering: NUMBERING, sections: [{ children: body }] });
}

function evaluationHead(m: SpecModality, ids: boolean): Paragraph[] {
    return [
        ...paragraphs(m.title, { prefix: idOf(m.id, ids, ` — `), bold: true }),
        ...(m.description ? paragraphs(m.description) : []),
        ...(m.deliverables ? paragraphs(`Livrables${NB}: ${m.deliverables.join(', ')}`) : []),
        ...(m.mode ? paragraphs(m.mode === 'individual' ? 'Individuel' : 'En groupe') : []),
        ...paragraphs(`Critères d’évaluation${NB}:`),
    ];
}

function evaluationCell(modalities: SpecModality[], ids: boolean): Paragraph[] {
    return modalities.flatMap((m) => [
        ...evaluationHead(m, ids),
        ...listOf(m.criteria.map((cr) => `${idOf(cr.id, ids, `${NB}: `)}${cr.text}`), 'bullet'),
    ]);
}

/** The whole référentiel in one four-column table, blocs as rows over the whole width, criteria apart (numbered). */
export function fourColumns(spec: Spec, options: { ids: boolean }): Document {
    const widths = [2000, 2300, 2200, 2500];
    const rows = [header(['Activités', 'Compétences', "Modalités d'évaluation", "Critères d'évaluation"], widths)];
    for (const bloc of spec.blocs) {
        rows.push(new TableRow({ children: [cell([new Paragraph({ children: [new TextRun({ text: `Bloc de compétences n°${NB}${bloc.id}${NB}: ${bloc.title}`, bold: true })] })], { columnSpan: 4 })] }));
        if (bloc.description) rows.push(new TableRow({ children: [cell(paragraphs(bloc.description), { columnSpan: 4 })] }));
        const total = bloc.activities.reduce((n, a) => n + a.competencies.length, 0);
        let first = true;
        for (const [n, a] of bloc.activities.entries()) {
            a.competencies.forEach((c, k) => {
                const children: TableCell[] = [];
                // « Activité 1 : » — the id made from the word, as many documents write it
                if (k === 0) children.push(cell([...paragraphs(a.title, { prefix: options.ids ? `Activité ${n + 1}${NB}: ` : '', bold: true }), ...(a.description ? paragraphs(a.description) : [])], { rowSpan: a.competencies.length }));
                children.push(cell(paragraphs(c.text, { prefix: idOf(c.id, options.ids, ' ') })));
                if (first) {
                    const m = bloc.modalities[0];
                    children.push(cell([
                        ...paragraphs(m.title, { bold: true }), ...(m.description ? paragraphs(m.description) : []),
                        ...(m.deliverables ? paragraphs(`Livrables${NB}: ${m.deliverables.join(', ')}`) : []), ...(m.mode ? paragraphs(m.mode === 'individual' ? 'Individuel' : 'En groupe') : []),
                    ], { rowSpan: total }));
                }
                first = false;
                const own = bloc.modalities[0].criteria.filter((cr) => cr.judges.includes(c.id));
                children.push(cell(listOf(own.map((cr) => `${idOf(cr.id, options.ids, ' – ')}${cr.text}`), 'number')));
                rows.push(new TableRow({ children }));
            });
        }
    }
    return new Document({ numbering: NUMBERING, sections: [{ children: [...headerBlock(spec, 'table'), new Paragraph({ text: 'Référentiel d’activités, de compétences et d’évaluation', heading: HeadingLevel.HEADING_1 }), table(rows, widths)] }] });
}

/** Per bloc, the three référentiels as three tables one after the other; the evaluation table names its competencies. */
export function threeTables(spec: Spec, options: { ids: boolean }): Document {
    const body: Array<Paragraph | Table> = headerBlock(spec, 'table');
    for (const bloc of spec.blocs) {
        body.push(new Paragraph({ text: `BLOC ${bloc.id} – ${bloc.title}`, heading: HeadingLevel.HEADING_1 }));
        if (bloc.description) body.push(...paragraphs(bloc.description));
        body.push(new Paragraph({ text: 'Référentiel d’activités', heading: HeadingLevel.HEADING_2 }));
        body.push(table([header(['Activités professionnelles'], [9000]),
            ...bloc.activities.map((a) => new TableRow({ children: [cell([...paragraphs(a.title, { prefix: idOf(a.id, options.ids, ' – '), bold: true }), ...(a.description ? paragraphs(a.description) : [])])] }))], [9000]));
        body.push(new Paragraph({ text: 'Référentiel de compétences', heading: HeadingLevel.HEADING_2 }));
        // one row per activity: its competencies, in the order of the activities above
        body.push(table([header(['Compétences'], [9000]),
            ...bloc.activities.map((a) => new TableRow({ children: [cell(a.competencies.flatMap((c) => paragraphs(c.text, { prefix: idOf(c.id, options.ids, ' – ') })))] }))], [9000]));
        body.push(new Paragraph({ text: 'Référentiel d’évaluation', heading: HeadingLevel.HEADING_2 }));
        const widths = [2600, 2800, 3600];
        const rows = [header(['Compétences évaluées', "Modalités d'évaluation", "Critères d'évaluation"], widths)];
        for (const m of bloc.modalities) {
            m.evaluates.forEach((id, k) => {
                const competency = bloc.activities.flatMap((a) => a.competencies).find((c) => c.id === id)!;
                const children: TableCell[] = [cell(paragraphs(options.ids ? id : competency.text))];
                if (k === 0) children.push(cell([...paragraphs(m.title, { bold: true }), ...(m.description ? paragraphs(m.description) : [])], { rowSpan: m.evaluates.length }));
                children.push(cell(listOf(m.criteria.filter((cr) => cr.judges.includes(id)).map((cr) => cr.text), 'bullet')));
                rows.push(new TableRow({ children }));
            });
        }
        body.push(table(rows, widths));
    }
    return new Document({ numbering: NUMBERING, sections: [{ children: body }] });
}

/** One row per activity: its competencies and its criteria as numbered lists, some over several paragraphs; no ids. */
export function numberedLists(spec: Spec): Document {
    const body: Array<Paragraph | Table> = headerBlock(spec, 'lines');
    const widths = [2600, 3000, 3400];
    for (const bloc of spec.blocs) {
        body.push(new Paragraph({ children: [new TextRun({ text: `Bloc ${bloc.id} - ${bloc.title}`, bold: true })] }));
        if (bloc.description) body.push(...paragraphs(bloc.description));
        const rows = [header(['Activités', 'Compétences', 'Modalités et critères d’évaluation'], widths)];
        for (const a of bloc.activities) {
            const modalities = bloc.modalities.filter((m) => m.evaluates.some((id) => a.competencies.some((c) => c.id === id)));
            rows.push(new TableRow({
                children: [
                    cell([...paragraphs(a.title, { bold: true }), ...(a.description ? paragraphs(a.description) : [])]),
                    cell(listOf(a.competencies.map((c) => c.text), 'number')),
                    cell(modalities.flatMap((m) => [...paragraphs(m.title, { bold: true }), ...(m.description ? paragraphs(m.description) : []),
                        ...listOf(m.criteria.filter((cr) => cr.judges.some((id) => a.competencies.some((c) => c.id === id)) || cr.judges.length === 0).map((cr) => cr.text), 'number')])),
                ],
            }));
        }
        body.push(table(rows, widths));
    }
    return new Document({ numbering: NUMBERING, sections: [{ children: body }] });
}

export async function bytesOf(document: Document): Promise<Buffer> {
    return Packer.toBuffer(document);
}

/** A référentiel of two blocs in French typography, with ids (conventions CR{n} → C{n} in bloc 1, CR{o}-{n} → CS{o}-{n} in bloc 2). */
export const EVENT: Spec = {
    id: 'CPE',
    title: 'Chargé de projet événementiel',
    rncp: 'RNCP12345',
    level: '5',
    certifier: 'École des métiers de l’événement',
    accessibility: `Les candidats en situation de handicap bénéficient d’aménagements${NB}: temps majoré, supports adaptés, assistance humaine.`,
    blocs: [
        {
            id: '1',
            title: 'Concevoir un projet événementiel',
            description: `À partir de la demande du client, le chargé de projet conçoit l’événement${NB}; il en chiffre le coût.`,
            activities: [
                {
                    id: 'A1',
                    title: 'Analyse de la demande du client',
                    description: 'Le chargé de projet recueille les besoins et les contraintes du client.',
                    competencies: [
                        { id: 'C1', text: `Analyser la demande du client${NB}: objectifs, public visé, budget et calendrier, en tenant compte des besoins des personnes en situation de handicap.` },
                        { id: 'C2', text: `Rédiger une note de cadrage qui reformule la demande et en précise les limites («${NB}ce qui est inclus${NB}» et «${NB}ce qui ne l’est pas${NB}»).` },
                    ],
                },
                {
                    id: 'A2',
                    title: 'Conception et chiffrage de l’événement',
                    competencies: [
                        { id: 'C3', text: 'Concevoir un programme d’événement cohérent avec les objectifs du client.\n\nLe programme intègre les contraintes d’accessibilité du lieu.' },
                        { id: 'C4', text: `Établir un budget prévisionnel détaillé et le justifier${NNB}!` },
                    ],
                },
            ],
            modalities: [{
                id: 'E1',
                title: 'Étude de cas individuelle',
                description: 'À partir d’un cahier des charges fictif, le candidat remet un dossier écrit et le présente au jury.',
                criteria: [
                    { id: 'CR1', text: 'Les besoins du client sont identifiés de manière exhaustive.', judges: ['C1'] },
                    { id: 'CR2', text: `La note de cadrage est claire${NNB}; elle précise le périmètre du projet.`, judges: ['C2'] },
                    { id: 'CR3', text: 'Le programme répond aux objectifs du client et aux contraintes du lieu.', judges: ['C3'] },
                    { id: 'CR4', text: 'Le budget est complet, équilibré et argumenté.', judges: ['C4'] },
                ],
                evaluates: ['C1', 'C2', 'C3', 'C4'],
            }],
        },
        {
            id: '2',
            title: 'Piloter la réalisation de l’événement',
            activities: [
                {
                    id: 'A3',
                    title: 'Coordination des prestataires',
                    competencies: [
                        { id: 'CS2-1', text: 'Sélectionner les prestataires au regard du cahier des charges et du budget.' },
                        { id: 'CS2-2', text: `Coordonner les prestataires le jour J${NB}: planning, logistique, sécurité.` },
                    ],
                },
                {
                    id: 'A4',
                    title: 'Bilan de l’événement',
                    competencies: [{ id: 'CS2-3', text: 'Évaluer l’événement et proposer des améliorations.' }],
                },
            ],
            modalities: [{
                id: 'E2',
                title: 'Mise en situation professionnelle',
                description: `Le candidat pilote un événement réel${NB}; le jury l’observe puis l’interroge.`,
                criteria: [
                    { id: 'CR2-1', text: 'Les prestataires retenus répondent au cahier des charges.', judges: ['CS2-1'] },
                    { id: 'CR2-2', text: 'Le planning est tenu et les imprévus sont gérés.', judges: ['CS2-2'] },
                    { text: 'Les consignes de sécurité sont respectées.', judges: ['CS2-2'] },
                    { id: 'CR2-3', text: 'Le bilan chiffre les résultats et propose au moins deux pistes d’amélioration.', judges: ['CS2-3'] },
                ],
                evaluates: ['CS2-1', 'CS2-2', 'CS2-3'],
            }],
        },
    ],
};
