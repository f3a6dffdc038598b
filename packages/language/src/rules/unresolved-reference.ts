import { allCompetencies } from '../model/queries.js';
import { t, type ModelRule } from './rule.js';

/** Edit distance, for "did you mean" suggestions. */
export function distance(a: string, b: string): number {
    const row = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
        let prev = row[0];
        row[0] = i;
        for (let j = 1; j <= b.length; j++) {
            const tmp = row[j];
            row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
            prev = tmp;
        }
    }
    return row[b.length];
}

export function closest(name: string, candidates: Iterable<string>): string | undefined {
    let best: string | undefined;
    let bestDistance = Infinity;
    for (const c of candidates) {
        const d = distance(name.toLowerCase(), c.toLowerCase());
        if (d < bestDistance) [best, bestDistance] = [c, d];
    }
    return best !== undefined && bestDistance <= Math.max(1, Math.floor(name.length / 3)) ? best : undefined;
}

export const unresolvedReference: ModelRule = {
    id: 'unresolved-reference',
    defaultSeverity: 'error',
    title: t("Une référence désigne un élément qui n'existe pas", 'A reference names something that does not exist'),
    help: t(
        "Une compétence citée par « évalue » ou « juge », ou une certification citée par « partie de », doit exister dans la même certification (les fichiers d'une certification se voient entre eux, jamais ceux d'une autre). Corrigez l'identifiant ou déclarez l'élément.",
        'A competency named by `evaluates` or `judges`, or a certification named by `part of`, must exist in the same certification (the files of one certification see each other, never those of another). Fix the id or declare the element.',
    ),
    check(cert, report) {
        if (!cert.declared) {
            for (const header of cert.partHeaders) {
                report(header, t(
                    `La certification ${cert.id} n'est déclarée dans aucun fichier. Ajoutez un fichier qui commence par « certification ${cert.id} \"titre\" » ou corrigez l'identifiant.`,
                    `Certification ${cert.id} is declared in no file. Add a file starting with "certification ${cert.id} \\"title\\"" or fix the id.`,
                ), { name: cert.id, kind: 'certification' });
            }
        }
        const ids = new Set(allCompetencies(cert).map((c) => c.id));
        for (const u of cert.unresolved) {
            const suggestion = closest(u.name, ids);
            report(u.source, t(
                `La compétence ${u.name} n'existe pas dans la certification ${cert.id}.${suggestion ? ` Vouliez-vous dire ${suggestion} ?` : ''} Corrigez l'identifiant ou déclarez la compétence.`,
                `Competency ${u.name} does not exist in certification ${cert.id}.${suggestion ? ` Did you mean ${suggestion}?` : ''} Fix the id or declare the competency.`,
            ), { name: u.name, kind: u.kind, suggestion });
        }
    },
};
