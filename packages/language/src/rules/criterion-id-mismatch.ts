import { Conventions, hyphenRange, IdIndex, idsInRange } from '../model/ids.js';
import { allCompetencies, allCriteriaOf } from '../model/queries.js';
import type { CriterionModel } from '../model/types.js';
import { replace } from './fix.js';
import { idsInUse } from './duplicate-id.js';
import { list, t, type ModelRule } from './rule.js';

type Data = {
    /** The ends of a range that name no competency. */
    missing?: string[];
    /** The id the conventions give the criterion, from what it judges. */
    expectedId?: string;
    judges?: string[];
};

export const criterionIdMismatch: ModelRule<Data> = {
    id: 'criterion-id-mismatch',
    defaultSeverity: 'error',
    title: t("L'identifiant d'un critère ne correspond pas à la compétence qu'il juge", "A criterion's id does not match the competency it judges"),
    help: t(
        "Les critères sont numérotés d'après la compétence qu'ils jugent (CR1 → C1, CR1-1 → CS1-1, CR11 à 13 → C11 à C13), et les deux bornes d'une plage sont des compétences qui existent. Renommez le critère ou corrigez « juge ».",
        'Criteria are numbered after the competency they judge (CR1 → C1, CR1-1 → CS1-1, CR11 à 13 → C11 to C13), and both ends of a range are competencies that exist. Rename the criterion or fix `judges`.',
    ),
    check(cert, report) {
        const conventions = new Conventions(cert.conventions);
        const existing = new Set(allCompetencies(cert).map((c) => c.id));
        const index = new IdIndex(existing);
        const criteriaIds = idsInUse(cert, 'criterion');
        for (const cr of allCriteriaOf(cert)) {
            // a range (CR11 à 13, CR18-19) whose start or end names no competency: `CR11 à 31`
            // would otherwise judge C11 to C19 without a word
            // (not while a file is cut short by a syntax error: the missing end may be unread)
            const ends = cert.incomplete ? undefined : rangeEnds(cr, conventions, existing, index);
            const missing = ends?.filter((id) => !existing.has(id)) ?? [];
            if (ends && missing.length > 0 && cr.conventionalIds.length > 0) {
                const present = cr.conventionalIds;
                const span = present.length > 1 ? `${present[0]} à ${present[present.length - 1]}` : present[0];
                const spanEn = present.length > 1 ? `${present[0]} to ${present[present.length - 1]}` : present[0];
                report(cr.source, t(
                    `Le critère ${cr.label} désigne ${ends[0]} à ${ends[1]} d'après les conventions d'identifiants, mais ${list(missing)} n'existe pas (les compétences de cette plage vont de ${span}). Corrigez la borne de la plage.`,
                    `Criterion ${cr.label} names ${ends[0]} to ${ends[1]} under the id conventions, but ${list(missing)} does not exist (the competencies of this range run ${spanEn}). Fix the end of the range.`,
                ), { missing });
                continue;
            }
            if (cr.judgeSource !== 'explicit' || cr.conventionalIds.length === 0) continue;
            const outside = cr.explicitJudges.filter((c) => !cr.conventionalIds.includes(c.id));
            if (outside.length === 0) continue;
            // the id it should have, unless another criterion has it already
            const conventional = conventions.criterionIdsFor(outside[0].id)[0];
            const expected = conventional && !criteriaIds.has(conventional) ? conventional : undefined;
            const ids = list(outside.map((c) => c.id));
            report(cr.source, t(
                `Le critère ${cr.label} juge ${ids}, mais son identifiant désigne ${list(cr.conventionalIds)}.${expected ? ` Renommez-le ${expected}` : ' Renommez-le'} ou corrigez « juge ».`,
                `Criterion ${cr.label} judges ${ids}, but its id names ${list(cr.conventionalIds)}.${expected ? ` Rename it ${expected}` : ' Rename it'} or fix "judges".`,
            ), { expectedId: expected, judges: outside.map((c) => c.id) });
        }
    },
    /** Renames the criterion after what it judges. */
    fix({ finding }) {
        const expected = finding.data.expectedId;
        return expected ? [{ title: t(`Renommer le critère en ${expected}`, `Rename the criterion to ${expected}`), edits: replace(finding.uri, finding.range, expected) }] : [];
    },
};

/**
 * The competencies at the two ends of a criterion's range id, under the conventions (`CR11 à 13` →
 * C11, C13; `CR18-19` → C18, C19), when the model read the id as a range; undefined otherwise.
 */
function rangeEnds(cr: CriterionModel, conventions: Conventions, existing: Set<string>, index: IdIndex): [string, string] | undefined {
    if (!cr.id) return undefined;
    let ends: [string, string] | undefined;
    if (cr.rangeEnd) ends = [cr.id, cr.rangeEnd];
    else if (!conventions.competencyIdsFor(cr.id).some((id) => existing.has(id)) && cr.conventionalIds.length > 0) ends = hyphenRange(cr.id);
    if (!ends) return undefined;
    for (const start of conventions.competencyIdsFor(ends[0])) {
        for (const end of conventions.competencyIdsFor(ends[1])) {
            if ((idsInRange(start, end, index) ?? []).length > 0) return [start, end];
        }
    }
    return undefined;
}
