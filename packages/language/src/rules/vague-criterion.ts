import { t } from '../i18n.js';
import { looksEnglish, placeholderIn, vagueParts } from '../drafting/analysis.js';
import { allCriteriaOf } from '../model/queries.js';
import { capital, type ModelRule } from './rule.js';
import { criterionName, passageRange } from './drafting.js';

export const vagueCriterion: ModelRule = {
    id: 'vague-criterion',
    defaultSeverity: 'warning',
    title: t("Un critère n'a rien d'observable ni de mesurable", 'A criterion has nothing observable or measurable'),
    help: t(
        "Un critère dit au jury à quoi il voit que la compétence est acquise. « Bien », « bon », « efficace », « correctement », « satisfaisant », « approprié », « suffisant » … ne se jugent pas seuls : quand le critère ne donne ni seuil (nombre, pourcentage, « au moins », « sans erreur », « dans les délais »), ni référence (« conforme au cahier des charges », « selon la procédure », « au regard des objectifs »), il est signalé. « Bonnes pratiques », « bon fonctionnement » ne comptent pas.",
        "A criterion tells the jury how it sees that the competency is acquired. « Bien », « bon », « efficace », « correctement », « satisfaisant », « approprié », « suffisant » … cannot be judged on their own: when the criterion gives no threshold (a number, a percentage, « au moins », « sans erreur », « dans les délais ») and no reference (« conforme au cahier des charges », « selon la procédure », « au regard des objectifs »), it is reported. « Bonnes pratiques », « bon fonctionnement » do not count.",
    ),
    check(cert, report) {
        for (const cr of allCriteriaOf(cert)) {
            if (placeholderIn(cr.text) || looksEnglish(cr.text)) continue;
            const vague = vagueParts(cr.text);
            if (vague.length === 0) continue;
            const name = criterionName(cr);
            const words = [...new Set(vague.map((v) => v.word.toLowerCase()))];
            const quoted = words.map((w) => `« ${w} »`).join(', ');
            report(cr.source, t(
                `${capital(name.fr)} s'appuie sur ${quoted} sans rien à observer ni à mesurer : dites à quoi le jury le voit — un seuil (« au moins 3 … », « sans erreur »), une référence (« conforme au cahier des charges ») ou un résultat observable.`,
                `${capital(name.en)} relies on ${words.map((w) => `"${w}"`).join(', ')} with nothing to observe or measure: say how the jury sees it — a threshold ("au moins 3 …", "sans erreur"), a reference ("conforme au cahier des charges") or an observable result.`,
            ), { words }, passageRange(cr, 'text', cr.text, vague[0].word, vague[0].index));
        }
    },
};
