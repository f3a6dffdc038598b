import { t } from '../i18n.js';
import { analyseHead } from '../drafting/analysis.js';
import { frenchLexicon } from '../drafting/lexicon.js';
import { allCompetencies } from '../model/queries.js';
import { draftable, passageRange } from './drafting.js';
import { type ModelRule } from './rule.js';

/** Action verbs to write instead of a verb of state. */
const INSTEAD: Record<string, string> = {
    connaître: '« Identifier », « Expliquer », « Appliquer »',
    comprendre: '« Expliquer », « Analyser », « Interpréter »',
    maîtriser: '« Utiliser », « Mettre en œuvre », « Paramétrer »',
    appréhender: '« Analyser », « Identifier », « Caractériser »',
    acquérir: '« Appliquer », « Mettre en œuvre »',
    assimiler: '« Appliquer », « Mettre en œuvre »',
    approprier: '« Appliquer », « Adapter »',
};

export const competencyStateVerb: ModelRule = {
    id: 'competency-state-verb',
    defaultSeverity: 'warning',
    title: t("Une compétence dit un état, pas une action observable", 'A competency names a state, not an observable action'),
    help: t(
        "Connaître, savoir, comprendre, maîtriser, appréhender, être capable de … disent ce que le candidat sait, pas ce qu'il fait : le jury ne peut pas l'observer. Écrivez l'action qui le montre (« Maîtriser les outils de PAO » → « Mettre en page un support avec un outil de PAO afin de … ») ; après « Être capable de », « Savoir », commencez directement par le verbe qui suit.",
        "Connaître, savoir, comprendre, maîtriser, appréhender, être capable de … say what the candidate knows, not what they do: the jury cannot observe it. Write the action that shows it (« Maîtriser les outils de PAO » → « Mettre en page un support avec un outil de PAO afin de … »); after « Être capable de », « Savoir », begin with the verb that follows.",
    ),
    check(cert, report) {
        for (const c of allCompetencies(cert)) {
            if (c.duplicate || !draftable(c.text)) continue;
            const head = analyseHead(c.text, frenchLexicon());
            if (head.kind !== 'state') continue;
            const range = passageRange(c, 'text', c.text, head.word, head.start);
            const data = { head: head.word, infinitive: head.infinitive, suggestion: head.suggestion };
            if (head.suggestion) {
                report(c.source, t(
                    `La compétence ${c.id} commence par « ${head.word} », qui n'ajoute rien d'observable : commencez-la par le verbe d'action, « ${head.suggestion} … ».`,
                    `Competency ${c.id} begins with "${head.word}", which adds nothing observable: begin it with the action verb, "${head.suggestion} …".`,
                ), data, range);
            } else {
                const instead = INSTEAD[head.infinitive ?? ''] ?? '« Utiliser », « Appliquer », « Analyser »';
                report(c.source, t(
                    `La compétence ${c.id} commence par « ${head.word} », qui dit un état (ce que le candidat sait), pas une action que le jury observe : écrivez ce qu'il fait, avec un verbe d'action (${instead} …) + objet + finalité.`,
                    `Competency ${c.id} begins with "${head.word}", which states a state (what the candidate knows), not an action the jury observes: write what they do, with an action verb (${instead.replace(/« /g, '"').replace(/ »/g, '"')} …) + object + purpose.`,
                ), data, range);
            }
        }
    },
};
