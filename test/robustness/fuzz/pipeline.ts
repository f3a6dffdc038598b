import * as fs from 'node:fs';
import * as path from 'node:path';
import { Ajv } from 'ajv';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { XMLValidator } from 'fast-xml-parser';
import { TextDocument, URI, type LangiumDocument } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import {
    csvSeparator,
    buildCertificationModel, findingsOf, formatDocument, minimalEdit, renderGrid, serializeModel, standalonePage, toCsv, toMarkdown,
    type CertificationModel, type CertirefDiagnosticData,
} from 'certiref-language';
import { createNodeServices } from 'certiref-language/node';
import { toDocx, toXlsx } from 'certiref-language/office';
import { ROOT } from '../../helpers.js';
import { applyEdits, SEEDS, type FuzzInput } from './edits.js';

/**
 * No stage of the pipeline may take longer than this on one case: measured as the CPU time of
 * the test process during the stage, which another process on a shared machine does not
 * inflate. Wall-clock time is bounded too, more loosely (a stage waiting on nothing would not
 * use the CPU).
 */
export const STAGE_LIMIT_MS = 2000;
export const STAGE_WALL_LIMIT_MS = 10_000;

/**
 * The words of a text, as the formatter must keep them: a word is a maximal run of letters,
 * combining marks, digits and connector punctuation (`\p{L}\p{M}\p{N}\p{Pc}`); every other
 * character that is not whitespace (punctuation, quotes, symbols, controls, lone surrogates) is
 * a word of one character; whitespace — JavaScript's `\s`, exactly what the lexer skips between
 * tokens — separates words and is not one. Formatting may change whitespace only, so the list
 * of words of a file, in order, must be the same before and after.
 */
export function words(text: string): string[] {
    return text.match(/[\p{L}\p{M}\p{N}\p{Pc}]+|[^\s\p{L}\p{M}\p{N}\p{Pc}]/gu) ?? [];
}

/** Where two lists of words first differ, for a readable failure. */
function firstDifference(a: string[], b: string[]): string {
    let i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    return `word ${i}: ${JSON.stringify(a.slice(Math.max(0, i - 3), i + 3))} became ${JSON.stringify(b.slice(Math.max(0, i - 3), i + 3))}`;
}

/** The model as JSON without where things were written (formatting moves lines, not meaning). */
function meaning(model: CertificationModel): unknown {
    const json = serializeModel([model], () => 'file') as unknown;
    const strip = (v: unknown): unknown => {
        if (Array.isArray(v)) return v.map(strip);
        if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).filter(([k]) => k !== 'source').map(([k, x]) => [k, strip(x)]));
        return v;
    };
    return strip(json);
}

/** Characters XML 1.0 does not allow (an Office file holding one is refused as corrupt). */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|&#x?0*(?:[0-8]|1[1-2]|1[4-9]|2\d|3[01]|[bcef]|1[0-9a-f]);/i;

async function checkOfficeZip(buffer: Buffer, what: string): Promise<void> {
    const zip = await JSZip.loadAsync(buffer);
    for (const name of Object.keys(zip.files)) {
        if (!/\.(xml|rels)$/.test(name)) continue;
        const xml = await zip.file(name)!.async('string');
        const bad = NOT_XML.exec(xml);
        if (bad) throw new Error(`${what}: ${name} holds a character XML forbids (${JSON.stringify(bad[0])}) at ${bad.index}`);
        const valid = XMLValidator.validate(xml);
        if (valid !== true) throw new Error(`${what}: ${name} is not well-formed XML: ${JSON.stringify(valid.err)}`);
    }
}

let validateSchema: ReturnType<Ajv['compile']> | undefined;

export interface CaseReport {
    /** The edited file parsed without a syntax error, and was formatted. */
    formatted: boolean;
    syntaxErrors: number;
    heavy: boolean;
    /** Milliseconds of CPU per stage. */
    times: Record<string, number>;
}

/**
 * One fuzz case: a seed référentiel with one of its files edited goes through parse, link and
 * validation (the rules), the formatter, and every export. Throws when a property is broken:
 * an exception (also one the code caught and logged), a stage over 2 s, a diagnostic outside
 * the document, a formatter that refuses a valid file, loses or changes a word, changes the
 * model, or is not idempotent, an export that cannot be read back.
 *
 * The services are made once and reused (making a parser costs 100 ms); each case loads its
 * documents into an empty workspace and removes them at the end, as an editor closing files.
 */
export class FuzzPipeline {
    private readonly services = createNodeServices();
    private readonly errors: unknown[][] = [];

    constructor() {
        this.services.config.forcedLanguage = 'fr';
        validateSchema ??= new Ajv({ allErrors: true, strict: true }).compile(JSON.parse(fs.readFileSync(path.join(ROOT, 'packages/cli/schema/certiref-model.schema.json'), 'utf8')));
    }

    /** The text of the edited file, for a report. */
    static text(input: FuzzInput): { seed: string; file: string; text: string } {
        const seed = SEEDS[input.seed];
        const file = seed.files[input.file % seed.files.length];
        return { seed: seed.name, file: file.name, text: applyEdits(file.text, input.edits) };
    }

    async run(input: FuzzInput): Promise<CaseReport> {
        const { shared, Certiref } = this.services;
        const seed = SEEDS[input.seed];
        const target = input.file % seed.files.length;
        const edited = applyEdits(seed.files[target].text, input.edits);
        const times: Record<string, number> = {};
        const timed = async <T>(stage: string, f: () => T | Promise<T>): Promise<T> => {
            const start = performance.now();
            const cpu = process.cpuUsage();
            const result = await f();
            const used = process.cpuUsage(cpu);
            times[stage] = (used.user + used.system) / 1000;
            const wall = performance.now() - start;
            if (times[stage] > STAGE_LIMIT_MS) throw new Error(`${stage} took ${Math.round(times[stage])} ms of CPU (limit ${STAGE_LIMIT_MS} ms)`);
            if (wall > STAGE_WALL_LIMIT_MS) throw new Error(`${stage} took ${Math.round(wall)} ms (limit ${STAGE_WALL_LIMIT_MS} ms)`);
            return result;
        };
        // code that catches an exception to keep going logs it: that is a failure too
        const originalError = console.error;
        this.errors.length = 0;
        console.error = (...args: unknown[]) => {
            this.errors.push(args);
        };
        const documents: LangiumDocument[] = [];
        try {
            await timed('parse and validate', async () => {
                seed.files.forEach((file, i) => {
                    const document = shared.workspace.LangiumDocumentFactory.fromString(i === target ? edited : file.text, URI.file(`/fuzz/${seed.name}/${file.name}`));
                    shared.workspace.LangiumDocuments.addDocument(document);
                    documents.push(document);
                });
                await shared.workspace.DocumentBuilder.build(documents, { validation: true });
            });
            const document = documents[target];
            const diagnostics = document.diagnostics ?? [];
            checkDiagnostics(document, diagnostics);
            const syntaxErrors = diagnostics.filter((d) => (d.data as CertirefDiagnosticData | undefined)?.rule === 'syntax-error').length;

            // the formatter
            const formatted = await timed('format', () => formatDocument(document, Certiref.parser.Lexer));
            if (formatted === undefined && syntaxErrors === 0) throw new Error('the formatter refused a file without a syntax error');
            if (formatted !== undefined) {
                const before = words(edited);
                const after = words(formatted);
                if (before.length !== after.length || before.some((w, i) => w !== after[i])) throw new Error(`formatting changed the words: ${firstDifference(before, after)}`);
                const again = shared.workspace.LangiumDocumentFactory.fromString(formatted, URI.file(`/fuzz/formatted/${seed.files[target].name}`));
                const twice = await timed('format again', () => formatDocument(again, Certiref.parser.Lexer));
                if (twice !== formatted) throw new Error(`formatting is not idempotent:\n--- once\n${formatted}\n--- twice\n${twice}`);
                // the editor's Format Document: one edit, applied as an editor applies it (its
                // lines are the LSP's: CRLF, CR or LF), must give the formatted text
                const inEditor = TextDocument.applyEdits(TextDocument.create('file:///x.ref', 'certiref', 1, edited), minimalEdit(edited, formatted));
                if (inEditor !== formatted) throw new Error(`the editor's formatting edit does not give the formatted text:\n${JSON.stringify(minimalEdit(edited, formatted))}`);
                const id = 'X';
                const m1 = JSON.stringify(meaning(buildCertificationModel(id, [document])));
                const m2 = JSON.stringify(meaning(buildCertificationModel(id, [again])));
                if (m1 !== m2) throw new Error(`formatting changed the model:\n${m1}\n${m2}`);
            }

            // every export, of every certification the workspace now holds
            const models = Certiref.referential.Models.all();
            const json = await timed('export json', () => JSON.stringify(serializeModel(models, (uri) => uri), null, 2));
            if (!validateSchema!(JSON.parse(json))) throw new Error(`the JSON export breaks its schema: ${JSON.stringify(validateSchema!.errors?.slice(0, 3))}`);
            for (const language of ['fr', 'en'] as const) {
                const findings = models.flatMap((m) => findingsOf(shared, m));
                const page = await timed(`export html ${language}`, () => standalonePage(renderGrid(models, findings, { language, interactive: false }), language));
                const preview = await timed(`preview ${language}`, () => renderGrid(models, findings, { language, interactive: true }).body);
                checkHtml(page);
                checkHtml(preview);
                await timed(`export md ${language}`, () => toMarkdown(models, language));
                const csv = await timed(`export csv ${language}`, () => toCsv(models, language));
                const records = parseCsv(csv.replace(/^\uFEFF/, ''), { relaxQuotes: false, delimiter: csvSeparator(language) }) as string[][];
                if (records.some((r) => r.length !== 10)) throw new Error('a CSV record does not have 10 fields');
            }
            if (input.heavy) {
                const xlsx = await timed('export xlsx', () => toXlsx(models, 'fr'));
                await checkOfficeZip(xlsx, 'xlsx');
                await new ExcelJS.Workbook().xlsx.load(xlsx as unknown as ArrayBuffer);
                const docx = await timed('export docx', () => toDocx(models, 'en'));
                await checkOfficeZip(docx, 'docx');
            }
            if (this.errors.length > 0) throw new Error(`an error was caught and logged: ${this.errors.map((e) => e.map(String).join(' ')).join('\n')}`);
            return { formatted: formatted !== undefined, syntaxErrors, heavy: input.heavy, times };
        } finally {
            console.error = originalError;
            await shared.workspace.DocumentBuilder.update([], documents.map((d) => d.uri));
        }
    }
}

const TAGS = new Set(['html', 'head', 'meta', 'title', 'style', 'body', 'main', 'article', 'header', 'section', 'div', 'h1', 'h2', 'h3', 'p', 'br',
    'span', 'strong', 'code', 'ul', 'li', 'details', 'summary', 'table', 'caption', 'thead', 'tbody', 'tr', 'th', 'td']);
const ATTRIBUTES = new Set(['lang', 'charset', 'name', 'content', 'http-equiv', 'class', 'id', 'aria-labelledby', 'data-uri', 'data-line', 'tabindex', 'scope', 'rowspan']);

/**
 * Every element and attribute of the page is one the renderer writes (the text of the
 * référentiel cannot add one), and the only style sheet is the page's own.
 */
function checkHtml(html: string): void {
    const body = html.replace(/^<!DOCTYPE html>/, '');
    if ((body.match(/<style\b/g) ?? []).length > 1) throw new Error('the HTML holds a second style sheet');
    for (const tag of body.matchAll(/<\/?([^\s>\/]+)([^>]*)>/g)) {
        if (!TAGS.has(tag[1])) throw new Error(`the HTML holds an element the renderer does not write: ${tag[0].slice(0, 80)}`);
        const attributes = tag[2].replace(/="[^"]*"/g, '').trim().split(/\s+/).filter(Boolean);
        for (const a of attributes) if (!ATTRIBUTES.has(a)) throw new Error(`the HTML holds an attribute the renderer does not write: ${a} in ${tag[0].slice(0, 80)}`);
    }
}

/** Every diagnostic names its rule, and its range lies within the document. */
function checkDiagnostics(document: LangiumDocument, diagnostics: Diagnostic[]): void {
    const lines = document.textDocument.lineCount;
    for (const d of diagnostics) {
        const rule = (d.data as CertirefDiagnosticData | undefined)?.rule;
        if (!rule) throw new Error(`a diagnostic without a rule: ${d.message}`);
        const { start, end } = d.range;
        const inside = (p: { line: number; character: number }) => p.line >= 0 && p.line < lines && p.character >= 0
            && p.character <= document.textDocument.getText({ start: { line: p.line, character: 0 }, end: { line: p.line + 1, character: 0 } }).length;
        if (!inside(start) || !inside(end) || start.line > end.line || (start.line === end.line && start.character > end.character)) {
            throw new Error(`a ${rule} diagnostic lies outside the document: ${JSON.stringify(d.range)} (${lines} lines)`);
        }
        if (!d.message || /undefined|\[object Object\]|NaN/.test(d.message)) throw new Error(`a ${rule} diagnostic says: ${d.message}`);
    }
}
