import { splitId } from '../model/ids.js';
import { unusualCharacters } from '../util/characters.js';
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
    return new Suggestions(candidates).closest(name);
}

/** Beyond this length a name is no typo of an id: no suggestion (and no search). */
const LONGEST_NAME = 256;

/**
 * « Did you mean »: the nearest candidate of a name by edit distance (case aside), when it is
 * near enough (at most a third of the name's letters changed, one at least); among equals the
 * one sharing the longest beginning (C2 → C20 rather than C1), then the nearest number (C6 → C5
 * rather than C1), then the first given.
 *
 * The candidates are sorted once and walked as a trie, one row of the edit-distance table per
 * letter, leaving a branch as soon as every entry of its row is too far: a name costs about the
 * candidates near it, not all of them (10,000 unknown names against 10,000 competencies took a
 * minute when each name was compared with every id). Answers are kept per name.
 */
export class Suggestions {
    /** Distinct candidates in lower case, sorted by code unit: a trie, read by binary search. */
    private readonly keys: string[];
    /** The candidates as written, by their lower-case form, in the order given. */
    private readonly written = new Map<string, string[]>();
    private readonly order = new Map<string, number>();
    private readonly answers = new Map<string, string | undefined>();

    constructor(candidates: Iterable<string>) {
        let i = 0;
        for (const c of candidates) {
            if (this.order.has(c)) continue;
            this.order.set(c, i++);
            const key = c.toLowerCase();
            const list = this.written.get(key);
            if (list) list.push(c);
            else this.written.set(key, [c]);
        }
        this.keys = [...this.written.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    }

    closest(name: string): string | undefined {
        if (!this.answers.has(name)) this.answers.set(name, this.search(name));
        return this.answers.get(name);
    }

    private search(name: string): string | undefined {
        if (name.length > LONGEST_NAME) return undefined;
        const query = name.toLowerCase();
        const limit = Math.max(1, Math.floor(name.length / 3));
        const found: Array<{ key: string; distance: number }> = [];
        const keys = this.keys;
        const walk = (lo: number, hi: number, depth: number, row: number[]) => {
            let i = lo;
            // the keys that end here come first (sorted): complete words
            while (i < hi && keys[i].length === depth) {
                if (row[query.length] <= limit) found.push({ key: keys[i], distance: row[query.length] });
                i++;
            }
            while (i < hi) {
                const ch = keys[i].charCodeAt(depth);
                let a = i + 1;
                let b = hi;
                while (a < b) {
                    const mid = (a + b) >>> 1;
                    if (keys[mid].charCodeAt(depth) > ch) b = mid;
                    else a = mid + 1;
                }
                const next = new Array<number>(query.length + 1);
                next[0] = row[0] + 1;
                let least = next[0];
                for (let j = 1; j <= query.length; j++) {
                    next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (query.charCodeAt(j - 1) === ch ? 0 : 1));
                    if (next[j] < least) least = next[j];
                }
                if (least <= limit) walk(i, a, depth + 1, next);
                i = a;
            }
        };
        walk(0, keys.length, 0, Array.from({ length: query.length + 1 }, (_, j) => j));
        let best: string | undefined;
        let bestScore: number[] = [];
        const n = splitId(name);
        for (const { key, distance: d } of found) {
            for (const c of this.written.get(key)!) {
                let prefix = 0;
                while (prefix < name.length && prefix < c.length && name[prefix].toLowerCase() === c[prefix].toLowerCase()) prefix++;
                const s = splitId(c);
                const gap = n && s && n.stem === s.stem ? Math.abs(n.number - s.number) : Infinity;
                const score = [d, -prefix, gap, this.order.get(c)!];
                const k = score.findIndex((v, x) => v !== bestScore[x]);
                if (best === undefined || (k >= 0 && score[k] < bestScore[k])) [best, bestScore] = [c, score];
            }
        }
        return best;
    }
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
        const suggestions = new Suggestions(allCompetencies(cert).map((c) => c.id));
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
            const suggestion = suggestions.closest(u.name);
            // a name that differs from an id by a character one cannot see (Cyrillic С, dotless ı): shown
            const unusual = unusualCharacters(u.name);
            const name = unusual ? `${u.name} (${unusual})` : u.name;
            report(u.source, t(
                `La compétence ${name} n'existe pas dans la certification ${cert.id}.${suggestion ? ` Vouliez-vous dire ${suggestion} ?` : ''} Corrigez l'identifiant ou déclarez la compétence.`,
                `Competency ${name} does not exist in certification ${cert.id}.${suggestion ? ` Did you mean ${suggestion}?` : ''} Fix the id or declare the competency.`,
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
