import { TextDocument, URI } from 'langium';
import { describe, expect, it } from 'vitest';
import { buildCertificationModel, formatDocument, minimalEdit, serializeModel } from 'certiref-language';
import { createNodeServices } from 'certiref-language/node';
import { checkText, HEADER } from '../helpers.js';
import type { FuzzInput } from './fuzz/edits.js';
import { FuzzPipeline } from './fuzz/pipeline.js';

/**
 * The shrunk counterexamples the fuzzer found, replayed through the whole pipeline (each broke
 * a property before its fix), and the same defects in the smallest référentiel that shows them.
 */
const FOUND: Array<{ defect: string; input: FuzzInput }> = [
    {
        defect: 'NUL in a text: the Word export held a character XML forbids',
        input: { seed: 0, file: 0, edits: [{ op: 'insertText', at: 442917, text: '\u0000' }, { op: 'insertText', at: 1892, text: ' certification ' }], heavy: true },
    },
    {
        defect: 'a lone CR in a text: the editor\'s formatting edit landed on the wrong lines',
        input: { seed: 0, file: 0, edits: [{ op: 'insertInText', at: 0, within: 0, text: '\r\u0000' }], heavy: true },
    },
    {
        defect: 'a lone CR in a block comment: the formatter refused a valid file',
        input: { seed: 0, file: 645621982, edits: [{ op: 'insertLine', at: 0, line: '/* \r\u0000 */' }, { op: 'swapLines', a: 198444, b: 284047 }], heavy: true },
    },
    {
        defect: 'an activity keyword alone on its line: the JSON export had an activity without an id',
        input: { seed: 0, file: 0, edits: [{ op: 'insertLine', at: 206897, line: ' activity ' }, { op: 'insertText', at: 0, text: ' ' }], heavy: true },
    },
    {
        defect: 'a lone CR before a CRLF in a text: formatting merged two paragraphs',
        input: { seed: 0, file: 0, edits: [{ op: 'insertInText', at: 0, within: 0, text: '\u0000\r\r\n\u0000' }], heavy: true },
    },
];

describe('fuzz counterexamples, replayed', () => {
    const pipeline = new FuzzPipeline();
    for (const { defect, input } of FOUND) {
        it(defect, async () => {
            await pipeline.run(input);
        });
    }
});

const { shared, Certiref } = createNodeServices();
let n = 0;
function parse(text: string) {
    return shared.workspace.LangiumDocumentFactory.fromString(text, URI.file(`/regressions/${++n}.ref`));
}
/** The texts of the model, in order: what a formatter must keep. */
function texts(text: string): string[] {
    const model = buildCertificationModel('R', [parse(text)]);
    return [model.title, ...model.blocs.flatMap((b) => [b.title ?? '', ...b.activities.flatMap((a) => [a.title, ...a.competencies.map((c) => c.text)])])];
}

describe('the formatter and lone carriage returns (a line break to the lexer, the model and the editor)', () => {
    for (const [name, body] of [
        ['a lone CR between paragraphs', 'Un.\r\rDeux.'],
        ['a lone CR then a CRLF', 'Un.\r\r\nDeux.'],
        ['lone CRs only', 'Un.\r  suite\r\r  - puce'],
    ]) {
        it(`${name}: the text keeps its paragraphs and lines`, () => {
            const text = `${HEADER}\nbloc 1 "Bloc"\n  activité A1 "Activité"\n    compétence C1 "${body}"\n`;
            const formatted = formatDocument(parse(text), Certiref.parser.Lexer);
            expect(formatted).toBeDefined();
            expect(texts(formatted!)).toEqual(texts(text));
            expect(formatDocument(parse(formatted!), Certiref.parser.Lexer)).toBe(formatted);
        });
    }

    it('a block comment holding a lone CR is formatted, its CR written as the file\'s line break', () => {
        const text = `/* un\rdeux */\n${HEADER}`;
        expect(formatDocument(parse(text), Certiref.parser.Lexer)).toBe(`/* un\ndeux */\n${HEADER}`);
    });

    it('a comment after a lone CR stays on its own line', () => {
        const text = `${HEADER}\rbloc 1 "Bloc"\r// note\r  activité A1 "Activité"\r    compétence C1 "Texte."\r`;
        const formatted = formatDocument(parse(text), Certiref.parser.Lexer);
        expect(formatted).toBe(`${HEADER}\nbloc 1 "Bloc"\n  // note\n  activité A1 "Activité"\n    compétence C1 "Texte."\n`);
    });
});

describe('the editor\'s formatting edit (minimalEdit), applied as an editor applies it', () => {
    const cases: Array<[string, string, string]> = [
        ['a lone CR in the unchanged beginning', 'a\rb\nc\n', 'a\rb\nC\n'],
        ['lone CRs only', 'x\ry\rz', 'x\ry\rZ'],
        ['CRLF', 'a\r\nb\r\nc\r\n', 'a\r\nB\r\nc\r\n'],
        ['a CR that becomes a LF', 'a\rb\n', 'a\nb\n'],
        ['no line break at the end', 'a\nb', 'a\nb\n'],
        ['a line break removed at the end', 'a\nb\n\n', 'a\nb\n'],
        ['from nothing', '', 'a\n'],
        ['to nothing', 'a\r\n', ''],
        ['everything changes', 'a\rb', 'c\nd\n'],
    ];
    for (const [name, before, after] of cases) {
        it(name, () => {
            const document = TextDocument.create('file:///x.ref', 'certiref', 1, before);
            expect(TextDocument.applyEdits(document, minimalEdit(before, after))).toBe(after);
        });
    }
});

describe('elements whose id is missing (a keyword alone while typing)', () => {
    it('an activity and a competency without an id have the id "" in the model and the JSON export', async () => {
        const { models } = await checkText(`${HEADER}\nbloc 1 "Bloc"\n  activité\n    compétence "Sans identifiant."\n  activité A2 "Deux"\n    compétence C2 "Texte."\n`);
        const json = serializeModel(models, () => 'a.ref');
        const activities = json.certifications[0].blocs[0].activities;
        expect(activities.map((a) => a.id)).toEqual(['', 'A2']);
        expect(activities.flatMap((a) => a.competencies).every((c) => typeof c.id === 'string')).toBe(true);
        expect(JSON.parse(JSON.stringify(json)).certifications[0].blocs[0].activities[0]).toHaveProperty('id', '');
    });
});

describe('very long texts', () => {
    // the lexer's regular expression for texts used a backtracking frame per character: a text
    // of 4 MB or more overflowed the stack ("Maximum call stack size exceeded", exit 2)
    const long = 'mot '.repeat(1_500_000); // 6 MB
    it('a 6 MB text is read whole', () => {
        const document = parse(`${HEADER}\nbloc 1 "Bloc"\n  activité A1 "Activité"\n    compétence C1 "${long}\\"fin\\""\n`);
        expect(document.parseResult.lexerErrors).toEqual([]);
        expect(document.parseResult.parserErrors).toEqual([]);
        const competency = buildCertificationModel('R', [document]).blocs[0].activities[0].competencies[0];
        expect(competency.text).toBe(`${long.trim()} "fin"`);
    });

    it('a 6 MB text without its closing quote is one unclosed text', () => {
        const document = parse(`${HEADER}\nbloc 1 "${long}`);
        expect(document.parseResult.lexerErrors).toEqual([]);
        const tokens = Certiref.parser.Lexer.tokenize(document.textDocument.getText()).tokens;
        expect(tokens[tokens.length - 1].tokenType.name).toBe('UNCLOSED_TEXT');
        expect(tokens[tokens.length - 1].image.length).toBe(long.length + 1);
    });
});
