import { completeRangeEnd, Conventions, DEFAULT_CONVENTIONS, hyphenRange, idsInRange } from 'certiref-language';
import {
    addNote, note, plainText, type DraftActivity, type DraftBloc, type DraftCertification, type DraftCompetency, type DraftContainer,
    type DraftCriterion, type DraftModality, type DraftOption, type DraftPart, type DraftText, type LooseText, type ReviewNote,
} from '../draft.js';
import {
    cellParagraphs, draftText, isEmpty, pieceText, isExportUnattachedLabel, parseEvaluationCell, partHeading, plain, readMeta, splitPieces, type Appearance,
    type CriterionPiece, type Meta, type PartAppearance, type Piece,
} from './cells.js';
import { idsIn, leadingId, type LeadingId } from './ids.js';
import type { DocBlock, DocCell, DocParagraph, DocTable } from './read.js';
import { cellAt, cellText, fullWidth, layoutOf, type Layout, type Role } from './tables.js';

/** What an import read, beside the draft: what it left out on purpose. */
export interface ReadSummary {
    /** Empty form fields of jury grids (« Candidat : », signatures, check boxes): not text of the référentiel. */
    formFields: number;
    /** Pictures (not imported; each said in a note). */
    images: number;
}

/** Where something stands in the Word document, for notes. */
interface Where {
    table?: number;
    row?: number;
}

function at(where: Where): { fr: string; en: string } {
    if (where.table === undefined) return { fr: 'dans le texte du document', en: 'in the text of the document' };
    return where.row === undefined
        ? { fr: `tableau ${where.table} du document`, en: `table ${where.table} of the document` }
        : { fr: `tableau ${where.table}, ligne ${where.row}`, en: `table ${where.table}, row ${where.row}` };
}

const NB = '\u00a0';

const BLOC = /^(?:bloc|block)\b(?:\s+de\s+comp[ée]tences?)?\s*(?:n\s*[°º.]\s*)?([A-Za-z0-9](?:[\w.\-]*[A-Za-z0-9])?)\s*(?:[:.–—-]\s*|\s+|$)(.*)$/isu;
const OPTION = /^(option|sp[ée]ciali[sz]ation)\s+([A-Za-z0-9](?:[\w.\-]*[A-Za-z0-9])?)\s*(?:[:.–—-]\s*|\s+|$)(.*)$/isu;
/** certiref's export: `Bloc 5 — title · option 1 — title`. */
const EXPORT_OPTION = /^(.*?)\s+·\s+(option|sp[ée]ciali[sz]ation)\s+(\S+)(?:\s+—\s+(.*))?$/su;
const GRID_SECTION = /grilles?\s+d['’]\s?[ée]valuation|evaluation grids?|jury's evaluation grids/i;
const ACCESSIBILITY = /handicap|accessibilit|disabilit/i;

interface BlocHeading {
    id: string;
    title?: string;
    option?: { keyword: string; id: string; title?: string };
}

/** A bloc's heading (`Bloc 2 — Organiser …`, `BLOC DE COMPÉTENCES N° 2 : …`), with an option after it in certiref's export. */
export function blocHeading(text: string): BlocHeading | undefined {
    const t = text.trim().replace(/\s+/g, ' ');
    const m = BLOC.exec(t);
    if (!m) return undefined;
    let title = m[2].trim() || undefined;
    let option: BlocHeading['option'];
    const id = m[1];
    if (/^(de|des|du|of)$/i.test(id)) return undefined;
    const o = title ? EXPORT_OPTION.exec(title) : /^·\s+(option|sp[ée]ciali[sz]ation)\s+(\S+)(?:\s+—\s+(.*))?$/su.exec(t.slice(m[0].length - m[2].length));
    if (o && title) {
        title = o[1].trim() || undefined;
        option = { keyword: o[2].toLowerCase(), id: o[3], title: o[4]?.trim() || undefined };
    } else if (o) option = { keyword: o[1].toLowerCase(), id: o[2], title: o[3]?.trim() || undefined };
    if (title?.startsWith('· ')) {
        const only = /^·\s+(option|sp[ée]ciali[sz]ation)\s+(\S+)(?:\s+—\s+(.*))?$/su.exec(title);
        if (only) {
            option = { keyword: only[1].toLowerCase(), id: only[2], title: only[3]?.trim() || undefined };
            title = undefined;
        }
    }
    return { id, title, option };
}

function optionHeading(text: string): BlocHeading['option'] {
    const m = OPTION.exec(text.trim().replace(/\s+/g, ' '));
    return m ? { keyword: m[1].toLowerCase(), id: m[2], title: m[3].trim() || undefined } : undefined;
}

/** A paragraph that may be a heading: a heading style, bold, or a short line of its own. */
function headingLike(p: DocParagraph): boolean {
    return p.heading !== undefined || p.bold || (plain(p).length < 160 && !/[.;,]$/.test(plain(p)) && !p.list);
}

interface ContainerState {
    container: DraftContainer;
    bloc: DraftBloc;
    appearances: ModalityAt[];
    grids: GridAt[];
    /** The activities of the last table that held activities only (three tables one after the other). */
    activityRows?: DraftActivity[];
    /** The competencies of the last table that held competencies, one group per row. */
    competencyRows?: string[][];
    /** The roles of the last référentiel table: a table without a header row that follows it continues it. */
    last?: { columns: number; layout: Layout };
    made: { activities: string[]; competencies: string[]; words: string[] };
    /** Paragraphs after a table, not yet placed. */
    seenTable: boolean;
}

interface CriterionAt {
    piece: CriterionPiece;
    candidates: string[];
    part?: PartAppearance;
    where: Where;
}

interface ModalityAt {
    appearance: Appearance;
    candidates: string[];
    criteria: CriterionAt[];
    where: Where;
    /** certiref's export: the row of criteria that judge no competency of the bloc. */
    unattached: boolean;
}

interface GridAt {
    heading?: string;
    meta?: Meta;
    rows: Array<{ competency?: string; criterion?: CriterionPiece & { original: DocParagraph[] } }>;
    where: Where;
}

/** Word documents read as référentiels: the state while the document is read, in order. */
class Reader {
    readonly draft: DraftCertification;
    readonly summary: ReadSummary = { formFields: 0, images: 0 };
    private readonly containers = new Map<DraftContainer, ContainerState>();
    private readonly competencies = new Map<string, { competency: DraftCompetency; state: ContainerState }>();
    private readonly activityIds = new Set<string>();
    private current?: ContainerState;
    private zone: 'header' | 'blocs' | 'grids' = 'header';
    private titleSeen = false;
    private section?: { kind: 'section' | 'accessibility'; title: string; text: DocParagraph[]; where: Where };
    private pendingHeading?: string;
    private pendingMeta?: Meta;
    private exportStyle = false;
    private idGiven = false;

    constructor(private readonly name: string) {
        this.draft = { id: '', title: '', sections: [], accessibility: [], blocs: [] };
    }

    read(blocks: DocBlock[]): void {
        // certiref's own export: its title table and its bold « E1 — … » modality names mark it
        this.exportStyle = blocks.some((b) => b.kind === 'table' && b.rows.length >= 3 && b.columns === 2
            && /^(Certification)$/.test(cellText(b.rows[0].cells[0] ?? { blocks: [] } as unknown as DocCell)) && /^(Numéro RNCP|RNCP number)$/.test(cellText(b.rows[1].cells[0] ?? { blocks: [] } as unknown as DocCell)));
        for (const block of blocks) {
            if (block.kind === 'paragraph') this.paragraph(block);
            else this.table(block);
        }
        this.closeSection();
        this.finish();
    }

    // ---- the text between tables

    private paragraph(p: DocParagraph): void {
        this.summary.images += p.images;
        if (p.images > 0) {
            this.loose([{ ...p, text: `[${p.images} image(s)]` }], note(
                `le document a ici ${p.images} image(s), que l'import ne reprend pas${NB}: reportez son contenu en texte s'il fait partie du référentiel.`,
                `the document has ${p.images} picture(s) here, which the import does not take: write their content as text if it belongs to the référentiel.`,
            ));
        }
        if (isEmpty(p)) return;
        const text = plain(p);
        const bloc = headingLike(p) ? blocHeading(text) : undefined;
        if (bloc) {
            this.closeSection();
            this.enterBloc(bloc, {});
            return;
        }
        if (this.zone !== 'header' && this.current && headingLike(p) && (p.heading !== undefined || p.bold)) {
            const option = optionHeading(text);
            if (option) {
                this.enterOption(this.stateOf(this.current.bloc), option);
                return;
            }
        }
        if (p.heading !== undefined && GRID_SECTION.test(text) && this.zone !== 'header') {
            this.zone = 'grids';
            this.pendingHeading = undefined;
            return;
        }
        if (this.zone === 'header') {
            this.headerParagraph(p);
            return;
        }
        if (this.isFormField(p)) {
            this.summary.formFields++;
            return;
        }
        if (p.heading !== undefined && p.heading > 0) {
            // a heading inside a bloc: the name of the table that follows (a jury's grid names its modality so)
            if (this.pendingHeading !== undefined) this.loose([{ ...p, text: this.pendingHeading }]);
            this.pendingHeading = text;
            this.pendingMeta = undefined;
            return;
        }
        if (this.zone === 'grids' && this.pendingHeading !== undefined) {
            const meta: Meta = { deliverables: [] };
            if (p.italic && readMeta(p, meta, this.exportStyle)) {
                this.pendingMeta = meta;
                return;
            }
        }
        const state = this.current;
        if (!state) return;
        if (this.pendingHeading !== undefined) {
            this.pushText(state, [{ ...p, text: this.pendingHeading, heading: undefined }]);
            this.pendingHeading = undefined;
        }
        this.pushText(state, [p]);
    }

    /** Text in a bloc: its description before its first table, else text to place. */
    private pushText(state: ContainerState, paragraphs: DocParagraph[]): void {
        if (!state.seenTable) {
            state.container.description = [...(state.container.description ?? []), ...draftText(paragraphs)];
            return;
        }
        this.loose(paragraphs, undefined, state);
    }

    private looseNotes = new WeakMap<ContainerState, LooseText>();

    /** Text the reader could not place: kept in the current container (or the header), one note per run. */
    private loose(paragraphs: DocParagraph[], why?: ReviewNote, state = this.current): void {
        const text = draftText(paragraphs);
        if (text.length === 0) return;
        const holder = state?.container ?? this.draft;
        const list = (holder.loose ??= []);
        const last = state ? this.looseNotes.get(state) : undefined;
        if (!why && last && list[list.length - 1] === last) {
            last.text.push(...text);
            return;
        }
        const entry: LooseText = {
            text,
            notes: [why ?? note(
                `texte du document que l'import n'a pas su rattacher à un élément du référentiel${NB}: il est gardé ci-dessous, à placer (description, critère …) ou à supprimer.`,
                'text of the document the import could not attach to an element of the référentiel: it is kept below, to be placed (description, criterion …) or removed.',
            )],
        };
        list.push(entry);
        if (state && !why) this.looseNotes.set(state, entry);
    }

    private isFormField(p: DocParagraph): boolean {
        const text = plain(p);
        if (/[☐☒☑]/.test(text)) return true;
        return (this.zone === 'grids' || this.current?.grids.length) ? /^[^.!?]{1,60}[:：][\s_.…]*$/.test(text) || /^[_.…\s]+$/.test(text) : false;
    }

    private headerParagraph(p: DocParagraph): void {
        const text = plain(p);
        // `Code RNCP : RNCP12345`, `Niveau : 5` … : a field of the title block written as a line
        if (!this.section && this.field(text)) return;
        if (!this.titleSeen && (p.heading === 0 || ((p.heading !== undefined || p.bold) && this.draft.sections.length === 0 && !this.section))) {
            this.titleSeen = true;
            this.draft.title = text;
            return;
        }
        if (p.heading !== undefined) {
            this.closeSection();
            this.section = { kind: ACCESSIBILITY.test(text) ? 'accessibility' : 'section', title: text, text: [], where: {} };
            return;
        }
        if (this.section) this.section.text.push(p);
        else {
            if (!this.titleSeen) {
                this.titleSeen = true;
                this.draft.title = text;
                return;
            }
            this.draft.description = [...(this.draft.description ?? []), ...draftText([p])];
        }
    }

    private closeSection(): void {
        const s = this.section;
        this.section = undefined;
        if (!s) return;
        const text = draftText(s.text);
        if (s.kind === 'accessibility') {
            // the heading is part of the provision's text when it is not certiref's own heading
            const own = /^(Candidats en situation de handicap|Candidates with disabilities)$/.test(s.title);
            this.draft.accessibility.push(own ? text : [{ text: s.title }, ...text]);
        } else if (text.length > 0) this.draft.sections.push({ title: s.title, text });
        else this.draft.description = [...(this.draft.description ?? []), { text: s.title }];
    }

    // ---- blocs and options

    private blocs = new Map<string, DraftBloc>();

    private enterBloc(heading: BlocHeading, _where: Where): void {
        if (this.zone === 'header') this.zone = 'blocs';
        let bloc = this.blocs.get(heading.id);
        if (!bloc) {
            bloc = { id: heading.id, title: heading.title, activities: [], modalities: [], options: [] };
            this.blocs.set(heading.id, bloc);
            this.draft.blocs.push(bloc);
        } else if (!bloc.title && heading.title) bloc.title = heading.title;
        else if (heading.title && heading.title !== bloc.title) {
            this.loose([{ kind: 'paragraph', text: heading.title, bold: false, italic: false, images: 0 }], note(
                `le document nomme encore le bloc ${bloc.id}, sous un autre titre${NB}: ce titre est gardé ici. Un seul titre par bloc, ou un autre code pour un autre bloc.`,
                `the document names bloc ${bloc.id} again, with another title: that title is kept here. One title per bloc, or another code for another bloc.`,
            ), this.stateOf(bloc, bloc));
        }
        this.current = this.stateOf(bloc, bloc);
        // in the jury's grids, the bloc follows the name of the modality whose grid comes next
        if (this.zone !== 'grids') this.pendingHeading = undefined;
        if (heading.option) this.enterOption(this.current, heading.option);
    }

    private enterOption(blocState: ContainerState, option: NonNullable<BlocHeading['option']>): void {
        const bloc = blocState.bloc;
        let o = bloc.options.find((x) => x.id === option.id);
        if (!o) {
            o = { keyword: option.keyword, id: option.id, title: option.title, activities: [], modalities: [] } satisfies DraftOption;
            bloc.options.push(o);
        } else if (!o.title && option.title) o.title = option.title;
        else if (option.title && option.title !== o.title) {
            this.loose([{ kind: 'paragraph', text: option.title, bold: false, italic: false, images: 0 }], note(
                `le document nomme encore l'option ${o.id}, sous un autre titre${NB}: ce titre est gardé ici.`,
                `the document names option ${o.id} again, with another title: that title is kept here.`,
            ), this.stateOf(o, bloc));
        }
        this.current = this.stateOf(o, bloc);
        if (this.zone !== 'grids') this.pendingHeading = undefined;
    }

    private stateOf(container: DraftContainer, bloc?: DraftBloc): ContainerState {
        let s = this.containers.get(container);
        if (!s) {
            s = { container, bloc: bloc ?? (container as DraftBloc), appearances: [], grids: [], made: { activities: [], competencies: [], words: [] }, seenTable: false };
            this.containers.set(container, s);
        }
        return s;
    }

    /** The current container, or a bloc made for tables found before any bloc heading. */
    private ensureState(where: Where): ContainerState {
        if (this.current) return this.current;
        this.closeSection();
        this.enterBloc({ id: String(this.draft.blocs.length + 1) }, where);
        addNote(this.current!.bloc, note(
            `le document ne donne pas de titre de bloc («\u00a0Bloc 1 : …\u00a0») avant le ${at(where).fr}${NB}: ce bloc est numéroté ${this.current!.bloc.id} par l'import. Donnez-lui son code et son titre.`,
            `the document gives no bloc heading ("Bloc 1: …") before ${at(where).en}: the import numbers this bloc ${this.current!.bloc.id}. Give it its code and title.`,
        ));
        return this.current!;
    }

    // ---- tables

    private table(table: DocTable): void {
        if (this.zone === 'header' && this.fieldsTable(table)) return;
        let layout = layoutOf(table);
        const where: Where = { table: table.number };
        if (layout.kind === 'form') {
            this.summary.formFields++;
            return;
        }
        if (layout.kind === 'unknown') {
            const previous = this.current?.last;
            if (previous && previous.columns === table.columns) layout = { ...previous.layout, headerRows: 0 };
            else if (this.zone === 'header' && !this.blocRowsIn(table)) {
                // a table in the header: its text belongs to the section it is in
                const paragraphs = table.rows.flatMap((r) => r.cells.flatMap((c) => cellParagraphs(c.blocks)));
                if (this.section) this.section.text.push(...paragraphs);
                else this.draft.description = [...(this.draft.description ?? []), ...draftText(paragraphs)];
                return;
            } else {
                const guess = this.guessLayout(table);
                if (!guess) {
                    this.unknownTable(table);
                    return;
                }
                layout = guess;
            }
        }
        this.closeSection();
        if (layout.kind === 'grid') {
            this.grid(table, layout);
            return;
        }
        // rows over the whole width that name a bloc or an option cut the table into parts
        let start = layout.headerRows;
        for (let r = layout.headerRows; r <= table.rows.length; r++) {
            const full = r < table.rows.length ? fullWidth(table, r) : undefined;
            const text = full ? cellText(full) : '';
            const bloc = full ? blocHeading(text) : undefined;
            const option = full && !bloc && this.current ? optionHeading(text) : undefined;
            if (r === table.rows.length || bloc || option) {
                if (r > start) this.referentialRows(table, layout, start, r);
                if (bloc) this.enterBloc(bloc, { table: table.number, row: r + 1 });
                if (option) this.enterOption(this.stateOf(this.current!.bloc), option);
                start = r + 1;
            } else if (full) {
                // a row over the whole width that names nothing: right under a bloc's row, its description; else a heading or a remark
                const underBloc = r === start && r > layout.headerRows && fullWidth(table, r - 1) !== undefined && this.current !== undefined && !this.current.seenTable;
                if (r > start) this.referentialRows(table, layout, start, r);
                start = r + 1;
                const state = this.ensureState(where);
                if (underBloc) {
                    state.container.description = [...(state.container.description ?? []), ...draftText(cellParagraphs(full.blocks))];
                    continue;
                }
                this.loose(cellParagraphs(full.blocks), note(
                    `la ligne ${r + 1} du tableau ${table.number} couvre toute la largeur sans nommer de bloc ni d'option${NB}: son texte est gardé ici.`,
                    `row ${r + 1} of table ${table.number} spans the whole width without naming a bloc or an option: its text is kept here.`,
                ), state);
            }
        }
        const state = this.current;
        if (state) state.last = { columns: table.columns, layout };
    }

    private blocRowsIn(table: DocTable): boolean {
        return table.rows.some((_, r) => {
            const full = fullWidth(table, r);
            return full !== undefined && blocHeading(cellText(full)) !== undefined;
        });
    }

    /** A table with no header row: three or four columns whose first cells start with activity ids read as the usual layout. */
    private guessLayout(table: DocTable): Layout | undefined {
        if (table.columns !== 3 && table.columns !== 4) return undefined;
        const firsts = table.rows.map((r) => r.cells.find((c) => c.column === 0)).filter((c): c is DocCell => c !== undefined);
        const ids = firsts.map((c) => leadingId(cellText(c))).filter((id) => id?.kind === 'activity');
        const seconds = table.rows.map((r) => r.cells.find((c) => c.column === 1)).filter((c): c is DocCell => c !== undefined);
        const comps = seconds.map((c) => leadingId(cellText(c))).filter((id) => id?.kind === 'competency');
        if (ids.length * 2 < firsts.length && comps.length * 2 < seconds.length) return undefined;
        const roles: Role[] = table.columns === 3 ? ['activity', 'competency', 'evaluation'] : ['activity', 'competency', 'modality', 'criteria'];
        const state = this.ensureState({ table: table.number });
        addNote(state.container, note(
            `le tableau ${table.number} n'a pas de ligne d'en-tête${NB}: ses colonnes sont lues comme ${table.columns === 3 ? 'activités · compétences · évaluation' : 'activités · compétences · modalités · critères'}.`,
            `table ${table.number} has no header row: its columns are read as ${table.columns === 3 ? 'activities · competencies · evaluation' : 'activities · competencies · modalities · criteria'}.`,
        ));
        return { kind: 'referential', roles, headerRows: 0, headers: [] };
    }

    private unknownTable(table: DocTable): void {
        const state = this.ensureState({ table: table.number });
        const paragraphs = table.rows.flatMap((r) => r.cells.flatMap((c) => cellParagraphs(c.blocks)));
        this.loose(paragraphs, note(
            `le tableau ${table.number} n'a pas la forme d'un référentiel (pas d'en-tête activités, compétences, évaluation ou critères)${NB}: son texte est gardé ici, cellule par cellule.`,
            `table ${table.number} does not have the shape of a référentiel (no activities, competencies, evaluation or criteria header): its text is kept here, cell by cell.`,
        ), state);
    }

    /** A field line of the header; false when the line is not one. */
    private field(text: string): boolean {
        const m = /^(code\s+rncp|num[ée]ro\s+rncp|n°\s*rncp|rncp|niveau(?:\s+de\s+qualification)?|certificateurs?|certifier|version|date(?:\s+de\s+publication)?)\s*[:：]\s*(.+)$/i.exec(text);
        if (!m || m[2].length > 200) return false;
        const [, key, value] = m;
        if (/rncp/i.test(key)) this.draft.rncp = value.replace(/\s+/g, '');
        else if (/niveau/i.test(key)) this.draft.level = value.replace(/^(niveau|level)\s*/i, '').trim();
        else if (/certific/i.test(key)) this.draft.certifier = value.trim();
        else if (/version/i.test(key)) this.draft.version = value.trim();
        else this.draft.date = value.trim();
        return true;
    }

    /** The title block: two columns, a field name and its value (Certification, Numéro RNCP, Niveau …). */
    private fieldsTable(table: DocTable): boolean {
        if (table.columns !== 2 || table.rows.length === 0) return false;
        const rows = table.rows.map((r) => r.cells);
        if (!rows.every((cells) => cells.length === 2 && cellText(cells[0]).length > 0 && cellText(cells[0]).length < 60)) return false;
        const keys = rows.map((cells) => cellText(cells[0]));
        if (!keys.some((k) => /certification|rncp|niveau|level|certificateur|certifier|intitul/i.test(k))) return false;
        for (const [keyCell, valueCell] of rows) {
            const key = cellText(keyCell);
            const paragraphs = cellParagraphs(valueCell.blocks).filter((p) => !isEmpty(p));
            const value = paragraphs.map((p) => p.text.trim()).join(' ');
            if (paragraphs.length === 0 || (paragraphs.every((p) => p.italic) && /^(non renseigné|not given)$/i.test(value))) continue;
            if (/^(certification|intitul[ée]|title|titre)/i.test(key)) {
                const m = /^(.*)\s+\(([^()\s]+)\)$/.exec(value);
                if (m) {
                    this.draft.title = m[1];
                    this.draft.id = m[2];
                    this.idGiven = true;
                } else this.draft.title = value;
                this.titleSeen = true;
            } else if (/rncp/i.test(key)) this.draft.rncp = value.replace(/\s+/g, '');
            else if (/niveau|level/i.test(key)) this.draft.level = value.replace(/^(niveau|level)\s*/i, '').trim();
            else if (/certificateur|certifier/i.test(key)) this.draft.certifier = value;
            else if (/^version/i.test(key)) this.draft.version = value;
            else if (/^date/i.test(key)) this.draft.date = value;
            else this.draft.sections.push({ title: key, text: draftText(paragraphs) });
        }
        return true;
    }

    // ---- référentiel tables

    private referentialRows(table: DocTable, layout: Layout, from: number, to: number): void {
        const state = this.ensureState({ table: table.number });
        state.seenTable = true;
        // pictures in cells are not imported: said once per table
        const pictures = table.rows.slice(from, to).flatMap((r) => r.cells).flatMap((c) => cellParagraphs(c.blocks).filter((p) => p.images > 0).map(() => c));
        if (pictures.length > 0) {
            const count = pictures.reduce((n, c) => n + cellParagraphs(c.blocks).reduce((k, p) => k + p.images, 0), 0);
            this.summary.images += count;
            addNote(state.container, note(
                `le tableau ${table.number} a ${count} image(s) (ligne ${[...new Set(pictures.map((c) => c.row + 1))].join(', ')}), que l'import ne reprend pas${NB}: reportez leur contenu en texte s'il fait partie du référentiel.`,
                `table ${table.number} has ${count} picture(s) (row ${[...new Set(pictures.map((c) => c.row + 1))].join(', ')}), which the import does not take: write their content as text if it belongs to the référentiel.`,
            ));
        }
        this.pendingHeading = undefined;
        const roles = layout.roles;
        const cellsOf = (role: Role) => {
            const out: DocCell[] = [];
            for (let r = from; r < to; r++) for (const c of table.rows[r].cells) if (roles[c.column] === role && !fullWidth(table, r)) out.push(c);
            return out;
        };
        const span = (c: DocCell): [number, number] => [Math.max(c.row, from), Math.min(c.row + c.rowSpan, to)];
        const where = (c: DocCell): Where => ({ table: table.number, row: c.row + 1 });

        // activities
        const activityAt = new Map<number, DraftActivity>();
        const unattachedRows = new Set<number>();
        const activityCells = cellsOf('activity');
        const tableActivities: DraftActivity[] = [];
        for (const cell of activityCells) {
            const paragraphs = cellParagraphs(cell.blocks);
            const [a, b] = span(cell);
            if (this.exportStyle && isExportUnattachedLabel(paragraphs.map(plain).join(' '))) {
                for (let r = a; r < b; r++) unattachedRows.add(r);
                continue;
            }
            const activities = this.activitiesOf(state, paragraphs, where(cell));
            tableActivities.push(...activities);
            if (activities.length > 0) for (let r = a; r < b; r++) activityAt.set(r, activities[activities.length - 1]);
        }

        // competencies, and which rows hold which
        const rowCompetencies = new Map<number, string[]>();
        const competencyCells = cellsOf('competency');
        const groups: string[][] = [];
        const aligned = !roles.includes('activity') && state.activityRows && state.activityRows.length === competencyCells.length ? state.activityRows : undefined;
        competencyCells.forEach((cell, k) => {
            const [a, b] = span(cell);
            const activity = activityAt.get(a) ?? aligned?.[k];
            const ids = this.competenciesOf(state, cellParagraphs(cell.blocks), activity, where(cell), !roles.includes('activity') && !aligned);
            groups.push(ids);
            for (let r = a; r < b; r++) rowCompetencies.set(r, [...(rowCompetencies.get(r) ?? []), ...ids]);
        });
        if (activityCells.length > 0 && competencyCells.length === 0) state.activityRows = tableActivities;
        if (competencyCells.length > 0) state.competencyRows = groups;
        // an evaluation table without its competencies: its rows follow the last table's competencies, row for row
        const noCompetencyColumn = competencyCells.length === 0 && activityCells.length === 0;
        const bodyRows = [...new Set(table.rows.slice(from, to).flatMap((r) => r.cells.filter((c) => roles[c.column] !== 'decision' && roles[c.column] !== 'other').map((c) => c.row)))].sort((x, y) => x - y);
        if (noCompetencyColumn && state.competencyRows) {
            const rows = state.competencyRows;
            if (rows.length === bodyRows.length) bodyRows.forEach((r, i) => rowCompetencies.set(r, rows[i]));
        }
        const candidatesOf = (cell: DocCell): string[] => {
            const [a, b] = span(cell);
            const out: string[] = [];
            for (let r = a; r < b; r++) {
                if (unattachedRows.has(r)) continue;
                for (const id of rowCompetencies.get(r) ?? []) if (!out.includes(id)) out.push(id);
            }
            return out;
        };
        const unattached = (cell: DocCell) => unattachedRows.has(span(cell)[0]);
        const noCandidates = noCompetencyColumn && !(state.competencyRows && state.competencyRows.length === bodyRows.length);
        if (noCandidates && (cellsOf('evaluation').length + cellsOf('criteria').length > 0)) {
            addNote(state.container, note(
                `le tableau ${table.number} n'a pas de colonne de compétences et ses lignes ne suivent pas celles du tableau des compétences${NB}: ses critères ne disent pas quelle compétence ils jugent.`,
                `table ${table.number} has no competency column and its rows do not follow those of the competency table: its criteria do not say which competency they judge.`,
            ));
        }

        // evaluation: modalities and criteria in one column, or apart
        const criteriaApart = roles.includes('criteria');
        for (const cell of [...cellsOf('evaluation'), ...cellsOf('modality')].sort((x, y) => x.row - y.row || x.column - y.column)) {
            const candidates = candidatesOf(cell);
            for (const appearance of parseEvaluationCell(cellParagraphs(cell.blocks), this.exportStyle, criteriaApart)) {
                const criteria: CriterionAt[] = [
                    ...appearance.criteria.map((piece) => ({ piece, candidates, where: where(cell) })),
                    ...appearance.parts.flatMap((part) => part.criteria.map((piece) => ({ piece, candidates, part, where: where(cell) }))),
                ];
                state.appearances.push({ appearance, candidates, criteria, where: where(cell), unattached: unattached(cell) });
            }
        }
        if (criteriaApart) {
            const modalityCells = [...cellsOf('evaluation'), ...cellsOf('modality')];
            const own = state.appearances.slice(state.appearances.length - modalityCells.reduce((n, c) => n + parseEvaluationCell(cellParagraphs(c.blocks), this.exportStyle, true).length, 0));
            for (const cell of cellsOf('criteria')) {
                const [a] = span(cell);
                const paragraphs = cellParagraphs(cell.blocks);
                const { intro, pieces } = splitPieces(paragraphs, (id) => id.kind === 'criterion' || id.kind === 'other');
                const all = [...(intro.length > 0 ? [{ paragraphs: intro }] : []), ...pieces];
                if (all.length === 0) continue;
                // the modality beside it: the last one whose cell starts at or above its first row
                let holder = [...own].reverse().find((m) => m.where.row !== undefined && m.where.row - 1 <= a);
                if (!holder) {
                    holder = this.placeholderModality(state, where(cell), candidatesOf(cell));
                    own.push(holder);
                }
                for (const piece of all) holder.criteria.push({ piece, candidates: candidatesOf(cell), where: where(cell) });
                for (const id of candidatesOf(cell)) if (!holder.candidates.includes(id)) holder.candidates.push(id);
            }
        }
        // columns the language has no place for: their text stays, under the row's element
        for (const role of ['other'] as const) {
            const cells = cellsOf(role).filter((c) => cellParagraphs(c.blocks).some((p) => !isEmpty(p)));
            if (cells.length === 0) continue;
            const headers = [...new Set(cells.map((c) => layout.headers[c.column]).filter(Boolean))];
            addNote(state.container, note(
                `le tableau ${table.number} a une colonne que le langage n'a pas${headers.length ? ` («\u00a0${headers.join('\u00a0», «\u00a0')}\u00a0»)` : ''}${NB}: son texte est gardé en commentaire sous l'élément de sa ligne.`,
                `table ${table.number} has a column the language does not have${headers.length ? ` ("${headers.join('", "')}")` : ''}: its text is kept as a comment under the element of its row.`,
            ));
            for (const cell of cells) {
                const [a] = span(cell);
                const compId = rowCompetencies.get(a)?.[0];
                const holder = (compId ? this.competencies.get(compId)?.competency : undefined) ?? activityAt.get(a) ?? state.container;
                (holder.loose ??= []).push({ text: draftText(cellParagraphs(cell.blocks)), notes: [] });
            }
        }
    }

    private placeholderModality(state: ContainerState, where: Where, candidates: string[]): ModalityAt {
        const appearance: Appearance = { title: '', meta: { deliverables: [] }, hasMeta: false, description: [], criteria: [], parts: [], body: [], ambiguous: false };
        const m: ModalityAt = { appearance, candidates: [...candidates], criteria: [], where, unattached: false };
        state.appearances.push(m);
        return m;
    }

    /** An activity cell: one activity (its title, then its description), or several when each starts with its id. */
    private activitiesOf(state: ContainerState, paragraphs: DocParagraph[], where: Where): DraftActivity[] {
        const { intro, pieces, how } = splitPieces(paragraphs, (id) => id.kind === 'activity' || id.kind === 'other', { whole: true });
        const out: DraftActivity[] = [];
        if (intro.length > 0) {
            this.loose(intro, note(
                `texte en tête de la cellule d'activités (${at(where).fr}), avant la première activité${NB}: il est gardé ici.`,
                `text at the top of the activity cell (${at(where).en}), before the first activity: it is kept here.`,
            ), state);
        }
        for (const piece of pieces) {
            const [first, ...rest] = piece.paragraphs.filter((p) => !isEmpty(p));
            const id = piece.id ? this.idOf(state, piece.id) : undefined;
            if (!first) {
                // an id alone: the activity it names, else kept as written
                const named = state.container.activities.find((a) => a.id === id);
                if (named) out.push(named);
                else this.idAlone(state, piece, 'activity', where);
                continue;
            }
            const title = plain(first);
            const existing = state.container.activities.find((a) => (id !== undefined && a.id === id) || (id === undefined && a.title === title));
            if (existing) {
                // the activity named again (a table of competencies that repeats it): what it adds is kept
                if (title !== existing.title) {
                    (existing.loose ??= []).push({ text: [{ text: title }], notes: [note(
                        `l'activité ${existing.id} est nommée à nouveau (${at(where).fr}) sous un autre titre${NB}: ce titre est gardé ici.`,
                        `activity ${existing.id} is named again (${at(where).en}) with another title: that title is kept here.`,
                    )] });
                }
                const known = new Set(plainText(existing.description).split('\n\n'));
                const added = draftText(rest).filter((p) => !known.has(p.text));
                if (added.length > 0) existing.description = [...(existing.description ?? []), ...added];
                out.push(existing);
                continue;
            }
            const activity: DraftActivity = { id: id ?? this.makeId(state, 'activity'), title, description: rest.length ? draftText(rest) : undefined, competencies: [] };
            if (how === 'single' && !piece.id && rest.length === 0 && title.length > 200) {
                addNote(activity, note(
                    `la cellule d'activité (${at(where).fr}) n'a qu'un long paragraphe${NB}: il est pris pour titre.`,
                    `the activity cell (${at(where).en}) has a single long paragraph: it is taken as the title.`,
                ));
            }
            this.activityIds.add(activity.id);
            state.container.activities.push(activity);
            out.push(activity);
        }
        return out;
    }

    /** A competency cell: its competencies (or references to competencies already read), their ids in row order. */
    private competenciesOf(state: ContainerState, paragraphs: DocParagraph[], activity: DraftActivity | undefined, where: Where, unaligned: boolean): string[] {
        const { intro, pieces, how } = splitPieces(paragraphs, (id) => id.kind !== 'criterion' && id.kind !== 'modality', { colonJoins: true });
        const ids: string[] = [];
        if (intro.length > 0) {
            this.loose(intro, note(
                `texte en tête de la cellule de compétences (${at(where).fr}), avant la première compétence${NB}: il est gardé ici.`,
                `text at the top of the competency cell (${at(where).en}), before the first competency: it is kept here.`,
            ), state);
        }
        // a cell that only names competencies already read (`C1`, `C1, C2`, `C1 à C3`): references
        const whole = paragraphs.map(plain).join(' ').trim();
        const named = idsIn(whole);
        if (named.length > 0 && whole.replace(new RegExp(named.map((x) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g'), '').replace(/[\s,;.:]|\bet\b|\bà\b|\band\b|\bto\b/g, '') === '') {
            const known = named.filter((x) => this.competencies.has(x));
            if (known.length === named.length) {
                const range = /^(\S+)\s+(?:à|to)\s+(\S+)$/.exec(whole);
                return range ? idsInRange(range[1], range[2], [...this.competencies.keys()]) ?? known : known;
            }
        }
        for (const piece of pieces) {
            const text = pieceText(piece);
            const id = piece.id ? this.idOf(state, piece.id) : undefined;
            if (id !== undefined && this.competencies.has(id)) {
                // a competency named again (a table of the evaluation that repeats it): what it adds is kept
                this.keepRepeated(this.competencies.get(id)!.competency, text, where);
                ids.push(id);
                continue;
            }
            if (text.length === 0) {
                this.idAlone(state, piece, 'competency', where);
                continue;
            }
            // a competency already read (a table of the evaluation that names it again)
            const known = id === undefined ? [...this.competencies.values()].find((k) => plainText(k.competency.text) === plainText(text)) : undefined;
            if (known) {
                ids.push(known.competency.id);
                continue;
            }
            const owner = activity ?? this.ownerOf(state, id, where, unaligned);
            const competency: DraftCompetency = { id: id ?? this.makeId(state, 'competency'), text };
            if (how === 'paragraphs' && pieces.length > 1 && !piece.id && piece === pieces[0]) {
                addNote(competency, note(
                    `la cellule (${at(where).fr}) a ${pieces.length} paragraphes sans identifiant${NB}: chacun est lu comme une compétence. Si une compétence tient sur plusieurs paragraphes, réunissez-les.`,
                    `the cell (${at(where).en}) has ${pieces.length} paragraphs without an id: each is read as a competency. If a competency spans several paragraphs, join them.`,
                ));
            }
            owner.competencies.push(competency);
            this.competencies.set(competency.id, { competency, state });
            ids.push(competency.id);
        }
        return ids;
    }

    /** An id written without a text (`C1.` then the next id): it names no element; kept as written, with a note, never dropped. */
    private idAlone(state: ContainerState, piece: Piece, kind: 'activity' | 'competency', where: Where): void {
        if (!piece.id) return;
        const written = `${piece.id.made ?? piece.id.id}${piece.id.rangeEnd ? ` à ${piece.id.rangeEnd}` : ''}`;
        const [fr, en] = kind === 'activity' ? ["d'activité", 'an activity'] : ['de compétence', 'a competency'];
        this.loose([{ ...piece.paragraphs[0], text: written }], note(
            `l'identifiant ${written} est écrit sans texte ${fr} (${at(where).fr})${NB}: il est gardé ici. Écrivez l'élément qu'il numérote, ou supprimez-le.`,
            `id ${written} is written without ${en} text (${at(where).en}): it is kept here. Write the element it numbers, or remove it.`,
        ), state);
    }

    /**
     * A competency's id written again with a text: a text the competency already holds (the same,
     * or a part of it) only names it; another is kept on it, with a note, never dropped.
     */
    private keepRepeated(known: DraftCompetency, text: DraftText, where: Where): void {
        const flat = (x: string) => x.replace(/\s+/g, ' ').trim();
        const repeated = flat(plainText(text));
        if (repeated === '' || flat(plainText(known.text)).includes(repeated)) return;
        (known.loose ??= []).push({ text, notes: [note(
            `la compétence ${known.id} est nommée à nouveau (${at(where).fr}) avec un autre texte${NB}: ce texte est gardé ici. Gardez le bon texte, ou donnez à l'autre compétence son propre identifiant.`,
            `competency ${known.id} is named again (${at(where).en}) with another text: that text is kept here. Keep the right text, or give the other competency its own id.`,
        )] });
    }

    /** The activity a competency belongs to when its table has no activity column. */
    private ownerOf(state: ContainerState, id: string | undefined, where: Where, unaligned: boolean): DraftActivity {
        const activities = state.container.activities;
        // C1.2 under A1.x when the numbering says so
        if (id) {
            const m = /^[A-Za-z]+(\d+[A-Za-z]?)[.\-]\d+/.exec(id);
            const byNumber = m ? activities.filter((a) => new RegExp(`^[A-Za-z]+${m[1]}(?:[.\\-]\\d+)?$`).test(a.id)) : [];
            if (byNumber.length === 1) return byNumber[0];
        }
        if (activities.length === 1) return activities[0];
        if (activities.length > 0) {
            const last = activities[activities.length - 1];
            if (unaligned) {
                addNote(last, note(
                    `des compétences (${at(where).fr}) ne disent pas à quelle activité elles appartiennent${NB}: elles sont placées sous la dernière activité lue. Déplacez-les si besoin.`,
                    `competencies (${at(where).en}) do not say which activity they belong to: they are placed under the last activity read. Move them if needed.`,
                ));
            }
            return last;
        }
        const activity: DraftActivity = { id: this.makeId(state, 'activity'), title: state.container.title ?? `Bloc ${state.bloc.id}`, competencies: [] };
        addNote(activity, note(
            `le document ne donne pas d'activité pour ces compétences (${at(where).fr})${NB}: l'import en crée une, au titre du bloc. Remplacez-la par l'activité du référentiel.`,
            `the document gives no activity for these competencies (${at(where).en}): the import makes one, titled after the bloc. Replace it with the référentiel's activity.`,
        ));
        state.container.activities.push(activity);
        this.activityIds.add(activity.id);
        return activity;
    }

    /**
     * An id as written. One made from words (`Compétence 3` → C3) is noted once per container,
     * and takes its bloc's number when another bloc has it already (numbering that starts again
     * in each bloc: `Activité 1` of bloc 2 → A2.1).
     */
    private idOf(state: ContainerState, id: LeadingId): string {
        if (!id.made) return id.id;
        let made = id.id;
        const taken = id.kind === 'activity'
            ? (x: string) => this.activityIds.has(x) && !state.container.activities.some((a) => a.id === x)
            : (x: string) => this.competencies.has(x) && this.competencies.get(x)!.state !== state;
        if (taken(made)) made = `${made.replace(/\d.*$/, '')}${state.bloc.id}${state.container !== state.bloc ? state.container.id : ''}.${made.replace(/^\D+/, '')}`;
        if (!state.made.words.includes(`${id.made} → ${made}`)) state.made.words.push(`${id.made} → ${made}`);
        return made;
    }

    private makeId(state: ContainerState, kind: 'activity' | 'competency'): string {
        const prefix = kind === 'activity' ? 'A' : 'C';
        const base = `${prefix}${state.bloc.id}${state.container !== state.bloc ? state.container.id : ''}`;
        const taken = (id: string) => (kind === 'activity' ? this.activityIds.has(id) : this.competencies.has(id));
        let n = (kind === 'activity' ? state.made.activities : state.made.competencies).length + 1;
        let id = `${base}.${n}`;
        while (taken(id)) id = `${base}.${++n}`;
        (kind === 'activity' ? state.made.activities : state.made.competencies).push(id);
        return id;
    }

    // ---- jury grids

    private grid(table: DocTable, layout: Layout): void {
        const state = this.ensureState({ table: table.number });
        const roles = layout.roles;
        const rows: GridAt['rows'] = [];
        for (let r = layout.headerRows; r < table.rows.length; r++) {
            const criterionCell = table.rows[r].cells.find((c) => roles[c.column] === 'criteria' || roles[c.column] === 'evaluation');
            const competencyCell = cellAt(table, r, roles.indexOf('competency'));
            const competencyText = competencyCell ? cellText(competencyCell) : '';
            const ids = competencyText ? this.competencyRefs(competencyText) : [];
            const paragraphs = criterionCell ? cellParagraphs(criterionCell.blocks).filter((p) => !isEmpty(p)) : [];
            const criterion = paragraphs.length === 0 || (paragraphs.length === 1 && paragraphs[0].italic && /aucun critère ne juge|no criterion judges/.test(plain(paragraphs[0])))
                ? undefined
                : { paragraphs, id: leadingId(paragraphs[0].text) as LeadingId | undefined, original: paragraphs };
            if (criterion?.id && criterion.id.kind !== 'criterion') criterion.id = undefined;
            if (criterion?.id) criterion.paragraphs = [{ ...paragraphs[0], text: criterion.id.rest }, ...paragraphs.slice(1)];
            if (ids.length === 0) rows.push({ criterion });
            for (const id of ids) rows.push({ competency: id, criterion });
        }
        state.grids.push({ heading: this.pendingHeading, meta: this.pendingMeta, rows, where: { table: table.number } });
        state.seenTable = true;
        this.pendingHeading = undefined;
        this.pendingMeta = undefined;
    }

    /** The competencies a cell of a grid names: its leading id, the ids it lists, or the competency whose text it repeats. */
    private competencyRefs(text: string): string[] {
        const lead = leadingId(text);
        if (lead && this.competencies.has(lead.id)) return [lead.id];
        const listed = idsIn(text).filter((id) => this.competencies.has(id));
        if (listed.length > 0 && text.length < 80) return listed;
        const same = [...this.competencies.values()].find((k) => plainText(k.competency.text) === text.trim());
        return same ? [same.competency.id] : lead ? [lead.id] : [];
    }

    // ---- the end: modalities, criteria, what they judge, and the certification's id

    private finish(): void {
        for (const state of this.containers.values()) {
            this.modalities(state);
            this.madeIdsNote(state);
        }
        this.certificationId();
    }

    private madeIdsNote(state: ContainerState): void {
        const { activities, competencies, words } = state.made;
        const range = (ids: string[]) => (ids.length > 2 ? `${ids[0]} à ${ids[ids.length - 1]}` : ids.join(', '));
        const rangeEn = (ids: string[]) => (ids.length > 2 ? `${ids[0]} to ${ids[ids.length - 1]}` : ids.join(', '));
        if (activities.length + competencies.length > 0) {
            const fr = [activities.length ? `activités ${range(activities)}` : '', competencies.length ? `compétences ${range(competencies)}` : ''].filter(Boolean).join(', ');
            const en = [activities.length ? `activities ${rangeEn(activities)}` : '', competencies.length ? `competencies ${rangeEn(competencies)}` : ''].filter(Boolean).join(', ');
            addNote(state.container, note(
                `le document ne numérote pas ces éléments${NB}: l'import leur donne des identifiants (${fr}). Remplacez-les par ceux du référentiel s'il en a.`,
                `the document does not number these elements: the import gives them ids (${en}). Replace them with the référentiel's own if it has some.`,
            ));
        }
        if (words.length > 0) {
            addNote(state.container, note(
                `identifiants faits à partir des mots du document${NB}: ${words.slice(0, 6).join(', ')}${words.length > 6 ? ' …' : ''}.`,
                `ids made from the words of the document: ${words.slice(0, 6).join(', ')}${words.length > 6 ? ' …' : ''}.`,
            ));
        }
    }

    private certificationId(): void {
        const d = this.draft;
        if (!d.title) d.title = this.name.replace(/\.[^.]+$/, '');
        if (d.id) return;
        const stop = new Set(['de', 'des', 'du', 'la', 'le', 'les', 'l', 'd', 'et', 'en', 'à', 'a', 'au', 'aux', 'un', 'une', 'pour', 'of', 'the', 'and', 'in', 'titre', 'professionnel']);
        const words = d.title.normalize('NFD').replace(/[\u0300-\u036f]/g, '').split(/[^A-Za-z0-9]+/).filter((w) => w && !stop.has(w.toLowerCase()));
        let id = words.map((w) => w[0].toUpperCase()).join('').slice(0, 8);
        if (id.length < 2) id = d.rncp ? d.rncp.replace(/[^A-Za-z0-9]/g, '') : 'REF';
        d.id = id;
        if (!this.idGiven) {
            addNote(d, note(
                `le document ne donne pas d'identifiant court à la certification${NB}: l'import prend ${id}, fait des initiales du titre. Changez-le partout («\u00a0partie de ${id}\u00a0») si vous en préférez un autre.`,
                `the document gives the certification no short id: the import takes ${id}, made from the title's initials. Change it everywhere ("partie de ${id}") if you prefer another.`,
            ));
        }
    }

    private modalities(state: ContainerState): void {
        const container = state.container;
        const all = [...this.competencies.values()].map((k) => k.competency.id);
        const order = (ids: string[]) => {
            const rank = new Map(all.map((id, i) => [id, i]));
            return [...new Set(ids)].sort((a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0));
        };
        // appearances → modalities: the same id, or the same title written again without anything of its own
        const groups: Array<{ modality: DraftModality; at: ModalityAt[] }> = [];
        for (const m of state.appearances) {
            const a = m.appearance;
            // a cell with criteria only, under a modality named above: that modality's
            if (a.title === '' && a.id === undefined && groups.length > 0 && !a.hasMeta && a.description.length === 0) {
                groups[groups.length - 1].at.push(m);
                continue;
            }
            // the same title again: the same modality when this cell adds nothing of its own, or repeats it word for word
            // (a jury's grid per modality, when there are some, says how many modalities there are)
            const repeats = (g: { modality: DraftModality; at: ModalityAt[] }) => {
                const first = g.at[0].appearance;
                if (a.id !== undefined || g.modality.id !== undefined || a.title === '' || g.modality.title !== a.title) return false;
                const nothing = !a.hasMeta && a.description.length === 0 && a.parts.every((p) => p.description.length === 0 && !hasMeta(p.meta));
                const same = state.grids.length === 0 && JSON.stringify([a.meta, a.description.map(plain)]) === JSON.stringify([first.meta, first.description.map(plain)]);
                return nothing || same;
            };
            const same = groups.find((g) => (a.id !== undefined && g.modality.id === a.id) || repeats(g));
            if (same) {
                same.at.push(m);
                continue;
            }
            const modality: DraftModality = {
                id: a.id, title: a.title, kind: a.meta.kind, mode: a.meta.mode, deliverables: a.meta.deliverables, evaluates: a.meta.evaluates ?? [],
                description: a.description.length ? draftText(a.description) : undefined, criteria: [], parts: [],
            };
            if (a.idMade) state.made.words.push(`${a.idMade} → ${a.id}`);
            if (a.title === '') {
                addNote(modality, note(
                    `la cellule d'évaluation (${at(m.where).fr}) ne donne pas le nom de la modalité${NB}: écrivez-le.`,
                    `the evaluation cell (${at(m.where).en}) does not name the modality: write its name.`,
                ));
            }
            groups.push({ modality, at: [m] });
        }
        // the jury's grids: each names a modality of the container, and says which competency each criterion judges
        const gridOf = new Map<DraftModality, GridAt[]>();
        const taken = new Set<DraftModality>();
        for (const grid of state.grids) {
            const heading = grid.heading ? leadingId(grid.heading) : undefined;
            const id = heading?.kind === 'modality' ? heading.id : undefined;
            const title = id ? heading!.rest.trim() : grid.heading?.trim();
            const competencies = grid.rows.map((r) => r.competency).filter((x): x is string => x !== undefined);
            let group = groups.find((g) => !taken.has(g.modality) && id !== undefined && g.modality.id === id)
                ?? groups.find((g) => !taken.has(g.modality) && title !== undefined && g.modality.title === title && g.modality.id === id)
                ?? groups.find((g) => !taken.has(g.modality) && title === undefined && g.at.some((m) => m.candidates.some((c) => competencies.includes(c))));
            if (!group) {
                group = { modality: { id, title: title ?? '', kind: grid.meta?.kind, mode: grid.meta?.mode, deliverables: grid.meta?.deliverables ?? [], evaluates: [], criteria: [], parts: [] }, at: [] };
                groups.push(group);
            }
            taken.add(group.modality);
            gridOf.set(group.modality, [...(gridOf.get(group.modality) ?? []), grid]);
        }
        for (const { modality, at: appearances } of groups) {
            const grids = gridOf.get(modality);
            if (grids) this.fromGrids(state, modality, appearances, grids, order);
            else this.fromCells(state, modality, appearances, order);
            container.modalities.push(modality);
        }
    }

    /** Parts of a modality from its appearances, the first time each is shown (heading, meta, description). */
    private partsOf(appearances: ModalityAt[]): Map<PartAppearance, DraftPart> {
        const parts = new Map<PartAppearance, DraftPart>();
        const byName = new Map<string, DraftPart>();
        for (const m of appearances) {
            for (const p of m.appearance.parts) {
                const key = `${p.id ?? ''}\u0000${p.title ?? ''}`;
                let part = byName.get(key);
                if (!part) {
                    part = { id: p.id, title: p.title, kind: p.meta.kind, mode: p.meta.mode, deliverables: p.meta.deliverables, evaluates: p.meta.evaluates ?? [], criteria: [] };
                    byName.set(key, part);
                }
                parts.set(p, part);
            }
        }
        return parts;
    }

    private fromCells(state: ContainerState, modality: DraftModality, appearances: ModalityAt[], order: (ids: string[]) => string[]): void {
        const parts = this.partsOf(appearances);
        modality.parts = [...new Set(parts.values())];
        const described = new Set<DraftPart>();
        for (const m of appearances) {
            const repeated = JSON.stringify(m.appearance.description.map(plain)) === JSON.stringify(appearances[0].appearance.description.map(plain));
            if (m !== appearances[0] && m.appearance.description.length > 0 && !repeated) {
                modality.description = [...(modality.description ?? []), ...draftText(m.appearance.description)];
            }
            for (const p of m.appearance.parts) {
                const part = parts.get(p)!;
                if (!described.has(part) && p.description.length > 0) {
                    part.description = draftText(p.description);
                    described.add(part);
                } else if (p.description.length > 0) part.description = [...(part.description ?? []), ...draftText(p.description)];
            }
            if (m.appearance.ambiguous && m.criteria.length > 0) {
                addNote(modality, note(
                    `la cellule (${at(m.where).fr}) ne sépare pas la description de la modalité de ses critères (ni liste, ni identifiant, ni «\u00a0Critères :\u00a0»)${NB}: ses ${m.criteria.length} paragraphe(s) après le titre sont lus comme des critères. Déplacez en description ce qui n'en est pas.`,
                    `the cell (${at(m.where).en}) does not tell the modality's description from its criteria (no list, no id, no "Criteria:"): its ${m.criteria.length} paragraph(s) after the title are read as criteria. Move to the description what is not one.`,
                ));
            }
            for (const c of m.criteria) {
                const criterion = this.criterion(state, c.piece, m.unattached ? [] : c.candidates, c.where);
                (c.part ? parts.get(c.part)!.criteria : modality.criteria).push(criterion);
            }
            if (!m.unattached) modality.evaluates = order([...modality.evaluates, ...m.candidates]);
        }
        void state;
    }

    /**
     * A modality with jury grids: the grids give its criteria (one per cell), what each judges
     * (the competency of its row) and what the modality evaluates; its cells in the référentiel's
     * table give its description, its parts and the order of its criteria. A cell's paragraphs
     * are matched with the grids' criteria paragraph by paragraph: what comes before the first
     * criterion of the modality (or of a part) is its description, what matches nothing is kept.
     */
    private fromGrids(state: ContainerState, modality: DraftModality, appearances: ModalityAt[], grids: GridAt[], order: (ids: string[]) => string[]): void {
        const parts = this.partsOf(appearances);
        modality.parts = [...new Set(parts.values())];
        const partName = (p: DraftPart) => (p.id ? `${p.id}${p.title ? ` — ${p.title}` : ''}` : p.title ?? '');
        const partNames = modality.parts.map((p) => ({ part: p, name: partName(p) })).filter((x) => x.name !== '');
        // the grids' criteria, once each, with every competency they stand beside
        interface GridCriterion { key: string; piece: CriterionPiece; match: string[]; judges: string[]; part?: DraftPart }
        const criteria: GridCriterion[] = [];
        const evaluates: string[] = [];
        for (const grid of grids) {
            if (!modality.kind && grid.meta?.kind) modality.kind = grid.meta.kind;
            if (!modality.mode && grid.meta?.mode) modality.mode = grid.meta.mode;
            if (modality.deliverables.length === 0 && grid.meta?.deliverables.length) modality.deliverables = grid.meta.deliverables;
            for (const row of grid.rows) {
                if (row.competency && !evaluates.includes(row.competency)) evaluates.push(row.competency);
                if (!row.criterion) continue;
                let piece: CriterionPiece = row.criterion;
                let match = row.criterion.original.map(plain);
                let part: DraftPart | undefined;
                // certiref's export writes a part's criterion « part · label — text »
                const prefix = partNames.find((x) => match[0].startsWith(`${x.name} · `));
                if (prefix) {
                    part = prefix.part;
                    match = [match[0].slice(prefix.name.length + 3), ...match.slice(1)];
                    const id = leadingId(match[0]);
                    const first = row.criterion.original[0];
                    piece = { id: id?.kind === 'criterion' ? id : undefined, paragraphs: [{ ...first, text: id?.kind === 'criterion' ? id.rest : match[0] }, ...row.criterion.original.slice(1)] };
                }
                const key = `${part ? partName(part) : ''}\u0000${match.join('\n')}`;
                const known = criteria.find((c) => c.key === key);
                if (known) {
                    if (row.competency && !known.judges.includes(row.competency)) known.judges.push(row.competency);
                } else criteria.push({ key, piece, match, judges: row.competency ? [row.competency] : [], part });
            }
        }
        const rank = new Map<GridCriterion, number>();
        let position = 0;
        const same = (cell: string, grid: string, last: boolean) => cell === grid || (last && cell.replace(/\s*\((?:[^()]+)\)$/, '') === grid);
        appearances.forEach((m) => {
            const partsInOrder = m.appearance.parts;
            let partIndex = -1;
            let scopeMatched = false;
            const body = m.appearance.body;
            const texts = body.map(plain);
            for (let i = 0; i < body.length; i++) {
                const p = body[i];
                if (isEmpty(p)) continue;
                const heading = partIndex + 1 < partsInOrder.length ? partHeadingOf(p, partsInOrder[partIndex + 1]) : false;
                if (heading) {
                    partIndex++;
                    scopeMatched = false;
                    // its kind, mode and deliverables follow its heading
                    while (i + 1 < body.length && readMeta(body[i + 1], { deliverables: [] }, this.exportStyle)) i++;
                    continue;
                }
                const part = partIndex >= 0 ? parts.get(partsInOrder[partIndex]) : undefined;
                const found = criteria.find((c) => c.part === part && c.match.every((t, k) => i + k < texts.length && same(texts[i + k], t, k === c.match.length - 1)));
                if (found) {
                    if (!rank.has(found)) rank.set(found, position++);
                    i += found.match.length - 1;
                    scopeMatched = true;
                    continue;
                }
                if (!scopeMatched) {
                    const holder = part ?? modality;
                    // the first appearance's description is the modality's already (read with its cell)
                    if (holder === modality && m === appearances[0] && m.appearance.description.includes(p)) continue;
                    if (part && m.appearance.parts[partIndex].description.includes(p)) continue;
                    holder.description = [...(holder.description ?? []), ...draftText([p])];
                } else {
                    this.loose([p], note(
                        `texte de la cellule d'évaluation (${at(m.where).fr}) que la grille du jury de la modalité ne reprend pas${NB}: il est gardé ici.`,
                        `text of the evaluation cell (${at(m.where).en}) that the modality's jury grid does not have: it is kept here.`,
                    ), state);
                }
            }
            for (const p of m.appearance.parts) {
                const part = parts.get(p)!;
                if (p.description.length > 0) part.description = [...(part.description ?? []), ...draftText(p.description)];
            }
        });
        const sorted = [...criteria].sort((a, b) => (rank.get(a) ?? Number.MAX_SAFE_INTEGER) - (rank.get(b) ?? Number.MAX_SAFE_INTEGER));
        for (const c of sorted) {
            const criterion: DraftCriterion = { id: c.piece.id?.id, rangeEnd: c.piece.id?.rangeEnd, judges: c.judges, text: pieceText(c.piece) };
            (c.part ? c.part.criteria : modality.criteria).push(criterion);
        }
        modality.evaluates = order(evaluates);
    }

    /** A criterion and what it judges: what its id names by the conventions, else the single competency of its row. */
    private criterion(state: ContainerState, piece: CriterionPiece, candidates: string[], where: Where): DraftCriterion {
        const criterion: DraftCriterion = { id: piece.id?.id, rangeEnd: piece.id?.rangeEnd, judges: [], text: pieceText(piece) };
        if (piece.id && piece.id.kind !== 'criterion' && piece.id.kind !== 'other') {
            // not a criterion's id (`C1 …` at the start of a criterion's text): part of its text
            criterion.id = undefined;
            criterion.rangeEnd = undefined;
            criterion.text = draftText(withLeadingId(piece));
        }
        const named = criterion.id ? this.conventional(criterion.id, criterion.rangeEnd, state) : [];
        if (named.length > 0) {
            criterion.judges = named;
            if (candidates.length > 0 && !named.some((id) => candidates.includes(id))) {
                addNote(criterion, note(
                    `l'identifiant ${criterion.id} désigne ${named.join(', ')}, mais le critère est sur la ligne de ${candidates.join(', ')} (${at(where).fr})${NB}: vérifiez ce qu'il juge.`,
                    `id ${criterion.id} names ${named.join(', ')}, but the criterion stands in the row of ${candidates.join(', ')} (${at(where).en}): check what it judges.`,
                ));
            }
        } else if (candidates.length === 1) criterion.judges = [...candidates];
        else if (candidates.length > 1) {
            addNote(criterion, note(
                `ce critère est sur une ligne qui compte plusieurs compétences (${candidates.join(', ')}, ${at(where).fr}) et ${criterion.id ? 'son identifiant ne nomme aucune d’elles' : "n'a pas d'identifiant"}${NB}: écrivez ce qu'il juge («\u00a0juge C…\u00a0»).`,
                `this criterion stands in a row of several competencies (${candidates.join(', ')}, ${at(where).en}) and ${criterion.id ? 'its id names none of them' : 'has no id'}: write what it judges ("judges C…").`,
            ));
        }
        return criterion;
    }

    /**
     * The competencies a criterion's id names by the conventions, among those read, as the
     * language's model reads them: `CR11 à 13` → C11–C13; `CR3` → C3; `CR18-19` as the range
     * CR18 à CR19 only when no competency has its conventional id and the range stays in the
     * criterion's own bloc or option.
     */
    private conventional(id: string, rangeEnd: string | undefined, state: ContainerState): string[] {
        const conventions = new Conventions(this.draft.conventions ?? DEFAULT_CONVENTIONS);
        const all = [...this.competencies.keys()];
        const expand = (start: string, end: string): string[] => {
            for (const a of conventions.competencyIdsFor(start)) for (const b of conventions.competencyIdsFor(end)) {
                const ids = idsInRange(a, b, all);
                if (ids && ids.length > 0) return ids;
            }
            return [];
        };
        if (rangeEnd !== undefined) return expand(id, completeRangeEnd(id, rangeEnd));
        const single = conventions.competencyIdsFor(id).filter((x) => this.competencies.has(x));
        if (single.length > 0) return single;
        const range = hyphenRange(id);
        if (range) {
            const ids = expand(range[0], range[1]);
            if (ids.length > 0 && ids.every((x) => this.competencies.get(x)?.state === state)) return ids;
        }
        return [];
    }
}

function hasMeta(meta: Meta): boolean {
    return meta.kind !== undefined || meta.mode !== undefined || meta.deliverables.length > 0;
}


/** A piece's paragraphs with its id written back at the start (it was not a criterion's id). */
function withLeadingId(piece: CriterionPiece | Piece): DocParagraph[] {
    if (!piece.id) return piece.paragraphs;
    const [first, ...rest] = piece.paragraphs;
    return [{ ...first, text: `${piece.id.id}${piece.id.rangeEnd ? ` à ${piece.id.rangeEnd}` : ''} — ${first.text}` }, ...rest];
}

/** Whether a paragraph is the heading of this part (as parseEvaluationCell read it). */
function partHeadingOf(p: DocParagraph, part: PartAppearance): boolean {
    const h = partHeading(p);
    return h !== undefined && h.id === part.id && h.title === part.title;
}

/** Reads the blocks of a Word document as a draft référentiel. */
export function readReferential(blocks: DocBlock[], name: string): { draft: DraftCertification; summary: ReadSummary } {
    const reader = new Reader(name);
    reader.read(blocks);
    return { draft: reader.draft, summary: reader.summary };
}

