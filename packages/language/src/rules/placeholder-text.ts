import { t } from '../i18n.js';
import { placeholderIn } from '../drafting/analysis.js';
import { capital, type ModelRule } from './rule.js';
import { passageRange, placedTexts } from './drafting.js';

const WHAT_TO_WRITE = {
    competency: { fr: "la compétence (verbe d'action à l'infinitif + objet + finalité)", en: 'the competency (action verb in the infinitive + object + purpose)' },
    criterion: { fr: 'ce que le jury observe ou mesure', en: 'what the jury observes or measures' },
    title: { fr: 'le titre', en: 'the title' },
    description: { fr: 'la description', en: 'the description' },
    other: { fr: 'le texte', en: 'the text' },
};

export const placeholderText: ModelRule = {
    id: 'placeholder-text',
    defaultSeverity: 'warning',
    title: t("Un texte est encore à rédiger", 'A text is still to be written'),
    help: t(
        "Un texte vide ou qui tient la place d'un autre (« À rédiger », « TODO », « xxx », « ok », « … », « [à compléter] ») ne doit pas atteindre un livrable. Les textes que certiref insère lui-même (les corrections rapides écrivent « À rédiger » / « To be written ») sont signalés de même : écrivez le texte, ou retirez l'élément.",
        "An empty text, or one that holds the place of another (« À rédiger », « TODO », « xxx », « ok », « … », « [à compléter] »), must not reach a deliverable. The texts certiref inserts itself (quick fixes write « À rédiger » / « To be written ») are reported too: write the text, or remove the element.",
    ),
    check(cert, report) {
        for (const p of placedTexts(cert)) {
            const found = placeholderIn(p.text);
            if (!found) continue;
            const write = WHAT_TO_WRITE[p.kind];
            const range = passageRange(p.element, p.property, p.text, found.text, found.index);
            if (found.text === '') {
                report(p.at, t(
                    `${capital(p.what.fr)} est vide : écrivez ${write.fr}.`,
                    `${capital(p.what.en)} is empty: write ${write.en}.`,
                ), { placeholder: '' }, range);
            } else {
                report(p.at, t(
                    `${capital(p.what.fr)} contient « ${found.text} », qui tient la place du texte : écrivez ${write.fr} avant de livrer le référentiel.`,
                    `${capital(p.what.en)} holds "${found.text}", which stands in for the text: write ${write.en} before the référentiel is delivered.`,
                ), { placeholder: found.text }, range);
            }
        }
    },
};
