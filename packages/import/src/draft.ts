/**
 * A référentiel as an importer reads it, before it is written as `.ref` files: plain typed data,
 * no syntax tree, no location. Every importer (a Word document, a France Compétences fiche …)
 * produces a draft; `write-ref.ts` turns any draft into files the language reads, and
 * `write-files.ts` writes them.
 *
 * Texts are kept as the source wrote them: a text is a list of paragraphs and list items, each
 * verbatim (no retyping, no trimming inside). Ids are kept as written; an importer that had to
 * make an id up says so in a review note.
 *
 * A review note is what the importer was unsure of, in French and English: a row it could not
 * classify, a criterion whose competency is unclear, a cell it had to split, an id it made up. It
 * is written as a comment at the element's place (see `write-ref.ts`) and reported as an
 * information finding until the author removes it. Text the importer could not place at all is
 * loose text: kept, with a note, at the nearest place it could find. Nothing is ever dropped.
 */

/** What the importer was unsure of, in both languages: says what to check and where it came from. */
export interface ReviewNote {
    fr: string;
    en: string;
}

/** One paragraph of a text, or one list item. */
export interface DraftParagraph {
    /** Verbatim (a soft line break inside a paragraph is a `\n`). */
    text: string;
    /** A list item (Word's bullets and numbering, not typed in the text): its kind and depth. */
    item?: { ordered: boolean; level: number };
}

/** A text: its paragraphs and list items in order. */
export type DraftText = DraftParagraph[];

/** Text an importer could not place: written as comments, with its notes, where it was found. */
export interface LooseText {
    text: DraftText;
    notes: ReviewNote[];
}

/** What every element may carry: notes written above it, loose text written inside it, after its content. */
export interface Reviewable {
    notes?: ReviewNote[];
    loose?: LooseText[];
}

export type DraftMode = 'individual' | 'group';

export interface DraftCertification extends Reviewable {
    /** The short id every file names (`certification MSD`, `partie de MSD`). */
    id: string;
    title: string;
    rncp?: string;
    level?: string;
    certifier?: string;
    version?: string;
    date?: string;
    description?: DraftText;
    /** Free-text sections (base légale …). */
    sections: DraftSection[];
    /** Disability and accessibility provisions. */
    accessibility: DraftText[];
    /** Id conventions the source states (`CR{n}` judges `C{n}`); the language's defaults apply otherwise. */
    conventions?: { criterion: string; competency: string }[];
    blocs: DraftBloc[];
}

export interface DraftSection extends Reviewable {
    title: string;
    text: DraftText;
}

/** What holds activities and modalities: a bloc, or an option of a bloc. */
export interface DraftContainer extends Reviewable {
    id: string;
    title?: string;
    description?: DraftText;
    activities: DraftActivity[];
    modalities: DraftModality[];
}

export interface DraftBloc extends DraftContainer {
    options: DraftOption[];
}

export interface DraftOption extends DraftContainer {
    /** As the source names it: `option`, `spécialisation` … */
    keyword: string;
}

export interface DraftActivity extends Reviewable {
    id: string;
    title: string;
    description?: DraftText;
    competencies: DraftCompetency[];
}

export interface DraftCompetency extends Reviewable {
    id: string;
    text: DraftText;
}

/** What a modality and its parts share. */
export interface DraftEvaluation extends Reviewable {
    kind?: string;
    mode?: DraftMode;
    deliverables: string[];
    /** Ids of the competencies it evaluates, as the source shows them (its rows, its list). */
    evaluates: string[];
    description?: DraftText;
    criteria: DraftCriterion[];
}

export interface DraftModality extends DraftEvaluation {
    id?: string;
    title: string;
    parts: DraftPart[];
}

export interface DraftPart extends DraftEvaluation {
    id?: string;
    title?: string;
}

export interface DraftCriterion extends Reviewable {
    /** As written: `CR1`, `CR1-1`; a range is `id` à `rangeEnd` (`CR11` à `13`). */
    id?: string;
    rangeEnd?: string;
    /**
     * The competencies the importer knows it judges (the competency of its row …); empty when it
     * does not know. The writer states them (`juge`) only where the language would not infer
     * them from the id conventions or the single competency of the part or modality.
     */
    judges: string[];
    text: DraftText;
}

/** A text of plain paragraphs: `text("a", "b")`. */
export function text(...paragraphs: string[]): DraftText {
    return paragraphs.map((p) => ({ text: p }));
}

/** A note in both languages. */
export function note(fr: string, en: string): ReviewNote {
    return { fr, en };
}

/** Adds a note to an element (or loose text). */
export function addNote(element: Reviewable, value: ReviewNote): void {
    (element.notes ??= []).push(value);
}

/** The containers of a bloc: itself, then its options. */
export function containersOf(bloc: DraftBloc): DraftContainer[] {
    return [bloc, ...bloc.options];
}

/** Every criterion of a modality: its own, then its parts'. */
export function criteriaOf(modality: DraftModality): DraftCriterion[] {
    return [...modality.criteria, ...modality.parts.flatMap((p) => p.criteria)];
}

/** What a draft holds, for an importer's summary. */
export interface DraftCounts {
    blocs: number;
    options: number;
    activities: number;
    competencies: number;
    modalities: number;
    parts: number;
    criteria: number;
    /** Review notes, loose texts' included: the places that need a look. */
    notes: number;
}

export function countDraft(draft: DraftCertification): DraftCounts {
    const counts: DraftCounts = { blocs: draft.blocs.length, options: 0, activities: 0, competencies: 0, modalities: 0, parts: 0, criteria: 0, notes: 0 };
    const reviewable = (r: Reviewable) => {
        counts.notes += (r.notes?.length ?? 0) + (r.loose ?? []).reduce((n, l) => n + l.notes.length, 0);
    };
    reviewable(draft);
    draft.sections.forEach(reviewable);
    for (const bloc of draft.blocs) {
        counts.options += bloc.options.length;
        for (const c of containersOf(bloc)) {
            reviewable(c);
            for (const a of c.activities) {
                reviewable(a);
                counts.activities++;
                for (const k of a.competencies) {
                    reviewable(k);
                    counts.competencies++;
                }
            }
            for (const m of c.modalities) {
                reviewable(m);
                counts.modalities++;
                counts.parts += m.parts.length;
                m.parts.forEach(reviewable);
                for (const cr of criteriaOf(m)) {
                    reviewable(cr);
                    counts.criteria++;
                }
            }
        }
    }
    return counts;
}

/** The text as one string: paragraphs apart, list items one a line (for comparisons and messages). */
export function plainText(value: DraftText | undefined): string {
    if (!value) return '';
    return value.map((p, i) => (i === 0 ? '' : p.item ? '\n' : '\n\n') + p.text).join('');
}
