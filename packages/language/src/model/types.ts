import type { AstNode } from 'langium';
import type { Range } from 'vscode-languageserver-types';

/**
 * The one model of a référentiel. Built once per certification from all its documents
 * (model/build-model.ts) and read by the rules, the language server features, the CLI and the
 * exports. Every element knows where it was written.
 */
export interface SourceLocation {
    /** Document URI. */
    uri: string;
    /** The whole element. */
    range: Range;
    /** The element's id (or its keyword when it has none): where findings point. */
    nameRange: Range;
}

interface Located {
    source: SourceLocation;
    /** The syntax node (not enumerable: not part of JSON output). */
    readonly node: AstNode;
}

export type ModalityMode = 'individual' | 'group';
export type ContainerKind = 'bloc' | 'option';

export interface CertificationModel extends Located {
    id: string;
    /** False when no document declares it (only `partie de X` files). */
    declared: boolean;
    title: string;
    rncp?: string;
    level?: string;
    certifier?: string;
    version?: string;
    date?: string;
    description?: string;
    accessibility: string[];
    sections: { title: string; text: string }[];
    conventions: { criterion: string; competency: string; declared: boolean; source?: SourceLocation }[];
    blocs: BlocModel[];
    /** The documents that make this certification, sorted. */
    documents: string[];
    /** Every declaration of the certification header (more than one is a duplicate). */
    declarations: SourceLocation[];
    /** `partie de X` headers of this certification. */
    partHeaders: SourceLocation[];
    /** Competency references (evaluates, judges) whose name matched nothing. */
    unresolved: UnresolvedReference[];
    /** A file of this certification has a syntax error: part of it may be unread. */
    incomplete: boolean;
    /** The files whose syntax error pauses the completeness rules (`incomplete`). */
    unreadDocuments: string[];
}

export interface UnresolvedReference {
    kind: 'competency' | 'certification';
    /** No such competency; a range whose ends have different stems (C1 à CS1-2); a range written backwards. */
    reason: 'missing' | 'range-stems' | 'range-reversed';
    name: string;
    suggestion?: string;
    source: SourceLocation;
}

/** What holds activities and modalities: a bloc, or an option/specialisation of a bloc. */
export interface ContainerModel extends Located {
    containerKind: ContainerKind;
    id: string;
    title?: string;
    description?: string;
    /** The rule that validates the bloc or option, as the référentiel states it (the juries' grids show it), when it gives one. */
    validation?: string;
    activities: ActivityModel[];
    modalities: ModalityModel[];
}

export interface BlocModel extends ContainerModel {
    containerKind: 'bloc';
    options: OptionModel[];
    /** Where the bloc is written: once, or in several files (activities here, evaluation there). */
    fragments: SourceLocation[];
    /** Fragments that give the bloc another title than the first. */
    titleConflicts: { source: SourceLocation; title: string }[];
    /** The same id is declared earlier in the same file (reported by duplicate-id only). */
    duplicate: boolean;
}

export interface OptionModel extends ContainerModel {
    containerKind: 'option';
    /** As written: option, spécialisation … */
    keyword: string;
    bloc: BlocModel;
}

export interface ActivityModel extends Located {
    id: string;
    title: string;
    description?: string;
    competencies: CompetencyModel[];
    container: ContainerModel;
}

export interface CompetencyModel extends Located {
    id: string;
    text: string;
    activity: ActivityModel;
    bloc: BlocModel;
    option?: OptionModel;
    /** Criteria that judge this competency. */
    criteria: CriterionModel[];
    /** Modalities (or their parts) that evaluate this competency. */
    evaluatedBy: ModalityModel[];
    /** Another competency with the same id is seen first: references never reach this one. */
    duplicate: boolean;
}

interface EvaluationProps {
    mode?: ModalityMode;
    kind?: string;
    deliverables: string[];
    description?: string;
    /** Competencies named by `évalue` (ranges expanded). */
    evaluates: CompetencyModel[];
    /** Whether `évalue` was written (else the evaluated set is taken from the criteria). */
    evaluatesDeclared: boolean;
    /** `évalue` names something that could not be resolved: what is evaluated is not known for sure. */
    evaluatesIncomplete?: boolean;
    criteria: CriterionModel[];
}

export interface ModalityModel extends Located, EvaluationProps {
    id?: string;
    title: string;
    parts: PartModel[];
    container: ContainerModel;
    /** Everything it evaluates: its own list, its parts' lists, or else its criteria's. */
    evaluatedCompetencies: CompetencyModel[];
}

export interface PartModel extends Located, EvaluationProps {
    id?: string;
    title?: string;
    modality: ModalityModel;
}

export type JudgeSource = 'explicit' | 'convention' | 'part' | 'modality' | 'none';

export interface CriterionModel extends Located {
    id?: string;
    /** The id as written, with its range: `CR11 à 13`. */
    label?: string;
    /** The other end of a range id written with `à`, in full: `CR13` for `CR11 à 13`. */
    rangeEnd?: string;
    text: string;
    modality: ModalityModel;
    part?: PartModel;
    judges: CompetencyModel[];
    /** How `judges` was found. */
    judgeSource: JudgeSource;
    /** The competency ids the criterion's id names under the conventions (may not exist). */
    conventionalIds: string[];
    /** Competencies named explicitly with `juge`. */
    explicitJudges: CompetencyModel[];
    /** `juge` names something that could not be resolved. */
    judgesIncomplete?: boolean;
    /** `juge` is written, whatever it names. */
    judgesDeclared: boolean;
}

export type ElementKind = 'certification' | 'bloc' | 'option' | 'activity' | 'competency' | 'modality' | 'criterion';

/** A model element with an id, for the duplicate and pattern rules and for navigation. */
export interface IdentifiedElement {
    kind: ElementKind;
    id: string;
    source: SourceLocation;
    /** Where the id must be unique: the certification, or an option of a bloc. */
    scope: ContainerModel | undefined;
}
