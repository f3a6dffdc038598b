import { allCompetencies, containers } from '../model/queries.js';
import { competencyAt, holderName } from './fix.js';
import { optionName, t, type ModelRule } from './rule.js';

type Data = { competency: string };

export const competencyNotEvaluated: ModelRule<Data> = {
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
    /** Adds the competency to the `évalue` list of a modality of its option or bloc. */
    fix({ finding, model, edits }) {
        const c = competencyAt(model, finding);
        const container = c ? (c.option ?? c.bloc) : undefined;
        const modality = container?.modalities.find((m) => m.evaluatesDeclared) ?? c?.bloc.modalities.find((m) => m.evaluatesDeclared);
        const appended = c && modality ? edits.appendToEvaluates(modality, c.id) : undefined;
        if (!c || !modality || !appended) return [];
        return [{ title: t(`Ajouter ${c.id} à « évalue » de ${holderName(modality, 'fr')}`, `Add ${c.id} to "evaluates" of ${holderName(modality, 'en')}`), edits: appended }];
    },
};
