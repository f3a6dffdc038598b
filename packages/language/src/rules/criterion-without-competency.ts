import { allCriteriaOf } from '../model/queries.js';
import { list, t, type ModelRule } from './rule.js';

type Data = {
    /** The competencies its id names under the conventions, none of which exists. */
    conventionalIds?: string[];
    /** What its modality or part evaluates: the competencies it may judge. */
    candidates?: string[];
};

export const criterionWithoutCompetency: ModelRule<Data> = {
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
            if (cr.judges.length > 0 || cr.judgesIncomplete || cr.judgesDeclared) continue;
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
