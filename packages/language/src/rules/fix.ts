import type { Range } from 'vscode-languageserver-types';
import { quoted, t, type Bilingual, type Language } from '../i18n.js';
import { allCompetencies, allCriteriaOf } from '../model/queries.js';
import type { CertificationModel, CompetencyModel, CriterionModel, ModalityModel, PartModel } from '../model/types.js';

/**
 * A rule's quick fixes, as plain values: a title in both languages and the text edits. The
 * editor's code-action provider (lsp/features/code-actions.ts) asks the rule of each finding
 * for its fixes and turns them into LSP code actions; it also lends the rule the edits that need
 * the syntax (where a new criterion line goes, the end of an `évalue` list, a rename), so that no
 * rule reads the syntax tree.
 */
export interface TextEdit {
    uri: string;
    range: Range;
    newText: string;
}

export interface Fix {
    title: Bilingual;
    edits: TextEdit[];
    /** The fix an editor applies with its "fix all"/preferred shortcut (default: true). */
    preferred?: boolean;
}

/** The finding a fix is asked for, as the editor sends it back: its rule's data is the rule's own type. */
export interface FixedFinding<D> {
    rule: string;
    uri: string;
    range: Range;
    data: Partial<D>;
}

/** Edits that need the syntax of the documents, made by the editor's side. */
export interface SourceEdits {
    /** The text of a range of the finding's document. */
    text(range: Range): string;
    /** Whether the finding's document writes its keywords in English (a new line is written in the same words). */
    englishKeywords: boolean;
    /** A new criterion line (`critère CR4 "À rédiger"`) after the last criterion or property of a modality or part. */
    insertCriterion(holder: ModalityModel | PartModel, label: string): TextEdit[] | undefined;
    /** Ids added at the end of the `évalue` list of a modality or part. */
    appendToEvaluates(holder: ModalityModel | PartModel, ids: string): TextEdit[] | undefined;
    /** A competency renamed everywhere, with the criteria numbered after it; undefined when the rename is refused. */
    renameCompetency(competency: CompetencyModel, newName: string): TextEdit[] | undefined;
    /** Whether the list of competencies holding the reference at `range` already names `id`. */
    listNames(range: Range, id: string): boolean;
}

export interface FixContext<D> {
    finding: FixedFinding<D>;
    model: CertificationModel;
    edits: SourceEdits;
}

/** One edit: `newText` in place of `range`. */
export function replace(uri: string, range: Range, newText: string): TextEdit[] {
    return [{ uri, range, newText }];
}

function sameStart(a: Range, b: Range): boolean {
    return a.start.line === b.start.line && a.start.character === b.start.character;
}

/** The competency whose id a finding points at. */
export function competencyAt(model: CertificationModel, finding: FixedFinding<unknown>): CompetencyModel | undefined {
    return allCompetencies(model).find((c) => c.source.uri === finding.uri && sameStart(c.source.nameRange, finding.range));
}

/** The criterion a finding points at. */
export function criterionAt(model: CertificationModel, finding: FixedFinding<unknown>): CriterionModel | undefined {
    return allCriteriaOf(model).find((x) => x.source.uri === finding.uri && sameStart(x.source.nameRange, finding.range));
}

/** A modality or part as a fix's title names it: `E1`, `« Mise en situation »`, `E1, partie P1`. */
export function holderName(h: ModalityModel | PartModel, language: Language): string {
    if ('modality' in h) return `${h.modality.id ?? h.modality.title}, ${h.id ? `${PART[language]} ${h.id}` : h.title ?? ''}`.trim();
    return h.id ?? quoted(h.title, language);
}

const PART = t('partie', 'part');
