import { allActivities } from '../model/queries.js';
import { t, type ModelRule } from './rule.js';

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
