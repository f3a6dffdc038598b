import { t } from '../i18n.js';
import { placeholderIn, sameTextKey } from '../drafting/analysis.js';
import { allCompetencies, allCriteriaOf } from '../model/queries.js';
import { textRange } from '../model/text-range.js';
import type { SourceLocation } from '../model/types.js';
import { capital, where, type ModelRule } from './rule.js';
import { competencyName, criterionName } from './drafting.js';

export const duplicateText: ModelRule = {
    id: 'duplicate-text',
    defaultSeverity: 'warning',
    title: t('Deux compétences ou deux critères ont le même texte', 'Two competencies or two criteria have the same text'),
    help: t(
        "Deux compétences d'un même bloc, ou deux critères d'une même certification, qui disent la même chose (casse, accents et ponctuation mis à part) sont un doublon : fusionnez-les, ou écrivez ce qui les distingue. Une même compétence dans deux blocs relève de competency-in-several-blocs.",
        'Two competencies of one bloc, or two criteria of one certification, that say the same thing (case, accents and punctuation aside) are a duplicate: merge them, or write what sets them apart. The same competency in two blocs is competency-in-several-blocs.',
    ),
    check(cert, report) {
        const seen = new Map<string, { label: string; labelEn: string; source: SourceLocation }>();
        for (const c of allCompetencies(cert)) {
            if (c.duplicate || placeholderIn(c.text)) continue;
            const key = `competency ${c.bloc.id} ${sameTextKey(c.text)}`;
            const first = seen.get(key);
            if (!first) {
                seen.set(key, { label: c.id, labelEn: c.id, source: c.source });
                continue;
            }
            report(c.source, t(
                `${capital(competencyName(c).fr)} a le même texte que la compétence ${first.label} (${where(first.source, c.source.uri)}) : fusionnez-les, ou écrivez ce qui les distingue.`,
                `${capital(competencyName(c).en)} has the same text as competency ${first.labelEn} (${where(first.source, c.source.uri)}): merge them, or write what sets them apart.`,
            ), { other: first.label }, textRange(c, 'text'));
        }
        for (const cr of allCriteriaOf(cert)) {
            if (placeholderIn(cr.text)) continue;
            const key = `criterion ${sameTextKey(cr.text)}`;
            const first = seen.get(key);
            const name = criterionName(cr);
            if (!first) {
                seen.set(key, { label: name.fr, labelEn: name.en, source: cr.source });
                continue;
            }
            report(cr.source, t(
                `${capital(name.fr)} a le même texte que ${first.label} (${where(first.source, cr.source.uri)}) : un critère dit ce que le jury observe pour une compétence précise ; fusionnez-les, ou écrivez ce qui les distingue.`,
                `${capital(name.en)} has the same text as ${first.labelEn} (${where(first.source, cr.source.uri)}): a criterion says what the jury observes for one competency; merge them, or write what sets them apart.`,
            ), undefined, textRange(cr, 'text'));
        }
    },
};
