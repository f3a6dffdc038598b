import { splitId } from '../model/ids.js';
import { allCompetencies } from '../model/queries.js';
import { replace } from './fix.js';
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
    let bestScore: number[] = [Infinity];
    const n = splitId(name);
    for (const c of candidates) {
        const d = distance(name.toLowerCase(), c.toLowerCase());
        let prefix = 0;
        while (prefix < name.length && prefix < c.length && name[prefix].toLowerCase() === c[prefix].toLowerCase()) prefix++;
        const s = splitId(c);
        const gap = n && s && n.stem === s.stem ? Math.abs(n.number - s.number) : Infinity;
        // the nearer; among equals the one sharing the longest beginning (C2 → C20 rather than
        // C1), then the nearest number (C6 → C5 rather than C1)
        const score = [d, -prefix, gap];
        const i = score.findIndex((v, k) => v !== bestScore[k]);
        if (i >= 0 && (bestScore[i] === undefined || score[i] < bestScore[i])) [best, bestScore] = [c, score];
    }
    const bestDistance = bestScore[0];
    return best !== undefined && bestDistance <= Math.max(1, Math.floor(name.length / 3)) ? best : undefined;
}

type Data = {
    name: string;
    kind?: 'competency' | 'certification';
    /** The closest id (a typo), or the range written the right way round. */
    suggestion?: string;
    reason?: 'missing' | 'range-stems' | 'range-reversed';
};

export const unresolvedReference: ModelRule<Data> = {
    id: 'unresolved-reference',
    needsCompleteModel: true,
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
                    `Aucun fichier de ce dossier ou d'un dossier parent ne déclare la certification ${cert.id}. Le fichier principal commence par « certification ${cert.id} "titre" » ; vérifiez l'identifiant.`,
                    `No file in this folder or a folder above declares certification ${cert.id}. The main file starts with: certification ${cert.id} "title". Check the id.`,
                ), { name: cert.id, kind: 'certification' });
            }
        }
        const ids = new Set(allCompetencies(cert).map((c) => c.id));
        for (const u of cert.unresolved) {
            if (u.reason === 'range-reversed') {
                report(u.source, t(
                    `La plage ${u.name} est à l'envers : écrivez ${u.suggestion}.`,
                    `Range ${u.name.replace(' à ', ' to ')} is written backwards: write ${u.suggestion}.`,
                ), { name: u.name, suggestion: u.suggestion, reason: u.reason });
                continue;
            }
            if (u.reason === 'range-stems') {
                report(u.source, t(
                    `Les bornes de la plage ${u.name} n'ont pas le même préfixe : une plage va d'un identifiant à un autre de la même série (C11 à C13, CS1-1 à CS1-3).`,
                    `The ends of range ${u.name.replace(' à ', ' to ')} do not share a prefix: a range goes from one id to another of the same series (C11 à C13, CS1-1 à CS1-3).`,
                ), { name: u.name, reason: u.reason });
                continue;
            }
            const suggestion = closest(u.name, ids);
            report(u.source, t(
                `La compétence ${u.name} n'existe pas dans la certification ${cert.id}.${suggestion ? ` Vouliez-vous dire ${suggestion} ?` : ''} Corrigez l'identifiant ou déclarez la compétence.`,
                `Competency ${u.name} does not exist in certification ${cert.id}.${suggestion ? ` Did you mean ${suggestion}?` : ''} Fix the id or declare the competency.`,
            ), { name: u.name, kind: u.kind, suggestion });
        }
    },
    /** Takes the closest id (or the range the right way round), unless the list names it already. */
    fix({ finding, edits }) {
        const suggestion = finding.data.suggestion;
        if (!suggestion || finding.data.reason === 'range-stems' || edits.listNames(finding.range, suggestion)) return [];
        return [{ title: t(`Remplacer par ${suggestion}`, `Replace with ${suggestion}`), edits: replace(finding.uri, finding.range, suggestion) }];
    },
};
