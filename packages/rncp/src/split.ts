import { decodeHTML } from 'entities';

/**
 * The splitting of a bloc's LISTE_COMPETENCES and MODALITES_EVALUATION into items. The export
 * (format 4.1) has no list and no line break in these texts: the author's lines became runs of
 * spaces, items sometimes start with a code (`A1C1.`, `1.1.1`, `C1.`), a bullet (`-`, `•`, `*`)
 * or nothing, and older exports carried HTML (`<p>`, `<br>`, `<li>`). The splitter finds the
 * items a careful reader would count, the headings that group them (a heading is not an item),
 * and says where it is unsure. It never drops text: the pieces, joined, give back the source.
 */

export type PieceKind = 'item' | 'heading' | 'note' | 'separator';

/** Why a piece's start is uncertain, in both languages: the writer turns it into a review note. */
export interface Unsure {
    fr: string;
    en: string;
}

export interface Piece {
    kind: PieceKind;
    /** The source text of the piece, verbatim. */
    source: string;
    /** Offset of `source` in the text split. */
    offset: number;
    /** The marker that starts it as written (`A1C1.`, `-`, `3.1.2.`, `A2C2. et A2C3.`), if any. */
    marker?: string;
    /** What its marker is: a code (`A1C1`, `1.1`), a number (`1.`, `a)`) or a bullet. */
    markerKind?: 'code' | 'number' | 'bullet';
    /** The codes its marker carries (`A1C1`; `A2C2`, `A2C3` for a modality evaluating both). */
    codes: string[];
    /** The text without marker: trimmed, HTML tags removed and entities decoded; runs of spaces kept. */
    text: string;
    /** For an item under a heading: the index (in `pieces`) of that heading. */
    heading?: number;
    /** Set when the splitter is not sure this piece starts here (or is one piece). */
    unsure?: Unsure;
    /** For a modality: the lines after its first, verbatim texts (its description). */
    lines?: string[];
}

export type ListStyle = 'codes' | 'bullets' | 'lines' | 'single' | 'empty';

export interface SplitList {
    /** Everything, in order: items, headings, notes and the separators between them. */
    pieces: Piece[];
    /** The items (competencies or modalities), in order. */
    items: Piece[];
    /** How the list marks its items. */
    style: ListStyle;
}

// ---- the text's gaps: where an item can start ----

/** One unit of a gap: a space (no-break spaces included), a line break, or an HTML block tag (old exports' lines). */
const UNIT = String.raw`(?:[ \t\u00A0\u2007\u202F]|\r\n|\r|\n|<\/?(?:p|br|li|ul|ol|div|h[1-6])\b[^>]*>)`;
/** A gap where a line of the source may have been: two units or more, or one line break or block tag. */
const WIDE_GAP = new RegExp(String.raw`${UNIT}{2,}|\r\n|[\r\n]|<\/?(?:p|br|li|ul|ol|div|h[1-6])\b[^>]*>`, 'giu');
const ONE_UNIT = new RegExp(`^${UNIT}$`, 'iu');
const BLOCK_TAG = /<\/?(?:p|br|li|ul|ol|div|h[1-6])\b[^>]*>/i;

interface Gap {
    start: number;
    end: number;
    /** Spaces in the run; a line break or a block tag counts as a strong break. */
    width: number;
    strong: boolean;
    /** `<li>` in the gap: a bullet. */
    listItem: boolean;
}

function gap(text: string, start: number, end: number): Gap {
    const run = text.slice(start, end);
    if (run === ' ') return { start, end, width: 1, strong: false, listItem: false };
    return { start, end, width: run.replace(/<[^>]*>/g, '').length, strong: /[\r\n]/.test(run) || BLOCK_TAG.test(run), listItem: /<li\b/i.test(run) };
}

/**
 * The gaps of a text where an item may start: runs of two spaces or more, line breaks, block
 * tags; and a single space at the very start or end. (Single spaces between words are looked at
 * by `addGlued` only.)
 */
function gapsOf(text: string): Gap[] {
    const gaps: Gap[] = [];
    for (const match of text.matchAll(WIDE_GAP)) gaps.push(gap(text, match.index, match.index + match[0].length));
    if (text.length > 0 && (gaps[0]?.start ?? -1) !== 0 && ONE_UNIT.test(text[0]!)) gaps.unshift(gap(text, 0, 1));
    const last = gaps[gaps.length - 1];
    if (text.length > 1 && (last?.end ?? -1) !== text.length && ONE_UNIT.test(text[text.length - 1]!)) gaps.push(gap(text, text.length - 1, text.length));
    return gaps;
}

// ---- markers ----

/** A code: `A1C1`, `A5.C1`, `C12`, `CP3`, `BC02`, `1.1`, `1.1.1`. */
const CODE = String.raw`(?:[A-Z]{1,3}\d{1,2}(?:\.?[A-Z]{1,3}\d{1,2})*|\d{1,2}(?:\.\d{1,2})+)`;
/** One code or several (`A2C2. et A2C3.`, `A3C3 à A3C6.`, `A4C6 et A4C7.`), then what ends the marker. */
const CODE_MARKER = new RegExp(String.raw`^(${CODE})\.?(?:\s*(?:et|à|a|and|to|,|/|&|-|–)\s*(${CODE})\.?)*(?=[\s:)–-]|[A-ZÀ-Ý]|$)[:)]?`, 'u');
/** A numbered item: `1.`, `2)`, `a)` (only where items are already numbered so). */
const NUMBER_MARKER = /^(\d{1,2}|[a-z])[.)](?=\s)/u;
const BULLET_MARKER = /^[-–—•*·▪◦●○►➢✓]+(?=\s|[A-ZÀ-Ý])/u;

interface Marker {
    kind: 'code' | 'number' | 'bullet';
    length: number;
    codes: string[];
}

function markerAt(text: string, position: number): Marker | undefined {
    const rest = text.slice(position, position + 80);
    const bullet = rest.match(BULLET_MARKER);
    if (bullet) return { kind: 'bullet', length: bullet[0].length, codes: [] };
    const code = rest.match(CODE_MARKER);
    if (code) {
        const codes = [...code[0].matchAll(new RegExp(CODE, 'gu'))].map((m) => m[0]);
        return { kind: 'code', length: code[0].length, codes };
    }
    const number = rest.match(NUMBER_MARKER);
    if (number) return { kind: 'number', length: number[0].length, codes: [number[1]!] };
    return undefined;
}

// ---- words ----

/** Articles, determiners and prepositions: a capitalised word after one of them continues a sentence. */
const FUNCTION_WORDS = new Set(('le la les l de du des d un une au aux à a en et ou par pour sur sous dans avec sans son sa ses '
    + 'leur leurs ce cet cette ces mon ma mes notre nos votre vos chez entre vers selon que qui dont où the of and or to for by with').split(' '));

/** An infinitive with a capital (`Analyser`, `Choisir`, `Produire`, `Être`, `Savoir`); not `Financière`, `Histoire`. */
const INFINITIVE = /^[A-ZÀ-Ý][a-zà-öø-ÿœ-]*(?:er|ir|re|oir)$/u;
const NOT_INFINITIVE = /(?:[èé]re|oire)$/u;

/** Whether a text starts like a competency: an infinitive (`Analyser`, `Être`, `Se servir`, `S’assurer`). */
export function startsWithVerb(text: string): boolean {
    const words = text.replace(/^[^A-Za-zÀ-ÿ]+/u, '').split(/[\s,;:(]+/u);
    let first = words[0] ?? '';
    if (/^(?:Se|Savoir|Pouvoir)$/u.test(first) && words[1]) return true;
    first = first.replace(/^[SNsn]['’]/u, '').replace(/^./u, (c) => c.toUpperCase());
    return INFINITIVE.test(first) && !NOT_INFINITIVE.test(first);
}

function lastWord(text: string): string {
    const words = text.trimEnd().split(/[\s'’]+/u);
    return (words[words.length - 1] ?? '').toLowerCase();
}

const SENTENCE_END = /[.;!?…]\s*$/u;

/** Text of a piece for display: the marker left out, HTML tags removed, entities decoded, trimmed. */
function displayText(source: string): string {
    let text = source;
    if (/<\/?[a-z][^>]*>/i.test(text)) text = text.replace(/<\/?[a-z][^>]*>/gi, ' ');
    if (/&(?:[a-z]+|#\d+|#x[0-9a-f]+);/i.test(text)) text = decodeHTML(text);
    return text.trim();
}

// ---- boundaries ----

interface Boundary {
    /** Where the separator before the item starts (= position for the first item at 0). */
    gapStart: number;
    /** Where the item (its marker) starts. */
    position: number;
    marker?: Marker;
    unsure?: Unsure;
}

const UNSURE = {
    noMarker: (style: string): Unsure => ({
        fr: `sans ${style} devant, comme les autres : est-ce bien une nouvelle compétence ?`,
        en: `no ${style === 'puce' ? 'bullet' : 'code'} before it, unlike the others: is it really a new competency?`,
    }),
    glued: {
        fr: 'collée à la précédente par une seule espace : est-ce bien une nouvelle compétence ?',
        en: 'glued to the previous one by a single space: is it really a new competency?',
    },
    paragraph: {
        fr: 'un seul paragraphe de plusieurs phrases : contient-il plusieurs compétences ?',
        en: 'a single paragraph of several sentences: does it hold several competencies?',
    },
    leading: {
        fr: 'texte avant la première compétence marquée, sans « : » : est-ce une compétence ou un titre ?',
        en: 'text before the first marked competency, without « : »: is it a competency or a heading?',
    },
    gapInCodes: (missing: string): Unsure => ({
        fr: `la numérotation saute ${missing} : une compétence est-elle collée à la précédente ?`,
        en: `the numbering skips ${missing}: is a competency glued to the previous one?`,
    }),
    singleLevel: {
        fr: 'plusieurs lignes au même niveau, sans code de compétence : lues comme une seule modalité ; sont-ce plusieurs modalités ?',
        en: 'several lines at the same level, without competency codes: read as one modality; are they several modalities?',
    },
};

/** Every position after a gap, with the gap before it. */
function candidates(text: string, gaps: Gap[]): Array<{ gap: Gap; position: number }> {
    return gaps.filter((g) => g.end < text.length).map((gap) => ({ gap, position: gap.end }));
}

/** A gap wide enough to stand for a line break of the source (two spaces or more, or a real break). */
function isLineGap(gap: Gap): boolean {
    return gap.strong || gap.width >= 2;
}

/**
 * Splits a LISTE_COMPETENCES text into competencies (and the headings grouping them).
 */
export function splitCompetencies(text: string): SplitList {
    if (isBlank(text)) return assemble(text, [], 'empty');
    const gaps = gapsOf(text);
    const leadingGap = gaps[0]?.start === 0 ? gaps[0] : undefined;
    const firstPosition = leadingGap ? leadingGap.end : 0;
    // items start after a line gap (or at the start): single spaces are looked at by addGlued only
    const starts = [{ gap: leadingGap, position: firstPosition }, ...candidates(text, gaps).filter((c) => c.position !== firstPosition && isLineGap(c.gap))];

    const marked = starts.map((s) => ({ ...s, marker: markerAt(text, s.position) }))
        .map((s) => s.gap?.listItem && !s.marker ? { ...s, marker: { kind: 'bullet' as const, length: 0, codes: [] } } : s);
    const codes = marked.filter((s) => s.marker?.kind === 'code');
    const bullets = marked.filter((s) => s.marker?.kind === 'bullet');
    const numbers = marked.filter((s) => s.marker?.kind === 'number');

    let style: ListStyle;
    let boundaries: Boundary[];
    const toBoundary = (s: { gap?: Gap; position: number; marker?: Marker }): Boundary =>
        ({ gapStart: s.gap && s.position !== firstPosition ? s.gap.start : s.position, position: s.position, marker: s.marker });
    if (codes.length >= 2) {
        style = 'codes';
        boundaries = [...codes, ...bullets].sort((a, b) => a.position - b.position).map(toBoundary);
    } else if (bullets.length >= 1 && (bullets.length >= 2 || bullets[0]!.position === firstPosition)) {
        style = 'bullets';
        boundaries = [...bullets, ...numbers].sort((a, b) => a.position - b.position).map(toBoundary);
    } else if (numbers.length >= 2) {
        style = 'codes';
        boundaries = numbers.map(toBoundary);
    } else {
        style = 'lines';
        boundaries = [];
        for (const s of marked) {
            if (s.position === firstPosition) {
                boundaries.push(toBoundary(s));
                continue;
            }
            if (!s.gap || !isLineGap(s.gap)) continue;
            const next = text.slice(s.position, s.position + 60);
            if (!/^[A-ZÀ-Ý0-9]/u.test(next)) continue;
            const before = text.slice(Math.max(0, s.gap.start - 10), s.gap.start);
            if (SENTENCE_END.test(before) || s.gap.strong || startsWithVerb(next)) boundaries.push(toBoundary(s));
        }
        if (boundaries.length <= 1) style = 'single';
    }
    if (boundaries.length === 0 || boundaries[0]!.position !== firstPosition) {
        boundaries.unshift({ gapStart: firstPosition, position: firstPosition });
    }
    // inside marked items: a line gap before a verb with a capital, or a single space before one,
    // may be a competency whose marker was lost
    if (style === 'codes' || style === 'bullets') boundaries = addUnmarked(text, gaps, boundaries, style);
    boundaries = addGlued(text, boundaries);
    return assemble(text, boundaries, style, 'competencies');
}

/** Boundaries inside marked items where a line gap is followed by a verb: the marker was lost (unsure). */
function addUnmarked(text: string, gaps: Gap[], boundaries: Boundary[], style: ListStyle): Boundary[] {
    const added: Boundary[] = [];
    const starts = new Set(boundaries.map((b) => b.position));
    for (const gap of gaps) {
        if (!isLineGap(gap) || gap.end >= text.length || starts.has(gap.end) || gap.start === 0) continue;
        const owner = [...boundaries].reverse().find((b) => b.position < gap.start);
        if (!owner?.marker) continue;
        const next = text.slice(gap.end, gap.end + 60);
        const before = text.slice(owner.position, gap.start);
        if (!/^[A-ZÀ-Ý]/u.test(next) || /:\s*$/u.test(before)) continue;
        // a line ending with « : » just before the next marked item: a heading of the items after it
        const following = boundaries.find((b) => b.position > gap.end);
        const line = text.slice(gap.end, following ? following.gapStart : text.length);
        if (following && /:\s*$/u.test(line) && !/\s{2,}/u.test(line.trim())) {
            added.push({ gapStart: gap.start, position: gap.end });
            continue;
        }
        if (!startsWithVerb(next)) continue;
        // `-   Conduire`, `3.1  Organiser`: the gap after a marker is not a boundary
        if (text.slice(owner.position + owner.marker.length, gap.start).trim().split(/\s+/u).length < 3) continue;
        if (FUNCTION_WORDS.has(lastWord(before))) continue;
        added.push({ gapStart: gap.start, position: gap.end, unsure: UNSURE.noMarker(style === 'bullets' ? 'puce' : 'code') });
    }
    return [...boundaries, ...added].sort((a, b) => a.position - b.position);
}

/** Boundaries where a competency is glued to the previous one by one space (`… artistique Participer aux …`), unsure. */
function addGlued(text: string, boundaries: Boundary[]): Boundary[] {
    const added: Boundary[] = [];
    const starts = new Set(boundaries.map((b) => b.position));
    for (const match of text.matchAll(/(?<=[a-zà-ÿ]) (?=[A-ZÀ-Ý])/gu)) {
        const gap = { start: match.index, end: match.index + 1 };
        if (starts.has(gap.end)) continue;
        const before = text.slice(Math.max(0, gap.start - 60), gap.start);
        const word = text.slice(gap.end, gap.end + 60).match(/^[^\s,;:.()]+/u)?.[0] ?? '';
        // after a word in lower case (`la Direction Financière` is a name)
        if (!/(?:^|[\s'’])[a-zà-ÿ][a-zà-ÿ-]*$/u.test(before) || !INFINITIVE.test(word) || NOT_INFINITIVE.test(word) || word.length < 5) continue;
        if (FUNCTION_WORDS.has(lastWord(before))) continue;
        const owner = [...boundaries].reverse().find((b) => b.position < gap.start);
        const ownText = text.slice(Math.max(owner?.position ?? 0, gap.start - 200), gap.start);
        if (ownText.trim().split(/\s+/u).length < 4) continue;
        // the next words read as a verb phrase: a lower-case word follows the verb
        if (!/^[^\s]+\s+[a-zà-ÿ]/u.test(text.slice(gap.end, gap.end + 60))) continue;
        added.push({ gapStart: gap.start, position: gap.end, unsure: UNSURE.glued });
    }
    return [...boundaries, ...added].sort((a, b) => a.position - b.position);
}

/** Turns boundaries into pieces (separators between them), then finds headings and uncertainties. */
function assemble(text: string, boundaries: Boundary[], style: ListStyle, kind: 'competencies' | 'modalities' = 'competencies'): SplitList {
    const pieces: Piece[] = [];
    const push = (piece: Piece) => {
        if (piece.source !== '') pieces.push(piece);
    };
    let cursor = 0;
    for (let i = 0; i < boundaries.length; i++) {
        const b = boundaries[i]!;
        const end = Math.max(b.position, i + 1 < boundaries.length ? boundaries[i + 1]!.gapStart : trimmedEnd(text));
        push({ kind: 'separator', source: text.slice(cursor, b.position), offset: cursor, codes: [], text: '' });
        const source = text.slice(b.position, end);
        const markerLength = b.marker?.length ?? 0;
        const marker = markerLength > 0 ? source.slice(0, markerLength) : undefined;
        push({
            kind: 'item',
            source,
            offset: b.position,
            marker: marker?.trim(),
            markerKind: b.marker?.kind,
            codes: b.marker?.kind === 'bullet' ? [] : b.marker?.codes ?? [],
            text: displayText(source.slice(markerLength).replace(/^[\s.:)–-]+(?=\S)/u, '')),
            unsure: b.unsure,
        });
        cursor = end;
    }
    push({ kind: 'separator', source: text.slice(cursor), offset: cursor, codes: [], text: '' });
    if (kind === 'competencies') classifyCompetencies(pieces, style);
    return { pieces, items: pieces.filter((p) => p.kind === 'item'), style };
}

/** Nothing but spaces, line breaks and block tags. */
function isBlank(text: string): boolean {
    const gaps = gapsOf(text);
    return text === '' || (gaps.length === 1 && gaps[0]!.start === 0 && gaps[0]!.end === text.length);
}

function trimmedEnd(text: string): number {
    const gaps = gapsOf(text);
    const last = gaps[gaps.length - 1];
    return last && last.end === text.length ? last.start : text.length;
}

/** Headings (a parent code, a line ending with « : » before items), uncertainties on the whole list. */
function classifyCompetencies(pieces: Piece[], style: ListStyle): void {
    const items = pieces.filter((p) => p.kind === 'item');
    // a code whose next item's code extends it (1.1 → 1.1.1) is a heading
    for (let i = 0; i + 1 < items.length; i++) {
        const code = items[i]!.codes[0];
        const next = items[i + 1]!.codes[0];
        if (code && next && (next.startsWith(`${code}.`) || next.startsWith(`${code}-`))) items[i]!.kind = 'heading';
    }
    // a numbered or coded line followed by bullets is a heading (`1. Développer …   * Installer …`)
    for (let i = 0; i + 1 < items.length; i++) {
        if ((items[i]!.markerKind === 'code' || items[i]!.markerKind === 'number') && items[i + 1]!.markerKind === 'bullet') items[i]!.kind = 'heading';
    }
    // a line ending with « : » followed by items is a heading
    for (let i = 0; i + 1 < items.length; i++) {
        if (/:\s*$/u.test(items[i]!.text) && items[i]!.kind === 'item') items[i]!.kind = 'heading';
    }
    // in a marked list, unmarked text before the first marker that is not a heading: unsure
    const first = items[0];
    if (first && first.kind === 'item' && !first.marker && (style === 'codes' || style === 'bullets') && items.length > 1 && items[1]!.marker) {
        first.unsure ??= UNSURE.leading;
    }
    // numbering that skips a code: maybe two competencies glued together
    for (let i = 0; i + 1 < items.length; i++) {
        const missing = skipped(items[i]!.codes[0], items[i + 1]!.codes[0]);
        if (missing && items[i]!.kind === 'item' && items[i + 1]!.kind === 'item') items[i]!.unsure ??= UNSURE.gapInCodes(missing);
    }
    // one paragraph of several sentences
    const competencies = items.filter((p) => p.kind === 'item');
    if (competencies.length === 1 && (competencies[0]!.text.match(/[.;!?]\s+[A-ZÀ-Ý]/gu) ?? []).length >= 1) {
        competencies[0]!.unsure ??= UNSURE.paragraph;
    }
    let heading: number | undefined;
    pieces.forEach((piece, index) => {
        if (piece.kind === 'heading') heading = index;
        else if (piece.kind === 'item' && heading !== undefined) piece.heading = heading;
    });
}

/** `A1C3` after `A1C1` → `A1C2` (what the numbering skips), or undefined. */
function skipped(code: string | undefined, next: string | undefined): string | undefined {
    if (!code || !next) return undefined;
    const a = code.match(/^(.*?)(\d+)$/u);
    const b = next.match(/^(.*?)(\d+)$/u);
    if (!a || !b || a[1] !== b[1]) return undefined;
    const gap = Number(b[2]) - Number(a[2]);
    if (gap === 2) return `${a[1]}${Number(a[2]) + 1}`;
    if (gap > 2) return `${a[1]}${Number(a[2]) + 1}–${a[1]}${Number(b[2]) - 1}`;
    return undefined;
}

// ---- modalities ----

/** A line that is a note about the modalities, not one of them. */
const NOTE = /^(?:NB|N\.B\.|Nota|Remarque|Note)\b\s*[.:]?/iu;

/**
 * Splits a MODALITES_EVALUATION text into modalities. Lines (runs of two spaces or more before a
 * capital, a code, a bullet, or a real break) are grouped: a line led by competency codes starts
 * a modality that evaluates them; otherwise, when the text has two levels of line gaps (two and
 * four spaces, four and six …), the wider ones separate modalities; otherwise the text is one
 * modality (unsure when it has many unlabelled lines). `NB` lines are notes.
 * `competencyCodes` (the bloc's, in order) turns `A3C3 à A3C6` into the codes between.
 */
export function splitModalities(text: string, competencyCodes: readonly string[] = []): SplitList {
    if (isBlank(text)) return assemble(text, [], 'empty', 'modalities');
    const gaps = gapsOf(text);
    const leadingGap = gaps[0]?.start === 0 ? gaps[0] : undefined;
    const firstPosition = leadingGap ? leadingGap.end : 0;
    // the lines
    const lines: Array<{ gap?: Gap; position: number; marker?: Marker; note: boolean }> = [];
    lines.push({ gap: undefined, position: firstPosition, marker: markerAt(text, firstPosition), note: NOTE.test(text.slice(firstPosition)) });
    for (const gap of gaps) {
        if (gap.end >= text.length || gap.end === firstPosition || !isLineGap(gap)) continue;
        const next = text.slice(gap.end, gap.end + 40);
        const marker = markerAt(text, gap.end);
        if (!gap.strong && !marker && !/^[A-ZÀ-Ý]/u.test(next)) continue;
        lines.push({ gap, position: gap.end, marker, note: NOTE.test(next) });
    }
    const codeLed = lines.filter((l) => l.marker?.kind === 'code');
    let starts: typeof lines;
    let style: ListStyle;
    let unsureAll: Unsure | undefined;
    if (codeLed.length >= 2) {
        style = 'codes';
        starts = lines.filter((l, i) => i === 0 || l.marker?.kind === 'code' || l.note || lines[i - 1]!.note);
    } else {
        const widths = lines.slice(1).filter((l) => l.gap && !l.gap.strong).map((l) => l.gap!.width);
        const strong = lines.slice(1).some((l) => l.gap?.strong);
        const min = Math.min(...widths);
        const top = widths.filter((w) => w >= min * 1.5);
        if (!strong && widths.length > 0 && top.length > 0) {
            style = 'lines';
            starts = lines.filter((l, i) => i === 0 || l.note || lines[i - 1]!.note || (l.gap && l.gap.width >= min * 1.5));
        } else {
            style = lines.length > 1 ? 'lines' : 'single';
            starts = lines.filter((l, i) => i === 0 || l.note || lines[i - 1]!.note);
            const unlabelled = lines.filter((l) => !l.note && !/^[^:]{1,60}\s:\s/u.test(text.slice(l.position, l.position + 70)));
            if (unlabelled.length >= 3) unsureAll = UNSURE.singleLevel;
        }
    }
    const boundaries: Boundary[] = starts.map((l, i) => ({
        gapStart: i === 0 ? l.position : l.gap!.start,
        position: l.position,
        marker: l.marker?.kind === 'code' ? l.marker : undefined,
    }));
    const result = assemble(text, boundaries, style, 'modalities');
    for (const piece of result.pieces) {
        if (piece.kind !== 'item') continue;
        if (NOTE.test(piece.source)) {
            piece.kind = 'note';
            continue;
        }
        piece.codes = expandCodes(piece.codes, piece.marker ?? '', competencyCodes);
        // its own lines: the first is its title, the others its description
        const own = lines.filter((l) => l.position >= piece.offset && l.position < piece.offset + piece.source.length);
        const texts = own.map((l, i) => {
            const end = i + 1 < own.length ? own[i + 1]!.gap!.start : piece.offset + piece.source.length;
            return text.slice(l.position, end);
        });
        piece.lines = texts.slice(1).map(displayText);
        const firstLine = texts[0] ?? piece.source;
        piece.text = displayText(firstLine.slice(piece.marker ? firstLine.indexOf(piece.marker) + piece.marker.length : 0).replace(/^[\s.:)–-]+(?=\S)/u, ''));
        if (unsureAll) piece.unsure = unsureAll;
    }
    return { pieces: result.pieces, items: result.pieces.filter((p) => p.kind === 'item'), style };
}

/** `A3C3 à A3C6` → A3C3, A3C4, A3C5, A3C6 (by the bloc's codes); `A2C2. et A2C3.` → both. */
function expandCodes(codes: string[], marker: string, competencyCodes: readonly string[]): string[] {
    if (codes.length === 2 && /\s(?:à|a|to)\s|[–-]/u.test(marker)) {
        const from = competencyCodes.indexOf(codes[0]!);
        const to = competencyCodes.indexOf(codes[1]!);
        if (from !== -1 && to > from) return competencyCodes.slice(from, to + 1);
    }
    return codes;
}
