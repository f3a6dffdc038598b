import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { splitCompetencies, splitModalities } from 'certiref-rncp';
import { align, prepareQuery, type AlignOptions, type Alignment } from './align.js';
import { groupOf, UnitKind, type RegistryFiche, type UnitGroup } from './registry.js';
import { forEachStem, NORMALISER_VERSION, tokenize, type Token } from './text.js';

/**
 * The index of the registry's texts: every bloc's title, competencies and modalities (and the
 * capacities of a fiche without blocs), their words in an inverted index, kept on disk in one
 * file. Built once from the export (a minute for the whole registry), loaded in a fraction of a
 * second; the texts themselves stay on disk and are read when a passage is compared or shown.
 */

export const INDEX_FORMAT = 1;
const MAGIC = 'CRSIMIX1';

/** The export an index was built from: it is built again when any of these changes. */
export interface ExportIdentity {
    /** Absolute path, as given. */
    path: string;
    size: number;
    mtimeMs: number;
    /** SHA-256 of the first and last MiB of the file. */
    sample: string;
}

export interface IndexedFiche {
    number: string;
    title: string;
    active: boolean;
    previous: string[];
    next: string[];
    /** Its blocs: indices into `blocs`. */
    firstBloc: number;
    blocCount: number;
}

export interface IndexedBloc {
    code: string;
    title: string;
    fiche: number;
}

export interface IndexHeader {
    format: number;
    normaliser: number;
    export: ExportIdentity;
    /** ISO date of the build. */
    built: string;
    buildMs: number;
    counts: { fiches: number; blocs: number; units: number; terms: number; postings: number; textBytes: number };
    sections: Record<string, { offset: number; length: number }>;
}

/** The arrays of an index, in memory (the texts excepted). */
interface IndexArrays {
    fiches: IndexedFiche[];
    blocs: IndexedBloc[];
    /** Per unit: kind, fiche, bloc (-1 for a fiche's capacities), and its text's byte range. */
    unitKind: Uint8Array;
    unitFiche: Int32Array;
    unitBloc: Int32Array;
    unitTextStart: Float64Array;
    unitTextLength: Uint32Array;
    terms: string[];
    /** Units per term (CSR): the units of term t are postings[postingStart[t] … postingStart[t+1]). */
    postingStart: Uint32Array;
    postings: Uint32Array;
    /** Units of each group that hold the term. */
    dfCompetencies: Uint32Array;
    dfModalities: Uint32Array;
    unitsCompetencies: number;
    unitsModalities: number;
}

/** Grows a typed array as values are pushed. */
class Growable {
    data: Uint32Array;
    length = 0;
    constructor(initial = 1 << 16) {
        this.data = new Uint32Array(initial);
    }
    push(value: number): void {
        if (this.length === this.data.length) {
            const bigger = new Uint32Array(this.data.length * 2);
            bigger.set(this.data);
            this.data = bigger;
        }
        this.data[this.length++] = value;
    }
    view(): Uint32Array {
        return this.data.subarray(0, this.length);
    }
}

export interface BuildProgress {
    fiches: number;
}

/**
 * Builds the index from the fiches of an export and writes it to `file` (atomically: a reader
 * never sees half an index). Memory stays proportional to the words, not to the export: the
 * texts go to a temporary file as they come.
 */
export async function buildIndex(fiches: AsyncIterable<RegistryFiche> | Iterable<RegistryFiche>, identity: ExportIdentity, file: string,
    onProgress?: (p: BuildProgress) => void, options: { reuseWords?: boolean } = {}): Promise<IndexHeader> {
    const started = Date.now();
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
    const textsFile = `${temporary}.texts`;
    let textsFd: number | undefined = fs.openSync(textsFile, 'w');
    try {
        const termIds = new Map<string, number>();
        const terms: string[] = [];
        const pairTerm = new Growable(1 << 20);
        const pairUnit = new Growable(1 << 20);
        const unitKind: number[] = [];
        const unitFiche: number[] = [];
        const unitBloc: number[] = [];
        const unitTextStart: number[] = [];
        const unitTextLength: number[] = [];
        const indexedFiches: IndexedFiche[] = [];
        const blocs: IndexedBloc[] = [];
        // identical texts (a bloc carried unchanged into the next version, a bloc shared by the
        // titles of one ministry) are stored once, known by their hash; the words of the last
        // ones met are kept, not read again
        const stored = new Map<string, { start: number; length: number }>();
        const wordsOf = new Map<string, Uint32Array>();
        const reuseWords = options.reuseWords !== false;
        let textBytes = 0;
        let pending: Buffer[] = [];
        let pendingBytes = 0;
        const flush = () => {
            if (pendingBytes === 0) return;
            fs.writeSync(textsFd!, Buffer.concat(pending, pendingBytes));
            pending = [];
            pendingBytes = 0;
        };
        // the last unit each term was seen in: a term counts once per unit
        let lastUnit = new Int32Array(1 << 16).fill(-1);
        const words: number[] = [];
        const addUnit = (kind: UnitKind, fiche: number, bloc: number, text: string) => {
            const trimmed = text.trim();
            if (trimmed === '') return;
            const unit = unitKind.length;
            const hash = createHash('sha1').update(trimmed).digest('base64');
            let ids = reuseWords ? wordsOf.get(hash) : undefined;
            if (!ids) {
                words.length = 0;
                forEachStem(trimmed, (stem) => {
                    let id = termIds.get(stem);
                    if (id === undefined) {
                        id = terms.length;
                        termIds.set(stem, id);
                        terms.push(stem);
                        if (id >= lastUnit.length) {
                            const bigger = new Int32Array(lastUnit.length * 2).fill(-1);
                            bigger.set(lastUnit);
                            lastUnit = bigger;
                        }
                    }
                    if (lastUnit[id] === unit) return;
                    lastUnit[id] = unit;
                    words.push(id);
                });
                ids = Uint32Array.from(words);
                if (reuseWords) {
                    if (wordsOf.size >= 20_000) wordsOf.delete(wordsOf.keys().next().value!);
                    wordsOf.set(hash, ids);
                }
            }
            if (ids.length === 0) return;
            let place = stored.get(hash);
            if (!place) {
                const bytes = Buffer.from(trimmed, 'utf8');
                place = { start: textBytes, length: bytes.length };
                stored.set(hash, place);
                pending.push(bytes);
                pendingBytes += bytes.length;
                textBytes += bytes.length;
                if (pendingBytes > 1 << 22) flush();
            }
            unitKind.push(kind);
            unitFiche.push(fiche);
            unitBloc.push(bloc);
            unitTextStart.push(place.start);
            unitTextLength.push(place.length);
            for (const id of ids) {
                pairTerm.push(id);
                pairUnit.push(unit);
            }
        };
        let count = 0;
        for await (const fiche of fiches) {
            const f = indexedFiches.length;
            indexedFiches.push({
                number: own(fiche.number), title: own(fiche.title), active: fiche.active, previous: fiche.previous.map(own), next: fiche.next.map(own),
                firstBloc: blocs.length, blocCount: fiche.blocs.length,
            });
            let hasCompetencies = false;
            for (const bloc of fiche.blocs) {
                const b = blocs.length;
                blocs.push({ code: own(bloc.code), title: own(bloc.title), fiche: f });
                addUnit(UnitKind.BlocTitle, f, b, bloc.title);
                addUnit(UnitKind.Competencies, f, b, bloc.competencies);
                addUnit(UnitKind.Modalities, f, b, bloc.modalities);
                if (bloc.competencies.trim() !== '') hasCompetencies = true;
            }
            if (!hasCompetencies && fiche.capacities) addUnit(UnitKind.Capacities, f, -1, fiche.capacities);
            if (++count % 500 === 0) onProgress?.({ fiches: count });
        }
        flush();
        fs.closeSync(textsFd);
        textsFd = undefined;
        stored.clear();
        onProgress?.({ fiches: count });

        // postings: counting sort of the (term, unit) pairs by term; units stay in order
        const units = unitKind.length;
        const termOf = pairTerm.view();
        const unitOf = pairUnit.view();
        const postingStart = new Uint32Array(terms.length + 1);
        for (let k = 0; k < termOf.length; k++) postingStart[termOf[k] + 1]++;
        for (let t = 0; t < terms.length; t++) postingStart[t + 1] += postingStart[t];
        const postings = new Uint32Array(termOf.length);
        const cursor = postingStart.slice(0, terms.length);
        const kinds = Uint8Array.from(unitKind);
        const dfCompetencies = new Uint32Array(terms.length);
        const dfModalities = new Uint32Array(terms.length);
        for (let k = 0; k < termOf.length; k++) {
            const t = termOf[k];
            const u = unitOf[k];
            postings[cursor[t]++] = u;
            if (groupOf(kinds[u]) === 'modalities') dfModalities[t]++;
            else dfCompetencies[t]++;
        }
        let unitsModalities = 0;
        for (const k of kinds) if (k === UnitKind.Modalities) unitsModalities++;

        const arrays: IndexArrays = {
            fiches: indexedFiches, blocs, unitKind: kinds, unitFiche: Int32Array.from(unitFiche), unitBloc: Int32Array.from(unitBloc),
            unitTextStart: Float64Array.from(unitTextStart), unitTextLength: Uint32Array.from(unitTextLength), terms, postingStart, postings,
            dfCompetencies, dfModalities, unitsCompetencies: units - unitsModalities, unitsModalities,
        };
        const header = writeIndexFile(temporary, textsFile, arrays, identity, textBytes, Date.now() - started);
        fs.renameSync(temporary, file);
        return header;
    } finally {
        // closed here only if the build stopped before its end (a number closed twice may be another file's)
        if (textsFd !== undefined) fs.closeSync(textsFd);
        fs.rmSync(textsFile, { force: true });
        fs.rmSync(temporary, { force: true });
    }
}

/**
 * A copy of a string that holds nothing else: a part of a fiche's text may keep the whole fiche's
 * text in memory (V8 slices strings), and the index keeps the titles of every fiche.
 */
function own(text: string): string {
    return text.length < 13 ? text : Buffer.from(text, 'utf8').toString('utf8');
}

/** The binary sections of an index file, each aligned on 8 bytes. */
function writeIndexFile(file: string, textsFile: string, a: IndexArrays, identity: ExportIdentity, textBytes: number, buildMs: number): IndexHeader {
    const json = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8');
    const bytes = (array: ArrayBufferView) => Buffer.from(array.buffer, array.byteOffset, array.byteLength);
    const meta = {
        fiches: a.fiches, blocs: a.blocs, terms: a.terms,
        unitsCompetencies: a.unitsCompetencies, unitsModalities: a.unitsModalities,
    };
    const sections: Array<[string, Buffer]> = [
        ['meta', json(meta)],
        ['unitKind', bytes(a.unitKind)],
        ['unitFiche', bytes(a.unitFiche)],
        ['unitBloc', bytes(a.unitBloc)],
        ['unitTextStart', bytes(a.unitTextStart)],
        ['unitTextLength', bytes(a.unitTextLength)],
        ['postingStart', bytes(a.postingStart)],
        ['postings', bytes(a.postings)],
        ['dfCompetencies', bytes(a.dfCompetencies)],
        ['dfModalities', bytes(a.dfModalities)],
    ];
    const header: IndexHeader = {
        format: INDEX_FORMAT, normaliser: NORMALISER_VERSION, export: identity, built: new Date().toISOString(), buildMs,
        counts: { fiches: a.fiches.length, blocs: a.blocs.length, units: a.unitKind.length, terms: a.terms.length, postings: a.postings.length, textBytes },
        sections: {},
    };
    // the header's size depends on the offsets it holds: place the sections after a generous room
    const align8 = (n: number) => Math.ceil(n / 8) * 8;
    const room = align8(Buffer.byteLength(JSON.stringify(header)) + 64 * (sections.length + 1) + 1024);
    let offset = 16 + room;
    for (const [name, data] of sections) {
        header.sections[name] = { offset, length: data.length };
        offset = align8(offset + data.length);
    }
    header.sections.texts = { offset, length: textBytes };
    const headerBytes = json(header);
    if (headerBytes.length > room) throw new Error('index header larger than its room');
    const fd = fs.openSync(file, 'w');
    try {
        const start = Buffer.alloc(16 + room);
        start.write(MAGIC, 0, 'latin1');
        start.writeUInt32LE(headerBytes.length, 8);
        headerBytes.copy(start, 16);
        fs.writeSync(fd, start, 0, start.length, 0);
        for (const [name, data] of sections) fs.writeSync(fd, data, 0, data.length, header.sections[name].offset);
        // the texts, copied from their temporary file in chunks
        const input = fs.openSync(textsFile, 'r');
        try {
            const chunk = Buffer.alloc(1 << 22);
            let copied = 0;
            while (copied < textBytes) {
                const n = fs.readSync(input, chunk, 0, Math.min(chunk.length, textBytes - copied), copied);
                if (n <= 0) throw new Error('texts of the index cut short');
                fs.writeSync(fd, chunk, 0, n, offset + copied);
                copied += n;
            }
        } finally {
            fs.closeSync(input);
        }
    } finally {
        fs.closeSync(fd);
    }
    return header;
}

/** Reads an index file's header, or undefined when it is not an index of this version. */
export function readIndexHeader(file: string): IndexHeader | undefined {
    let fd: number | undefined;
    try {
        fd = fs.openSync(file, 'r');
        const start = Buffer.alloc(16);
        if (fs.readSync(fd, start, 0, 16, 0) < 16 || start.toString('latin1', 0, 8) !== MAGIC) return undefined;
        const length = start.readUInt32LE(8);
        const json = Buffer.alloc(length);
        if (fs.readSync(fd, json, 0, length, 16) < length) return undefined;
        const header = JSON.parse(json.toString('utf8')) as IndexHeader;
        return header.format === INDEX_FORMAT ? header : undefined;
    } catch {
        return undefined;
    } finally {
        if (fd !== undefined) fs.closeSync(fd);
    }
}

/**
 * The item of its list each word of a registry text belongs to: the RNCP reader splits the
 * bloc's competencies or modalities as a careful reader would, and a shared passage stays
 * within one of them.
 */
function segmentsOf(text: string, tokens: Token[], kind: number): Int32Array {
    const segments = new Int32Array(tokens.length);
    if (kind === UnitKind.BlocTitle) return segments;
    const starts = (kind === UnitKind.Modalities ? splitModalities(text) : splitCompetencies(text)).pieces.map((p) => p.offset);
    let piece = 0;
    tokens.forEach((t, k) => {
        while (piece + 1 < starts.length && starts[piece + 1] <= t.start) piece++;
        segments[k] = piece;
    });
    return segments;
}

/** A passage of the registry beside the référentiel's text: both, and their words shared or not. */
export interface SharedPassage {
    /** The registry's text (the whole unit) and the shared passage in it (UTF-16 offsets). */
    text: string;
    passage: { start: number; end: number };
    /** The words of the registry's passage, and which are shared. */
    passageWords: Array<{ start: number; end: number; shared: boolean }>;
    /** The référentiel's text searched, its words, and which are shared. */
    query: string;
    queryWords: Array<{ start: number; end: number; shared: boolean }>;
    sharedWords: number;
}

/** One passage of the registry close to a text of the référentiel. */
export interface Match extends SharedPassage {
    unit: number;
    kind: UnitKind;
    fiche: IndexedFiche;
    bloc?: IndexedBloc;
    score: number;
}

export interface SearchOptions {
    group: UnitGroup;
    /** Matches below this score are left out. */
    minScore: number;
    /** Units that cannot reach this share of the query's weight are not aligned. */
    candidateShare?: number;
    /** At most this many distinct texts are aligned. */
    maxCandidates?: number;
    /** Synonyms of a stem, if any source of them is given (certiref ships none: see the README). */
    synonyms?: (stem: string) => readonly string[] | undefined;
    /** The part of a word's weight a synonym earns. */
    synonymCredit?: number;
}

/** An index loaded for queries. */
export class RegistryIndex {
    readonly header: IndexHeader;
    private readonly a: IndexArrays;
    private readonly termIds: Map<string, number>;
    private readonly fd: number;
    private readonly textsOffset: number;
    private readonly accumulator: Float32Array;
    private readonly tokenCache = new Map<number, { text: string; tokens: Token[]; segments: Int32Array }>();
    /** The last searches: an edit in the editor asks again for the one text that changed (bounded by their matches). */
    private readonly searches = new Map<string, Match[]>();
    private searchedMatches = 0;

    private constructor(file: string, header: IndexHeader, arrays: IndexArrays, fd: number) {
        this.file = file;
        this.header = header;
        this.a = arrays;
        this.fd = fd;
        this.textsOffset = header.sections.texts.offset;
        this.termIds = new Map(arrays.terms.map((t, i) => [t, i]));
        this.accumulator = new Float32Array(arrays.unitKind.length);
    }

    readonly file: string;

    /** Loads an index file: its arrays into memory, its texts left on disk. */
    static load(file: string): RegistryIndex {
        const header = readIndexHeader(file);
        if (!header) throw new Error(`${file}: not a certiref registry index (or of another version)`);
        const fd = fs.openSync(file, 'r');
        // the texts are read later, passage by passage: a file cut short is said now
        const { offset, length } = header.sections.texts;
        if (fs.fstatSync(fd).size < offset + length) {
            fs.closeSync(fd);
            throw new Error(`${file}: index cut short`);
        }
        const section = (name: string) => {
            const { offset, length } = header.sections[name];
            // a fresh ArrayBuffer per section: aligned for the typed array that views it
            const data = new Uint8Array(length);
            let read = 0;
            while (read < length) {
                const n = fs.readSync(fd, data, read, length - read, offset + read);
                if (n <= 0) throw new Error(`${file}: index cut short (section ${name})`);
                read += n;
            }
            return data.buffer;
        };
        const meta = JSON.parse(Buffer.from(section('meta')).toString('utf8')) as Pick<IndexArrays, 'fiches' | 'blocs' | 'terms' | 'unitsCompetencies' | 'unitsModalities'>;
        const arrays: IndexArrays = {
            ...meta,
            unitKind: new Uint8Array(section('unitKind')),
            unitFiche: new Int32Array(section('unitFiche')),
            unitBloc: new Int32Array(section('unitBloc')),
            unitTextStart: new Float64Array(section('unitTextStart')),
            unitTextLength: new Uint32Array(section('unitTextLength')),
            postingStart: new Uint32Array(section('postingStart')),
            postings: new Uint32Array(section('postings')),
            dfCompetencies: new Uint32Array(section('dfCompetencies')),
            dfModalities: new Uint32Array(section('dfModalities')),
        };
        return new RegistryIndex(file, header, arrays, fd);
    }

    close(): void {
        fs.closeSync(this.fd);
    }

    get fiches(): readonly IndexedFiche[] {
        return this.a.fiches;
    }

    get blocs(): readonly IndexedBloc[] {
        return this.a.blocs;
    }

    /** A word's weight in a group: its inverse document frequency; a word the registry never uses weighs the most. */
    weight(stem: string, group: UnitGroup): number {
        const id = this.termIds.get(stem);
        const n = group === 'modalities' ? this.a.unitsModalities : this.a.unitsCompetencies;
        const df = id === undefined ? 0 : group === 'modalities' ? this.a.dfModalities[id] : this.a.dfCompetencies[id];
        return Math.log(1 + (n + 1) / (df + 1));
    }

    /** The text of a unit, read from disk. */
    unitText(unit: number): string {
        return this.unitTokens(unit).text;
    }

    private unitTokens(unit: number): { text: string; tokens: Token[]; segments: Int32Array } {
        const start = this.a.unitTextStart[unit];
        let cached = this.tokenCache.get(start);
        if (cached) {
            // most recently used last
            this.tokenCache.delete(start);
            this.tokenCache.set(start, cached);
            return cached;
        }
        const length = this.a.unitTextLength[unit];
        const data = Buffer.alloc(length);
        let read = 0;
        while (read < length) {
            const n = fs.readSync(this.fd, data, read, length - read, this.textsOffset + start + read);
            if (n <= 0) throw new Error(`${this.file}: index cut short (texts)`);
            read += n;
        }
        const text = data.toString('utf8');
        const tokens = tokenize(text);
        cached = { text, tokens, segments: segmentsOf(text, tokens, this.a.unitKind[unit]) };
        this.tokenCache.set(start, cached);
        if (this.tokenCache.size > 20_000) this.tokenCache.delete(this.tokenCache.keys().next().value!);
        return cached;
    }

    /**
     * The registry's passages close to a text: candidates from the inverted index (units holding
     * enough of the text's weight), each aligned word by word; identical texts are aligned once.
     */
    search(text: string, options: SearchOptions): Match[] {
        const key = `${options.group}\u0000${options.minScore}\u0000${options.candidateShare}\u0000${options.maxCandidates}\u0000${options.synonyms ? options.synonymCredit : 0}\u0000${text}`;
        let found = this.searches.get(key);
        if (found) {
            this.searches.delete(key);
        } else {
            found = this.searchNow(text, options);
            this.searchedMatches += found.length + 1;
            while (this.searches.size > 0 && (this.searches.size >= 5_000 || this.searchedMatches > 500_000)) {
                const [oldest, matches] = this.searches.entries().next().value!;
                this.searches.delete(oldest);
                this.searchedMatches -= matches.length + 1;
            }
        }
        this.searches.set(key, found);
        return found;
    }

    private searchNow(text: string, options: SearchOptions): Match[] {
        const group = options.group;
        const alignOptions: AlignOptions = {
            weight: (stem) => this.weight(stem, group),
            synonyms: options.synonyms,
            synonymCredit: options.synonymCredit ?? 0.8,
        };
        const query = prepareQuery(tokenize(text), alignOptions);
        if (query.total === 0) return [];
        // the weight of the query each unit of the group holds (an upper bound of what it shares);
        // the rarest words first: once the words left weigh less than the floor, a unit none of
        // the rarer ones reached cannot reach it, and only the units already reached are looked up
        const acc = this.accumulator;
        const touched: number[] = [];
        const kinds = this.a.unitKind;
        const wantModalities = group === 'modalities';
        const { postingStart, postings } = this.a;
        const floor = (options.candidateShare ?? 0.3) * query.total;
        const terms: Array<{ id: number; add: number }> = [];
        for (const [stem, m] of query.match) {
            const id = this.termIds.get(stem);
            if (id !== undefined) terms.push({ id, add: m.credit * query.weights[m.index] });
        }
        terms.sort((x, y) => y.add - x.add);
        let left = terms.reduce((sum, t) => sum + t.add, 0);
        for (const { id, add } of terms) {
            const from = postingStart[id];
            const to = postingStart[id + 1];
            if (left >= floor || to - from < touched.length * 8) {
                const open = left >= floor;
                for (let p = from; p < to; p++) {
                    const u = postings[p];
                    if ((kinds[u] === UnitKind.Modalities) !== wantModalities) continue;
                    if (acc[u] === 0) {
                        if (!open) continue;
                        touched.push(u);
                    }
                    acc[u] += add;
                }
            } else {
                // postings are sorted by unit: each unit already reached is looked for
                for (const u of touched) {
                    let lo = from;
                    let hi = to;
                    while (lo < hi) {
                        const mid = (lo + hi) >>> 1;
                        if (postings[mid] < u) lo = mid + 1;
                        else hi = mid;
                    }
                    if (lo < to && postings[lo] === u) acc[u] += add;
                }
            }
            left -= add;
        }
        // the distinct texts that hold enough of it, the most first: each is aligned once, for
        // all the units (blocs of several fiches) that carry it
        const textStart = this.a.unitTextStart;
        const bestOfText = new Map<number, number>();
        const candidates: number[] = [];
        for (const u of touched) {
            const held = acc[u];
            acc[u] = 0;
            if (held < floor) continue;
            candidates.push(u);
            const t = textStart[u];
            if ((bestOfText.get(t) ?? -1) < held) bestOfText.set(t, held);
        }
        const maxTexts = options.maxCandidates ?? 200;
        const texts = [...bestOfText].sort((x, y) => y[1] - x[1]).slice(0, maxTexts);
        // null: not aligned yet; undefined: aligned, not close enough
        const aligned = new Map<number, Omit<Match, 'unit' | 'kind' | 'fiche' | 'bloc'> | null | undefined>();
        for (const [t] of texts) aligned.set(t, null);
        const matches: Match[] = [];
        for (const u of candidates) {
            const t = textStart[u];
            if (!aligned.has(t)) continue;
            let found = aligned.get(t);
            if (found === null) {
                const { tokens, segments } = this.unitTokens(u);
                const alignment = align(query, tokens, alignOptions, segments);
                found = alignment && alignment.score >= options.minScore ? this.passage(u, alignment, text, query.tokens) : undefined;
                aligned.set(t, found);
            }
            if (!found) continue;
            const bloc = this.a.unitBloc[u];
            // the passage's words are shared by every unit of the same text
            matches.push({
                unit: u, kind: kinds[u] as UnitKind, fiche: this.a.fiches[this.a.unitFiche[u]], bloc: bloc >= 0 ? this.a.blocs[bloc] : undefined,
                score: found.score, text: found.text, passage: found.passage, passageWords: found.passageWords,
                query: found.query, queryWords: found.queryWords, sharedWords: found.sharedWords,
            });
        }
        return matches.sort((x, y) => y.score - x.score || Number(y.fiche.active) - Number(x.fiche.active) || x.unit - y.unit);
    }

    /** What a match says of its text: the score, the passage and its words, the query's words. */
    private passage(unit: number, alignment: Alignment, query: string, queryTokens: Token[]): Omit<Match, 'unit' | 'kind' | 'fiche' | 'bloc'> {
        const { text, tokens } = this.unitTokens(unit);
        const window = tokens.slice(alignment.start, alignment.end);
        return {
            score: alignment.score,
            text,
            passage: { start: window[0].start, end: window[window.length - 1].end },
            passageWords: window.map((t, k) => ({ start: t.start, end: t.end, shared: alignment.windowShared[k] })),
            query,
            queryWords: queryTokens.map((t, k) => ({ start: t.start, end: t.end, shared: alignment.queryShared[k] })),
            sharedWords: alignment.sharedWords,
        };
    }
}
