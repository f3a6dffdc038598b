import { describe, expect, it } from 'vitest';
import { certificationIdOfText, textOf, Conventions, DEFAULT_CONVENTIONS } from 'certiref-language';
import { checkText as checkTextWithPause, checkTexts as checkTextsWithPause, HEADER, rules, bloc } from '../helpers.js';

// a syntax error also brings a checks-paused finding on the certification (rules.test.ts tests it):
// these tests look at what is said of the text itself
const quiet = <T extends { rules?: Record<string, 'off' | 'error' | 'warning' | 'info' | 'hint'> }>(options: T = {} as T) => ({ ...options, rules: { 'checks-paused': 'off' as const, ...options.rules } });
const checkText: typeof checkTextWithPause = (text, options) => checkTextWithPause(text, quiet(options));
const checkTexts: typeof checkTextsWithPause = (files, options) => checkTextsWithPause(files, quiet(options));


describe('certifications are scoped by folder', () => {
    it('two copies of a référentiel in two folders are two certifications', async () => {
        const text = bloc('  modalité E1 "M"\n    évalue C1, C2\n    critère CR1 "a"\n    critère CR2 "b"');
        const { findings, models } = await checkTexts({ 'v1/a.ref': text, 'v2/a.ref': text });
        expect(findings).toEqual([]);
        expect(models).toHaveLength(2);
    });

    it('a continuing file joins the nearest declaration above it', async () => {
        const { findings, models } = await checkTexts({
            'r/main.ref': `${HEADER}`,
            'r/blocs/b1.ref': 'partie de R\n' + bloc('  modalité E1 "M"\n    évalue C1, C2\n    critère CR1 "a"\n    critère CR2 "b"').replace(HEADER, ''),
            'other/b2.ref': 'partie de R\nbloc 9 "Ailleurs"',
        });
        expect(models.map((m) => `${m.id}:${m.documents.length}`).sort()).toEqual(['R:1', 'R:2']);
        expect(findings.filter((f) => f.file === 'b2.ref').map((f) => f.rule)).toContain('unresolved-reference');
        expect(findings.filter((f) => f.file !== 'b2.ref')).toEqual([]);
    });

    it('reads a header in linear time, whatever comments precede it', () => {
        const comments = '/* c */ '.repeat(10_000);
        expect(certificationIdOfText(`${comments}\npartie de MSD`)).toBe('MSD');
        expect(certificationIdOfText(`${comments}\nbloc 1 "x"`)).toBeUndefined();
        expect(certificationIdOfText('\uFEFF// titre\ncertification CPD "Chef"')).toBe('CPD');
    });
});

describe('blocs written in several files', () => {
    it('merge the activities of one file with the evaluation of another', async () => {
        const { findings, models } = await checkTexts({
            'a.ref': `${HEADER}\nbloc 1 "Bloc"\n  activité A1 "a"\n    compétence C1 "x"\n    compétence C2 "y"`,
            'b.ref': 'partie de R\nbloc 1\n  modalité E1 "M"\n    évalue C1, C2\n    critère CR1 "a"\n    critère CR2 "b"',
        });
        expect(findings).toEqual([]);
        expect(models[0].blocs).toHaveLength(1);
        expect(models[0].blocs[0].fragments).toHaveLength(2);
    });

    it('report two titles, and a bloc repeated in one file', async () => {
        const { findings } = await checkTexts({
            'a.ref': `${HEADER}\nbloc 1 "Un"\n  activité A1 "a"\n    compétence C1 "x"\n    compétence C2 "y"\n  modalité E1 "M"\n    critère CR1 "a"\n    critère CR2 "b"\nbloc 1 "Encore"`,
            'b.ref': 'partie de R\nbloc 1 "Autre titre"',
        });
        expect(findings.map((f) => `${f.file}:${f.line}:${f.rule}`).sort()).toEqual(['a.ref:11:duplicate-id', 'b.ref:2:duplicate-id']);
    });
});

describe('duplicate ids and options', () => {
    it('options of two different blocs may not reuse ids', async () => {
        const option = (b: number) => `bloc ${b}\n  option 1 "O"\n    activité A5 "a"\n      compétence C${b}1 "x${b}"\n      compétence C${b}2 "y${b}"\n    modalité E5 "M"\n      évalue C${b}1, C${b}2\n      critère juge C${b}1 "a"\n      critère juge C${b}2 "b"\n`;
        const { findings } = await checkText(`${HEADER}\n${option(5)}${option(6)}`);
        expect(findings.map((f) => f.rule)).toEqual(['duplicate-id', 'duplicate-id']);
        expect(findings[0].message).toMatch(/A5 is already used by the activity/);
    });

    it('says "du critère", "de la compétence" in French', async () => {
        const { findings } = await checkText(bloc('  modalité E1 "M"\n    évalue C1, C2\n    critère CR1 "a"\n    critère CR2 "b"\n    critère CR2 "c"'), { language: 'fr' });
        expect(findings[0].message).toMatch(/^L'identifiant CR2 est déjà celui du critère déclaré en a\.ref:11\./);
    });
});

describe('a file with a syntax error gives the syntax error, not false alarms', () => {
    it.each([
        ['a misspelt keyword', bloc('  modalité E1 "M"\n    évalue C1, C2\n    critère CR1 "a"\n    critère CR2 "b"').replace('compétence C2', 'competance C2')],
        ['a missing comma', bloc('  modalité E1 "M"\n    évalue C1 C2\n    critère CR1 "a"\n    critère CR2 "b"')],
        ['an unterminated text', bloc('  modalité E1 "M"\n    évalue C1, C2\n    critère CR1 "a"\n    critère CR2 "b"').replace('activité A1 "Activité"', 'activité A1 "Activité')],
    ])('%s', async (_, text) => {
        const { findings } = await checkText(text);
        expect(new Set(rules(findings))).toEqual(new Set(['syntax-error']));
    });

    it('a range criterion in another file is not blamed for a competency the syntax error left unread', async () => {
        const { findings } = await checkTexts({
            'a.ref': `${HEADER}\nbloc 3 "B"\n  activité A6 "a"\n    compétence C11 "x"\n    compétence C12 "y"\n    competance C13 "z"`,
            'b.ref': 'partie de R\nbloc 3\n  modalité E3 "M"\n    critère CR11 à 13 "a"',
        });
        expect(findings.map((f) => `${f.file}:${f.rule}`)).toEqual(['a.ref:syntax-error']);
    });

    it('an id missing where one is expected is not called an unterminated text', async () => {
        const { findings } = await checkText(`${HEADER}\nbloc "Titre"\n  activité A1 "a"\n`);
        expect(findings.map((f) => f.message)).toEqual(['Expected an id (e.g. C1) here; found "Titre".']);
    });

    it('an empty file says how a file starts', async () => {
        const { findings } = await checkText('// rien\n', { language: 'fr' });
        expect(findings.map((f) => f.message)).toEqual([expect.stringMatching(/^Le fichier est vide\u00a0: il commence par «\u202fcertification ID "titre"\u202f»/)]);
    });

    it('a straight quote inside a text: says that it ended the text, and how to quote', async () => {
        const text = bloc('  modalité E1 "M"\n    évalue C1, C2\n    critère CR1 "a"\n    critère CR2 "b"').replace('compétence C2 "Deuxième."', 'compétence C2 "Le candidat dit "bonjour" au client."');
        const fr = await checkText(text, { language: 'fr' });
        expect(fr.findings.map((f) => `${f.line}:${f.rule}`)).toEqual(['7:syntax-error']);
        expect(fr.findings[0].message).toBe('Le guillemet droit " juste avant «\u202fbonjour\u202f» ferme le texte. Pour citer à l\'intérieur d\'un texte, écrivez «\u202f…\u202f» (guillemets français) ou \\"…\\".');
        const en = await checkText(text, { language: 'en' });
        expect(en.findings[0].message).toMatch(/^The straight quote " just before "bonjour" ends the text\. To quote inside a text, write « … »/);
    });

    it.each([
        ['competance C2', 'competance', 'compétence'],
        ['critére CR2', 'critére', 'critère'],
        ['modalté E2', 'modalté', 'modalité'],
    ])('a misspelt keyword (%s) gets the keyword it was meant to be', async (line, typo, keyword) => {
        const text = bloc(`  modalité E1 "M"\n    évalue C1, C2\n    critère CR1 "a"\n    critère CR2 "b"\n  ${line} "x"`);
        const fr = await checkText(text, { language: 'fr' });
        expect(fr.findings.map((f) => f.message)).toEqual([`«\u202f${typo}\u202f» n'est pas un mot-clé. Vouliez-vous dire «\u202f${keyword}\u202f»\u202f?`]);
        const en = await checkText(text, { language: 'en' });
        expect(en.findings.map((f) => f.message)).toEqual([`"${typo}" is not a keyword. Did you mean "${keyword}"?`]);
    });

    it('a word near a keyword where a text is expected is not taken for a misspelt keyword', async () => {
        const text = bloc('  modalité E1 "M"\n    évalue C1, C2\n    critère CR1 "a"\n    critère CR2 "b"').replace('compétence C2 "Deuxième."', 'compétence C2 Partir du marché."');
        const { findings } = await checkText(text);
        expect(findings[0].message).toBe('Expected here: "…"; found "Partir".');
        expect(findings.map((f) => f.message).join('\n')).not.toMatch(/Did you mean/);
    });

    it.each([
        ['évalue after the criteria', bloc('  modalité E1 "M"\n    critère CR1 "a"\n    critère CR2 "b"\n    évalue C1, C2'), /in a modality or a part, kind, individual or group, deliverables, evaluates and description come before the criteria/],
        ['juge after the text', bloc('  modalité E1 "M"\n    évalue C1, C2\n    critère CR1 "a"\n    critère "b" juge C2'), /in a criterion, "judges …" comes before the text/],
        ['a header field after the blocs', bloc('  modalité E1 "M"\n    évalue C1, C2\n    critère CR1 "a"\n    critère CR2 "b"\nniveau 6'), /belong in the main file's header/],
    ])('a keyword out of place (%s) says where it belongs', async (_, text, message) => {
        const { findings } = await checkText(text);
        expect(findings.map((f) => f.rule)).toEqual(['syntax-error']);
        expect(findings[0].message).toMatch(message);
    });

    it('a closed text that mentions a keyword is not blamed for a later open one', async () => {
        const text = bloc('  modalité E1 "M"\n    évalue C1, C2\n    critère CR1 "a"\n    critère CR2 "b').replace('bloc 1 "Bloc"', 'bloc 1 "Bloc"\n  description "deux volets :\n    partie écrite et partie orale."');
        const { findings } = await checkText(text);
        expect(findings.map((f) => `${f.line}:${f.rule}`)).toEqual(['13:syntax-error']);
    });
});

describe('ids', () => {
    it('short keywords are ids too: option A, partie B', async () => {
        const text = `${HEADER}\nbloc 5\n  option A "Option A"\n    activité A1 "a"\n      compétence C1 "x"\n      compétence C2 "y"\n    modalité E1 "M"\n      évalue C1 a C2\n      partie B "Oral"\n        évalue C1, C2\n        critère CR1 a 2 "z"`;
        const { findings, models } = await checkText(text);
        expect(findings).toEqual([]);
        expect(models[0].blocs[0].options[0].id).toBe('A');
    });

    it('a typo such as CR3-6 is not read as a range over other blocs', async () => {
        const cs = [1, 2, 3, 4, 5].map((n) => `    compétence CS3-${n} "cs${n}"`).join('\n');
        const text = `${HEADER}\nbloc 1 "B1"\n  activité A1 "a"\n    compétence C3 "c3"\n    compétence C4 "c4"\n    compétence C5 "c5"\n    compétence C6 "c6"\n  modalité E1 "M"\n    critère CR3 à 6 "x"\nbloc 5\n  option 3 "O"\n    activité AS3-1 "a"\n${cs}\n    modalité E5 "M"\n      évalue CS3-1 à CS3-5\n      critère CR3-1 à CR3-5 "y"\n      critère CR3-6 "typo"`;
        const { findings } = await checkText(text);
        expect(findings.map((f) => f.message)).toEqual([expect.stringMatching(/^Criterion CR3-6 should judge CS3-6 under the id conventions, but no such competency exists/)]);
    });

    it('CR18-19 is the range C18 to C19 of its own bloc', async () => {
        const text = `${HEADER}\nbloc 4 "B"\n  activité A8 "a"\n    compétence C18 "x"\n    compétence C19 "y"\n  modalité E4 "M"\n    évalue C18, C19\n    critère CR18-19 "z"`;
        const { findings, models } = await checkText(text);
        expect(findings).toEqual([]);
        expect(models[0].blocs[0].modalities[0].criteria[0].judges.map((c) => c.id)).toEqual(['C18', 'C19']);
    });

    it('CR1.1 judges C1.1 by default', () => {
        expect(new Conventions(DEFAULT_CONVENTIONS).competencyIdsFor('CR1.1')).toEqual(['C1.1']);
    });

    it('id-pattern leaves hierarchical numberings alone', async () => {
        const text = `${HEADER}\nbloc 1 "B"\n  activité A1.1 "a"\n    compétence C1.1 "x"\n    compétence C1.2 "y"\n  activité A2.1 "b"\n    compétence C2.1 "z"\n  modalité E1 "M"\n    critère CR1.1 "a"\n    critère CR1.2 "b"\n    critère CR2.1 "c"`;
        const { findings } = await checkText(text);
        expect(findings).toEqual([]);
    });
});

describe('ranges', () => {
    it('a reversed range says so, without a cascade', async () => {
        const { findings } = await checkText(bloc('  modalité E1 "M"\n    évalue C2 à C1\n    critère CR1 "a"\n    critère CR2 "b"'));
        expect(findings.map((f) => f.message)).toEqual(['Range C2 to C1 is written backwards: write C1 à C2.']);
    });

    it('a range with ends of two series says so, without a cascade', async () => {
        const { findings } = await checkText(bloc('    compétence CS1-2 "Troisième."\n  modalité E1 "M"\n    évalue C1 à CS1-2\n    critère CR1 "a"\n    critère CR2 "b"\n    critère CR1-2 "c"'));
        expect(rules(findings)).toEqual(['unresolved-reference']);
        expect(findings[0].message).toMatch(/do not share a prefix/);
    });
});

describe('suppressions', () => {
    it('apply to an element whose id is on the next line', async () => {
        const { findings } = await checkText(bloc('  modalité E1 "M"\n    évalue C1, C2\n    critère CR1 "a"')
            .replace('    compétence C2 "Deuxième."', '    // certiref-ignore competency-without-criterion -- jugée à l\'oral\n    compétence\n      C2 "Deuxième."'));
        expect(findings).toEqual([]);
    });

    it('are not "unused" when their rule is off', async () => {
        const text = bloc('  modalité E1 "M"\n    évalue C1, C2\n    critère CR1 "a"').replace('    compétence C2', '    // certiref-ignore competency-without-criterion -- raison\n    compétence C2');
        expect((await checkText(text, { rules: { 'competency-without-criterion': 'off' } })).findings).toEqual([]);
    });

    it('must name a rule', async () => {
        const { findings } = await checkText(bloc('  modalité E1 "M"\n    évalue C1, C2\n    critère CR1 "a"\n    critère CR2 "b"').replace('  modalité', '  // certiref-ignore: raison\n  modalité'));
        expect(findings.map((f) => f.message)).toEqual(['This comment names no rule. Write: // certiref-ignore rule -- reason.']);
    });
});

describe('texts keep what was written', () => {
    it('keeps backslashes other than \\" and \\\\', () => {
        expect(textOf('"chemin C:\\\\Users\\Public \\d"')).toBe('chemin C:\\Users\\Public \\d');
    });
    it('keeps a raw text\'s lines', () => {
        expect(textOf('"""\n    ligne 1\n      ligne 2\n    """')).toBe('ligne 1\n  ligne 2');
    });
    it('does not take a year at the start of a line for a list item', () => {
        expect(textOf('"Depuis\n  2005. Puis\n  1) un point"')).toBe('Depuis 2005. Puis\n1) un point');
    });
});

describe('unfinished text never breaks the model', () => {
    it.each([
        ['an empty évalue', bloc('  modalité E1 "M"\n    évalue\n    critère CR1 "a"')],
        ['an empty juge', bloc('  modalité E1 "M"\n    évalue C1, C2\n    critère CR9 juge\n    critère CR1 "a"')],
        ['a text after évalue', bloc('  modalité E1 "M"\n    évalue "x"\n    critère CR1 "a"')],
        ['an unfinished convention', `certification F "T"\n  convention "K{n}"\n`],
        ['a convention without its first pattern', `certification F "T"\n  convention juge "C{n}"\n`],
    ])('%s: a syntax error, nothing else', async (_, text) => {
        const { findings } = await checkText(text);
        expect(new Set(rules(findings))).toEqual(new Set(['syntax-error']));
    });
});
