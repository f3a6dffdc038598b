import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import {
    BULLET_LINE, buildCertificationModel, containers, createCertirefServices, criteriaOfModality, formatDocument, idsInRange, keptTextLines, reviewNoteLines,
    splitId, type CertirefServices, type CriterionModel, type ModalityModel, type PartModel,
} from 'certiref-language';
import {
    addNote, containersOf, criteriaOf, note, type DraftBloc, type DraftCertification, type DraftContainer, type DraftCriterion, type DraftEvaluation,
    type DraftModality, type DraftText, type LooseText, type ReviewNote, type Reviewable,
} from './draft.js';

/**
 * A draft as `.ref` files: `certification.ref` (the header: title, fields, sections, accessibility)
 * and one file per bloc (`bloc-1.ref`, starting `partie de ID`), in the language's canonical
 * layout (its own formatter).
 *
 * - Texts are quoted as the grammar requires (`\"` and `\\`); paragraphs are apart, list items one
 *   a line with their marker (•, ◦, ▪ or 1., 2. …); long lines wrap at a space, which the language
 *   reads back as the same text.
 * - Ids the grammar cannot read (a space, a keyword) are made readable, with a note saying so.
 * - `juge` is written only where the language would not infer what the draft says a criterion
 *   judges (from the id conventions, or the single competency of its part or modality): the files
 *   are read back by the language's own model builder, and the criteria it reads otherwise get an
 *   explicit `juge`. `évalue` is written as the draft gives it, runs of ids as ranges (`C11 à C14`).
 * - Review notes are comments above their element, in the fixed form the `review-note` rule
 *   reports (`// à revoir : …` / `// to review: …`); loose text follows its notes as `// > …`
 *   lines: a bloc's (or the header's) at its head, an element's after it. No text is dropped.
 */
export interface RefFile {
    /** Relative to the output folder: `certification.ref`, `bloc-1.ref` … */
    path: string;
    text: string;
}

/** A note as written: the file and the 1-based line and column of its first comment line. */
export interface PlacedNote {
    file: string;
    line: number;
    column: number;
    note: ReviewNote;
}

export interface WriteRefOptions {
    /** Keywords in French (`compétence`, default) or English (`competency`). */
    keywords?: 'fr' | 'en';
    /** Line width texts wrap at (default 100). */
    width?: number;
}

export interface WriteRefResult {
    files: RefFile[];
    /** Every review note, in file order: what the import summary lists. */
    notes: PlacedNote[];
}

const KEYWORDS = {
    fr: {
        certification: 'certification', partOf: 'partie de', rncp: 'rncp', level: 'niveau', certifier: 'certificateur', version: 'version', date: 'date',
        accessibility: 'accessibilité', section: 'section', convention: 'convention', description: 'description', bloc: 'bloc', activity: 'activité',
        competency: 'compétence', modality: 'modalité', part: 'partie', kind: 'type', individual: 'individuel', group: 'groupe', deliverables: 'livrables',
        evaluates: 'évalue', criterion: 'critère', judges: 'juge', to: 'à', option: 'option',
    },
    en: {
        certification: 'certification', partOf: 'part of', rncp: 'rncp', level: 'level', certifier: 'certifier', version: 'version', date: 'date',
        accessibility: 'accessibility', section: 'section', convention: 'convention', description: 'description', bloc: 'bloc', activity: 'activity',
        competency: 'competency', modality: 'modality', part: 'part', kind: 'kind', individual: 'individual', group: 'group', deliverables: 'deliverables',
        evaluates: 'evaluates', criterion: 'criterion', judges: 'judges', to: 'to', option: 'option',
    },
} as const;

type Keywords = (typeof KEYWORDS)['fr'] | (typeof KEYWORDS)['en'];

let sharedServices: CertirefServices | undefined;
/** Language services without a file system: parsing, the formatter's lexer, the model builder. */
function services(): CertirefServices {
    sharedServices ??= createCertirefServices(EmptyFileSystem).Certiref;
    return sharedServices;
}

/** Words the grammar reads as an id although they are keywords (`Identifier`). */
const KEYWORD_IDS = new Set(['a', 'to', 'et', 'and', 'de', 'of']);

/** Whether the language reads this text as one id. */
export function isValidId(id: string): boolean {
    if (id.length === 0) return false;
    const { tokens, errors } = services().parser.Lexer.tokenize(id);
    if (errors.length > 0 || tokens.length !== 1 || tokens[0].image !== id) return false;
    return tokens[0].tokenType.name === 'ID' || KEYWORD_IDS.has(id.toLowerCase());
}

/** An id the language reads, as close as can be to the one written (spaces and other characters out). */
export function readableId(id: string, fallback: string): string {
    if (isValidId(id)) return id;
    const cleaned = id.normalize('NFC').replace(/[\s\u00a0\u202f]+/g, '').replace(/[^A-Za-z0-9_.\-\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F]+/g, '-')
        .replace(/^[.\-]+|[.\-]+$/g, '');
    if (isValidId(cleaned)) return cleaned;
    if (isValidId(`${fallback}-${cleaned}`)) return `${fallback}-${cleaned}`;
    return fallback;
}

/** `"…"` with the two characters the grammar escapes (`\"` and `\\`) escaped. */
export function quote(value: string): string {
    return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

const BULLETS = ['•', '◦', '▪'];

/**
 * A text as the lines of its quoted form: paragraphs apart (a blank line), list items one a line
 * with their marker, long lines cut at a single space (the language joins the lines of a
 * paragraph with one space again).
 */
export function textLines(value: DraftText, width: number, firstWidth = width): string[] {
    const lines: string[] = [];
    const counters: number[] = [];
    value.forEach((p, i) => {
        let line = p.text.replace(/\r\n?/g, '\n');
        const typedBullet = BULLET_LINE.test(line.trimStart());
        if (p.item) {
            counters.length = p.item.level + 1;
            counters[p.item.level] = (counters[p.item.level] ?? 0) + 1;
            if (!typedBullet) {
                const n = counters[p.item.level];
                const marker = p.item.ordered && n < 100 ? `${n}.` : BULLETS[Math.min(p.item.level, BULLETS.length - 1)];
                line = `${marker} ${line}`;
            }
        } else counters.length = 0;
        // a list item (or a line typed as one) stays with what precedes it: the language keeps it on its own line
        if (i > 0 && !(p.item || typedBullet)) lines.push('');
        for (const part of line.split('\n')) lines.push(...wrap(part, width, lines.length === 0 ? firstWidth : width));
    });
    return lines;
}

/**
 * Whether a line may be cut at this space: a single space between two visible characters (the
 * language trims every line, a no-break space included, and joins lines with one space), and
 * not before what would read as a list marker.
 */
function cutsAt(line: string, i: number): boolean {
    if (line[i] !== ' ' || i === 0 || i + 1 >= line.length || !/\S/.test(line[i - 1]) || !/\S/.test(line[i + 1]) || BULLET_LINE.test(line.slice(i + 1))) return false;
    // a list item keeps its marker and some text on its first line
    return !BULLET_LINE.test(line) || /^([-•–*·▪◦]|\d{1,2}[.)])\s+\S/.test(line.slice(0, i).trim());
}

/** Cuts a line at single spaces, never before what would read as a list marker. */
function wrap(line: string, width: number, firstWidth = width): string[] {
    if (line.length <= firstWidth) return [line];
    const out: string[] = [];
    let rest = line;
    let limit = firstWidth;
    while (rest.length > limit) {
        let cut = -1;
        for (let i = Math.min(limit, rest.length - 1); i > 0; i--) {
            if (cutsAt(rest, i)) {
                cut = i;
                break;
            }
        }
        if (cut < 0) {
            for (let i = limit + 1; i < rest.length - 1; i++) {
                if (cutsAt(rest, i)) {
                    cut = i;
                    break;
                }
            }
        }
        if (cut < 0) break;
        out.push(rest.slice(0, cut));
        rest = rest.slice(cut + 1);
        limit = width;
    }
    out.push(rest);
    return out;
}

/** What the second pass learns from the model: the criteria and modalities whose references must be written out. */
interface Fixes {
    judges: Set<DraftCriterion>;
    /** Modalities and parts whose `évalue` must be a plain list (a range read otherwise). */
    plainEvaluates: Set<DraftEvaluation>;
}

class Writer {
    private lines: string[] = [];
    constructor(private readonly kw: Keywords, private readonly width: number, private readonly ids: string[], private readonly fixes: Fixes) {}

    text(): string {
        return this.lines.join('\n') + '\n';
    }

    blank(): void {
        if (this.lines.length > 0 && this.lines[this.lines.length - 1] !== '') this.lines.push('');
    }

    /** `keyword args "text"` at a depth, the text over as many lines as it needs. */
    element(depth: number, head: string, value?: DraftText | string): void {
        const pad = '  '.repeat(depth);
        if (value === undefined) {
            this.lines.push(pad + head);
            return;
        }
        const width = Math.max(40, this.width - pad.length - 2);
        const body = typeof value === 'string' ? [value.replace(/\s*[\r\n]+\s*/g, ' ')] : textLines(value, width, Math.max(20, this.width - pad.length - head.length - 2));
        const quoted = quote(body.join('\n')).split('\n');
        this.lines.push(`${pad}${head} ${quoted[0]}`);
        for (const l of quoted.slice(1)) this.lines.push(l === '' ? '' : `${pad}  ${l}`);
    }

    notes(depth: number, r: Reviewable): void {
        for (const n of r.notes ?? []) for (const l of reviewNoteLines(n)) this.lines.push('  '.repeat(depth) + l);
    }

    loose(depth: number, list: LooseText[] | undefined): void {
        for (const l of list ?? []) {
            const pad = '  '.repeat(depth);
            for (const n of l.notes) for (const c of reviewNoteLines(n)) this.lines.push(pad + c);
            for (const c of keptTextLines(plainTextLines(l.text))) this.lines.push(pad + c);
        }
    }

    /** Ids, runs of three or more as ranges (`C11 à C14`) when the range reads back as exactly them. */
    refs(list: string[], plain: boolean): string {
        if (plain) return list.join(', ');
        const out: string[] = [];
        let i = 0;
        while (i < list.length) {
            let j = i;
            const a = splitId(list[i]);
            while (a && j + 1 < list.length) {
                const b = splitId(list[j + 1]);
                if (!b || b.stem !== a.stem || b.number !== splitId(list[j])!.number + 1) break;
                j++;
            }
            const run = list.slice(i, j + 1);
            const covered = j - i >= 2 ? idsInRange(list[i], list[j], this.ids) : undefined;
            if (covered && covered.length === run.length && covered.every((id, k) => id === run[k])) {
                out.push(`${list[i]} ${this.kw.to} ${list[j]}`);
                i = j + 1;
            } else {
                out.push(list[i]);
                i++;
            }
        }
        return out.join(', ');
    }

    certification(d: DraftCertification): void {
        this.notes(0, d);
        this.element(0, `${this.kw.certification} ${d.id}`, d.title);
        if (d.rncp) this.element(1, `${this.kw.rncp} ${d.rncp}`);
        if (d.level) this.element(1, `${this.kw.level} ${d.level}`);
        if (d.certifier) this.element(1, this.kw.certifier, d.certifier);
        if (d.version) this.element(1, this.kw.version, d.version);
        if (d.date) this.element(1, this.kw.date, d.date);
        if (d.description?.length) this.element(1, this.kw.description, d.description);
        for (const c of d.conventions ?? []) this.element(1, `${this.kw.convention} ${quote(c.criterion)} ${this.kw.judges}`, c.competency);
        this.loose(1, d.loose);
        for (const s of d.sections) {
            this.blank();
            this.notes(1, s);
            this.element(1, `${this.kw.section} ${quote(s.title.replace(/\s*[\r\n]+\s*/g, ' '))}`, s.text);
            this.loose(1, s.loose);
        }
        for (const a of d.accessibility) {
            this.blank();
            this.element(1, this.kw.accessibility, a);
        }
    }

    bloc(certification: string, b: DraftBloc): void {
        this.lines.push(`${this.kw.partOf} ${certification}`);
        this.blank();
        this.notes(0, b);
        this.element(0, `${this.kw.bloc} ${b.id}`, b.title);
        this.content(1, b);
        for (const o of b.options) {
            this.blank();
            this.notes(1, o);
            this.element(1, `${o.keyword} ${o.id}`, o.title);
            this.content(2, o);
        }
    }

    private content(depth: number, c: DraftContainer): void {
        if (c.description?.length) this.element(depth, this.kw.description, c.description);
        // text found in the bloc that no element holds: at its head, where it is seen first
        this.loose(depth, c.loose);
        for (const a of c.activities) {
            this.notes(depth, a);
            this.element(depth, `${this.kw.activity} ${a.id}`, a.title);
            if (a.description?.length) this.element(depth + 1, this.kw.description, a.description);
            for (const k of a.competencies) {
                this.notes(depth + 1, k);
                this.element(depth + 1, `${this.kw.competency} ${k.id}`, k.text);
                this.loose(depth + 2, k.loose);
            }
            this.loose(depth + 1, a.loose);
        }
        for (const m of c.modalities) this.modality(depth, m);
    }

    private modality(depth: number, m: DraftModality): void {
        this.notes(depth, m);
        this.element(depth, [this.kw.modality, m.id].filter(Boolean).join(' '), m.title);
        this.evaluation(depth + 1, m);
        for (const p of m.parts) {
            this.notes(depth + 1, p);
            const head = [this.kw.part, p.id].filter(Boolean).join(' ');
            if (p.title !== undefined) this.element(depth + 1, head, p.title);
            else this.element(depth + 1, head);
            this.evaluation(depth + 2, p);
        }
    }

    private evaluation(depth: number, e: DraftEvaluation): void {
        if (e.kind) this.element(depth, this.kw.kind, e.kind);
        if (e.mode) this.element(depth, e.mode === 'individual' ? this.kw.individual : this.kw.group);
        if (e.deliverables.length) this.element(depth, `${this.kw.deliverables} ${e.deliverables.map((x) => quote(x.replace(/\s*[\r\n]+\s*/g, ' '))).join(', ')}`);
        if (e.evaluates.length) this.element(depth, `${this.kw.evaluates} ${this.refs(e.evaluates, this.fixes.plainEvaluates.has(e))}`);
        if (e.description?.length) this.element(depth, this.kw.description, e.description);
        for (const cr of e.criteria) {
            this.notes(depth, cr);
            const head: string[] = [this.kw.criterion];
            if (cr.id) head.push(cr.rangeEnd ? `${cr.id} ${this.kw.to} ${cr.rangeEnd}` : cr.id);
            if (this.fixes.judges.has(cr) && cr.judges.length) head.push(`${this.kw.judges} ${this.refs(cr.judges, true)}`);
            this.element(depth, head.join(' '), cr.text);
            this.loose(depth + 1, cr.loose);
        }
        this.loose(depth, e.loose);
    }
}

function plainTextLines(value: DraftText): string {
    return value.map((p, i) => (i === 0 ? '' : '\n') + p.text).join('');
}

/** File names: `bloc-1.ref`, the bloc id made safe for a file name, never twice the same. */
function blocFileNames(blocs: DraftBloc[]): string[] {
    const used = new Set<string>(['certification']);
    return blocs.map((b, i) => {
        const base = `bloc-${b.id.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9_.-]+/g, '-').replace(/^[-.]+|[-.]+$/g, '') || i + 1}`;
        let name = base;
        for (let k = 2; used.has(name.toLowerCase()); k++) name = `${base}-${k}`;
        used.add(name.toLowerCase());
        return `${name}.ref`;
    });
}

/** Makes every id of the draft one the language reads, saying so where it had to change one. */
function readableIds(draft: DraftCertification): void {
    const fix = (element: Reviewable & { id?: string }, fallback: string, what: { fr: string; en: string }) => {
        if (element.id === undefined) return;
        const id = readableId(element.id, fallback);
        if (id !== element.id) {
            addNote(element, note(
                `l'identifiant ${what.fr} est écrit «\u00a0${element.id}\u00a0» dans la source, que le langage ne lit pas comme un identifiant\u00a0: il devient ${id}.`,
                `the ${what.en} id is written "${element.id}" in the source, which the language does not read as an id: it becomes ${id}.`,
            ));
            element.id = id;
        }
    };
    const renamed = new Map<string, string>();
    fix(draft, 'REF', { fr: 'de la certification', en: 'certification' });
    draft.blocs.forEach((b, i) => {
        fix(b, String(i + 1), { fr: 'du bloc', en: 'bloc' });
        for (const o of b.options) fix(o, `${b.id}-${b.options.indexOf(o) + 1}`, { fr: "de l'option", en: 'option' });
        for (const c of containersOf(b)) {
            c.activities.forEach((a, k) => {
                fix(a, `A${b.id}-${k + 1}`, { fr: "de l'activité", en: 'activity' });
                a.competencies.forEach((comp, n) => {
                    const before = comp.id;
                    fix(comp, `C${b.id}-${k + 1}-${n + 1}`, { fr: 'de la compétence', en: 'competency' });
                    if (before !== comp.id) renamed.set(before, comp.id);
                });
            });
            for (const m of c.modalities) {
                fix(m, `E${b.id}-${c.modalities.indexOf(m) + 1}`, { fr: 'de la modalité', en: 'modality' });
                m.parts.forEach((p, k) => fix(p, String(k + 1), { fr: 'de la partie', en: 'part' }));
                for (const cr of criteriaOf(m)) {
                    fix(cr, `CR${b.id}-${criteriaOf(m).indexOf(cr) + 1}`, { fr: 'du critère', en: 'criterion' });
                    if (cr.rangeEnd !== undefined && !isValidId(cr.rangeEnd)) {
                        addNote(cr, note(
                            `la fin de l'intervalle «\u00a0${cr.rangeEnd}\u00a0» n'est pas un identifiant que le langage lit\u00a0: elle est gardée dans le texte.`,
                            `the range end "${cr.rangeEnd}" is not an id the language reads: it is kept in the text.`,
                        ));
                        cr.text = [{ text: `(${cr.id} à ${cr.rangeEnd})` }, ...cr.text];
                        cr.rangeEnd = undefined;
                    }
                }
            }
        }
    });
    // references follow renamed competencies
    if (renamed.size > 0) {
        const follow = (ids: string[]) => ids.map((id) => renamed.get(id) ?? id);
        for (const b of draft.blocs) for (const c of containersOf(b)) for (const m of c.modalities) {
            m.evaluates = follow(m.evaluates);
            for (const p of m.parts) p.evaluates = follow(p.evaluates);
            for (const cr of criteriaOf(m)) cr.judges = follow(cr.judges);
        }
    }
    // a part named `de` or `of` would read as the `partie de` header
    for (const b of draft.blocs) for (const c of containersOf(b)) for (const m of c.modalities) for (const p of m.parts) {
        if (p.id && /^(de|of)$/i.test(p.id)) {
            addNote(p, note(`la partie s'appelle «\u00a0${p.id}\u00a0» dans la source, qui se lirait comme «\u00a0partie de\u00a0»\u00a0: elle devient ${p.id}_.`,
                `the part is called "${p.id}" in the source, which would read as "part of": it becomes ${p.id}_.`));
            p.id = `${p.id}_`;
        }
    }
    // an option keyword the language knows
    for (const b of draft.blocs) for (const o of b.options) {
        if (!/^(option|sp[ée]ciali[sz]ation)$/i.test(o.keyword)) o.keyword = 'option';
    }
}

/** Writes a draft as `.ref` files. The draft is not changed. */
export function writeRef(input: DraftCertification, options: WriteRefOptions = {}): WriteRefResult {
    const draft = structuredClone(input);
    const kw = KEYWORDS[options.keywords ?? 'fr'];
    const width = options.width ?? 100;
    readableIds(draft);
    const ids = draft.blocs.flatMap((b) => containersOf(b).flatMap((c) => c.activities.flatMap((a) => a.competencies.map((k) => k.id))));
    const names = blocFileNames(draft.blocs);
    const render = (fixes: Fixes): RefFile[] => {
        const main = new Writer(kw, width, ids, fixes);
        main.certification(draft);
        const files = [{ path: 'certification.ref', text: main.text() }];
        draft.blocs.forEach((b, i) => {
            const w = new Writer(kw, width, ids, fixes);
            w.bloc(draft.id, b);
            files.push({ path: names[i], text: w.text() });
        });
        return files;
    };
    // first pass: what the language reads from the files as they would be written
    const fixes: Fixes = { judges: new Set(), plainEvaluates: new Set() };
    const first = parse(render(fixes));
    compare(draft, names, first, fixes);
    let files = render(fixes);
    // the second pass must read what the draft says; a difference left is a fault of this writer
    const second = parse(files);
    const left: Fixes = { judges: new Set(), plainEvaluates: new Set() };
    compare(draft, names, second, left);
    for (const cr of left.judges) if (!fixes.judges.has(cr)) fixes.judges.add(cr);
    for (const e of left.plainEvaluates) fixes.plainEvaluates.add(e);
    if (left.judges.size + left.plainEvaluates.size > 0) files = render(fixes);

    const formatted = parse(files).map(({ file, document }) => {
        const text = formatDocument(document, services().parser.Lexer);
        if (text === undefined) {
            const error = document.parseResult.parserErrors[0] ?? document.parseResult.lexerErrors[0];
            throw new Error(`certiref-import: ${file.path} is not valid (${error?.message ?? 'unknown'}); this is a fault of the writer`);
        }
        return { path: file.path, text };
    });
    return { files: formatted, notes: placeNotes(formatted) };
}

function parse(files: RefFile[]): Array<{ file: RefFile; document: LangiumDocument }> {
    const factory = services().shared.workspace.LangiumDocumentFactory;
    return files.map((file) => ({ file, document: factory.fromString(file.text, URI.file(`/certiref-import/${file.path}`)) }));
}

/** Compares what the language reads from the files with what the draft says; collects what must be written out. */
function compare(draft: DraftCertification, names: string[], parsed: Array<{ file: RefFile; document: LangiumDocument }>, fixes: Fixes): void {
    const model = buildCertificationModel(draft.id, parsed.map((p) => p.document));
    const byFile = new Map<string, { criteria: CriterionModel[]; evaluations: Array<ModalityModel | PartModel> }>();
    for (const c of containers(model)) {
        for (const m of c.modalities) {
            const entry = byFile.get(m.source.uri) ?? { criteria: [], evaluations: [] };
            byFile.set(m.source.uri, entry);
            entry.evaluations.push(m, ...m.parts);
            entry.criteria.push(...criteriaOfModality(m));
        }
    }
    const order = <T extends { source: { range: { start: { line: number; character: number } } } }>(list: T[]) =>
        [...list].sort((a, b) => a.source.range.start.line - b.source.range.start.line || a.source.range.start.character - b.source.range.start.character);
    draft.blocs.forEach((b, i) => {
        const uri = URI.file(`/certiref-import/${names[i]}`).toString();
        const found = byFile.get(uri) ?? { criteria: [], evaluations: [] };
        const criteria = order(found.criteria);
        const evaluations = order(found.evaluations);
        const draftEvaluations = containersOf(b).flatMap((c) => c.modalities.flatMap((m) => [m as DraftEvaluation, ...m.parts]));
        const draftCriteria = containersOf(b).flatMap((c) => c.modalities.flatMap((m) => [...m.criteria, ...m.parts.flatMap((p) => p.criteria)]));
        if (criteria.length !== draftCriteria.length || evaluations.length !== draftEvaluations.length) {
            throw new Error(`certiref-import: ${names[i]} reads back with ${criteria.length} criteria and ${evaluations.length} modalities or parts instead of ${draftCriteria.length} and ${draftEvaluations.length}; this is a fault of the writer`);
        }
        draftCriteria.forEach((cr, k) => {
            if (cr.judges.length === 0) return;
            const read = criteria[k].judges.map((c) => c.id);
            if (!sameSet(read, cr.judges)) fixes.judges.add(cr);
        });
        draftEvaluations.forEach((e, k) => {
            const read = evaluations[k].evaluates.map((c) => c.id);
            if (e.evaluates.length > 0 && !sameSet(read, e.evaluates)) fixes.plainEvaluates.add(e);
        });
    });
}

function sameSet(a: string[], b: string[]): boolean {
    const x = new Set(a);
    const y = new Set(b);
    return x.size === y.size && [...x].every((v) => y.has(v));
}

/** Where each review note stands in the written files (its first comment line). */
function placeNotes(files: RefFile[]): PlacedNote[] {
    const out: PlacedNote[] = [];
    for (const file of files) {
        const lines = file.text.split('\n');
        lines.forEach((line, i) => {
            const fr = /^(\s*)\/\/ à revoir\u00a0: (.*)$/.exec(line);
            if (!fr) return;
            const en = /^\s*\/\/ to review: (.*)$/.exec(lines[i + 1] ?? '');
            out.push({ file: file.path, line: i + 1, column: fr[1].length + 1, note: { fr: fr[2], en: en?.[1] ?? fr[2] } });
        });
    }
    return out;
}
