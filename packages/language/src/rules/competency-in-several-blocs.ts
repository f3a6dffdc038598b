import { allCompetencies } from '../model/queries.js';
import { comparisonKey as comparisonKeyOf } from '../model/text.js';
import { t, where, type ModelRule } from './rule.js';

type Data = { other: string };

export const competencyInSeveralBlocs: ModelRule<Data> = {
    id: 'competency-in-several-blocs',
    defaultSeverity: 'warning',
    title: t('Une même compétence figure dans plusieurs blocs', 'The same competency stands in several blocs'),
    help: t(
        "Une compétence n'est pas répétée dans deux blocs d'une même certification (note France Compétences, 2019). Gardez-la dans un seul bloc.",
        'A competency is not repeated in two blocs of one certification (France Compétences note, 2019). Keep it in one bloc.',
    ),
    check(cert, report) {
        const first = new Map<string, { id: string; bloc: string; source: import('../model/types.js').SourceLocation }>();
        for (const c of allCompetencies(cert)) {
            const key = comparisonKeyOf(c.text);
            if (key.length === 0) continue;
            const earlier = first.get(key);
            if (!earlier) {
                first.set(key, { id: c.id, bloc: c.bloc.id, source: c.source });
                continue;
            }
            if (earlier.bloc === c.bloc.id) continue;
            report(c.source, t(
                `La compétence ${c.id} (bloc ${c.bloc.id}) répète la compétence ${earlier.id} du bloc ${earlier.bloc} (${where(earlier.source)}). Gardez-la dans un seul bloc.`,
                `Competency ${c.id} (bloc ${c.bloc.id}) repeats competency ${earlier.id} of bloc ${earlier.bloc} (${where(earlier.source)}). Keep it in one bloc.`,
            ), { other: earlier.id });
        }
    },
};
