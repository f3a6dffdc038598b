import { AstUtils, CstUtils, GrammarAST, isLeafCstNode, type AstNodeDescription, type LangiumDocument, type MaybePromise, type ReferenceInfo } from 'langium';
import { DefaultCompletionProvider, DefaultFuzzyMatcher, type CompletionAcceptor, type CompletionContext, type CompletionValueItem } from 'langium/lsp';
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type CompletionList, type CompletionParams } from 'vscode-languageserver-protocol';
import * as ast from '../../generated/ast.js';
import type { CertirefServices } from '../../certiref-module.js';
import { Conventions, splitId } from '../../model/ids.js';
import { allActivities, allCompetencies, containers } from '../../model/queries.js';
import type { BlocModel, CertificationModel, ContainerModel } from '../../model/types.js';
import { usesEnglishKeywords } from './target.js';
import { idsInUse } from '../../rules/duplicate-id.js';

/**
 * The keywords completion offers, one per keyword in each language, French with its accents;
 * the parser still reads every other spelling (`activite`, `Activité`, `individuelle` …).
 */
export const OFFERED_KEYWORDS: Record<'fr' | 'en', ReadonlySet<string>> = {
    fr: new Set(['certification', 'partie', 'de', 'rncp', 'niveau', 'certificateur', 'version', 'date', 'accessibilité', 'section', 'convention', 'description',
        'bloc', 'option', 'spécialisation', 'activité', 'compétence', 'modalité', 'type', 'individuel', 'groupe', 'livrables', 'évalue', 'critère', 'juge', 'à', 'et']),
    en: new Set(['certification', 'part', 'of', 'rncp', 'level', 'certifier', 'version', 'date', 'accessibility', 'section', 'convention', 'description',
        'block', 'option', 'specialization', 'activity', 'competency', 'modality', 'kind', 'individual', 'group', 'deliverables', 'evaluates', 'criterion', 'judges', 'to', 'and']),
};

/** A word without its accents (`évalue` → `evalue`): what a user may type for it. */
export function withoutAccents(text: string): string {
    return text.normalize('NFD').replace(/\p{M}/gu, '');
}

/** "critère" and "critere": both typed words find the keyword (VS Code filters on this text). */
function filterTextOf(label: string): string {
    const plain = withoutAccents(label);
    return plain === label ? label : `${label} ${plain}`;
}

/** Langium's fuzzy matching, blind to accents: `evalu` finds `évalue`, `crit` finds `critère`. */
export class AccentInsensitiveFuzzyMatcher extends DefaultFuzzyMatcher {
    override match(query: string, text: string): boolean {
        return super.match(withoutAccents(query), withoutAccents(text));
    }
}

/**
 * Completion: Langium's keywords (one per keyword, in the language of the document's keywords) and references, where a competency
 * reference shows the competency's text; plus snippets for a new bloc, activity, competency,
 * modality and criterion, numbered with the next free id.
 */
export class CertirefCompletionProvider extends DefaultCompletionProvider {
    constructor(private readonly certiref: CertirefServices) {
        super(certiref);
    }

    protected override createReferenceCompletionItem(description: AstNodeDescription, refInfo: ReferenceInfo, context: CompletionContext): CompletionValueItem {
        const item = super.createReferenceCompletionItem(description, refInfo, context);
        const node = description.node;
        if (ast.isCompetency(node)) {
            const element = this.certiref.referential.Models.elementOf(AstUtils.getDocument(node), node);
            if (element?.kind === 'competency') {
                const c = element.element;
                // the competencies of the bloc (or option) being written come first
                const from = AstUtils.getContainerOfType(context.node ?? refInfo.container, (n): n is ast.Bloc | ast.Option => ast.isBloc(n) || ast.isOption(n));
                const near = from !== undefined && (c.option?.node === from || c.bloc.node === from || (ast.isBloc(from) && from.name === c.bloc.id));
                return { ...item, kind: CompletionItemKind.Variable, detail: c.text.length > 80 ? `${c.text.slice(0, 79)}…` : c.text, documentation: { kind: 'markdown', value: `**${c.id}** — ${c.text}\n\n${c.activity.id} · bloc ${c.bloc.id}` }, sortText: `${near ? 0 : 1}${sortKey(c.id)}` };
            }
        }
        return item;
    }

    /** Only the keywords offered in the document's language (`activité`, not also `activite` and `activity`). */
    protected override filterKeyword(context: CompletionContext, keyword: GrammarAST.Keyword): boolean {
        return super.filterKeyword(context, keyword) && OFFERED_KEYWORDS[this.keywordLanguage(context.document)].has(keyword.value);
    }

    protected override completionForKeyword(context: CompletionContext, keyword: GrammarAST.Keyword, acceptor: CompletionAcceptor): MaybePromise<void> {
        if (!this.filterKeyword(context, keyword)) return;
        acceptor(context, { label: keyword.value, kind: this.getKeywordCompletionItemKind(keyword), detail: 'Keyword', sortText: '1', filterText: filterTextOf(keyword.value) });
    }

    /** The language of the document's keywords; for a document without any yet, that of the messages. */
    private keywordLanguage(document: LangiumDocument): 'fr' | 'en' {
        const text = document.textDocument.getText();
        if (!/^\s*(certification|partie|part|bloc|block|activit|compet|compét|modalit|crit)/im.test(text)) {
            return this.certiref.referential.Config.getConfig(document.uri.toString()).language;
        }
        return usesEnglishKeywords(document) ? 'en' : 'fr';
    }

    override async getCompletion(document: LangiumDocument, params: CompletionParams): Promise<CompletionList | undefined> {
        const list = await super.getCompletion(document, params);
        const snippets = this.snippets(document, params);
        if (!list) return snippets.length ? { isIncomplete: false, items: snippets } : undefined;
        list.items.push(...snippets);
        return list;
    }

    /** Snippets, offered at the start of a line (where a new element can begin). */
    private snippets(document: LangiumDocument, params: CompletionParams): CompletionItem[] {
        const text = document.textDocument.getText();
        const offset = document.textDocument.offsetAt(params.position);
        const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
        const before = text.slice(lineStart, offset);
        if (!/^\s*[\p{L}]*$/u.test(before) || insideTextOrComment(document, offset)) return [];
        const model = this.certiref.referential.Models.forDocument(document);
        const en = this.keywordLanguage(document) === 'en';
        const container = model ? containerAt(model, document, offset) : undefined;
        // the word typed so far is replaced by the snippet (`crit` + critère CR4 → critère CR4 …)
        const typed = before.trimStart();
        const range = { start: document.textDocument.positionAt(offset - typed.length), end: params.position };
        const ids: NextIds = model ? nextIds(model, container) : { bloc: '1', activity: 'A1', competency: 'C1', modality: 'E1', criterion: 'CR1', blocActivity: 'A1', blocCompetency: 'C1' };
        const k = en
            ? { bloc: 'block', activity: 'activity', competency: 'competency', modality: 'modality', criterion: 'criterion', kind: 'kind', evaluates: 'evaluates', description: 'description' }
            : { bloc: 'bloc', activity: 'activité', competency: 'compétence', modality: 'modalité', criterion: 'critère', kind: 'type', evaluates: 'évalue', description: 'description' };
        const make = (label: string, body: string, doc: string): CompletionItem => ({
            label, kind: CompletionItemKind.Snippet, insertTextFormat: InsertTextFormat.Snippet, textEdit: { range, newText: body },
            detail: doc, sortText: `~${label}`, filterText: filterTextOf(label.split(' ')[0]),
        });
        return [
            make(`${k.bloc} ${ids.bloc}`, `${k.bloc} \${1:${ids.bloc}} "\${2:${en ? 'Title' : 'Titre'}}"\n  ${k.activity} \${3:${ids.blocActivity}} "\${4}"\n    ${k.competency} \${5:${ids.blocCompetency}} "\${6}"`, en ? 'New bloc' : 'Nouveau bloc'),
            make(`${k.activity} ${ids.activity}`, `${k.activity} \${1:${ids.activity}} "\${2}"\n  ${k.competency} \${3:${ids.competency}} "\${4}"`, en ? 'New activity with its competency' : 'Nouvelle activité et sa compétence'),
            make(`${k.competency} ${ids.competency}`, `${k.competency} \${1:${ids.competency}} "\${2}"`, en ? 'New competency' : 'Nouvelle compétence'),
            make(`${k.modality} ${ids.modality}`, `${k.modality} \${1:${ids.modality}} "\${2:${en ? 'Case study' : 'Étude de cas'}}"\n  ${k.kind} "\${3:${en ? 'case study' : 'étude de cas'}}"\n  ${k.evaluates} \${4}\n  ${k.criterion} \${5:${ids.criterion}} "\${6}"`, en ? 'New modality' : 'Nouvelle modalité'),
            make(`${k.criterion} ${ids.criterion}`, `${k.criterion} \${1:${ids.criterion}} "\${2}"`, en ? 'New criterion' : 'Nouveau critère'),
        ].filter((item) => this.fuzzyMatcher.match(typed, item.filterText ?? item.label));
    }
}

/**
 * Whether the cursor is inside a text or a comment, where a line can start with a word (the
 * second line of a competency's text) but no element can begin.
 */
function insideTextOrComment(document: LangiumDocument, offset: number): boolean {
    const root = document.parseResult.value.$cstNode;
    if (!root) return false;
    for (const node of CstUtils.streamCst(root)) {
        if (!isLeafCstNode(node)) continue;
        if (node.offset >= offset) break;
        const kind = node.tokenType.name;
        if (kind === 'UNCLOSED_TEXT' && offset <= node.end) return true;
        if ((kind === 'TEXT' || kind === 'ML_COMMENT') && offset < node.end) return true;
    }
    return false;
}

function sortKey(id: string): string {
    const s = splitId(id);
    return s ? `${s.stem}${String(s.number).padStart(6, '0')}` : id;
}

function containerAt(model: CertificationModel, document: LangiumDocument, offset: number): ContainerModel | undefined {
    const uri = document.uri.toString();
    let best: ContainerModel | undefined;
    for (const c of containers(model)) {
        if (c.source.uri !== uri) continue;
        const start = document.textDocument.offsetAt(c.source.range.start);
        if (start <= offset) best = c;
    }
    return best;
}

/** The id after `id`: its number plus one, as many digits as it had (`BC01` → `BC02`). */
function increment(id: string): string | undefined {
    const m = /^(.*?)(\d+)$/.exec(id);
    return m ? `${m[1]}${String(Number(m[2]) + 1).padStart(m[2].length, '0')}` : undefined;
}

/** The highest id of a list (by its number), or undefined. */
function highest(ids: string[]): string | undefined {
    let best: { id: string; number: number } | undefined;
    for (const id of ids) {
        const s = splitId(id);
        if (s && (!best || s.number >= best.number)) best = { id, number: s.number };
    }
    return best?.id;
}

/** `id` if no element has it yet, else the next number up that none has. */
function free(id: string, taken: Set<string>): string {
    let candidate = id;
    for (let i = 0; taken.has(candidate) && i < 10_000; i++) candidate = increment(candidate) ?? `${candidate}-2`;
    return candidate;
}

/**
 * The first activity and competency ids of a new bloc: where the ids of a bloc carry its number
 * (`A5.1`, `C5.1` in bloc 5), the same shape with the new bloc's number (`A7.1`, `C7.1` in
 * bloc 7); otherwise the next free ids of the certification (`A8`, `C20`).
 */
function firstIdsOfBloc(model: CertificationModel, newBloc: string, fallback: { activity: string; competency: string }) {
    const number = splitId(newBloc)?.number;
    const shaped = (pick: (b: BlocModel) => string | undefined): string | undefined => {
        if (number === undefined) return undefined;
        for (const bloc of [...model.blocs].reverse()) {
            const id = pick(bloc);
            const blocNumber = splitId(bloc.id)?.number;
            if (!id || blocNumber === undefined) continue;
            const m = new RegExp(`^(\\D*?)0*${blocNumber}([.\\-_])\\d+$`).exec(id);
            if (m) return `${m[1]}${number}${m[2]}1`;
        }
        return undefined;
    };
    return {
        activity: shaped((b) => b.activities[0]?.id) ?? fallback.activity,
        competency: shaped((b) => b.activities[0]?.competencies[0]?.id) ?? fallback.competency,
    };
}

export type NextIds = Record<'bloc' | 'activity' | 'competency' | 'modality' | 'criterion' | 'blocActivity' | 'blocCompetency', string>;

/**
 * The next free ids: one more than the highest of each kind (in the container, else the
 * certification), never one the certification already uses, with the digits it had (`BC01` →
 * `BC02`); and the first activity and competency of a new bloc.
 */
export function nextIds(model: CertificationModel, container?: ContainerModel): NextIds {
    const next = (ids: string[], fallback: string, taken: Set<string>) => {
        const top = highest(ids);
        return free((top && increment(top)) ?? fallback, taken);
    };
    const activities = allActivities(model).map((a) => a.id);
    const competencies = allCompetencies(model).map((c) => c.id);
    const takenActivities = new Set(activities);
    const takenCompetencies = new Set(competencies);
    const local = container ? container.activities.flatMap((a) => a.competencies.map((c) => c.id)) : [];
    const competency = next(competencies.filter((id) => local.length === 0 || splitId(id)?.stem === splitId(local[local.length - 1])?.stem), 'C1', takenCompetencies);
    const activity = next((container ?? containers(model).at(-1))?.activities.map((a) => a.id) ?? [], 'A1', takenActivities);
    const bloc = next(model.blocs.map((b) => b.id), '1', new Set(model.blocs.map((b) => b.id)));
    const first = firstIdsOfBloc(model, bloc, { activity: next(activities, 'A1', takenActivities), competency: next(competencies, 'C1', takenCompetencies) });
    const conventions = new Conventions(model.conventions);
    return {
        bloc,
        activity,
        competency,
        modality: next(containers(model).flatMap((c) => c.modalities.map((m) => m.id ?? '')).filter(Boolean), 'E1', idsInUse(model, 'modality')),
        // the criterion the first competency without one would have, never one in use
        criterion: free(conventions.criterionIdsFor(
            (container ? container.activities.flatMap((a) => a.competencies) : allCompetencies(model)).find((c) => c.criteria.length === 0)?.id ?? competency,
        )[0] ?? 'CR1', idsInUse(model, 'criterion')),
        blocActivity: free(first.activity, takenActivities),
        blocCompetency: free(first.competency, takenCompetencies),
    };
}
