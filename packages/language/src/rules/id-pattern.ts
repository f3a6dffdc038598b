import { splitId } from '../model/ids.js';
import { competenciesOf, containers } from '../model/queries.js';
import type { SourceLocation } from '../model/types.js';
import { competencyAt, replace } from './fix.js';
import { optionName, t, type ModelRule } from './rule.js';

interface Sibling {
    id: string;
    source: SourceLocation;
    /** The ids of what it holds (an activity's competencies), for the message. */
    related?: string[];
}

/**
 * The stem most siblings share (`A6A.` for A6A.1, A6A.2, A6A.3), when at least three and three
 * quarters of them share it; undefined otherwise (no pattern to break: hierarchical numberings
 * such as C1.1, C1.2, C2.1 are not one pattern).
 */
export function majorityStem(ids: string[]): string | undefined {
    const counts = new Map<string, number>();
    for (const id of ids) {
        const s = splitId(id);
        if (s) counts.set(s.stem, (counts.get(s.stem) ?? 0) + 1);
    }
    let best: string | undefined;
    let bestCount = 0;
    for (const [stem, count] of counts) if (count > bestCount) [best, bestCount] = [stem, count];
    return bestCount >= 3 && bestCount * 4 >= ids.length * 3 ? best : undefined;
}

type Data = { id: string; suggestedId: string };

export const idPattern: ModelRule<Data> = {
    id: 'id-pattern',
    defaultSeverity: 'warning',
    title: t("Un identifiant rompt le motif de ses voisins", "An id breaks its siblings' pattern"),
    help: t(
        'Les activités et les compétences d\'un même bloc (ou d\'une même option) sont numérotées sur un même motif (A6A.1, A6A.2 …). Un identifiant hors motif est souvent une faute de frappe : renommez-le.',
        'Activities and competencies of one bloc (or option) are numbered on one pattern (A6A.1, A6A.2 …). An id off the pattern is often a typo: rename it.',
    ),
    check(cert, report) {
        for (const container of containers(cert)) {
            const groups: { fr: string; en: string; items: Sibling[] }[] = [
                { fr: "l'activité", en: 'activity', items: container.activities.map((a) => ({ id: a.id, source: a.source, related: a.competencies.map((c) => c.id) })) },
                { fr: 'la compétence', en: 'competency', items: competenciesOf(container).map((c) => ({ id: c.id, source: c.source })) },
            ];
            for (const group of groups) {
                const stem = majorityStem(group.items.map((i) => i.id));
                if (stem === undefined) continue;
                for (const item of group.items) {
                    const s = splitId(item.id);
                    if (!s || s.stem === stem) continue;
                    const suggested = `${stem}${s.number}`;
                    if (group.items.some((other) => other.id === suggested)) continue;
                    const where = container.containerKind === 'option' ? optionName(container).frOf : `du bloc ${container.id}`;
                    const whereEn = container.containerKind === 'option' ? `of ${optionName(container).en}` : `of bloc ${container.id}`;
                    const rel = item.related && item.related.length > 0 ? ` et ${item.related.length > 1 ? 'ses compétences sont' : 'sa compétence est'} ${item.related.join(', ')}` : '';
                    const relEn = item.related && item.related.length > 0 ? ` and ${item.related.length > 1 ? 'its competencies are' : 'its competency is'} ${item.related.join(', ')}` : '';
                    report(item.source, t(
                        `L'identifiant ${item.id} rompt le motif ${stem}n des autres identifiants ${where}${rel}. Renommez-le ${suggested} ?`,
                        `Id ${item.id} breaks the ${stem}n pattern of the other ids ${whereEn}${relEn}. Rename it ${suggested}?`,
                    ), { id: item.id, suggestedId: suggested });
                }
            }
        }
    },
    /** Takes the id the pattern suggests: a competency is renamed everywhere, with its criteria. */
    fix({ finding, model, edits }) {
        const suggested = finding.data.suggestedId;
        if (!suggested) return [];
        const c = competencyAt(model, finding);
        // a refused rename (a collision, a range) offers no fix
        const renamed = c ? edits.renameCompetency(c, suggested) : replace(finding.uri, finding.range, suggested);
        return renamed ? [{ title: t(`Renommer en ${suggested}`, `Rename to ${suggested}`), edits: renamed }] : [];
    },
};
