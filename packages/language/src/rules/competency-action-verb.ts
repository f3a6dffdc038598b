import { t } from '../i18n.js';
import { analyseHead, type HeadAnalysis } from '../drafting/analysis.js';
import { frenchLexicon } from '../drafting/lexicon.js';
import { allCompetencies } from '../model/queries.js';
import { draftable, passageRange } from './drafting.js';
import { type ModelRule } from './rule.js';

/** « Gestion des plannings » → « Gérer les plannings … »: the verb, then the object without its « de ». */
export function rewrite(text: string, head: HeadAnalysis): string | undefined {
    if (!head.suggestion) return undefined;
    const after = text.slice(head.end);
    const object = /^\s+(?:des|du|de\s+la|de\s+l['’]|d['’])\s*/i.exec(after);
    if (!object) return `${head.suggestion} …`;
    const article = object[0].trim().toLowerCase().replace(/’/g, "'");
    const replaced = article === 'des' ? 'les ' : article === 'du' ? 'le ' : article === 'de la' ? 'la ' : article.startsWith('de l') ? "l'" : '';
    const words = after.slice(object[0].length).split(/\s+/).filter((w) => w.length > 0);
    const rest = words.slice(0, 4).join(' ').replace(/[\s.,;:!?…]+$/, '');
    const more = words.length > 4 ? ' …' : '';
    return `${head.suggestion} ${replaced}${rest}${more}`;
}

export const competencyActionVerb: ModelRule = {
    id: 'competency-action-verb',
    defaultSeverity: 'warning',
    title: t("Une compétence ne commence pas par un verbe d'action à l'infinitif", 'A competency does not begin with an action verb in the infinitive'),
    help: t(
        "France Compétences attend une compétence rédigée ainsi : verbe d'action à l'infinitif + objet + finalité (« Élaborer le budget du projet afin de … »). Un groupe nominal (« Gestion des plannings », « Connaissance des outils ») nomme un domaine ou un savoir, pas ce que le candidat fait ; un participe (« Élaboré ») ou un sujet (« Le candidat analyse … ») ne se lit pas comme une compétence. Les verbes sont reconnus par le lexique Lefff (7 800 verbes) ; identifiants, puces, « se »/« s' » sont ignorés.",
        "France Compétences expects a competency written as: action verb in the infinitive + object + purpose (« Élaborer le budget du projet afin de … »). A nominal phrase (« Gestion des plannings », « Connaissance des outils ») names a field or a knowledge, not what the candidate does; a participle (« Élaboré ») or a subject (« Le candidat analyse … ») does not read as a competency. Verbs are recognised with the Lefff lexicon (7,800 verbs); ids, bullets and « se »/« s' » are skipped.",
    ),
    check(cert, report) {
        const lexicon = () => frenchLexicon();
        for (const c of allCompetencies(cert)) {
            if (c.duplicate || !draftable(c.text)) continue;
            const head = analyseHead(c.text, lexicon());
            if (head.kind === 'action' || head.kind === 'state' || head.kind === 'empty') continue;
            const range = passageRange(c, 'text', c.text, head.word, head.start);
            const instead = rewrite(c.text, head);
            const data = { head: head.word, kind: head.kind, suggestion: head.suggestion };
            if (head.kind === 'nominal' && head.stateNoun) {
                report(c.source, t(
                    `La compétence ${c.id} commence par « ${head.word} » : elle nomme un savoir, pas ce que le candidat fait. Écrivez l'action que le jury observe, avec un verbe d'action à l'infinitif + objet + finalité (« Utiliser … afin de … », « Appliquer … pour … »).`,
                    `Competency ${c.id} begins with "${head.word}": it names a knowledge, not what the candidate does. Write the action the jury observes, with an action verb in the infinitive + object + purpose ("Utiliser … afin de …", "Appliquer … pour …").`,
                ), data, range);
            } else if (head.kind === 'nominal') {
                report(c.source, t(
                    `La compétence ${c.id} est un groupe nominal (« ${head.word} … ») : commencez-la par un verbe d'action à l'infinitif${instead ? `, par exemple « ${instead} »` : ''}, puis dites dans quel but.`,
                    `Competency ${c.id} is a nominal phrase ("${head.word} …"): begin it with an action verb in the infinitive${instead ? `, for instance "${instead}"` : ''}, then say what for.`,
                ), data, range);
            } else if (head.kind === 'inflected') {
                report(c.source, t(
                    `La compétence ${c.id} commence par « ${head.word} », qui n'est pas à l'infinitif : écrivez « ${head.suggestion} ».`,
                    `Competency ${c.id} begins with "${head.word}", which is not in the infinitive: write "${head.suggestion}".`,
                ), data, range);
            } else if (head.kind === 'subject') {
                report(c.source, t(
                    `La compétence ${c.id} commence par un sujet (« ${head.word} ») : une compétence s'écrit sans sujet, avec un verbe d'action à l'infinitif${head.suggestion ? ` (« ${head.suggestion} … »)` : ''}.`,
                    `Competency ${c.id} begins with a subject ("${head.word}"): a competency is written without one, with an action verb in the infinitive${head.suggestion ? ` ("${head.suggestion} …")` : ''}.`,
                ), data, range);
            } else {
                report(c.source, t(
                    `La compétence ${c.id} commence par « ${head.word} », qui n'est pas un verbe à l'infinitif : commencez-la par l'action que le jury observe (« Analyser », « Concevoir », « Rédiger » …).`,
                    `Competency ${c.id} begins with "${head.word}", which is not a verb in the infinitive: begin it with the action the jury observes ("Analyser", "Concevoir", "Rédiger" …).`,
                ), data, range);
            }
        }
    },
};
