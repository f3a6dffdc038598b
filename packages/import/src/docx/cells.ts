import { BULLET_LINE } from 'certiref-language';
import type { DraftMode, DraftParagraph, DraftText } from '../draft.js';
import { idsIn, leadingId, type LeadingId } from './ids.js';
import type { DocBlock, DocParagraph } from './read.js';

/** A cell's paragraphs, nested tables read row by row (their text is never lost). */
export function cellParagraphs(blocks: DocBlock[]): DocParagraph[] {
    const out: DocParagraph[] = [];
    for (const b of blocks) {
        if (b.kind === 'paragraph') out.push(b);
        else for (const row of b.rows) for (const cell of row.cells) out.push(...cellParagraphs(cell.blocks));
    }
    return out;
}

export const isEmpty = (p: DocParagraph) => p.text.trim() === '' && p.images === 0;
/** A Word list item, or a line typed as one (`- `, `• `, `1. `). */
export const isItem = (p: DocParagraph) => p.list !== undefined || BULLET_LINE.test(p.text.trimStart());

export function plain(p: DocParagraph): string {
    return p.text.trim();
}

/** Paragraphs as a draft text, verbatim (Word list items keep their kind and depth). */
export function draftText(paragraphs: DocParagraph[]): DraftText {
    return paragraphs.filter((p) => !isEmpty(p)).map((p): DraftParagraph => (p.list ? { text: p.text.trim(), item: { ordered: p.list.ordered, level: p.list.level } } : { text: p.text.trim() }));
}

/** One element read from a cell: its id (if written) and its paragraphs, the id taken off the first. */
export interface Piece {
    id?: LeadingId;
    paragraphs: DocParagraph[];
    /** Started by a list item: the item's bullet or number only separates the elements. */
    itemStart?: boolean;
}

/** A piece's text: its list marker (that separates it from the others) left out. */
export function pieceText(piece: Piece): DraftText {
    const [first, ...rest] = piece.paragraphs.filter((p) => !isEmpty(p));
    if (!first) return [];
    const head = piece.itemStart || piece.id ? { ...first, list: undefined, text: piece.itemStart && !first.list ? first.text.trimStart().replace(BULLET_LINE, '') : first.text } : first;
    return draftText([head, ...rest]);
}

export type SplitHow = 'ids' | 'list' | 'blank' | 'paragraphs' | 'single';

/** Labels that only name the column's content (`Compétences :`, `Critères d'évaluation :`): structure, not text. */
const LABEL = /^(?:les\s+)?(?:comp[ée]tences?|crit[èe]res?(?:\s+d['’][ée]valuation)?|indicateurs?(?:\s+de\s+performance)?|activit[ée]s?|competenc(?:y|ies)|criteria|criterion|modalit[ée]s?(?:\s+d['’][ée]valuation)?)\s*[:.]?$/i;

export function isLabel(p: DocParagraph): boolean {
    return LABEL.test(plain(p));
}

function withId(p: DocParagraph, id: LeadingId): DocParagraph {
    return { ...p, text: id.rest };
}

/**
 * A cell's paragraphs as elements: at each id (`C1.`, `CR2 —` …) when ids are written; else at
 * each list item (the paragraphs between items go with the item above); else at each blank
 * paragraph; else one element per paragraph. `colonJoins`: list items after a paragraph ending
 * with « : » belong to it (a competency that lists what it consists of). `whole`: without ids,
 * the cell is one element (an activity: its title, then its description).
 */
export function splitPieces(paragraphs: DocParagraph[], accept: (id: LeadingId) => boolean, options: { colonJoins?: boolean; whole?: boolean } = {}): { intro: DocParagraph[]; pieces: Piece[]; how: SplitHow } {
    const paras = paragraphs.filter((p) => !isLabel(p) || p.list);
    while (paras.length > 0 && isEmpty(paras[0])) paras.shift();
    while (paras.length > 0 && isEmpty(paras[paras.length - 1])) paras.pop();
    if (paras.length === 0) return { intro: [], pieces: [], how: 'single' };
    const ids = paras.map((p) => (isEmpty(p) ? undefined : leadingId(p.text))).map((id) => (id && accept(id) ? id : undefined));
    if (ids.some(Boolean)) {
        const intro: DocParagraph[] = [];
        const pieces: Piece[] = [];
        paras.forEach((p, i) => {
            const id = ids[i];
            const current = pieces[pieces.length - 1];
            const head = current?.paragraphs[0];
            if (id) pieces.push({ id, paragraphs: [withId(p, id)], itemStart: isItem(p) });
            else if (pieces.length === 0) intro.push(p);
            // an item of the same list as the elements, without an id: an element of its own
            else if (head && current.itemStart && isItem(p) && (p.list?.level ?? 0) === (head.list?.level ?? 0)) pieces.push({ paragraphs: [p], itemStart: true });
            else current.paragraphs.push(p);
        });
        return { intro: intro.filter((p) => !isEmpty(p)), pieces, how: 'ids' };
    }
    if (options.whole) return { intro: [], pieces: [{ paragraphs: paras }], how: 'single' };
    const content = paras.filter((p) => !isEmpty(p));
    if (content.some(isItem)) {
        const top = Math.min(...content.filter((p) => p.list).map((p) => p.list!.level), Number.POSITIVE_INFINITY);
        const intro: DocParagraph[] = [];
        const pieces: Piece[] = [];
        let current: Piece | undefined;
        for (const p of content) {
            if (!isItem(p)) {
                // a plain paragraph: a new element (competencies), the text before the items, or the rest of the item above
                if (options.colonJoins && !current?.itemStart) {
                    current = { paragraphs: [p] };
                    pieces.push(current);
                } else if (current === undefined) intro.push(p);
                else current.paragraphs.push(p);
                continue;
            }
            const topItem = !p.list || p.list.level <= top;
            const lead = current?.paragraphs[0];
            const announced = options.colonJoins === true && lead !== undefined && !isItem(lead) && /[:：]\s*$/.test(plain(current!.paragraphs.filter((x) => !isItem(x)).pop()!));
            if (current !== undefined && (!topItem || announced)) current.paragraphs.push(p);
            else {
                current = { paragraphs: [p], itemStart: true };
                pieces.push(current);
            }
        }
        return { intro, pieces, how: 'list' };
    }
    if (paras.some(isEmpty)) {
        const pieces: Piece[] = [];
        let current: Piece | undefined;
        for (const p of paras) {
            if (isEmpty(p)) current = undefined;
            else if (current) current.paragraphs.push(p);
            else {
                current = { paragraphs: [p] };
                pieces.push(current);
            }
        }
        return { intro: [], pieces, how: 'blank' };
    }
    return { intro: [], pieces: content.map((p) => ({ paragraphs: [p] })), how: content.length > 1 ? 'paragraphs' : 'single' };
}

/** A modality's or a part's kind, mode and deliverables, as certiref's export or a label line writes them. */
export interface Meta {
    kind?: string;
    mode?: DraftMode;
    deliverables: string[];
    /** The competencies it says it evaluates (`Évalue : C1, C2`, `Compétences évaluées : …`). */
    evaluates?: string[];
}

/** Deliverables as written: each in quotes (« … », “…”) when the list quotes them, else split at commas. */
function deliverablesOf(text: string, separators: RegExp): string[] {
    const quoted = [...text.matchAll(/«\s*([^»]*?)\s*»|“([^”]*)”/g)].map((m) => (m[1] ?? m[2]).trim());
    if (quoted.length > 0) return quoted;
    return text.split(separators).map((x) => x.trim()).filter(Boolean);
}

const EVALUATES = /^(?:[ée]value|evaluates|comp[ée]tences?\s+[ée]valu[ée]es?)\s*:\s*(.+)$/i;

const MODE_WORDS: Array<[RegExp, DraftMode]> = [
    [/^(individuel(le)?|en individuel|individual)$/i, 'individual'],
    [/^(en groupe|groupe|collectif|collective|en équipe|group)$/i, 'group'],
];

function modeOf(text: string): DraftMode | undefined {
    return MODE_WORDS.find(([re]) => re.test(text.trim()))?.[1];
}

/**
 * A line that only states kind, mode or deliverables: certiref's `Étude de cas · individuelle ·
 * Livrables : dossier écrit, soutenance`, or `Type : …`, `Livrables : …`, `Individuel`. The
 * fields found are added to `meta`; false when the line says something else.
 */
export function readMeta(p: DocParagraph, meta: Meta, exportStyle: boolean): boolean {
    const text = plain(p);
    const deliverables = /^(?:livrables?|deliverables?)\s*:\s*(.+)$/i;
    if (exportStyle && p.italic && !p.bold && !p.list) {
        const parts = text.split(' · ');
        const found: Meta = { deliverables: [] };
        for (const part of parts) {
            const d = deliverables.exec(part);
            const mode = modeOf(part);
            const evaluates = EVALUATES.exec(part);
            if (d) found.deliverables.push(...deliverablesOf(d[1], /, /));
            else if (evaluates) found.evaluates = idsIn(evaluates[1]);
            else if (mode) found.mode = mode;
            else if (found.kind === undefined) found.kind = part;
            else found.kind += ` · ${part}`;
        }
        Object.assign(meta, { ...meta, ...found, deliverables: [...meta.deliverables, ...found.deliverables] });
        return true;
    }
    const d = deliverables.exec(text);
    if (d) {
        meta.deliverables.push(...deliverablesOf(d[1], /\s*[,;]\s*/).map((x) => x.replace(/[.]$/, '')));
        return true;
    }
    const evaluates = EVALUATES.exec(text);
    if (evaluates && idsIn(evaluates[1]).length > 0) {
        meta.evaluates = idsIn(evaluates[1]);
        return true;
    }
    const kind = /^(?:type|nature|forme)(?:\s+d['’][ée]valuation)?\s*:\s*(.+)$/i.exec(text);
    if (kind) {
        meta.kind = kind[1].trim();
        return true;
    }
    const mode = /^(?:mode|modalit[ée] de passage)\s*:\s*(.+)$/i.exec(text);
    if (mode && modeOf(mode[1])) {
        meta.mode = modeOf(mode[1]);
        return true;
    }
    if (modeOf(text)) {
        meta.mode = modeOf(text);
        return true;
    }
    return false;
}

/** A part's heading: `Partie 1 — …`, `Partie 2 : …`, `Part A`, or a bold `Partie en groupe`. */
export function partHeading(p: DocParagraph): { id?: string; title?: string } | undefined {
    if (p.list) return undefined;
    const text = plain(p);
    const numbered = /^(?:[Pp]artie|[Pp]art)\s+(\d+[a-z]?|[A-Z]|[IVX]+|P\d+)(?:\s*[:.–—-]\s*(.*))?$/u.exec(text);
    if (numbered) return { id: numbered[1], title: numbered[2]?.trim() || undefined };
    const titled = /^(?:partie|part)\s*[–—:]\s*(.+)$/iu.exec(text);
    if (titled) return { title: titled[1].trim() };
    if ((p.bold || p.italic) && /^(?:partie|part)\b/i.test(text) && text.length < 160) return { title: text };
    if (/^(?:partie|part)$/i.test(text)) return {};
    return undefined;
}

/** `Critères d'évaluation :` and the like: what follows are criteria. */
export function isCriteriaLabel(p: DocParagraph): boolean {
    const text = plain(p);
    return /^(?:les\s+)?(?:crit[èe]res?|indicateurs?|criteria)\b.{0,60}[:：]?$/i.test(text) && text.length < 80 && !/[.;]$/.test(text);
}

/** « Le jury évalue selon les critères suivants : » — a sentence that announces the criteria. */
export function announcesCriteria(p: DocParagraph): boolean {
    return /[:：]\s*$/.test(plain(p)) && /crit[èe]re|indicateur|criteri/i.test(plain(p));
}

/** certiref's export: « C1 : aucun critère ne juge cette compétence » (not text of the référentiel). */
export function isExportNoCriterion(p: DocParagraph): boolean {
    return p.italic && /^\S+\s*:\s*(aucun critère ne juge cette compétence|no criterion judges this competency)$/.test(plain(p));
}

/** certiref's export: the last row of a bloc's table, for criteria that judge none of its competencies. */
export function isExportUnattachedLabel(text: string): boolean {
    return /^(Critères qui ne jugent aucune compétence de ce bloc|Criteria that judge no competency of this bloc)$/.test(text.trim());
}

const MODALITY_LABEL = /^(?:modalit[ée]s?(?:\s+d['’][ée]valuation)?|[ée]preuve|type\s+d['’][ée]valuation|assessment|modality)\s*[:：]\s*/i;

/** One criterion as read from a cell. */
export type CriterionPiece = Piece;

export interface PartAppearance {
    id?: string;
    title?: string;
    meta: Meta;
    description: DocParagraph[];
    criteria: CriterionPiece[];
    /** The paragraphs after its heading and meta, as written (for the jury's grids to sort out). */
    body: DocParagraph[];
}

/** A modality as one cell shows it (a modality spread over several rows appears several times). */
export interface Appearance {
    id?: string;
    /** The source's words when the id was made from them (`Épreuve 2` → `E2`). */
    idMade?: string;
    title: string;
    meta: Meta;
    hasMeta: boolean;
    description: DocParagraph[];
    criteria: CriterionPiece[];
    parts: PartAppearance[];
    body: DocParagraph[];
    /** The cell did not say where its description ends and its criteria begin. */
    ambiguous: boolean;
}

const acceptCriterion = (id: LeadingId) => id.kind === 'criterion';

/**
 * An evaluation cell: one or more modalities, each a title (its first paragraph), its kind, mode
 * and deliverables, its description, its parts and its criteria. `criteriaApart`: the table has
 * a criteria column, so this cell holds only the modality.
 */
export function parseEvaluationCell(paragraphs: DocParagraph[], exportStyle: boolean, criteriaApart = false): Appearance[] {
    const paras = paragraphs.filter((p) => !isExportNoCriterion(p));
    const content = paras.filter((p) => !isEmpty(p));
    if (content.length === 0) return [];
    // where each modality starts: the first paragraph; later, a bold line after some content, or a modality id
    const starts: number[] = [];
    content.forEach((p, i) => {
        if (i === 0) {
            starts.push(0);
            return;
        }
        const id = p.list ? undefined : leadingId(p.text);
        const boldTitle = p.bold && !p.italic && !p.list && !partHeading(p) && !isCriteriaLabel(p) && i - starts[starts.length - 1] > 1;
        if ((id && id.kind === 'modality' && !p.list && (p.bold || /^[ée]preuve|^modalit/i.test(plain(p)) || i > starts[starts.length - 1] + 1)) || boldTitle) starts.push(i);
    });
    return starts.map((s, k) => modalityOf(content.slice(s, starts[k + 1] ?? content.length), paras, exportStyle, criteriaApart));
}

function modalityOf(segment: DocParagraph[], _all: DocParagraph[], exportStyle: boolean, criteriaApart: boolean): Appearance {
    let first = segment[0];
    const appearance: Appearance = { title: '', meta: { deliverables: [] }, hasMeta: false, description: [], criteria: [], parts: [], body: [], ambiguous: false };
    let rest = segment.slice(1);
    const firstId = leadingId(first.text);
    if (isCriteriaLabel(first) || (firstId && firstId.kind === 'criterion') || isItem(first)) {
        // no title: the cell starts with its criteria (the rest of a modality named in a cell above)
        rest = segment;
    } else {
        let title = plain(first).replace(MODALITY_LABEL, '');
        const id = leadingId(title);
        if (id && id.kind === 'modality') {
            appearance.id = id.id;
            appearance.idMade = id.made;
            title = id.rest.trim();
        }
        appearance.title = title;
        first = { ...first, text: title };
    }
    // kind, mode, deliverables right after the title
    while (rest.length > 0 && readMeta(rest[0], appearance.meta, exportStyle)) {
        appearance.hasMeta = true;
        rest = rest.slice(1);
    }
    appearance.body = rest;
    // parts
    const chunks: Array<{ heading?: { id?: string; title?: string }; paras: DocParagraph[] }> = [{ paras: [] }];
    for (const p of rest) {
        const heading = partHeading(p);
        if (heading) chunks.push({ heading, paras: [] });
        else chunks[chunks.length - 1].paras.push(p);
    }
    const own = splitEvaluation(chunks[0].paras, criteriaApart);
    appearance.description = own.description;
    appearance.criteria = own.criteria;
    appearance.ambiguous = own.ambiguous;
    for (const chunk of chunks.slice(1)) {
        const meta: Meta = { deliverables: [] };
        let paras = chunk.paras;
        while (paras.length > 0 && readMeta(paras[0], meta, exportStyle)) paras = paras.slice(1);
        const split = splitEvaluation(paras, criteriaApart);
        appearance.parts.push({ id: chunk.heading!.id, title: chunk.heading!.title, meta, description: split.description, criteria: split.criteria, body: paras });
        if (split.ambiguous) appearance.ambiguous = true;
    }
    return appearance;
}

/** A modality's (or a part's) paragraphs after its title: description, then criteria. */
function splitEvaluation(paras: DocParagraph[], criteriaApart: boolean): { description: DocParagraph[]; criteria: CriterionPiece[]; ambiguous: boolean } {
    if (criteriaApart) return { description: paras, criteria: [], ambiguous: false };
    const label = paras.findIndex((p) => isCriteriaLabel(p) && !p.list);
    if (label >= 0) {
        const { intro, pieces } = splitPieces(paras.slice(label + 1), acceptCriterion);
        return { description: [...paras.slice(0, label), ...intro], criteria: pieces, ambiguous: false };
    }
    const withIds = paras.findIndex((p) => {
        const id = leadingId(p.text);
        return id !== undefined && acceptCriterion(id);
    });
    if (withIds >= 0) {
        const { pieces } = splitPieces(paras.slice(withIds), acceptCriterion);
        return { description: paras.slice(0, withIds), criteria: pieces, ambiguous: false };
    }
    // list items: the first run that is not announced by a description line ending with « : »
    const content = paras;
    for (let i = 0; i < content.length; i++) {
        if (!isItem(content[i])) continue;
        const before = content.slice(0, i).filter((p) => !isEmpty(p));
        const lead = before[before.length - 1];
        if (lead && !isItem(lead) && /[:：]\s*$/.test(plain(lead)) && !announcesCriteria(lead)) {
            // items of the description; skip the run
            while (i + 1 < content.length && (isItem(content[i + 1]) || isEmpty(content[i + 1]))) i++;
            continue;
        }
        const { pieces } = splitPieces(content.slice(i), acceptCriterion);
        return { description: before, criteria: pieces, ambiguous: false };
    }
    const nonEmpty = paras.filter((p) => !isEmpty(p));
    if (nonEmpty.length === 0) return { description: [], criteria: [], ambiguous: false };
    // only paragraphs: criteria (one per paragraph, or per group between blank lines); the cell does not say more
    const { pieces } = splitPieces(paras, acceptCriterion);
    return { description: [], criteria: pieces, ambiguous: true };
}
