/**
 * How a competency or a criterion is written, as a France Compétences reviewer reads it: the
 * verb a competency begins with (an action in the infinitive, a state, a noun …), whether it
 * says what for, whether a criterion gives anything to observe or measure, placeholders.
 *
 * Offsets are in the text given (the model's text, or the raw text between the quotes: the
 * rules map them back to the document).
 */
import { comparisonKey } from '../model/text.js';
import { type FrenchLexicon, lowerWord, stripAccents } from './lexicon.js';

const LETTER = 'A-Za-zÀ-ÖØ-öø-ÿŒœÆæ';

/** What starts a competency before its first word: ids (C1.1, CP3 :), bullets, numbers, a label. */
const LEAD = new RegExp(
    '^(?:\\s+|[-–—•·*▪◦►✓→]+|\\(?\\d{1,3}(?:[.)]\\d{0,3})*[.)]?(?=\\s)|\\(?[a-zA-Z][.)](?=\\s)' +
    `|[A-Z]{1,6}\\d[\\w.\\-]*(?=[\\s:–—-]|$)|comp[ée]tence\\s*\\d[\\w.\\-]*|[:–—-](?=\\s))`,
    'i',
);

/** « Être capable de », « Savoir », « Pouvoir » … before the verb that says the action. */
const STATE_WRAPPERS: { re: RegExp; infinitive: string }[] = [
    { re: /^(?:ê|e|Ê|E)tre\s+(?:capable|apte|en\s+mesure|en\s+capacit[ée]|à\s+même)\s+(?:de\s+|d['’]\s*|à\s+|a\s+)/i, infinitive: 'être' },
    { re: /^avoir\s+(?:la\s+)?(?:capacit[ée]|aptitude)\s+(?:de\s+|d['’]\s*|à\s+)/i, infinitive: 'avoir' },
    { re: /^(?:capable|apte)\s+(?:de\s+|d['’]\s*|à\s+)/i, infinitive: 'être' },
    { re: /^savoir\s+(?=[a-zà-ÿ])/i, infinitive: 'savoir' },
    { re: /^pouvoir\s+(?=[a-zà-ÿ])/i, infinitive: 'pouvoir' },
];

/**
 * Verbs that say a state of the candidate — what they know or understand — rather than an action a
 * jury can observe (France Compétences: « verbe d'action à l'infinitif »).
 */
export const STATE_VERBS: ReadonlySet<string> = new Set([
    'connaître', 'savoir', 'comprendre', 'maîtriser', 'appréhender', 'être', 'avoir', 'pouvoir',
    'acquérir', 'assimiler', 'posséder', 'approprier',
]);

/** Determiners: a text that starts with one is a nominal phrase (« La gestion … », « L'analyse … »). */
const DETERMINERS = new Set(['le', 'la', 'les', "l'", 'un', 'une', 'des', 'du', 'au', 'aux', 'ce', 'cette', 'ces', 'son', 'sa', 'ses', 'leur', 'leurs']);

/** Nouns of knowledge or understanding: a competency that starts with one names a state. */
const STATE_NOUNS: Record<string, string> = {
    connaissance: 'connaître', connaissances: 'connaître', compréhension: 'comprendre', maîtrise: 'maîtriser',
    savoir: 'savoir', savoirs: 'savoir', notion: 'connaître', notions: 'connaître', sensibilisation: 'connaître',
};

/** Nouns whose verb no suffix rule finds (gestion → gérer …); others are derived and checked in the lexicon. */
const NOUN_VERBS: Record<string, string> = {
    gestion: 'gérer', rédaction: 'rédiger', production: 'produire', conception: 'concevoir', résolution: 'résoudre',
    acquisition: 'acquérir', description: 'décrire', construction: 'construire', traduction: 'traduire',
    réduction: 'réduire', inscription: 'inscrire', extraction: 'extraire', intervention: 'intervenir',
    prévention: 'prévenir', maintenance: 'maintenir', vente: 'vendre', conduite: 'conduire', prise: 'prendre',
    mise: 'mettre', suivi: 'suivre', veille: 'veiller', promotion: 'promouvoir', diffusion: 'diffuser',
    élaboration: 'élaborer', négociation: 'négocier', animation: 'animer', communication: 'communiquer',
    recherche: 'rechercher', analyse: 'analyser', évaluation: 'évaluer', direction: 'diriger', transmission: 'transmettre',
};

export type HeadKind =
    /** an action verb in the infinitive: what France Compétences asks */
    | 'action'
    /** an infinitive that says a state (connaître, maîtriser, être capable de …) */
    | 'state'
    /** a nominal phrase (« Gestion des plannings », « La communication … », « Connaissance des outils ») */
    | 'nominal'
    /** a verb, but not in the infinitive (« Élaboré », « Élaborant », « Analyse ») */
    | 'inflected'
    /** « Le candidat … »: a subject, then the verb */
    | 'subject'
    /** a word that is not a known verb and does not look like one */
    | 'other'
    /** nothing but an id or a bullet */
    | 'empty';

export interface HeadAnalysis {
    kind: HeadKind;
    /** The first word that matters, as written (or the state wrapper: « Être capable de »). */
    word: string;
    /** Offsets of `word` in the analysed text. */
    start: number;
    end: number;
    /** The infinitive of the head's verb, when it has one. */
    infinitive?: string;
    /** « S'informer », « Se positionner ». */
    pronominal?: boolean;
    /** The infinitive to write instead, with its first letter in capitals (« Gérer », « Rédiger »). */
    suggestion?: string;
    /** The head is a noun of state (« Connaissance des outils »). */
    stateNoun?: boolean;
    /** The head is a verb unknown to the lexicon that looks like an infinitive (-er, -ir, -re, -oir): taken for one. */
    unknownVerb?: boolean;
}

function capitalised(word: string): string {
    return word.charAt(0).toUpperCase() + word.slice(1);
}

/** The first word from `from` (letters, inner hyphens and apostrophes), with its offsets. */
function wordAt(text: string, from: number): { word: string; start: number; end: number } | undefined {
    const m = new RegExp(`[${LETTER}]+(?:[-'’][${LETTER}]+)*`, 'y');
    m.lastIndex = from;
    const r = m.exec(text);
    return r ? { word: r[0], start: from, end: from + r[0].length } : undefined;
}

/** Skips ids, bullets, numbers and spaces at the start of a text. */
export function skipLead(text: string): number {
    let at = 0;
    for (let guard = 0; guard < 20; guard++) {
        const m = LEAD.exec(text.slice(at));
        if (!m || m[0].length === 0) break;
        at += m[0].length;
    }
    return at;
}

/** What a verb suggestion reads in the lexicon: the infinitive if it exists. */
function known(lexicon: FrenchLexicon, infinitive: string | undefined): string | undefined {
    return infinitive ? lexicon.infinitive(infinitive) : undefined;
}

/** The verb a noun names (élaboration → élaborer, définition → définir, développement → développer), if the lexicon has it. */
export function verbOfNoun(lexicon: FrenchLexicon, noun: string): string | undefined {
    const w = lowerWord(noun);
    const singular = w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w;
    for (const n of [w, singular]) {
        if (NOUN_VERBS[n]) return known(lexicon, NOUN_VERBS[n]);
        if (STATE_NOUNS[n]) return STATE_NOUNS[n];
    }
    const rules: [RegExp, string][] = [
        [/ification$/, 'ifier'], [/ication$/, 'iquer'], [/ation$/, 'er'], [/ition$/, 'ir'], [/ement$/, 'er'], [/ment$/, 'r'], [/age$/, 'er'],
        [/ure$/, 'urer'], [/ance$/, 'er'], [/ence$/, 'er'], [/isation$/, 'iser'], [/ssion$/, 'sser'],
    ];
    for (const [re, to] of rules) {
        if (!re.test(singular)) continue;
        const candidate = known(lexicon, singular.replace(re, to));
        if (candidate) return candidate;
    }
    // a noun spelled as its verb's present tense (analyse, veille, maîtrise): the lexicon knows
    const verb = lexicon.forms(singular).find((f) => f.kind === 'P' || f.kind === 'K');
    return verb?.infinitive;
}

/** Whether a word unknown to the lexicon looks like an infinitive (a recent verb: prototyper, auditer). */
function looksLikeInfinitive(lexicon: FrenchLexicon, word: string): boolean {
    const w = lowerWord(word);
    return /^[a-zà-ÿœæ-]{3,}(er|ir|re|oir)$/.test(w) && !lexicon.isNounLikeVerb(w);
}

/** Classifies a verb word (after any « se »/« s' »). */
function classifyVerb(lexicon: FrenchLexicon, word: string): { kind: HeadKind; infinitive?: string; unknownVerb?: boolean } | undefined {
    let inf = lexicon.infinitive(word);
    // co-construire, auto-évaluer, pré-qualifier: the verb after the prefix
    if (!inf && word.includes('-')) inf = lexicon.infinitive(word.slice(word.lastIndexOf('-') + 1)) ? lowerWord(word) : undefined;
    if (inf) return { kind: STATE_VERBS.has(inf) || STATE_VERBS.has(stripAccents(inf)) ? 'state' : 'action', infinitive: inf };
    return undefined;
}

/**
 * The head of a competency: ids, bullets and « Le candidat » skipped, « Être capable de » and
 * « se »/« s' » seen through, the word looked up in the lexicon.
 */
export function analyseHead(text: string, lexicon: FrenchLexicon): HeadAnalysis {
    const from = skipLead(text);
    const rest = text.slice(from);
    const first = wordAt(text, from);
    if (!first) return { kind: 'empty', word: '', start: from, end: from };

    // « Le candidat est capable de … », « Le titulaire analyse … »
    const subject = /^(?:le|la|l['’])\s*(?:candidate?|titulaire|apprenante?|stagiaire|professionnel(?:le)?|certifi[ée]e?)(?:\s*\(e\))?\b/i.exec(rest);
    if (subject) {
        const end = from + subject[0].length;
        const next = wordAt(text, end + /^\s*/.exec(text.slice(end))![0].length);
        const verb = next ? lexicon.forms(next.word).find((f) => f.kind === 'P')?.infinitive : undefined;
        return { kind: 'subject', word: subject[0], start: from, end, infinitive: verb, suggestion: verb ? capitalised(verb) : undefined };
    }

    for (const wrapper of STATE_WRAPPERS) {
        const m = wrapper.re.exec(rest);
        if (!m) continue;
        const inner = analyseHead(text.slice(0, from) + ' '.repeat(m[0].length) + text.slice(from + m[0].length), lexicon);
        const phrase = m[0].replace(/\s+$/, '');
        return {
            kind: 'state', word: phrase, start: from, end: from + phrase.length, infinitive: wrapper.infinitive,
            suggestion: inner.kind === 'action' ? capitalised(inner.pronominal ? `${/^[aeiouyéèêh]/i.test(inner.infinitive!) ? "s'" : 'se '}${inner.infinitive}` : inner.infinitive!) : undefined,
        };
    }

    // S'informer, Se positionner, S’assurer
    const pronoun = /^(?:se\s+|s['’]\s*)/i.exec(rest);
    if (pronoun) {
        const verb = wordAt(text, from + pronoun[0].length);
        if (verb) {
            const v = classifyVerb(lexicon, verb.word);
            if (v) return { kind: v.kind, word: text.slice(from, verb.end), start: from, end: verb.end, infinitive: v.infinitive, pronominal: true };
            if (looksLikeInfinitive(lexicon, verb.word)) return { kind: 'action', word: text.slice(from, verb.end), start: from, end: verb.end, pronominal: true, unknownVerb: true };
        }
    }

    // « L'analyse des besoins », « La gestion … »: a determiner, then the noun
    const elided = /^([lL]['’])/.exec(rest);
    const determinerWord = elided ? "l'" : lowerWord(first.word);
    if (DETERMINERS.has(determinerWord) || elided) {
        const noun = wordAt(text, elided ? from + elided[1].length : first.end + (/^\s*/.exec(text.slice(first.end))![0].length));
        const end = noun ? noun.end : first.end;
        const verb = noun ? verbOfNoun(lexicon, noun.word) : undefined;
        const stateNoun = noun ? STATE_NOUNS[lowerWord(noun.word)] !== undefined : false;
        return { kind: 'nominal', word: text.slice(from, end), start: from, end, infinitive: verb, suggestion: verb ? capitalised(verb) : undefined, stateNoun };
    }

    const word = first.word.replace(/['’]$/, '');
    const v = classifyVerb(lexicon, word);
    if (v) return { ...first, word, kind: v.kind, infinitive: v.infinitive };

    const lower = lowerWord(word);
    if (STATE_NOUNS[lower]) {
        return { ...first, word, kind: 'nominal', stateNoun: true, infinitive: STATE_NOUNS[lower], suggestion: capitalised(STATE_NOUNS[lower]) };
    }
    if (NOUN_VERBS[lower]) {
        const verb = known(lexicon, NOUN_VERBS[lower]);
        return { ...first, word, kind: 'nominal', infinitive: verb, suggestion: verb ? capitalised(verb) : undefined };
    }
    const forms = lexicon.forms(word);
    // a noun written as the present tense of its verb (Analyse, Veille, Maîtrise) is a nominal phrase too;
    // a past or present participle (Élaboré, Organisant) is a verb in the wrong form
    const participle = forms.find((f) => f.kind === 'K' || f.kind === 'G');
    if (participle) {
        return { ...first, word, kind: 'inflected', infinitive: participle.infinitive, suggestion: capitalised(participle.infinitive) };
    }
    // « Élabore les plans »: the present tense, then an object
    const present = forms.find((f) => f.kind === 'P');
    if (present && /^\s+(?:le|la|les|l['’]|un|une|son|sa|ses|leur|leurs|sur|avec|en)\b/i.test(text.slice(first.end))) {
        return { ...first, word, kind: 'inflected', infinitive: present.infinitive, suggestion: capitalised(present.infinitive) };
    }
    const verb = verbOfNoun(lexicon, word);
    if (forms.length > 0 || verb || /(tion|sion|ment|age|ance|ence|ure|ité|isme|esse|eur|ique|logie)s?$/i.test(word)) {
        return { ...first, word, kind: 'nominal', infinitive: verb, suggestion: verb ? capitalised(verb) : undefined };
    }
    if (looksLikeInfinitive(lexicon, word)) return { ...first, word, kind: 'action', unknownVerb: true };
    if (lexicon.isNounLikeVerb(word)) return { ...first, word, kind: 'nominal' };
    return { ...first, word, kind: 'other' };
}

/** Words that say what a competency is for (France Compétences: « finalité »). */
const PURPOSE = new RegExp(
    '\\b(?:afin\\s+(?:de|d[\'’]|que|qu[\'’])|en\\s+vue\\s+(?:de|d[\'’])|de\\s+(?:fa[çc]on|mani[èe]re|sorte)\\s+(?:à|a|que|qu[\'’])' +
    '|dans\\s+(?:le\\s+but|l[\'’]objectif|l[\'’]optique|la\\s+perspective)\\s+(?:de|d[\'’])|avec\\s+pour\\s+(?:but|objectif|finalit[ée]|objet)' +
    '|(?:visant|permettant|destin[ée]e?s?|ayant\\s+pour\\s+(?:but|objectif))\\s+(?:à|a|de|d[\'’])|qui\\s+permet(?:tent)?\\s+(?:de|d[\'’])' +
    '|aux?\\s+fins?\\s+(?:de|d[\'’])|à\\s+des\\s+fins\\s+(?:de|d[\'’])|pour\\s+(?:que|qu[\'’]))',
    'i',
);

/**
 * Where a competency says what it is for: « afin de », « en vue de », « de façon à », « pour »
 * followed by a verb in the infinitive …; undefined when it does not.
 */
export function purposeOf(text: string, lexicon: FrenchLexicon): { marker: string; index: number } | undefined {
    const m = PURPOSE.exec(text);
    if (m) return { marker: m[0], index: m.index };
    // « pour » + (ne pas) + (pronoun) + infinitive: « pour évaluer », « pour s'assurer », « pour en mesurer »
    const pour = /\bpour\s+(?:ne\s+(?:pas|plus)\s+)?(?:(?:mieux|bien|ainsi|davantage|notamment|également|aussi|plus|encore|enfin|[a-zéèêàâîôûç]+ment)\s+)*(?:(?:se|le|la|les|lui|leur|en|y|nous|vous)\s+|[sl]['’]\s*|[sl]['’]en\s+)*/gi;
    for (let r = pour.exec(text); r; r = pour.exec(text)) {
        const w = wordAt(text, r.index + r[0].length);
        if (!w) continue;
        if (lexicon.infinitive(w.word) || looksLikeInfinitive(lexicon, w.word)) return { marker: text.slice(r.index, w.end), index: r.index };
    }
    return undefined;
}

/** Qualifiers a jury cannot observe on their own. */
const VAGUE = /\b(bien|bon|bons|bonne|bonnes|efficaces?|efficacement|correcte?s?|correctement|satisfaisante?s?|convenables?|convenablement|appropri[ée]e?s?|adéquate?s?|adéquatement|suffisante?s?|suffisamment|de\s+(?:bonne\s+)?qualit[ée]|de\s+mani[èe]re\s+(?:efficace|satisfaisante|appropri[ée]e|correcte|adapt[ée]e))\b/gi;

/** Fixed expressions that contain a vague word but are not vague (« bonnes pratiques », « bon fonctionnement »). */
const FIXED = /\b(?:bonnes?\s+pratiques?|bon\s+fonctionnement|bon\s+d[ée]roulement|bonne\s+foi|bon\s+de\s+commande|bons?\s+de\s+livraison|bien[-\s]être|biens?\s+(?:et|immobiliers?|mobiliers?|de\s+consommation)|bien\s+que|eh\s+bien|ou\s+bien|si\s+bien|aussi\s+bien|bien\s+s[uû]r)\b/gi;

/**
 * What makes a criterion judgeable: a number or threshold (3, 80 %, au moins, aucun, tous, sans
 * erreur, dans les délais), or a reference to judge it by (conforme à, selon, au regard de, dans le
 * respect de, la norme, le cahier des charges, la procédure, les consignes …).
 */
const MEASURE = new RegExp(
    '\\d|%|\\b(?:au\\s+moins|au\\s+plus|moins\\s+de|plus\\s+de|au\\s+minimum|au\\s+maximum|aucune?|toute?s|tous|chaque|sans\\s+(?:erreur|omission|faute)s?|z[ée]ro|d[ée]lais?|deux|trois|quatre|cinq|dix)\\b' +
    '|\\b(?:conform|selon|suivant\\s+l|au\\s+regard\\s+d|en\\s+regard\\s+d|dans\\s+le\\s+respect|respect|norme|r[èe]gle|r[ée]glementa|cahier\\s+des\\s+charges|proc[ée]dure|protocole|consigne|r[ée]f[ée]rentiel|cadre\\s+l[ée]gal|crit[èe]res?\\s+d|indicateur|grille|checklist|mod[èe]le\\s+fourni)',
    'i',
);

export interface VaguePart {
    word: string;
    index: number;
}

/**
 * The vague qualifiers of a criterion (« bien », « efficace », « correctement » …) when it gives
 * nothing to judge them by: no number, threshold or reference; empty when it is judgeable.
 */
export function vagueParts(text: string): VaguePart[] {
    const withoutFixed = text.replace(FIXED, (s) => ' '.repeat(s.length));
    const found: VaguePart[] = [];
    for (const m of withoutFixed.matchAll(VAGUE)) found.push({ word: m[0], index: m.index! });
    if (found.length === 0) return [];
    if (MEASURE.test(withoutFixed.replace(VAGUE, ' '))) return [];
    return found;
}

/**
 * What certiref's own quick fixes write where a text is still to be written: placeholder-text
 * reports it (test/language/drafting.test.ts checks every quick fix's insertion).
 */
export { CRITERION_PLACEHOLDER as QUICK_FIX_PLACEHOLDER } from '../rules/fix.js';

/** Texts that hold a place: « À rédiger », « TODO », « xxx », « ok », « … », an empty text. */
const PLACEHOLDER_WHOLE = /^(?:[àa]\s+(?:r[ée]diger|compl[ée]ter|d[ée]finir|pr[ée]ciser|reformuler|revoir|valider|faire|voir)|to\s+(?:be\s+)?(?:written|write|completed|complete|defined|define|done|do)|todo|tbd|tbc|fixme|xxx+|x+|ok|okay|\?+|…+|\.{2,}|-+|_+|lorem\s+ipsum.*|texte?|text|titre|title|description|intitul[ée]|libell[ée]|crit[èe]re|criterion|comp[ée]tence|competency|nouveau|nouvelle|new|[àa]\s+venir|en\s+cours|n\/?a|nc|rien|none|vide|empty)$/i;
/** A placeholder inside a longer text: TODO, FIXME, XXX, [à compléter], <…>. */
const PLACEHOLDER_INSIDE = /\b(?:TODO|FIXME|TBD)\b|\bXXX+\b|\[\s*(?:[àa]\s+(?:r[ée]diger|compl[ée]ter|d[ée]finir|pr[ée]ciser)|to\s+be\s+\w+|…|\.\.\.)\s*\]|<\s*(?:[àa]\s+\w+|to\s+be\s+\w+|…|\.\.\.)\s*>|\(\s*[àa]\s+(?:r[ée]diger|compl[ée]ter|d[ée]finir|pr[ée]ciser)\s*\)/;

export interface Placeholder {
    /** What was found, as written (empty for an empty text). */
    text: string;
    index: number;
}

/** The placeholder a text is or holds, if any. */
export function placeholderIn(text: string): Placeholder | undefined {
    const trimmed = text.trim();
    if (trimmed.length === 0) return { text: '', index: 0 };
    const core = trimmed.replace(/^[\s"'«»“”.:;!*_\-–—()[\]]+|[\s"'«»“”.:;!*_\-–—()[\]]+$/g, '');
    if (core.length === 0 || PLACEHOLDER_WHOLE.test(core) || /^(?:…|\.\.\.|\?)+$/.test(trimmed)) return { text: trimmed, index: text.indexOf(trimmed) };
    const m = PLACEHOLDER_INSIDE.exec(text);
    if (m) return { text: m[0], index: m.index };
    return undefined;
}

const FRENCH_WORDS = /(?:^|\s)(?:le|la|les|des|du|de|et|en|à|un|une|au|aux|pour|dans|sur|avec|d['’]|l['’])(?=\s|$)/i;
const ENGLISH_WORDS = /(?:^|\s)(?:the|and|of|to|a|an|in|for|with|on|their|its)(?=\s|$)/gi;

/** A text written in English (certiref's keywords are bilingual; the drafting rules read French). */
export function looksEnglish(text: string): boolean {
    const english = text.match(ENGLISH_WORDS)?.length ?? 0;
    return english >= 2 && !FRENCH_WORDS.test(text.replace(/\bl['’]/gi, ' '));
}

/** The key two texts are the same by (case, accents, punctuation and spacing aside). */
export function sameTextKey(text: string): string {
    return comparisonKey(text);
}
