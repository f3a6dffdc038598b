import { containers } from '../model/queries.js';
import type { CompetencyModel } from '../model/types.js';
import { list, optionName, t, type ModelRule } from './rule.js';

type Data = { outside: string[] };

export const evaluatesOutsideBloc: ModelRule<Data> = {
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
