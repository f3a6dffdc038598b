import { allCriteriaOf } from '../model/queries.js';
import type { CompetencyModel } from '../model/types.js';
import { criterionAt, holderName } from './fix.js';
import { list, t, type ModelRule } from './rule.js';

type Data = { outside: string[] };

export const criterionOutsideEvaluation: ModelRule<Data> = {
    id: 'criterion-outside-evaluation',
    needsCompleteModel: true,
    defaultSeverity: 'warning',
    title: t("Un critère juge une compétence que sa modalité n'évalue pas", 'A criterion judges a competency its modality does not evaluate'),
    help: t(
        "Quand une modalité (ou une partie) déclare ce qu'elle évalue, ses critères jugent ces compétences-là. Ajoutez la compétence à « évalue » ou déplacez le critère.",
        'When a modality (or a part) declares what it evaluates, its criteria judge those competencies. Add the competency to `evaluates` or move the criterion.',
    ),
    check(cert, report) {
        // what each modality or part evaluates, as a set: read once, not once per criterion
        const evaluated = new Map<object, Set<CompetencyModel>>();
        for (const cr of allCriteriaOf(cert)) {
            const holder = cr.part?.evaluatesDeclared ? cr.part : cr.modality.evaluatesDeclared ? cr.modality : undefined;
            if (!holder || holder.evaluatesIncomplete) continue;
            let set = evaluated.get(holder);
            if (!set) evaluated.set(holder, (set = new Set(holder.evaluates)));
            const outside = cr.judges.filter((c) => !set.has(c));
            if (outside.length === 0) continue;
            const ids = list(outside.map((c) => c.id));
            const name = cr.label ? `Le critère ${cr.label}` : 'Ce critère';
            const nameEn = cr.label ? `Criterion ${cr.label}` : 'This criterion';
            const h = holder === cr.part ? 'sa partie' : 'sa modalité';
            const hEn = holder === cr.part ? 'its part' : 'its modality';
            report(cr.source, t(
                `${name} juge ${ids}, que ${h} n'évalue pas (évalue ${list(holder.evaluates.map((c) => c.id)) || '—'}). Ajoutez ${ids} à « évalue » ou corrigez le critère.`,
                `${nameEn} judges ${ids}, which ${hEn} does not evaluate (evaluates ${list(holder.evaluates.map((c) => c.id)) || '—'}). Add ${ids} to "evaluates" or fix the criterion.`,
            ), { outside: outside.map((c) => c.id) });
        }
    },
    /** Adds what the criterion judges to the `évalue` list of its part or modality. */
    fix({ finding, model, edits }) {
        const criterion = criterionAt(model, finding);
        const holder = criterion?.part?.evaluatesDeclared ? criterion.part : criterion?.modality;
        const outside = finding.data.outside ?? [];
        const appended = holder && outside.length > 0 ? edits.appendToEvaluates(holder, outside.join(', ')) : undefined;
        if (!holder || !appended) return [];
        return [{ title: t(`Ajouter ${outside.join(', ')} à « évalue » de ${holderName(holder, 'fr')}`, `Add ${outside.join(', ')} to "evaluates" of ${holderName(holder, 'en')}`), edits: appended }];
    },
};
