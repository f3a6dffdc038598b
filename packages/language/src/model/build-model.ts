import { GrammarUtils, type AstNode, type LangiumDocument } from 'langium';
import type { Range } from 'vscode-languageserver-types';
import * as ast from '../generated/ast.js';
import { completeRangeEnd, Conventions, DEFAULT_CONVENTIONS, hyphenRange, IdIndex, idsInRange, RangeReader, splitId } from './ids.js';
import { textOf, unquote } from './text.js';
import { append } from '../util/arrays.js';
import type {
    ActivityModel, BlocModel, CertificationModel, CompetencyModel, ContainerModel, CriterionModel,
    ModalityMode, ModalityModel, OptionModel, PartModel, SourceLocation, UnresolvedReference,
} from './types.js';

const EMPTY_RANGE: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export function locate(node: AstNode, uri: string, property?: string): SourceLocation {
    const cst = node.$cstNode;
    const range = cst?.range ?? EMPTY_RANGE;
    let nameRange = range;
    if (cst) {
        const named = property ? GrammarUtils.findNodeForProperty(cst, property) : undefined;
        const first = named ?? firstLeaf(cst);
        if (first) nameRange = first.range;
    }
    return { uri, range, nameRange };
}

function firstLeaf(cst: NonNullable<AstNode['$cstNode']>): NonNullable<AstNode['$cstNode']> | undefined {
    const content = (cst as { content?: NonNullable<AstNode['$cstNode']>[] }).content;
    if (!content) return cst;
    for (const child of content) {
        if (child.hidden) continue;
        return firstLeaf(child);
    }
    return undefined;
}

/**
 * Whether a document could not be read whole: lexer or parser errors, or a text left open (the
 * lexer then reads it to the end of the file, so it is the last token).
 */
export function hasSyntaxError(document: LangiumDocument): boolean {
    const result = document.parseResult;
    if (!result) return false;
    if (result.lexerErrors.length > 0 || result.parserErrors.length > 0) return true;
    let node: AstNode['$cstNode'] = result.value?.$cstNode;
    while (node && 'content' in node && Array.isArray((node as { content: unknown[] }).content)) {
        const content = (node as { content: NonNullable<AstNode['$cstNode']>[] }).content;
        if (content.length === 0) break;
        node = content[content.length - 1];
    }
    return (node as { tokenType?: { name: string } } | undefined)?.tokenType?.name === 'UNCLOSED_TEXT';
}

/** A property that must not appear in JSON (cycles, syntax nodes). */
function hide<T extends object, K extends string, V>(target: T, key: K, value: V): T & Record<K, V> {
    Object.defineProperty(target, key, { value, enumerable: false, writable: true, configurable: true });
    return target as T & Record<K, V>;
}

function modeOf(keyword: string): ModalityMode {
    return /^indiv/i.test(keyword) ? 'individual' : 'group';
}

/**
 * Builds the model of one certification from its documents. Reads the syntax tree only (names
 * as written), so it can run before or after Langium's linking; references are resolved here, by
 * the same table the scope provider uses.
 */
export function buildCertificationModel(certificationId: string, documents: LangiumDocument[]): CertificationModel {
    const ordered = [...documents].sort((a, b) => {
        const ma = ast.isCertification((a.parseResult.value as ast.Document).header) ? 0 : 1;
        const mb = ast.isCertification((b.parseResult.value as ast.Document).header) ? 0 : 1;
        return ma - mb || (a.uri.toString() < b.uri.toString() ? -1 : a.uri.toString() > b.uri.toString() ? 1 : 0);
    });
    const firstDoc = ordered[0];
    const firstRoot = firstDoc?.parseResult.value as ast.Document;
    const cert = hide({
        id: certificationId,
        declared: false,
        title: '',
        accessibility: [],
        sections: [],
        conventions: [],
        blocs: [],
        documents: ordered.map((d) => d.uri.toString()),
        declarations: [],
        partHeaders: [],
        unresolved: [],
        incomplete: ordered.some(hasSyntaxError),
        unreadDocuments: ordered.filter(hasSyntaxError).map((d) => d.uri.toString()),
        source: firstRoot?.header ? locate(firstRoot.header, firstDoc.uri.toString(), 'name') : { uri: firstDoc?.uri.toString() ?? '', range: EMPTY_RANGE, nameRange: EMPTY_RANGE },
    } as Omit<CertificationModel, 'node'>, 'node', firstRoot?.header ?? firstRoot) as CertificationModel;

    // Header and fields.
    for (const doc of ordered) {
        const uri = doc.uri.toString();
        const root = doc.parseResult.value as ast.Document;
        const header = root.header;
        if (ast.isCertification(header)) {
            cert.declarations.push(locate(header, uri, 'name'));
            if (cert.declared) continue; // a second declaration is reported by duplicate-id
            cert.declared = true;
            cert.source = locate(header, uri, 'name');
            hide(cert, 'node', header);
            cert.title = textOf(header.title);
            for (const field of header.fields) readField(cert, field, uri);
        } else if (ast.isCertificationPart(header)) {
            cert.partHeaders.push(locate(header, uri, 'certification'));
        }
    }
    if (!cert.conventions.some((c) => c.declared)) {
        cert.conventions = DEFAULT_CONVENTIONS.map((c) => ({ ...c, declared: false }));
    }

    // Structure.
    const pending: Array<() => void> = [];
    const competencies: CompetencyModel[] = [];
    const blocs = new Map<string, { bloc: BlocModel; uri: string }>();
    for (const doc of ordered) {
        const uri = doc.uri.toString();
        const root = doc.parseResult.value as ast.Document;
        for (const blocNode of root.blocs ?? []) {
            // A bloc may be written in several files (its activities in one, its evaluation in
            // another): fragments in other files join the first; a repeat in the same file is a
            // duplicate.
            const fragment = locate(blocNode, uri, 'name');
            const earlier = blocNode.name ? blocs.get(blocNode.name) : undefined;
            let bloc: BlocModel;
            if (earlier && earlier.uri !== uri && !earlier.bloc.fragments.some((f) => f.uri === uri)) {
                bloc = earlier.bloc;
                bloc.fragments.push(fragment);
                const title = optText(blocNode.title);
                if (title && bloc.title && title !== bloc.title) bloc.titleConflicts.push({ source: fragment, title });
                bloc.title ??= title;
                bloc.description = bloc.description && blocNode.description ? joinText(bloc.description, textOf(blocNode.description)) : bloc.description ?? optText(blocNode.description);
            } else {
                bloc = hide({
                    containerKind: 'bloc', id: blocNode.name ?? '', title: optText(blocNode.title),
                    description: optText(blocNode.description), activities: [], modalities: [], options: [],
                    source: fragment, fragments: [fragment], titleConflicts: [], duplicate: earlier !== undefined,
                } as Omit<BlocModel, 'node'>, 'node', blocNode) as BlocModel;
                cert.blocs.push(bloc);
                if (blocNode.name && !earlier) blocs.set(blocNode.name, { bloc, uri });
            }
            fillContainer(bloc, blocNode, bloc, undefined, uri);
            for (const optionNode of blocNode.options) {
                const sameOption = bloc.options.find((o) => o.id === optionNode.name && o.source.uri !== uri);
                if (sameOption) {
                    sameOption.title ??= optText(optionNode.title);
                    fillContainer(sameOption, optionNode, bloc, sameOption, uri);
                    continue;
                }
                const option = hide(hide({
                    containerKind: 'option', id: optionNode.name ?? '', keyword: optionNode.kind,
                    title: optText(optionNode.title), description: optText(optionNode.description),
                    activities: [], modalities: [], source: locate(optionNode, uri, 'name'),
                } as Omit<OptionModel, 'node' | 'bloc'>, 'node', optionNode), 'bloc', bloc) as OptionModel;
                bloc.options.push(option);
                fillContainer(option, optionNode, bloc, option, uri);
            }
        }
    }

    function fillContainer(container: ContainerModel, node: ast.Bloc | ast.Option, bloc: BlocModel, option: OptionModel | undefined, uri: string) {
        for (const activityNode of node.activities) {
            const activity = hide(hide({
                id: activityNode.name ?? '', title: textOf(activityNode.title), description: optText(activityNode.description),
                competencies: [], source: locate(activityNode, uri, 'name'),
            } as Omit<ActivityModel, 'node' | 'container'>, 'node', activityNode), 'container', container) as ActivityModel;
            container.activities.push(activity);
            for (const competencyNode of activityNode.competencies) {
                const competency = hide(hide(hide(hide(hide(hide({
                    id: competencyNode.name ?? '', text: textOf(competencyNode.text),
                    source: locate(competencyNode, uri, 'name'),
                } as Omit<CompetencyModel, 'node' | 'activity' | 'bloc' | 'option' | 'criteria' | 'evaluatedBy'>,
                'node', competencyNode), 'activity', activity), 'bloc', bloc), 'option', option), 'criteria', [] as CriterionModel[]),
                'evaluatedBy', [] as ModalityModel[]) as CompetencyModel;
                activity.competencies.push(competency);
                competencies.push(competency);
            }
        }
        for (const modalityNode of node.modalities) {
            const modality = hide(hide({
                id: modalityNode.name, title: textOf(modalityNode.title), deliverables: [], evaluates: [],
                evaluatesDeclared: false, criteria: [], parts: [], evaluatedCompetencies: [],
                source: locate(modalityNode, uri, modalityNode.name ? 'name' : 'title'),
            } as Omit<ModalityModel, 'node' | 'container'>, 'node', modalityNode), 'container', container) as ModalityModel;
            container.modalities.push(modality);
            readProperties(modality, modalityNode.properties, container, uri);
            for (const criterionNode of modalityNode.criteria) addCriterion(criterionNode, modality, undefined, container, uri);
            for (const partNode of modalityNode.parts) {
                const part = hide(hide({
                    id: partNode.name, title: optText(partNode.title), deliverables: [], evaluates: [],
                    evaluatesDeclared: false, criteria: [], source: locate(partNode, uri, partNode.name ? 'name' : undefined),
                } as Omit<PartModel, 'node' | 'modality'>, 'node', partNode), 'modality', modality) as PartModel;
                modality.parts.push(part);
                readProperties(part, partNode.properties, container, uri);
                for (const criterionNode of partNode.criteria) addCriterion(criterionNode, modality, part, container, uri);
            }
        }
    }

    function readProperties(target: ModalityModel | PartModel, properties: ast.ModalityProperty[], container: ContainerModel, uri: string) {
        for (const p of properties) {
            if (ast.isKindProperty(p)) target.kind = textOf(p.value);
            else if (ast.isModeProperty(p)) target.mode = modeOf(p.mode);
            else if (ast.isDeliverablesProperty(p)) append(target.deliverables, (p.items ?? []).map(textOf));
            else if (ast.isDescriptionProperty(p)) target.description = joinText(target.description, textOf(p.text));
            else if (ast.isEvaluatesProperty(p)) {
                target.evaluatesDeclared = true;
                pending.push(() => {
                    const resolved = resolveRefs(p.refs, container, uri, () => (target.evaluatesIncomplete = true));
                    const known = new Set(target.evaluates);
                    for (const c of resolved) if (!known.has(c)) {
                        known.add(c);
                        target.evaluates.push(c);
                    }
                });
            }
        }
    }

    function addCriterion(node: ast.Criterion, modality: ModalityModel, part: PartModel | undefined, container: ContainerModel, uri: string) {
        const label = node.name ? (node.rangeEnd ? `${node.name} à ${node.rangeEnd}` : node.name) : undefined;
        const rangeEnd = node.name && node.rangeEnd ? completeRangeEnd(node.name, node.rangeEnd) : undefined;
        const criterion = hide(hide(hide({
            id: node.name, label, ...(rangeEnd ? { rangeEnd } : {}), text: textOf(node.text), judges: [], judgeSource: 'none',
            conventionalIds: [], explicitJudges: [], judgesDeclared: node.judges !== undefined, source: locate(node, uri, node.name ? 'name' : undefined),
        } as Omit<CriterionModel, 'node' | 'modality' | 'part'>, 'node', node), 'modality', modality), 'part', part) as CriterionModel;
        (part ?? modality).criteria.push(criterion);
        pending.push(() => {
            if (node.judges) criterion.explicitJudges = resolveRefs(node.judges, container, uri, () => (criterion.judgesIncomplete = true));
        });
    }

    // Name table, and resolution of the criteria by convention.
    const byId = new Map<string, CompetencyModel[]>();
    for (const c of competencies) {
        const list = byId.get(c.id);
        if (list) list.push(c);
        else byId.set(c.id, [c]);
    }
    const conventions = new Conventions(cert.conventions);
    const idIndex = new IdIndex(byId.keys());
    const lookup = (id: string, from: ContainerModel) => pick(byId.get(id), from);
    for (const c of competencies) c.duplicate = lookup(c.id, c.option ?? c.bloc) !== c;
    for (const run of pending) run();

    /** Resolves `évalue`/`juge` lists; `onGap` is told when an item could not be resolved. */
    function resolveRefs(refs: ast.CompetencyRefs, from: ContainerModel, uri: string, onGap?: () => void): CompetencyModel[] {
        const out: CompetencyModel[] = [];
        const seen = new Set<CompetencyModel>();
        const add = (c: CompetencyModel) => {
            if (seen.has(c)) return;
            seen.add(c);
            out.push(c);
        };
        if (!refs?.items) return out; // `évalue` with nothing after it yet: a syntax error, nothing to resolve
        const ranges = new RangeReader(idIndex);
        const gap = (u: UnresolvedReference) => {
            cert.unresolved.push(u);
            onGap?.();
        };
        for (const item of refs.items) {
            const start = item.from?.$refText;
            if (!start) continue;
            const first = lookup(start, from);
            if (!first) gap({ kind: 'competency', reason: 'missing', name: start, source: locate(item, uri, 'from') });
            if (item.to) {
                const end = item.to.$refText;
                const last = lookup(end, from);
                if (!last) gap({ kind: 'competency', reason: 'missing', name: end, source: locate(item, uri, 'to') });
                if (first && last) {
                    const a = splitId(start);
                    const b = splitId(end);
                    if (!a || !b || a.stem.toLowerCase() !== b.stem.toLowerCase()) {
                        gap({ kind: 'competency', reason: 'range-stems', name: `${start} à ${end}`, source: locate(item, uri) });
                    } else if (a.number > b.number) {
                        gap({ kind: 'competency', reason: 'range-reversed', name: `${start} à ${end}`, suggestion: `${end} à ${start}`, source: locate(item, uri) });
                    } else {
                        for (const id of ranges.newIds(a, b)) {
                            const c = lookup(id, from);
                            if (c) add(c);
                        }
                    }
                }
            } else if (first) add(first);
        }
        return out;
    }

    function conventionalIds(criterion: CriterionModel): string[] {
        const id = criterion.id;
        if (!id) return [];
        const expand = (start: string, end: string): string[] => {
            const a = conventions.competencyIdsFor(start);
            const b = conventions.competencyIdsFor(end);
            for (const s of a) for (const e of b) {
                const ids = idsInRange(s, e, idIndex);
                if (ids && ids.length > 0) return ids;
            }
            return a.length > 0 && b.length > 0 ? [`${a[0]} à ${b[0]}`] : [];
        };
        if (criterion.rangeEnd) return expand(id, criterion.rangeEnd);
        const single = conventions.competencyIdsFor(id);
        if (single.some((id) => byId.has(id))) return single.filter((id) => byId.has(id));
        // `CR18-19` read as the range CR18 à CR19, when the competencies it names are those of the
        // criterion's own bloc or option (so that a typo such as CR3-6 is not read as C3 to C6)
        const range = single.length > 0 || hyphenRange(id) ? hyphenRange(id) : undefined;
        if (range) {
            const ids = expand(range[0], range[1]);
            const own = criterion.modality.container;
            if (ids.length > 0 && ids.every((id) => byId.get(id)?.some((c) => (c.option ?? c.bloc) === own))) return ids;
        }
        return single;
    }

    const judgedBy = new Map<CompetencyModel, Set<CriterionModel>>();
    for (const bloc of cert.blocs) {
        for (const container of [bloc, ...bloc.options]) {
            for (const modality of container.modalities) {
                for (const criterion of [...modality.criteria, ...modality.parts.flatMap((p) => p.criteria)]) {
                    criterion.conventionalIds = conventionalIds(criterion);
                    if (criterion.explicitJudges.length > 0) {
                        criterion.judges = criterion.explicitJudges;
                        criterion.judgeSource = 'explicit';
                        continue;
                    }
                    const byConvention = criterion.conventionalIds
                        .map((id) => lookup(id, container))
                        .filter((c): c is CompetencyModel => c !== undefined);
                    if (byConvention.length > 0) {
                        criterion.judges = byConvention;
                        criterion.judgeSource = 'convention';
                        continue;
                    }
                    if (criterion.id === undefined || criterion.conventionalIds.length === 0) {
                        if (criterion.part && criterion.part.evaluates.length === 1) {
                            criterion.judges = [...criterion.part.evaluates];
                            criterion.judgeSource = 'part';
                        } else if (!criterion.part?.evaluatesDeclared && modality.evaluates.length === 1) {
                            criterion.judges = [...modality.evaluates];
                            criterion.judgeSource = 'modality';
                        }
                    }
                }
                // What the modality evaluates: its lists, else what its criteria judge.
                const declared = [...modality.evaluates, ...modality.parts.flatMap((p) => p.evaluates)];
                const evaluated = modality.evaluatesDeclared || modality.parts.some((p) => p.evaluatesDeclared)
                    ? declared
                    : [...modality.criteria, ...modality.parts.flatMap((p) => p.criteria)].flatMap((c) => c.judges);
                modality.evaluatedCompetencies = [...new Set(evaluated)];
                for (const c of modality.evaluatedCompetencies) c.evaluatedBy.push(modality);
                for (const criterion of [...modality.criteria, ...modality.parts.flatMap((p) => p.criteria)]) {
                    for (const c of criterion.judges) {
                        let known = judgedBy.get(c);
                        if (!known) judgedBy.set(c, (known = new Set(c.criteria)));
                        if (known.has(criterion)) continue;
                        known.add(criterion);
                        c.criteria.push(criterion);
                    }
                }
            }
        }
    }
    return cert;
}

/** Among competencies of the same id, the one seen from a container: same option, then outside options. */
function pick(candidates: CompetencyModel[] | undefined, from: ContainerModel): CompetencyModel | undefined {
    if (!candidates || candidates.length === 0) return undefined;
    if (candidates.length === 1) return candidates[0];
    const fromOption = from.containerKind === 'option' ? from : undefined;
    return candidates.find((c) => c.option === fromOption)
        ?? candidates.find((c) => c.option === undefined)
        ?? candidates[0];
}

function optText(token: string | undefined): string | undefined {
    return token === undefined ? undefined : textOf(token);
}

function joinText(a: string | undefined, b: string): string {
    return a ? `${a}\n\n${b}` : b;
}

function readField(cert: CertificationModel, field: ast.CertificationField, uri: string): void {
    const value = (v: string | undefined) => (v === undefined ? undefined : v.startsWith('"') ? textOf(v) : v);
    if (ast.isRncpField(field)) cert.rncp = field.value;
    else if (ast.isLevelField(field)) cert.level = field.value;
    else if (ast.isCertifierField(field)) cert.certifier = textOf(field.value);
    else if (ast.isVersionField(field)) cert.version = value(field.value);
    else if (ast.isDateField(field)) cert.date = value(field.value);
    else if (ast.isAccessibilityField(field)) cert.accessibility.push(textOf(field.text));
    else if (ast.isSectionField(field)) cert.sections.push({ title: textOf(field.title), text: textOf(field.text) });
    else if (ast.isDescriptionField(field)) cert.description = joinText(cert.description, textOf(field.text));
    else if (ast.isConventionField(field)) {
        if (field.criterion === undefined || field.competency === undefined) return; // unfinished: a syntax error
        cert.conventions.push({ criterion: unquote(field.criterion).trim(), competency: unquote(field.competency).trim(), declared: true, source: locate(field, uri) });
    }
}
