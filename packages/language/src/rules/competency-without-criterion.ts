import { Conventions } from '../model/ids.js';
import { allCompetencies, allCriteriaOf } from '../model/queries.js';
import type { CompetencyModel, CriterionModel, ModalityModel, PartModel } from '../model/types.js';
import { competencyAt, holderName } from './fix.js';
import { idsInUse } from './duplicate-id.js';
import { list, t, where, type ModelRule } from './rule.js';

type Data = {
    competency: string;
    /** The criterion id the conventions give it (C4 → CR4), if any: what the quick fix creates. */
    suggestedCriterionId?: string;
};

export const competencyWithoutCriterion: ModelRule<Data> = {
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
        const taken = idsInUse(cert, 'criterion');
        for (const c of allCompetencies(cert)) {
            if (c.criteria.length > 0 || c.duplicate) continue;
            const conventional = conventions.criterionIdsFor(c.id)[0] as string | undefined;
            // the criterion numbered for it exists, but judges something else (`critère CR3 juge C2`)
            const namesake = conventional ? judging.get(conventional.toLowerCase()) : undefined;
            if (namesake) {
                const judged = list(namesake.judges.map((j) => j.id));
                report(c.source, t(
                    `La compétence ${c.id} n'est jugée par aucun critère : le critère ${namesake.label} (${where(namesake.source, c.source.uri)}), numéroté pour elle, juge ${judged}. Corrigez ce critère, ou ajoutez un critère qui juge ${c.id}.`,
                    `Competency ${c.id} is judged by no criterion: criterion ${namesake.label} (${where(namesake.source, c.source.uri)}), numbered for it, judges ${judged}. Fix that criterion, or add a criterion that judges ${c.id}.`,
                ), { competency: c.id });
                continue;
            }
            // never an id in use (a criterion without competency may have it): then « juge C… »
            const suggested = conventional && !taken.has(conventional) ? conventional : undefined;
            const modality = c.evaluatedBy[0];
            const inFr = modality ? ` dans la modalité ${modality.id ?? `« ${modality.title} »`}` : '';
            const inEn = modality ? ` in modality ${modality.id ?? `"${modality.title}"`}` : '';
            report(c.source, t(
                `La compétence ${c.id} n'est jugée par aucun critère. Ajoutez un critère${suggested ? ` ${suggested}` : ` « juge ${c.id} »`}${inFr}.`,
                `Competency ${c.id} is judged by no criterion. Add a criterion${suggested ? ` ${suggested}` : ` "judges ${c.id}"`}${inEn}.`,
            ), { competency: c.id, suggestedCriterionId: suggested });
        }
    },
    /** Creates the missing criterion, with its conventional id, in the modality (or part) that evaluates the competency. */
    fix({ finding, model, edits }) {
        const c = competencyAt(model, finding);
        const id = finding.data.suggestedCriterionId;
        const holder = c ? holderFor(c) : undefined;
        if (!c || !holder) return [];
        const inserted = edits.insertCriterion(holder, id ? id : `${edits.englishKeywords ? 'judges' : 'juge'} ${c.id}`);
        if (!inserted) return [];
        return [{
            title: t(`Créer le critère ${id ?? `juge ${c.id}`} dans ${holderName(holder, 'fr')}`, `Create criterion ${id ?? `judges ${c.id}`} in ${holderName(holder, 'en')}`),
            edits: inserted.edits,
            select: inserted.placeholder,
        }];
    },
};

/** Where a competency's criterion goes: the part that evaluates it, else its modality. */
function holderFor(c: CompetencyModel): ModalityModel | PartModel | undefined {
    for (const m of c.evaluatedBy) {
        const part = m.parts.find((p) => p.evaluates.includes(c));
        if (part) return part;
    }
    return c.evaluatedBy[0] ?? (c.option ?? c.bloc).modalities[0];
}
