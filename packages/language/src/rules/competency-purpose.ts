import { t } from '../i18n.js';
import { analyseHead, purposeOf } from '../drafting/analysis.js';
import { frenchLexicon } from '../drafting/lexicon.js';
import { allCompetencies } from '../model/queries.js';
import { textRange } from '../model/text-range.js';
import { draftable } from './drafting.js';
import { type ModelRule } from './rule.js';

export const competencyPurpose: ModelRule = {
    id: 'competency-purpose',
    defaultSeverity: 'info',
    title: t('Une compétence ne dit pas dans quel but', 'A competency does not say what for'),
    help: t(
        "France Compétences recommande d'écrire une compétence en trois temps : verbe d'action + objet + finalité ou contexte (« afin de », « pour » + infinitif, « en vue de », « de façon à »). La finalité dit au jury dans quelle situation l'évaluer.",
        "France Compétences recommends writing a competency in three parts: action verb + object + purpose or context (« afin de », « pour » + infinitive, « en vue de », « de façon à »). The purpose tells the jury in what situation to evaluate it.",
    ),
    check(cert, report) {
        for (const c of allCompetencies(cert)) {
            if (c.duplicate || !draftable(c.text)) continue;
            if (purposeOf(c.text, frenchLexicon())) continue;
            // a competency that does not yet begin with an action (competency-action-verb, competency-state-verb) is rewritten first
            const head = analyseHead(c.text, frenchLexicon()).kind;
            if (head !== 'action') continue;
            report(c.source, t(
                `La compétence ${c.id} ne dit pas dans quel but : ajoutez sa finalité (« afin de … », « pour » + infinitif, « en vue de … »), qui donne au jury le contexte de l'évaluation.`,
                `Competency ${c.id} does not say what for: add its purpose (« afin de … », « pour » + infinitive, « en vue de … »), which gives the jury the context of the evaluation.`,
            ), undefined, textRange(c, 'text'));
        }
    },
};
