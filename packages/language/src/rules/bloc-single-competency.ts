import { competenciesOf } from '../model/queries.js';
import { capital, optionName, t, type ModelRule } from './rule.js';

export const blocSingleCompetency: ModelRule = {
    id: 'bloc-single-competency',
    needsCompleteModel: true,
    defaultSeverity: 'warning',
    title: t("Un bloc ne compte qu'une compétence", 'A bloc holds a single competency'),
    help: t(
        "Un bloc de compétences ne se réduit pas à une seule compétence (note France Compétences sur les blocs, 2019). Regroupez-le avec un autre bloc ou complétez-le.",
        'A bloc does not consist of a single competency (France Compétences note on blocs, 2019). Merge it with another bloc or complete it.',
    ),
    check(cert, report) {
        for (const bloc of cert.blocs) {
            if (bloc.duplicate) continue;
            const own = competenciesOf(bloc);
            const units = bloc.options.length === 0 ? [{ at: bloc, count: own.length, fr: `Le bloc ${bloc.id}`, en: `Bloc ${bloc.id}` }]
                : bloc.options.map((o) => ({ at: o, count: own.length + competenciesOf(o).length, fr: `${capital(optionName(o).frThe)} du bloc ${bloc.id}`, en: `${capital(optionName(o).en)} of bloc ${bloc.id}` }));
            for (const u of units) {
                if (u.count !== 1) continue;
                report(u.at.source, t(
                    `${u.fr} ne compte qu'une compétence. Un bloc en regroupe plusieurs : complétez-le ou fusionnez-le.`,
                    `${u.en} holds a single competency. A bloc groups several: complete it or merge it.`,
                ));
            }
        }
    },
};
