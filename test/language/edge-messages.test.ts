import { describe, expect, it } from 'vitest';
import { parseConfig, RULES_BY_ID, unusualCharacters } from 'certiref-language';
import { decodeText } from 'certiref-language/node';
import { checkText, HEADER } from '../helpers.js';

/** Messages at the edges: what a file is when it is not UTF-8, where, and what a reader cannot see. */

describe('a file that is not UTF-8 says what it is, at a place that exists', () => {
    const text = 'certification R "Référentiel"\nbloc 1 "Bloc"\n';
    it('UTF-16, with or without its byte order mark, little or big endian: named, not called binary', () => {
        const le = Buffer.from(text, 'utf16le');
        const be = Buffer.from(le).swap16();
        for (const bytes of [Buffer.concat([Buffer.from([0xff, 0xfe]), le]), Buffer.concat([Buffer.from([0xfe, 0xff]), be]), le, be]) {
            expect(decodeText(bytes)).toEqual({ line: 1, column: 1, message: { fr: 'le texte est en UTF-16, pas en UTF-8 ; enregistrez le fichier en UTF-8', en: 'the text is UTF-16, not UTF-8; save the file as UTF-8' } });
        }
        // a binary file is still one
        expect(decodeText(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]))).toMatchObject({ message: { en: 'binary file (NUL byte)' } });
    });

    it('a byte sequence the decoder refuses is placed at its first byte, whatever its kind', () => {
        const notUtf8 = { fr: 'le texte n\'est pas en UTF-8 ; enregistrez le fichier en UTF-8', en: 'the text is not UTF-8; save the file as UTF-8' };
        const cases: Array<[string, number[]]> = [
            ['a Latin-1 é', [0xe9]],
            ['an overlong NUL (C0 80)', [0xc0, 0x80]],
            ['an overlong slash (E0 80 AF)', [0xe0, 0x80, 0xaf]],
            ['a surrogate in CESU-8 (ED A0 80)', [0xed, 0xa0, 0x80]],
            ['above U+10FFFF (F4 90 80 80)', [0xf4, 0x90, 0x80, 0x80]],
            ['a sequence cut short (E2 82)', [0xe2, 0x82, 0x41]],
        ];
        for (const [name, bytes] of cases) {
            const file = Buffer.concat([Buffer.from('certification R "R"\nbloc 1 "Bl'), Buffer.from(bytes), Buffer.from('oc"\n  activité A1 "A"\n')]);
            expect(decodeText(file), name).toEqual({ line: 2, column: 11, message: notUtf8 });
        }
        // lone CR and CRLF end lines, as the lexer and the editor count them
        expect(decodeText(Buffer.concat([Buffer.from('a\rb\r\nc\n'), Buffer.from([0xe9])]))).toMatchObject({ line: 4, column: 1 });
    });
});

describe('a character one cannot see or tell apart is named with its code point', () => {
    it('unusualCharacters: homoglyphs, combining accents, invisible spaces; never French letters', () => {
        expect(unusualCharacters('С1')).toBe('С U+0421');
        expect(unusualCharacters('Cı2')).toBe('ı U+0131');
        expect(unusualCharacters('Ce\u0301')).toBe('◌\u0301 U+0301');
        expect(unusualCharacters('C\u200B1')).toBe('U+200B');
        expect(unusualCharacters('Compétence-Œuvre_1.2')).toBe('');
    });

    it('an unknown name that differs from an id by a dotless ı', async () => {
        const { findings } = await checkText(`${HEADER}
bloc 1 "Bloc"
  activité A1 "A"
    compétence Ci1 "Un."
    compétence Ci2 "Deux."
  modalité E1 "E"
    évalue Ci1, Cı2
    critère CRi1 "Un."
    critère CRi2 "Deux."
`);
        expect(findings.map((f) => f.message)).toContain('Competency Cı2 (ı U+0131) does not exist in certification R. Did you mean Ci2? Fix the id or declare the competency.');
    });

    it('a Cyrillic letter or a combining accent where an id is written', async () => {
        const { findings } = await checkText(`${HEADER}
bloc 1 "Bloc"
  activité A1 "A"
    compétence \u04211 "Un."
    compétence Ce\u0301 "Deux."
`);
        const messages = findings.filter((f) => f.rule === 'syntax-error').map((f) => f.message);
        expect(messages.some((m) => m.includes('(С U+0421)'))).toBe(true);
        expect(messages.some((m) => m.includes('(◌\u0301 U+0301)'))).toBe(true);
    });
});

describe('certiref.json: a key written twice', () => {
    it('a problem is placed where the value JSON.parse keeps stands: the second occurrence', () => {
        const text = '{\n  "rules": { "id-pattern": "off" },\n  "language": "fr",\n  "rules": {\n    "id-pattern": "warning",\n    "id-pattern": "loud"\n  }\n}\n';
        const { problems } = parseConfig(text, 'certiref.json', RULES_BY_ID);
        expect(problems.map((p) => `${p.line}:${p.column}`)).toEqual(['6:5']);
        const language = parseConfig('{ "language": "fr", "language": "de" }', 'certiref.json', RULES_BY_ID).problems;
        expect(language.map((p) => `${p.line}:${p.column}`)).toEqual(['1:21']);
        // a key named like a value elsewhere is found as a key
        const named = parseConfig('{ "$schema": "rules", "rules": { "nope": "off" } }', 'certiref.json', RULES_BY_ID).problems;
        expect(named.map((p) => `${p.line}:${p.column} ${p.message}`)).toEqual(['1:34 règle inconnue « nope » / unknown rule "nope"']);
    });
});
