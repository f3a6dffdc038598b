import { comparisonKey as comparisonKeyOf } from '../model/text.js';
import { allActivities, allCompetencies, allCriteriaOf, competenciesOf, containers } from '../model/queries.js';
import { completeRangeEnd, Conventions, hyphenRange, IdIndex, idsInRange } from '../model/ids.js';
import type { CompetencyModel, CriterionModel } from '../model/types.js';
import { capital, list, optionName, t, where, type ModelRule } from './rule.js';

export const competencyWithoutCriterion: ModelRule = {
    id: 'competency-without-criterion',
    needsCompleteModel: true,
    defaultSeverity: 'warning',
    title: t('Une compétence n\'est jugée par aucun critère', 'A competency is judged by no criterion'),
    help: t(
        "Chaque compétence doit être jugée par au moins un critère d'évaluation. Ajoutez un critère qui la juge (numéroté selon la convention, ou avec « juge »), dans la modalité qui l'évalue.",
        'Every competency must be judged by at least one evaluation criterion. Add a criterion that judges it (numbered after the convention, or with `judges`) in the modality that evaluates it.',
    ),
    check(cert, report) {
        const conventions = new Conventions(cert.conventions);
        // the first criterion of each id (case aside) that judges something
        const judging = new Map<string, CriterionModel>();
        for (const cr of allCriteriaOf(cert)) if (cr.id && cr.judges.length > 0 && !judging.has(cr.id.toLowerCase())) judging.set(cr.id.toLowerCase(), cr);
        for (const c of allCompetencies(cert)) {
            if (c.criteria.length > 0 || c.duplicate) continue;
            const suggested = conventions.criterionIdsFor(c.id)[0];
            // the criterion numbered for it exists, but judges something else (`critère CR3 juge C2`)
            const namesake = suggested ? judging.get(suggested.toLowerCase()) : undefined;
            if (namesake) {
                const judged = list(namesake.judges.map((j) => j.id));
                report(c.source, t(
                    `La compétence ${c.id} n'est jugée par aucun critère : le critère ${namesake.label} (${where(namesake.source, c.source.uri)}), numéroté pour elle, juge ${judged}. Corrigez ce critère, ou ajoutez un critère qui juge ${c.id}.`,
                    `Competency ${c.id} is judged by no criterion: criterion ${namesake.label} (${where(namesake.source, c.source.uri)}), numbered for it, judges ${judged}. Fix that criterion, or add a criterion that judges ${c.id}.`,
                ), { competency: c.id });
                continue;
            }
            const modality = c.evaluatedBy[0];
            const inFr = modality ? ` dans la modalité ${modality.id ?? `« ${modality.title} »`}` : '';
            const inEn = modality ? ` in modality ${modality.id ?? `"${modality.title}"`}` : '';
            report(c.source, t(
                `La compétence ${c.id} n'est jugée par aucun critère. Ajoutez un critère${suggested ? ` ${suggested}` : ` « juge ${c.id} »`}${inFr}.`,
                `Competency ${c.id} is judged by no criterion. Add a criterion${suggested ? ` ${suggested}` : ` "judges ${c.id}"`}${inEn}.`,
            ), { competency: c.id, suggestedCriterionId: suggested });
        }
    },
};

export const competencyNotEvaluated: ModelRule = {
    id: 'competency-not-evaluated',
    needsCompleteModel: true,
    defaultSeverity: 'error',
    title: t("Aucune modalité n'évalue une compétence", 'No modality evaluates a competency'),
    help: t(
        "Chaque compétence doit être évaluée par au moins une modalité (référentiel d'évaluation). Ajoutez-la à la liste « évalue » d'une modalité de son bloc, ou ajoutez une modalité.",
        "Every competency must be evaluated by at least one modality. Add it to the `evaluates` list of a modality of its bloc, or add a modality.",
    ),
    check(cert, report) {
        // what a modality evaluates is unsure while one of its lists names something unknown
        const unsure = new Set(containers(cert).filter((k) => k.modalities.some((m) => m.evaluatesIncomplete || m.parts.some((p) => p.evaluatesIncomplete))).map((k) => k.containerKind === 'option' ? k.bloc : k));
        for (const c of allCompetencies(cert)) {
            if (c.evaluatedBy.length > 0 || c.duplicate || unsure.has(c.bloc)) continue;
            const of = c.option ? { fr: `${optionName(c.option).frOf} du bloc ${c.bloc.id}`, en: `of ${optionName(c.option).en} of bloc ${c.bloc.id}` } : { fr: `du bloc ${c.bloc.id}`, en: `of bloc ${c.bloc.id}` };
            report(c.source, t(
                `Aucune modalité n'évalue la compétence ${c.id}. Ajoutez « évalue ${c.id} » à une modalité ${of.fr}.`,
                `No modality evaluates competency ${c.id}. Add "evaluates ${c.id}" to a modality ${of.en}.`,
            ), { competency: c.id });
        }
    },
};

export const criterionWithoutCompetency: ModelRule = {
    id: 'criterion-without-competency',
    needsCompleteModel: true,
    defaultSeverity: 'error',
    title: t('Un critère ne juge aucune compétence', 'A criterion judges no competency'),
    help: t(
        "Un critère juge une compétence qui existe : par son identifiant (CR3 juge C3), par « juge C3 », ou parce que sa partie ou sa modalité n'évalue qu'une compétence. Indiquez laquelle.",
        'A criterion judges a competency that exists: through its id (CR3 judges C3), through `judges C3`, or because its part or modality evaluates a single competency. Say which.',
    ),
    check(cert, report) {
        for (const cr of allCriteriaOf(cert)) {
            // `juge X` with X unknown is reported by unresolved-reference.
            if (cr.judges.length > 0 || cr.judgesIncomplete || (cr.node as { judges?: unknown }).judges !== undefined) continue;
            if ((cr.part ?? cr.modality).evaluatesIncomplete) continue;
            const name = cr.label ? `Le critère ${cr.label}` : 'Ce critère';
            const nameEn = cr.label ? `Criterion ${cr.label}` : 'This criterion';
            const holder = cr.part && cr.part.evaluatesDeclared ? cr.part : cr.modality;
            const evaluated = holder === cr.modality ? cr.modality.evaluatedCompetencies : holder.evaluates;
            if (cr.conventionalIds.length > 0) {
                report(cr.source, t(
                    `${name} devrait juger ${list(cr.conventionalIds)} d'après les conventions d'identifiants, mais cette compétence n'existe pas. Corrigez l'identifiant ou ajoutez « juge … ».`,
                    `${nameEn} should judge ${list(cr.conventionalIds)} under the id conventions, but no such competency exists. Fix the id or add "judges …".`,
                ), { conventionalIds: cr.conventionalIds });
            } else if (cr.id) {
                report(cr.source, t(
                    `L'identifiant du critère ${cr.label} ne suit aucune convention (CR{n} → C{n} …) et ne dit donc pas quelle compétence il juge. Ajoutez « juge … » ou déclarez la convention de ce référentiel.`,
                    `The id of criterion ${cr.label} follows no id convention (CR{n} → C{n} …), so it does not say which competency it judges. Add "judges …" or declare this référentiel's convention.`,
                ));
            } else if (evaluated.length > 1) {
                const ids = list(evaluated.map((c) => c.id));
                const where = holder === cr.modality ? 'sa modalité' : 'sa partie';
                const whereEn = holder === cr.modality ? 'its modality' : 'its part';
                report(cr.source, t(
                    `${name} ne dit pas quelle compétence il juge, et ${where} en évalue plusieurs (${ids}). Ajoutez « juge … » ou un identifiant (CR…).`,
                    `${nameEn} does not say which competency it judges, and ${whereEn} evaluates several (${ids}). Add "judges …" or an id (CR…).`,
                ), { candidates: evaluated.map((c) => c.id) });
            } else {
                report(cr.source, t(
                    `${name} ne juge aucune compétence. Ajoutez « juge … », un identifiant (CR…), ou « évalue … » à sa modalité.`,
                    `${nameEn} judges no competency. Add "judges …", an id (CR…), or "evaluates …" to its modality.`,
                ));
            }
        }
    },
};

export const criterionOutsideEvaluation: ModelRule = {
    id: 'criterion-outside-evaluation',
    needsCompleteModel: true,
    defaultSeverity: 'warning',
    title: t("Un critère juge une compétence que sa modalité n'évalue pas", 'A criterion judges a competency its modality does not evaluate'),
    help: t(
        "Quand une modalité (ou une partie) déclare ce qu'elle évalue, ses critères jugent ces compétences-là. Ajoutez la compétence à « évalue » ou déplacez le critère.",
        'When a modality (or a part) declares what it evaluates, its criteria judge those competencies. Add the competency to `evaluates` or move the criterion.',
    ),
    check(cert, report) {
        const evaluated = new Map<object, Set<CompetencyModel>>();
        for (const cr of allCriteriaOf(cert)) {
            const holder = cr.part?.evaluatesDeclared ? cr.part : cr.modality.evaluatesDeclared ? cr.modality : undefined;
            if (!holder || holder.evaluatesIncomplete) continue;
            let set = evaluated.get(holder);
            if (!set) evaluated.set(holder, (set = new Set(holder.evaluates)));
            const outside = cr.judges.filter((c) => !set.has(c));
            if (outside.length === 0) continue;
            const ids = list(outside.map((c) => c.id));
            const name = cr.label ? `Le critère ${cr.label}` : 'Ce critère';
            const nameEn = cr.label ? `Criterion ${cr.label}` : 'This criterion';
            const h = holder === cr.part ? 'sa partie' : 'sa modalité';
            const hEn = holder === cr.part ? 'its part' : 'its modality';
            report(cr.source, t(
                `${name} juge ${ids}, que ${h} n'évalue pas (évalue ${list(holder.evaluates.map((c) => c.id)) || '—'}). Ajoutez ${ids} à « évalue » ou corrigez le critère.`,
                `${nameEn} judges ${ids}, which ${hEn} does not evaluate (evaluates ${list(holder.evaluates.map((c) => c.id)) || '—'}). Add ${ids} to "evaluates" or fix the criterion.`,
            ), { outside: outside.map((c) => c.id) });
        }
    },
};

export const criterionIdMismatch: ModelRule = {
    id: 'criterion-id-mismatch',
    defaultSeverity: 'error',
    title: t("L'identifiant d'un critère ne correspond pas à la compétence qu'il juge", "A criterion's id does not match the competency it judges"),
    help: t(
        "Les critères sont numérotés d'après la compétence qu'ils jugent (CR1 → C1, CR1-1 → CS1-1, CR11 à 13 → C11 à C13), et les deux bornes d'une plage sont des compétences qui existent. Renommez le critère ou corrigez « juge ».",
        'Criteria are numbered after the competency they judge (CR1 → C1, CR1-1 → CS1-1, CR11 à 13 → C11 to C13), and both ends of a range are competencies that exist. Rename the criterion or fix `judges`.',
    ),
    check(cert, report) {
        const conventions = new Conventions(cert.conventions);
        const existing = new Set(allCompetencies(cert).map((c) => c.id));
        const index = new IdIndex(existing);
        for (const cr of allCriteriaOf(cert)) {
            // a range (CR11 à 13, CR18-19) whose start or end names no competency: `CR11 à 31`
            // would otherwise judge C11 to C19 without a word
            // (not while a file is cut short by a syntax error: the missing end may be unread)
            const ends = cert.incomplete ? undefined : rangeEnds(cr, conventions, existing, index);
            const missing = ends?.filter((id) => !existing.has(id)) ?? [];
            if (ends && missing.length > 0 && cr.conventionalIds.length > 0) {
                const present = cr.conventionalIds;
                const span = present.length > 1 ? `${present[0]} à ${present[present.length - 1]}` : present[0];
                const spanEn = present.length > 1 ? `${present[0]} to ${present[present.length - 1]}` : present[0];
                report(cr.source, t(
                    `Le critère ${cr.label} désigne ${ends[0]} à ${ends[1]} d'après les conventions d'identifiants, mais ${list(missing)} n'existe pas (les compétences de cette plage vont de ${span}). Corrigez la borne de la plage.`,
                    `Criterion ${cr.label} names ${ends[0]} to ${ends[1]} under the id conventions, but ${list(missing)} does not exist (the competencies of this range run ${spanEn}). Fix the end of the range.`,
                ), { missing });
                continue;
            }
            if (cr.judgeSource !== 'explicit' || cr.conventionalIds.length === 0) continue;
            const outside = cr.explicitJudges.filter((c) => !cr.conventionalIds.includes(c.id));
            if (outside.length === 0) continue;
            const expected = conventions.criterionIdsFor(outside[0].id)[0];
            const ids = list(outside.map((c) => c.id));
            report(cr.source, t(
                `Le critère ${cr.label} juge ${ids}, mais son identifiant désigne ${list(cr.conventionalIds)}.${expected ? ` Renommez-le ${expected}` : ' Renommez-le'} ou corrigez « juge ».`,
                `Criterion ${cr.label} judges ${ids}, but its id names ${list(cr.conventionalIds)}.${expected ? ` Rename it ${expected}` : ' Rename it'} or fix "judges".`,
            ), { expectedId: expected, judges: outside.map((c) => c.id) });
        }
    },
};

/**
 * The competencies at the two ends of a criterion's range id, under the conventions (`CR11 à 13` →
 * C11, C13; `CR18-19` → C18, C19), when the model read the id as a range; undefined otherwise.
 */
function rangeEnds(cr: CriterionModel, conventions: Conventions, existing: Set<string>, index: IdIndex): [string, string] | undefined {
    const node = cr.node as { name?: string; rangeEnd?: string };
    if (!node.name) return undefined;
    let ends: [string, string] | undefined;
    if (node.rangeEnd) ends = [node.name, completeRangeEnd(node.name, node.rangeEnd)];
    else if (!conventions.competencyIdsFor(node.name).some((id) => existing.has(id)) && cr.conventionalIds.length > 0) ends = hyphenRange(node.name);
    if (!ends) return undefined;
    for (const start of conventions.competencyIdsFor(ends[0])) {
        for (const end of conventions.competencyIdsFor(ends[1])) {
            if ((idsInRange(start, end, index) ?? []).length > 0) return [start, end];
        }
    }
    return undefined;
}

export const activityWithoutCompetency: ModelRule = {
    id: 'activity-without-competency',
    needsCompleteModel: true,
    defaultSeverity: 'warning',
    title: t("Une activité n'a aucune compétence", 'An activity has no competency'),
    help: t(
        "Le référentiel de compétences découle du référentiel d'activités : chaque activité donne au moins une compétence. Ajoutez « compétence … » sous l'activité.",
        'The competencies follow from the activities: each activity yields at least one competency. Add `competency …` under the activity.',
    ),
    check(cert, report) {
        for (const a of allActivities(cert)) {
            if (a.competencies.length > 0) continue;
            report(a.source, t(
                `L'activité ${a.id} n'a aucune compétence. Ajoutez au moins une « compétence » sous elle.`,
                `Activity ${a.id} has no competency. Add at least one "competency" under it.`,
            ));
        }
    },
};

export const blocWithoutEvaluation: ModelRule = {
    id: 'bloc-without-evaluation',
    needsCompleteModel: true,
    defaultSeverity: 'error',
    title: t("Un bloc n'a aucune modalité d'évaluation", 'A bloc has no evaluation modality'),
    help: t(
        "Chaque bloc de compétences a ses propres modalités d'évaluation (article R6113-9 du Code du travail). Ajoutez une « modalité » au bloc (ou à chacune de ses options).",
        'Each bloc has its own evaluation modalities (Code du travail, R6113-9). Add a `modality` to the bloc (or to each of its options).',
    ),
    check(cert, report) {
        for (const bloc of cert.blocs) {
            if (bloc.duplicate) continue;
            if (bloc.options.length === 0) {
                if (bloc.modalities.length === 0) {
                    report(bloc.source, t(
                        `Le bloc ${bloc.id} n'a aucune modalité d'évaluation. Ajoutez une « modalité » qui évalue ses compétences.`,
                        `Bloc ${bloc.id} has no evaluation modality. Add a "modality" that evaluates its competencies.`,
                    ));
                }
                continue;
            }
            for (const option of bloc.options) {
                if (option.modalities.length > 0 || bloc.modalities.length > 0) continue;
                report(option.source, t(
                    `${capital(optionName(option).frThe)} du bloc ${bloc.id} n'a aucune modalité d'évaluation. Ajoutez-lui une « modalité ».`,
                    `${capital(optionName(option).en)} of bloc ${bloc.id} has no evaluation modality. Add a "modality" to it.`,
                ));
            }
        }
    },
};

export const blocSingleCompetency: ModelRule = {
    id: 'bloc-single-competency',
    needsCompleteModel: true,
    defaultSeverity: 'warning',
    title: t("Un bloc ne compte qu'une compétence", 'A bloc holds a single competency'),
    help: t(
        "Un bloc de compétences ne se réduit pas à une seule compétence (note France Compétences sur les blocs, 2019). Regroupez-le avec un autre bloc ou complétez-le.",
        'A bloc does not consist of a single competency (France Compétences note on blocs, 2019). Merge it with another bloc or complete it.',
    ),
    check(cert, report) {
        for (const bloc of cert.blocs) {
            if (bloc.duplicate) continue;
            const own = competenciesOf(bloc);
            const units = bloc.options.length === 0 ? [{ at: bloc, count: own.length, fr: `Le bloc ${bloc.id}`, en: `Bloc ${bloc.id}` }]
                : bloc.options.map((o) => ({ at: o, count: own.length + competenciesOf(o).length, fr: `${capital(optionName(o).frThe)} du bloc ${bloc.id}`, en: `${capital(optionName(o).en)} of bloc ${bloc.id}` }));
            for (const u of units) {
                if (u.count !== 1) continue;
                report(u.at.source, t(
                    `${u.fr} ne compte qu'une compétence. Un bloc en regroupe plusieurs : complétez-le ou fusionnez-le.`,
                    `${u.en} holds a single competency. A bloc groups several: complete it or merge it.`,
                ));
            }
        }
    },
};

export const competencyInSeveralBlocs: ModelRule = {
    id: 'competency-in-several-blocs',
    defaultSeverity: 'warning',
    title: t('Une même compétence figure dans plusieurs blocs', 'The same competency stands in several blocs'),
    help: t(
        "Une compétence n'est pas répétée dans deux blocs d'une même certification (note France Compétences, 2019). Gardez-la dans un seul bloc.",
        'A competency is not repeated in two blocs of one certification (France Compétences note, 2019). Keep it in one bloc.',
    ),
    check(cert, report) {
        const first = new Map<string, { id: string; bloc: string; source: import('../model/types.js').SourceLocation }>();
        for (const c of allCompetencies(cert)) {
            const key = comparisonKeyOf(c.text);
            if (key.length === 0) continue;
            const earlier = first.get(key);
            if (!earlier) {
                first.set(key, { id: c.id, bloc: c.bloc.id, source: c.source });
                continue;
            }
            if (earlier.bloc === c.bloc.id) continue;
            report(c.source, t(
                `La compétence ${c.id} (bloc ${c.bloc.id}) répète la compétence ${earlier.id} du bloc ${earlier.bloc} (${where(earlier.source)}). Gardez-la dans un seul bloc.`,
                `Competency ${c.id} (bloc ${c.bloc.id}) repeats competency ${earlier.id} of bloc ${earlier.bloc} (${where(earlier.source)}). Keep it in one bloc.`,
            ), { other: earlier.id });
        }
    },
};


const ACCESSIBILITY_WORDS = /handicap|accessibilit|disabilit|accessibility|inclusi/i;

export const missingAccessibilityProvision: ModelRule = {
    id: 'missing-accessibility-provision',
    needsCompleteModel: true,
    defaultSeverity: 'warning',
    title: t('La certification ne dit rien du handicap ni de l\'accessibilité', 'The certification says nothing of disability and accessibility'),
    help: t(
        "Les référentiels prennent en compte le handicap et l'accessibilité, notamment par des modalités d'évaluation adaptées. Ajoutez « accessibilité \"…\" » à l'en-tête de la certification.",
        'Référentiels take disability and accessibility into account, including adapted evaluation modalities. Add `accessibility "…"` to the certification header.',
    ),
    check(cert, report) {
        if (!cert.declared) return;
        if (cert.accessibility.some((a) => a.trim().length > 0)) return;
        if (cert.sections.some((s) => ACCESSIBILITY_WORDS.test(s.title))) return;
        report(cert.source, t(
            `La certification ${cert.id} ne décrit pas les aménagements pour les candidats en situation de handicap. Ajoutez « accessibilité \"…\" » à son en-tête.`,
            `Certification ${cert.id} describes no provisions for candidates with disabilities. Add accessibility "…" to its header.`,
        ));
    },
};


export const evaluatesOutsideBloc: ModelRule = {
    id: 'evaluates-outside-bloc',
    defaultSeverity: 'warning',
    title: t("Une modalité évalue une compétence d'un autre bloc ou d'une autre option", 'A modality evaluates a competency of another bloc or option'),
    help: t(
        "Un bloc de compétences est évalué par ses propres modalités, et une option par les siennes (ou par celles du bloc) : ce que la modalité évalue (sa liste « évalue », ou à défaut ce que jugent ses critères) est du même bloc ou de la même option. Une modalité commune à tout le bloc s'écrit avant ses options. Retirez la compétence de « évalue », déplacez la modalité ou le critère.",
        "A bloc is evaluated by its own modalities, and an option by its own (or the bloc's): what a modality evaluates (its `evaluates` list, or else what its criteria judge) belongs to its bloc or option. A modality for the whole bloc is written before its options. Remove the competency from `evaluates`, or move the modality or the criterion.",
    ),
    check(cert, report) {
        for (const container of containers(cert)) {
            const bloc = container.containerKind === 'option' ? container.bloc : container;
            const isOutside = (c: CompetencyModel) => c.bloc !== bloc || (container.containerKind === 'option' && c.option !== undefined && c.option !== container);
            const ofOther = (c: CompetencyModel) => c.option && c.bloc === bloc
                ? { fr: optionName(c.option).frOf, en: `of ${optionName(c.option).en}` }
                : { fr: `du bloc ${c.bloc.id}`, en: `of bloc ${c.bloc.id}` };
            const here = container.containerKind === 'option'
                ? { fr: `${optionName(container).fr} du bloc ${bloc.id}`, en: `${optionName(container).en} of bloc ${bloc.id}` }
                : { fr: `bloc ${bloc.id}`, en: `bloc ${bloc.id}` };
            for (const m of container.modalities) {
                // Without an `évalue` list, a modality evaluates what its criteria judge: a criterion
                // that judges (by its id or `juge`) a competency of another bloc or option takes the
                // evaluation out of its bloc.
                for (const cr of [...m.criteria, ...m.parts.flatMap((p) => p.criteria)]) {
                    if (cr.part?.evaluatesDeclared || m.evaluatesDeclared) continue;
                    const outside = cr.judges.filter(isOutside);
                    if (outside.length === 0) continue;
                    const ids = list(outside.map((c) => c.id));
                    const other = ofOther(outside[0]);
                    const name = cr.label ? `Le critère ${cr.label}` : 'Ce critère';
                    const nameEn = cr.label ? `Criterion ${cr.label}` : 'This criterion';
                    const modality = m.id ?? `« ${m.title} »`;
                    const modalityEn = m.id ?? `"${m.title}"`;
                    const own = outside[0].option && outside[0].bloc === bloc
                        ? { fr: 'une option est évaluée par ses propres modalités', en: 'an option is evaluated by its own modalities' }
                        : { fr: 'un bloc est évalué par ses propres modalités', en: 'a bloc is evaluated by its own modalities' };
                    report(cr.source, t(
                        `${name} de la modalité ${modality} (${here.fr}) juge ${ids}, ${other.fr} : ${own.fr}. Déplacez le critère dans une modalité ${other.fr}, ou corrigez-le.`,
                        `${nameEn} of modality ${modalityEn} (${here.en}) judges ${ids}, ${other.en}: ${own.en}. Move the criterion to a modality ${other.en}, or fix it.`,
                    ), { outside: outside.map((c) => c.id) });
                }
                for (const holder of [m, ...m.parts]) {
                    const outside = holder.evaluates.filter(isOutside);
                    if (outside.length === 0) continue;
                    const ids = outside.map((c) => c.id).join(', ');
                    const name = m.id ?? `« ${m.title} »`;
                    const nameEn = m.id ?? `"${m.title}"`;
                    const other = outside[0].option && outside[0].bloc === bloc
                        ? { fr: optionName(outside[0].option).frThe, en: optionName(outside[0].option).en }
                        : { fr: `le bloc ${outside[0].bloc.id}`, en: `bloc ${outside[0].bloc.id}` };
                    const hint = container.containerKind === 'option' && outside[0].bloc === bloc
                        ? { fr: ' Une modalité commune au bloc s\'écrit avant ses options.', en: ' A modality for the whole bloc is written before its options.' }
                        : { fr: '', en: '' };
                    report(holder.source, t(
                        `La modalité ${name} (${here.fr}) évalue ${ids}, de ${other.fr}.${hint.fr} Retirez ${ids} de « évalue » ou déplacez la modalité.`,
                        `Modality ${nameEn} (${here.en}) evaluates ${ids}, of ${other.en}.${hint.en} Remove ${ids} from "evaluates" or move the modality.`,
                    ), { outside: outside.map((c) => c.id) });
                }
            }
        }
    },
};
