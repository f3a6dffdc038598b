/**
 * French verbs and their forms, from the Lefff (see scripts/french-lexicon.mjs, which derives
 * `french-lexicon.txt` from the npm packages french-verbs-lefff and lefff-helper at build time).
 *
 * The file is read on the first question a drafting rule asks, not when certiref starts. It holds
 * the 7,800 infinitives, and only those inflected forms that the regular endings below do not lead
 * back to their verb (mis → mettre, suivi → suivre, achète → acheter): a regular form (élaboré,
 * finie, organisant, analyse) is found by taking its ending off and looking the infinitive up.
 */
import { readLexiconText } from './lexicon-source.js';

/** How a word relates to a verb: its past participle (K), present participle (G), or a present-tense form (P). */
export type VerbFormKind = 'K' | 'G' | 'P';

export interface VerbForm {
    kind: VerbFormKind;
    infinitive: string;
}

/** Lower case, typographic apostrophes made plain. */
export function lowerWord(word: string): string {
    return word.toLowerCase().replace(/[’ʼ]/g, "'");
}

/** The word without its accents (Etablir → etablir). */
export function stripAccents(word: string): string {
    return word.normalize('NFD').replace(/[\u0300-\u036f]/g, '').normalize('NFC');
}

/** Regular endings: first-group verbs (élaborer) and second-group verbs (finir). */
const ENDINGS: [string, string, VerbFormKind][] = [
    ['ées', 'er', 'K'], ['és', 'er', 'K'], ['ée', 'er', 'K'], ['é', 'er', 'K'], ['ant', 'er', 'G'],
    ['ent', 'er', 'P'], ['es', 'er', 'P'], ['e', 'er', 'P'],
    ['issant', 'ir', 'G'], ['issent', 'ir', 'P'], ['ies', 'ir', 'K'], ['ie', 'ir', 'K'], ['is', 'ir', 'K'], ['it', 'ir', 'P'], ['i', 'ir', 'K'],
];

/** The infinitives a word would be a regular form of (not checked against the lexicon). */
export function regularInfinitives(word: string): VerbForm[] {
    const out: VerbForm[] = [];
    for (const [ending, to, kind] of ENDINGS) {
        if (word.length > ending.length + 1 && word.endsWith(ending)) out.push({ kind, infinitive: word.slice(0, -ending.length) + to });
    }
    return out;
}

function compare(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}

/** Binary search of "key<TAB>value" lines sorted by key. */
function find(lines: string[], key: string): string | undefined {
    let lo = 0;
    let hi = lines.length - 1;
    while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const line = lines[mid];
        const tab = line.indexOf('\t');
        const c = compare(line.slice(0, tab), key);
        if (c === 0) return line.slice(tab + 1);
        if (c < 0) lo = mid + 1;
        else hi = mid - 1;
    }
    return undefined;
}

export class FrenchLexicon {
    private readonly infinitives: Set<string>;
    private readonly sections: Record<'accentless' | 'forms' | 'nouns', string>;
    private readonly split: Partial<Record<'accentless' | 'forms', string[]>> = {};
    private nounSet?: Set<string>;

    constructor(text: string) {
        const section = (name: string) => {
            const start = text.indexOf(`\n@${name}\n`);
            if (start < 0) throw new Error(`french-lexicon.txt: section @${name} missing`);
            const from = start + name.length + 3;
            const next = text.indexOf('\n@', from);
            return text.slice(from, next < 0 ? text.length : next);
        };
        this.infinitives = new Set(section('infinitives').split('\n'));
        this.sections = { accentless: section('accentless'), forms: section('forms'), nouns: section('nouns') };
    }

    /** The number of infinitives (for the README's figures and the tests). */
    get size(): number {
        return this.infinitives.size;
    }

    /**
     * The infinitive a word is, if it is one: as written, or written without its accents
     * (« Etablir » → établir; capitals often lose them).
     */
    infinitive(word: string): string | undefined {
        const w = lowerWord(word);
        if (this.infinitives.has(w)) return w;
        return find(this.lines('accentless'), stripAccents(w));
    }

    /** The verbs a word is an inflected form of (participles, present tense), accents tolerated. */
    forms(word: string): VerbForm[] {
        const w = lowerWord(word);
        const irregular = find(this.lines('forms'), w);
        if (irregular) return irregular.split(' ').map((entry) => ({ kind: entry[0] as VerbFormKind, infinitive: entry.slice(2) }));
        const out: VerbForm[] = [];
        for (const r of regularInfinitives(w)) {
            const inf = this.infinitive(r.infinitive);
            if (inf && !out.some((o) => o.infinitive === inf)) out.push({ kind: r.kind, infinitive: inf });
        }
        return out;
    }

    /** A noun that ends like an infinitive (dossier, cadre …): not an unknown verb. */
    isNounLikeVerb(word: string): boolean {
        this.nounSet ??= new Set(this.sections.nouns.split('\n'));
        return this.nounSet.has(lowerWord(word));
    }

    private lines(name: 'accentless' | 'forms'): string[] {
        return (this.split[name] ??= this.sections[name].split('\n'));
    }
}

let shared: FrenchLexicon | undefined;

/** The lexicon, read once per process on first use. */
export function frenchLexicon(): FrenchLexicon {
    shared ??= new FrenchLexicon(readLexiconText());
    return shared;
}

/** Whether the lexicon has been read in this process (the start-up tests check it is not, until needed). */
export function frenchLexiconLoaded(): boolean {
    return shared !== undefined;
}
