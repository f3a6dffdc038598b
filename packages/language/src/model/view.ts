import { quoted, t, type Bilingual, type Language } from '../i18n.js';
import { colon } from '../typography.js';
import { competenciesOf, containers, criteriaOfModality } from './queries.js';
import type { ActivityModel, BlocModel, CertificationModel, CompetencyModel, ContainerModel, CriterionModel, ModalityModel, OptionModel, PartModel } from './types.js';

/**
 * What the views of a référentiel show, computed once from the model: the blocs and options a
 * grid shows and their headings, the names of elements, each modality's jury grid, the table of
 * the référentiel d'évaluation, the coverage matrix, the rows of a spreadsheet. The HTML grid
 * (preview and export), Markdown, CSV, Word and Excel lay these out; none of them derives them
 * again. A new layout reads here.
 */

/** The certification's name: its title, else its id. */
export function certificationTitle(model: CertificationModel): string {
    return model.title || model.id;
}

/** The RNCP number without its prefix, as written (`RNCP35411` and `35411` give `35411`). */
export function rncpNumber(model: CertificationModel): string | undefined {
    return model.rncp?.replace(/^RNCP\s*/i, '');
}

/**
 * Whether a grid shows a bloc or option under its own heading: every one, but a bloc whose
 * content is all in its options (they show it, each under its heading).
 */
export function isShown(container: BlocModel | OptionModel): boolean {
    return !(container.containerKind === 'bloc' && container.options.length > 0 && container.activities.length === 0 && container.modalities.length === 0);
}

/** The blocs and options a grid shows, in order. */
export function shownContainers(model: CertificationModel): Array<BlocModel | OptionModel> {
    return containers(model).filter(isShown);
}

/** The bloc of a container (itself, or the bloc of an option). */
export function blocOf(container: ContainerModel): BlocModel {
    return container.containerKind === 'option' ? (container as OptionModel).bloc : (container as BlocModel);
}

/**
 * The heading of a bloc or option: `Bloc 5 — Title · option 1 — Title`. `optionWord` is how the
 * layout writes « option »; `text` escapes the titles (the ids and words are the layout's own);
 * without `titles`, the ids only (`Bloc 5 · option 1`).
 */
export function containerHeading(container: BlocModel | OptionModel, options: { optionWord?: string; language?: Language; text?: (title: string) => string; titles?: boolean } = {}): string {
    const { text = (s: string) => s, titles = true } = options;
    // an option (or a specialisation) named as the référentiel names it, in the layout's language
    const optionWord = options.optionWord ?? (container.containerKind !== 'option' ? 'option'
        : options.language ? optionName(container)[options.language].slice(0, -(container.id.length + 1)) : container.keyword.toLowerCase());
    const bloc = blocOf(container);
    const titled = (id: string, title: string | undefined) => `${id}${titles && title ? ` — ${text(title)}` : ''}`;
    return `Bloc ${titled(bloc.id, bloc.title)}${container.containerKind === 'option' ? ` · ${optionWord} ${titled(container.id, container.title)}` : ''}`;
}

/** A modality's full name: `E1 — Étude de cas`, or its title. */
export function modalityName(m: ModalityModel): string {
    return m.id ? `${m.id} — ${m.title}` : m.title;
}

/**
 * A short name for a modality that tells it from the others in a column header or a sheet's tab:
 * its id (`E5`, with its option: `E5 (2)`), else its bloc or option and its rank there
 * (`Bloc 3.2`, `Option 6A`): many référentiels leave modalities unnumbered and title several
 * « Mise en situation professionnelle ».
 */
export function modalityLabel(m: ModalityModel): string {
    const c = m.container;
    if (m.id) return c.containerKind === 'option' ? `${m.id} (${c.id})` : m.id;
    const rank = c.modalities.length > 1 ? `.${c.modalities.indexOf(m) + 1}` : '';
    return `${c.containerKind === 'option' ? 'Option' : 'Bloc'} ${c.id}${rank}`;
}

/** The part of a criterion, as a grid names it: `P1 — Écrit`, its title, or nothing. */
export function partName(c: CriterionModel): string {
    if (!c.part) return '';
    return c.part.id ? `${c.part.id}${c.part.title ? ` — ${c.part.title}` : ''}` : c.part.title ?? '';
}

/**
 * An option as its référentiel names it — `option 1`, or `spécialisation 6A` where the source
 * speaks of specialisations —, with the French articles each form takes.
 */
export function optionName(option: { id: string; keyword: string }): { fr: string; frThe: string; frOf: string; en: string } {
    const specialisation = /^sp[ée]ciali[sz]ation$/i.test(option.keyword);
    return specialisation
        ? { fr: `spécialisation ${option.id}`, frThe: `la spécialisation ${option.id}`, frOf: `de la spécialisation ${option.id}`, en: `specialisation ${option.id}` }
        : { fr: `option ${option.id}`, frThe: `l'option ${option.id}`, frOf: `de l'option ${option.id}`, en: `option ${option.id}` };
}

const MODE: Record<'individual' | 'group', Bilingual> = { individual: t('individuelle', 'individual'), group: t('en groupe', 'group') };
const DELIVERABLES = t('Livrables', 'Deliverables');

/**
 * What a grid says of a modality (or a part) under its name: its kind, its mode, its
 * deliverables (each in quotes with `quoteDeliverables`: one may hold a comma).
 */
export function modalityMeta(m: ModalityModel | PartModel, language: Language, options: { quoteDeliverables?: boolean } = {}): string[] {
    const deliverables = options.quoteDeliverables ? m.deliverables.map((d) => quoted(d, language)) : m.deliverables;
    return [m.kind, m.mode ? MODE[m.mode][language] : undefined, m.deliverables.length ? `${DELIVERABLES[language]}${colon(language)}${deliverables.join(', ')}` : undefined]
        .filter((x): x is string => Boolean(x));
}

/** Per modality: what it evaluates (a set), its criteria by the competency they judge, those that judge none of it. */
interface ModalityIndex {
    evaluated: Set<CompetencyModel>;
    judging: Map<CompetencyModel, CriterionModel[]>;
    unattached: CriterionModel[];
}

const modalityIndexes = new WeakMap<ModalityModel, ModalityIndex>();

/**
 * Read once per modality (and kept while the model lives): a grid or an export asking, for each
 * of 10,000 competencies, which of 10,000 criteria judge it would otherwise read them all each
 * time (a minute for one modality).
 */
function indexOf(m: ModalityModel): ModalityIndex {
    let index = modalityIndexes.get(m);
    if (!index) {
        const evaluated = new Set(m.evaluatedCompetencies);
        const criteria = criteriaOfModality(m);
        const unattached = criteria.filter((cr) => !cr.judges.some((c) => evaluated.has(c)));
        modalityIndexes.set(m, (index = { evaluated, judging: byJudged(criteria), unattached }));
    }
    return index;
}

/** Criteria by the competency they judge, each list in the criteria's order. */
function byJudged(criteria: CriterionModel[]): Map<CompetencyModel, CriterionModel[]> {
    const out = new Map<CompetencyModel, CriterionModel[]>();
    for (const cr of criteria) {
        for (const c of new Set(cr.judges)) {
            const list = out.get(c);
            if (list) list.push(cr);
            else out.set(c, [cr]);
        }
    }
    return out;
}

/** Whether the modality evaluates the competency. */
export function evaluatesCompetency(m: ModalityModel, c: CompetencyModel): boolean {
    return indexOf(m).evaluated.has(c);
}

/** The criteria of a modality that judge a competency, in their order. */
export function criteriaJudging(m: ModalityModel, c: CompetencyModel): CriterionModel[] {
    return indexOf(m).judging.get(c) ?? [];
}

/** A modality's jury grid: each competency it evaluates with the criteria that judge it, then the criteria that judge none of them. */
export interface JuryGrid {
    modality: ModalityModel;
    /** In the order the modality evaluates them; a competency no criterion judges has none (a gap). */
    rows: Array<{ competency: CompetencyModel; criteria: CriterionModel[] }>;
    /** Criteria that judge nothing the modality evaluates (or nothing at all): on the grid still, never lost. */
    unattached: CriterionModel[];
}

export function juryGrid(m: ModalityModel): JuryGrid {
    return {
        modality: m,
        rows: m.evaluatedCompetencies.map((competency) => ({ competency, criteria: criteriaJudging(m, competency) })),
        unattached: indexOf(m).unattached,
    };
}

/** The coverage matrix: competencies × modalities, the number of criteria of each modality that judge each competency. */
export interface CoverageMatrix {
    modalities: ModalityModel[];
    rows: Array<{
        competency: CompetencyModel;
        /** Per modality: the number of its criteria that judge the competency, or undefined when it does not evaluate it. */
        cells: Array<number | undefined>;
        /** No modality evaluates the competency. */
        notEvaluated: boolean;
        /** Not evaluated, or judged by no criterion. */
        gap: boolean;
    }>;
}

export function coverageMatrix(model: CertificationModel): CoverageMatrix {
    const all = containers(model);
    const modalities = all.flatMap((c) => c.modalities);
    return {
        modalities,
        rows: all.flatMap(competenciesOf).map((competency) => ({
            competency,
            cells: modalities.map((m) => (evaluatesCompetency(m, competency) ? criteriaJudging(m, competency).length : undefined)),
            notEvaluated: competency.evaluatedBy.length === 0,
            gap: competency.evaluatedBy.length === 0 || competency.criteria.length === 0,
        })),
    };
}

/**
 * The référentiel d'évaluation of a bloc or option, activity by activity (France Compétences'
 * three-column table): for each activity, the modalities that evaluate its competencies, with
 * the criteria that judge them and the competencies they evaluate without a criterion; then what
 * no activity's row holds, so that nothing is lost.
 */
export interface EvaluationTable {
    rows: Array<{
        activity: ActivityModel;
        modalities: Array<{ modality: ModalityModel; criteria: CriterionModel[]; withoutCriterion: CompetencyModel[] }>;
    }>;
    /** Modalities no row names, or with criteria no row holds: those criteria. */
    rest: Array<{ modality: ModalityModel; criteria: CriterionModel[] }>;
}

export function evaluationTable(container: ContainerModel): EvaluationTable {
    const listed = new Set<CriterionModel>();
    const named = new Set<ModalityModel>();
    const rows = container.activities.map((activity) => {
        const own = new Set(activity.competencies);
        return {
            activity,
            modalities: container.modalities.filter((m) => activity.competencies.some((c) => evaluatesCompetency(m, c))).map((modality) => {
                named.add(modality);
                // each criterion once, in the order of the source, even when it judges several competencies of the activity
                const criteria = criteriaOfModality(modality).filter((cr) => cr.judges.some((c) => own.has(c)));
                for (const cr of criteria) listed.add(cr);
                const withoutCriterion = activity.competencies.filter((x) => evaluatesCompetency(modality, x) && criteriaJudging(modality, x).length === 0);
                return { modality, criteria, withoutCriterion };
            }),
        };
    });
    const rest = container.modalities
        .map((modality) => ({ modality, criteria: criteriaOfModality(modality).filter((cr) => !listed.has(cr)) }))
        .filter((r) => r.criteria.length > 0 || !named.has(r.modality));
    return { rows, rest };
}

/**
 * The référentiel as rows: one per criterion, with the competencies it judges (a range criterion
 * such as `CR11 à 13` lists C11, C12, C13 in its row), and one for each competency no criterion
 * judges; in the order of the source, a criterion at the first competency it judges. The CSV
 * export reads these rows.
 */
export interface ExportRow {
    certification: string;
    bloc: string;
    option: string;
    activity: string;
    competency: string;
    competencyText: string;
    modality: string;
    part: string;
    criterion: string;
    criterionText: string;
}

export function exportRows(models: CertificationModel[], language: Language = 'en'): ExportRow[] {
    const rows: ExportRow[] = [];
    const semicolon = t('\u202F; ', '; ')[language];
    for (const model of models) {
        for (const container of containers(model)) {
            const bloc = blocOf(container);
            const base = { certification: model.id, bloc: bloc.id, option: container.containerKind === 'option' ? container.id : '' };
            const criteria = container.modalities.flatMap(criteriaOfModality);
            const judgingOf = byJudged(criteria);
            const done = new Set<CriterionModel>();
            for (const activity of container.activities) {
                for (const c of activity.competencies) {
                    const judging = judgingOf.get(c) ?? [];
                    if (judging.length === 0) {
                        rows.push({
                            ...base, activity: activity.id, competency: c.id, competencyText: c.text,
                            modality: c.evaluatedBy.map(modalityName).join(semicolon), part: '', criterion: '', criterionText: '',
                        });
                    }
                    for (const cr of judging.filter((x) => !done.has(x))) {
                        done.add(cr);
                        const judged = cr.judges.length > 0 ? cr.judges : [c];
                        rows.push({
                            ...base,
                            activity: [...new Set(judged.map((j) => j.activity.id))].join(', '),
                            competency: judged.map((j) => j.id).join(', '),
                            // one competency: its text; several: each after its id, one a line
                            competencyText: judged.length === 1 ? judged[0].text : judged.map((j) => `${j.id}${colon(language)}${j.text}`).join('\n'),
                            modality: modalityName(cr.modality), part: partName(cr), criterion: cr.label ?? '', criterionText: cr.text,
                        });
                    }
                }
            }
            // criteria that judge no competency of this bloc still appear, so that none is lost
            for (const cr of criteria.filter((x) => !x.judges.some((c: CompetencyModel) => (c.option ?? c.bloc) === container))) {
                rows.push({ ...base, activity: '', competency: cr.judges.map((c) => c.id).join(', '), competencyText: '', modality: modalityName(cr.modality), part: partName(cr), criterion: cr.label ?? '', criterionText: cr.text });
            }
        }
    }
    return rows;
}

/**
 * What a jury decides on: a bloc (or option) with every modality's grid, then one decision for
 * the bloc — never one per modality: a bloc is validated as a whole. `validation` is the rule
 * that validates it, as the référentiel states it, when it gives one.
 */
export interface BlocJury {
    container: BlocModel | OptionModel;
    grids: JuryGrid[];
    validation?: string;
}

/** The blocs and options a jury decides on (those with a modality), in order. */
export function blocJuries(model: CertificationModel): BlocJury[] {
    return containers(model).filter((c) => c.modalities.length > 0).map((container) => ({
        container: container as BlocModel | OptionModel,
        grids: container.modalities.map(juryGrid),
        validation: container.validation,
    }));
}

/** A candidate a grid is made for (`--candidates`): a name, and what the list gives of the rest. */
export interface Candidate {
    name: string;
    date?: string;
    examiners?: string;
}

/**
 * The separator of a CSV file in each language: French spreadsheets (Excel, LibreOffice) read
 * `;`, the comma being the decimal separator; English ones read `,`.
 */
export function csvSeparator(language: Language): string {
    return language === 'fr' ? ';' : ',';
}
