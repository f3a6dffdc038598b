import { countBySeverity, type Finding } from '../finding.js';
import { containers, criteriaOfModality } from '../model/queries.js';
import { comparisonKey } from '../model/text.js';
import { statistics } from '../model/serialize.js';
import type {
    ActivityModel, BlocModel, CertificationModel, CompetencyModel, ContainerModel, CriterionModel, ModalityModel, OptionModel, PartModel,
    SourceLocation,
} from '../model/types.js';

/**
 * What a change to a référentiel changes, in the référentiel's own terms: two versions compared
 * as models (never as text), so a reformatted file or a bloc moved to another file changes
 * nothing, while a criterion that now judges another competency does.
 *
 * Elements are paired by identity, in this order: the same id in the same scope (the
 * certification, or an option, where an id such as E5 may be reused); the same id in another
 * scope (moved); the same text under a new id (renamed); and, for criteria without an id, the
 * same text, then the order, within the same modality and part. Competencies and their parents
 * are paired first, so that what a criterion judges or a modality evaluates is compared through
 * those pairs: renaming C4 to C7 does not make every criterion of C4 "changed".
 */

export type DiffElementKind = 'certification' | 'bloc' | 'option' | 'activity' | 'competency' | 'modality' | 'part' | 'criterion';
export type ChangeStatus = 'added' | 'removed' | 'renamed' | 'changed';
export type FieldName =
    | 'title' | 'text' | 'description' | 'rncp' | 'level' | 'certifier' | 'version' | 'date' | 'accessibility' | 'sections' | 'conventions'
    | 'kind' | 'mode' | 'deliverables' | 'evaluates' | 'judges' | 'container' | 'activity' | 'modality' | 'part';

/** A field that changed: a text (`old` → `new`), or a set (`added`, `removed`). */
export interface FieldChange {
    field: FieldName;
    old?: string;
    new?: string;
    added?: string[];
    removed?: string[];
}

export interface ElementChange {
    status: ChangeStatus;
    kind: DiffElementKind;
    /** The element's name on the new side (on the old side when removed): its id, else its title or text. */
    name: string;
    /** Whether the element has an id (else `name` is its title or the start of its text). */
    hasId: boolean;
    /** The old name, when renamed. */
    oldName?: string;
    /** The bloc (and option) the element stands in, for grouping. */
    bloc?: string;
    option?: string;
    /** The modality of a part or a criterion, the activity of a competency. */
    parent?: string;
    /** The element's main text (a competency's or criterion's text, else its title), for added and removed elements. */
    text?: string;
    old?: SourceLocation;
    new?: SourceLocation;
    fields: FieldChange[];
    /** Added or removed with this element: its activities, competencies, modalities, parts and criteria. */
    children: ElementChange[];
}

export interface CertificationDiff {
    id: string;
    /** The id on the old side, when it changed. */
    oldId?: string;
    title: string;
    status: 'added' | 'removed' | 'changed';
    old?: SourceLocation;
    new?: SourceLocation;
    /** The certification's own fields (title, level, accessibility …). */
    fields: FieldChange[];
    changes: ElementChange[];
    /** For an added or removed certification: what it holds. */
    counts?: { blocs: number; activities: number; competencies: number; modalities: number; criteria: number };
}

export interface DiffSide {
    models: CertificationModel[];
    findings: Finding[];
}

export interface ReferentialDiff {
    certifications: CertificationDiff[];
    findings: { introduced: Finding[]; resolved: Finding[] };
}

export interface DiffSummary {
    added: number;
    removed: number;
    renamed: number;
    changed: number;
    introduced: { errors: number; warnings: number; infos: number };
    resolved: { errors: number; warnings: number; infos: number };
}

export function diffReferentials(oldSide: DiffSide, newSide: DiffSide): ReferentialDiff {
    const certifications: CertificationDiff[] = [];
    const { pairs, removed, added } = pair(
        oldSide.models.map((m) => ({ el: m, key: m.id, text: m.title })),
        newSide.models.map((m) => ({ el: m, key: m.id, text: m.title })),
    );
    for (const [o, n] of pairs) {
        const d = compareCertifications(o, n);
        if (d.fields.length > 0 || d.changes.length > 0 || d.oldId !== undefined) certifications.push(d);
    }
    for (const m of removed) certifications.push(wholeCertification(m, 'removed'));
    for (const m of added) certifications.push(wholeCertification(m, 'added'));
    return { certifications, findings: compareFindings(oldSide.findings, newSide.findings) };
}

export function isEmptyDiff(diff: ReferentialDiff): boolean {
    return diff.certifications.length === 0 && diff.findings.introduced.length === 0 && diff.findings.resolved.length === 0;
}

/** Counts of element changes (children of an added or removed element count with it) and of findings. */
export function summarize(diff: ReferentialDiff): DiffSummary {
    const s: DiffSummary = { added: 0, removed: 0, renamed: 0, changed: 0, introduced: countBySeverity(diff.findings.introduced), resolved: countBySeverity(diff.findings.resolved) };
    for (const c of diff.certifications) {
        if (c.status === 'added' || c.status === 'removed') s[c.status]++;
        else if (c.fields.length > 0) s.changed++;
        for (const e of c.changes) s[e.status]++;
    }
    return s;
}


// ---------------------------------------------------------------------------------------------
// pairing

interface Candidate<T> {
    el: T;
    /** The identity: an id in its scope, or undefined for an element without an id. */
    key?: string;
    /** Where the key must be unique: '' for the certification, `bloc/option` in an option. */
    scope?: string;
    /** What a rename keeps: the text or title. */
    text: string;
    /** For elements without an id, the identity of what holds them (matched side). */
    group?: string;
}

interface Pairing<T> {
    pairs: Array<[T, T]>;
    removed: T[];
    added: T[];
}

/**
 * Pairs old and new elements: same key in the same scope, then the same key in another scope
 * when it is unique on both sides, then the same text (a rename), then — for elements without a
 * key — by order within the same group.
 */
function pair<T>(olds: Candidate<T>[], news: Candidate<T>[]): Pairing<T> {
    const pairs: Array<[T, T]> = [];
    let leftOld = [...olds];
    let leftNew = [...news];
    const take = (matches: (o: Candidate<T>, n: Candidate<T>) => boolean, unique: boolean) => {
        const usedNew = new Set<Candidate<T>>();
        const stillOld: Candidate<T>[] = [];
        for (const o of leftOld) {
            const fits = leftNew.filter((n) => !usedNew.has(n) && matches(o, n));
            const n = fits[0];
            if (n && (!unique || (fits.length === 1 && leftOld.filter((x) => matches(x, n)).length === 1))) {
                usedNew.add(n);
                pairs.push([o.el, n.el]);
            } else stillOld.push(o);
        }
        leftOld = stillOld;
        leftNew = leftNew.filter((n) => !usedNew.has(n));
    };
    take((o, n) => o.key !== undefined && o.key === n.key && (o.scope ?? '') === (n.scope ?? ''), false);
    take((o, n) => o.key !== undefined && o.key === n.key, true);
    const sameText = (o: Candidate<T>, n: Candidate<T>) => o.text !== '' && comparisonKey(o.text) === comparisonKey(n.text);
    take((o, n) => sameText(o, n) && (o.group ?? '') === (n.group ?? ''), true);
    take(sameText, true);
    take((o, n) => o.key === undefined && n.key === undefined && o.group !== undefined && o.group === n.group, false);
    return { pairs, removed: leftOld.map((c) => c.el), added: leftNew.map((c) => c.el) };
}

// ---------------------------------------------------------------------------------------------
// certifications

function scopeOf(container: ContainerModel): string {
    return container.containerKind === 'option' ? `${(container as OptionModel).bloc.id}/${container.id}` : '';
}

function blocOf(container: ContainerModel): { bloc: string; option?: string } {
    return container.containerKind === 'option' ? { bloc: (container as OptionModel).bloc.id, option: container.id } : { bloc: container.id };
}

/** A bloc as a move names it: `1`, or `5 › option 2`. */
function containerName(container: ContainerModel): string {
    return container.containerKind === 'option' ? `${(container as OptionModel).bloc.id} › option ${container.id}` : container.id;
}

function modalityName(m: ModalityModel): string {
    return m.id ?? m.title;
}

function partName(p: PartModel): string {
    return p.id ?? p.title ?? String(p.modality.parts.indexOf(p) + 1);
}

function criterionName(c: CriterionModel): string {
    return c.label ?? c.id ?? shorten(c.text);
}

function shorten(text: string, max = 60): string {
    const flat = text.replace(/\s+/g, ' ').trim();
    return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

function textField(field: FieldName, o: string | undefined, n: string | undefined): FieldChange[] {
    return (o ?? '') === (n ?? '') ? [] : [{ field, ...(o ? { old: o } : {}), ...(n ? { new: n } : {}) }];
}

function setField(field: FieldName, o: string[], n: string[]): FieldChange[] {
    const removed = [...new Set(o)].filter((x) => !n.includes(x));
    const added = [...new Set(n)].filter((x) => !o.includes(x));
    return removed.length + added.length === 0 ? [] : [{ field, ...(added.length ? { added } : {}), ...(removed.length ? { removed } : {}) }];
}

function wholeCertification(m: CertificationModel, status: 'added' | 'removed'): CertificationDiff {
    const { activities, competencies, modalities, criteria } = statistics([m]).totals[0];
    return {
        id: m.id,
        title: m.title,
        status,
        [status === 'added' ? 'new' : 'old']: m.source,
        fields: [],
        changes: [],
        counts: { blocs: m.blocs.length, activities, competencies, modalities, criteria },
    };
}

/** An element as a change names it, and where it is written. */
type Described = Omit<ElementChange, 'status' | 'fields' | 'children' | 'old' | 'new' | 'oldName'> & { source: SourceLocation };

/** Both sides' elements, flattened, with the pairs found so far. */
class Comparison {
    readonly changes: ElementChange[] = [];
    /** Old element → its new counterpart. */
    private readonly counterpart = new Map<object, object>();
    /** Changes of added or removed elements, to nest their added or removed children. */
    private readonly wholeChange = new Map<object, ElementChange>();

    newOf<T extends object>(old: T): T | undefined {
        return this.counterpart.get(old) as T | undefined;
    }

    /** The name an old competency has on the new side (its own when it was removed). */
    competencyName(old: CompetencyModel): string {
        return this.newOf(old)?.id ?? old.id;
    }

    /** An identity for grouping elements without an id: the new counterpart's, or the old element's. */
    identity(el: object | undefined, side: 'old' | 'new'): string | undefined {
        if (!el) return undefined;
        const target = side === 'old' ? this.newOf(el) : el;
        if (!target) return `old:${this.ids.get(el) ?? '?'}`;
        return this.ids.get(target);
    }

    private readonly ids = new Map<object, string>();
    private next = 0;

    name(el: object): void {
        if (!this.ids.has(el)) this.ids.set(el, String(this.next++));
    }

    record<T extends object>(pairing: Pairing<T>, describe: (el: T) => Described, fields: (o: T, n: T) => FieldChange[], parentOf: (el: T) => object | undefined, renamedName?: (o: T, n: T) => boolean): void {
        for (const [o, n] of pairing.pairs) {
            this.counterpart.set(o, n);
            this.name(n);
        }
        for (const el of [...pairing.removed, ...pairing.added]) this.name(el);
        for (const [o, n] of pairing.pairs) {
            const renamed = renamedName ? renamedName(o, n) : false;
            const f = fields(o, n);
            if (!renamed && f.length === 0) continue;
            const { source, ...d } = describe(n);
            const before = describe(o);
            this.changes.push({ status: renamed ? 'renamed' : 'changed', ...d, ...(renamed ? { oldName: before.name } : {}), old: before.source, new: source, fields: f, children: [] });
        }
        for (const [status, list] of [['removed', pairing.removed], ['added', pairing.added]] as const) {
            for (const el of list) {
                const { source, ...d } = describe(el);
                const change: ElementChange = { status, ...d, [status === 'added' ? 'new' : 'old']: source, fields: [], children: [] };
                this.wholeChange.set(el, change);
                const parent = this.wholeChange.get(parentOf(el) ?? {});
                if (parent && parent.status === status) parent.children.push(change);
                else this.changes.push(change);
            }
        }
    }
}

function compareCertifications(o: CertificationModel, n: CertificationModel): CertificationDiff {
    const fields: FieldChange[] = [
        ...textField('title', o.title, n.title),
        ...textField('rncp', o.rncp, n.rncp),
        ...textField('level', o.level, n.level),
        ...textField('certifier', o.certifier, n.certifier),
        ...textField('version', o.version, n.version),
        ...textField('date', o.date, n.date),
        ...textField('description', o.description, n.description),
        ...textField('accessibility', o.accessibility.join('\n\n'), n.accessibility.join('\n\n')),
        ...sectionChanges(o.sections, n.sections),
        ...setField('conventions', o.conventions.map((c) => `${c.criterion} → ${c.competency}`), n.conventions.map((c) => `${c.criterion} → ${c.competency}`)),
    ];
    const cmp = new Comparison();
    const where = (container: ContainerModel) => blocOf(container);
    const loc = (el: { source: SourceLocation }) => ({ source: el.source });

    // blocs, then options
    cmp.record(
        pair(o.blocs.map((b) => ({ el: b, key: b.id, text: b.title ?? '' })), n.blocs.map((b) => ({ el: b, key: b.id, text: b.title ?? '' }))),
        (b: BlocModel) => ({ kind: 'bloc', name: b.id, hasId: true, bloc: b.id, text: b.title, ...loc(b) }),
        (a, b) => [...textField('title', a.title, b.title), ...textField('description', a.description, b.description)],
        () => undefined,
        (a, b) => a.id !== b.id,
    );
    const options = (m: CertificationModel) => m.blocs.flatMap((b) => b.options);
    cmp.record(
        pair(options(o).map((x) => ({ el: x, key: `${cmp.identity(x.bloc, 'old')}/${x.id}`, text: x.title ?? '' })), options(n).map((x) => ({ el: x, key: `${cmp.identity(x.bloc, 'new')}/${x.id}`, text: x.title ?? '' }))),
        (x: OptionModel) => ({ kind: 'option', name: x.id, hasId: true, ...where(x), text: x.title, ...loc(x) }),
        (a, b) => [...textField('title', a.title, b.title), ...textField('description', a.description, b.description)],
        (x) => x.bloc,
        (a, b) => a.id !== b.id,
    );
    const moved = (field: FieldName, a: object, b: object, name: (el: never) => string): FieldChange[] => {
        const before = cmp.newOf(a) ?? a;
        return before === b ? [] : [{ field, old: name(a as never), new: name(b as never) }];
    };

    // activities and competencies
    const activities = (m: CertificationModel) => containers(m).flatMap((c) => c.activities);
    cmp.record(
        pair(activities(o).map((a) => ({ el: a, key: a.id, scope: scopeOf(a.container), text: a.title })), activities(n).map((a) => ({ el: a, key: a.id, scope: scopeOf(a.container), text: a.title }))),
        (a: ActivityModel) => ({ kind: 'activity', name: a.id, hasId: true, ...where(a.container), text: a.title, ...loc(a) }),
        (a, b) => [
            ...textField('title', a.title, b.title), ...textField('description', a.description, b.description),
            ...moved('container', a.container, b.container, containerName),
        ],
        (a) => a.container,
        (a, b) => a.id !== b.id,
    );
    const competencies = (m: CertificationModel) => activities(m).flatMap((a) => a.competencies);
    cmp.record(
        pair(competencies(o).map((c) => ({ el: c, key: c.id, scope: scopeOf(c.activity.container), text: c.text })), competencies(n).map((c) => ({ el: c, key: c.id, scope: scopeOf(c.activity.container), text: c.text }))),
        (c: CompetencyModel) => ({ kind: 'competency', name: c.id, hasId: true, ...where(c.activity.container), parent: c.activity.id, text: c.text, ...loc(c) }),
        (a, b) => [...textField('text', a.text, b.text), ...moved('activity', a.activity, b.activity, (x: ActivityModel) => x.id)],
        (c) => c.activity,
        (a, b) => a.id !== b.id,
    );
    const judged = (list: CompetencyModel[], side: 'old' | 'new') => list.map((c) => (side === 'old' ? cmp.competencyName(c) : c.id));

    // modalities, parts, criteria
    const modalities = (m: CertificationModel) => containers(m).flatMap((c) => c.modalities);
    const modalityCandidate = (m: ModalityModel, side: 'old' | 'new'): Candidate<ModalityModel> => ({
        el: m, key: m.id, scope: scopeOf(m.container), text: m.title,
        group: side === 'old' ? cmp.identity(m.container, 'old') : cmp.identity(m.container, 'new'),
    });
    cmp.record(
        pair(modalities(o).map((m) => modalityCandidate(m, 'old')), modalities(n).map((m) => modalityCandidate(m, 'new'))),
        (m: ModalityModel) => ({ kind: 'modality', name: modalityName(m), hasId: m.id !== undefined, ...where(m.container), text: m.title, ...loc(m) }),
        (a, b) => [
            ...textField('title', a.title, b.title),
            ...textField('kind', a.kind, b.kind), ...textField('mode', a.mode, b.mode),
            ...setField('deliverables', a.deliverables, b.deliverables), ...textField('description', a.description, b.description),
            ...setField('evaluates', judged(a.evaluatedCompetencies, 'old'), judged(b.evaluatedCompetencies, 'new')),
            ...moved('container', a.container, b.container, containerName),
        ],
        (m) => m.container,
        (a, b) => a.id !== b.id,
    );
    const parts = (m: CertificationModel) => modalities(m).flatMap((x) => x.parts);
    const partCandidate = (p: PartModel, side: 'old' | 'new'): Candidate<PartModel> => {
        const modality = cmp.identity(p.modality, side);
        return { el: p, key: `${modality}/${partName(p)}`, text: p.title ?? '', group: modality };
    };
    cmp.record(
        pair(parts(o).map((p) => partCandidate(p, 'old')), parts(n).map((p) => partCandidate(p, 'new'))),
        (p: PartModel) => ({ kind: 'part', name: partName(p), hasId: p.id !== undefined, ...where(p.modality.container), parent: modalityName(p.modality), text: p.title, ...loc(p) }),
        (a, b) => [
            ...textField('title', a.title, b.title), ...textField('kind', a.kind, b.kind), ...textField('mode', a.mode, b.mode),
            ...setField('deliverables', a.deliverables, b.deliverables), ...textField('description', a.description, b.description),
            ...setField('evaluates', judged(a.evaluates, 'old'), judged(b.evaluates, 'new')),
        ],
        (p) => p.modality,
        (a, b) => partName(a) !== partName(b),
    );
    const criteria = (m: CertificationModel) => modalities(m).flatMap(criteriaOfModality);
    const criterionCandidate = (c: CriterionModel, side: 'old' | 'new'): Candidate<CriterionModel> => ({
        el: c,
        key: c.id,
        scope: scopeOf(c.modality.container),
        text: c.text,
        group: `${cmp.identity(c.modality, side)}/${c.part ? cmp.identity(c.part, side) : ''}`,
    });
    cmp.record(
        pair(criteria(o).map((c) => criterionCandidate(c, 'old')), criteria(n).map((c) => criterionCandidate(c, 'new'))),
        (c: CriterionModel) => ({
            kind: 'criterion', name: criterionName(c), hasId: c.id !== undefined, ...where(c.modality.container), parent: modalityName(c.modality), text: c.text, ...loc(c),
        }),
        (a, b) => [
            ...textField('text', a.text, b.text),
            ...setField('judges', judged(a.judges, 'old'), judged(b.judges, 'new')),
            ...moved('modality', a.modality, b.modality, modalityName),
            ...(cmp.newOf(a.modality) === b.modality && (a.part ? cmp.newOf(a.part) : undefined) !== b.part
                ? [{ field: 'part' as const, ...(a.part ? { old: partName(a.part) } : {}), ...(b.part ? { new: partName(b.part) } : {}) }]
                : []),
        ],
        (c) => c.part ?? c.modality,
        (a, b) => (a.label ?? a.id) !== (b.label ?? b.id),
    );
    return { id: n.id, ...(o.id !== n.id ? { oldId: o.id } : {}), title: n.title, status: 'changed', old: o.source, new: n.source, fields, changes: inReadingOrder(cmp.changes, n) };
}

const KIND_ORDER: DiffElementKind[] = ['bloc', 'option', 'activity', 'competency', 'modality', 'part', 'criterion'];

/**
 * Changes in the order a reader meets them: by bloc as the new version orders them (blocs that
 * are gone last), then activities and competencies before modalities and criteria, each in the
 * order of its file (the old file's for what was removed).
 */
function inReadingOrder(changes: ElementChange[], model: CertificationModel): ElementChange[] {
    const blocs = model.blocs.map((b) => b.id);
    const blocRank = (c: ElementChange) => (c.bloc === undefined ? -1 : blocs.includes(c.bloc) ? blocs.indexOf(c.bloc) : blocs.length);
    const place = (c: ElementChange) => c.new ?? c.old;
    return [...changes].sort((a, b) => {
        const pa = place(a)!;
        const pb = place(b)!;
        return blocRank(a) - blocRank(b)
            || (a.option ?? '').localeCompare(b.option ?? '')
            || KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind)
            || fileName(pa.uri).localeCompare(fileName(pb.uri))
            || pa.range.start.line - pb.range.start.line;
    });
}

/** The file name of a URI: the two versions' files are compared by name, whatever their folders. */
function fileName(uri: string): string {
    return uri.slice(uri.lastIndexOf('/') + 1);
}

function sectionChanges(o: { title: string; text: string }[], n: { title: string; text: string }[]): FieldChange[] {
    const out: FieldChange[] = [];
    for (const s of o) {
        const match = n.find((x) => x.title === s.title);
        if (!match) out.push({ field: 'sections', removed: [s.title] });
        else if (match.text !== s.text) out.push({ field: 'sections', old: `${s.title}: ${s.text}`, new: `${match.title}: ${match.text}` });
    }
    for (const s of n) if (!o.some((x) => x.title === s.title)) out.push({ field: 'sections', added: [s.title] });
    return out;
}

// ---------------------------------------------------------------------------------------------
// findings

/** What identifies a finding across versions: its rule, severity and message, without the places it names (`a.ref:12`). */
function findingKey(f: Finding): string {
    return `${f.rule}\u0000${f.severity}\u0000${f.message.en.replace(/[^\s()«»"]+\.ref:\d+/g, '…')}`;
}

function compareFindings(o: Finding[], n: Finding[]): { introduced: Finding[]; resolved: Finding[] } {
    return { introduced: unmatched(n, o), resolved: unmatched(o, n) };
}

/** The findings of `list` that `other` does not have as many times (same key). */
function unmatched(list: Finding[], other: Finding[]): Finding[] {
    const available = new Map<string, number>();
    for (const f of other) available.set(findingKey(f), (available.get(findingKey(f)) ?? 0) + 1);
    return list.filter((f) => {
        const left = available.get(findingKey(f)) ?? 0;
        available.set(findingKey(f), left - 1);
        return left <= 0;
    });
}
