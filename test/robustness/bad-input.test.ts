import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { CLI, WRITING_RULES_OFF_CONFIG } from '../helpers.js';
import { TestClient } from '../lsp/client.js';
import { bloc, HEADER, LARGE_INPUTS } from './large-inputs.mjs';

/**
 * The catalogue of bad inputs, through the CLI (the built bundle, run as a process, with a
 * timeout) and through the language server (over stdio). Every input gets a clear message
 * that names the file, the line and the column; a file that cannot be read stops the CLI with
 * exit 2; nothing prints a stack trace, nothing hangs, the server keeps answering.
 * The README's robustness section shows this table.
 */

const VALID = `${HEADER}\n${bloc(1)}`;

/** About 20 MB: 1,000 competencies of 20 kB of prose each (the structure's own cost is the 10,000 blocs below). */
function twentyMegabytes(): string {
    const out = [HEADER];
    for (let b = 1; b <= 100; b++) {
        out.push(`\nbloc ${b} "Bloc ${b}"\n  activité A${b} "Activité ${b}"\n`);
        for (let c = 1; c <= 10; c++) {
            const prose = Array.from({ length: 160 }, (_, i) => `Le candidat ${b}-${c} analyse la situation ${i}, en identifiant les objectifs, les cibles et les contraintes.`).join('\n      ');
            out.push(`    compétence C${b}.${c} "${prose}"\n`);
        }
        out.push(`  modalité E${b} "Étude de cas ${b}"\n    évalue ${Array.from({ length: 10 }, (_, c) => `C${b}.${c + 1}`).join(', ')}\n`);
        for (let c = 1; c <= 10; c++) out.push(`    critère CR${b}.${c} "Critère ${b}.${c}."\n`);
    }
    return out.join('');
}

/** About 1 MB on a single line: the référentiel with every line break replaced by a space. */
function oneMegabyteLine(): string {
    const out = [HEADER.replace(/\n/g, ' ')];
    for (let n = 1; out.join('').length < 1024 * 1024; n++) out.push(bloc(n, ' '));
    return out.join('');
}

function tenThousandBlocs(): string {
    const out = [HEADER];
    for (let n = 1; n <= 10_000; n++) out.push(`\n${bloc(n)}`);
    return out.join('');
}

interface Expectation {
    /** Exit code of `certiref check`. */
    exit: 0 | 1 | 2;
    /** What the CLI prints (stdout for findings, stderr for file errors), with file, line and column. */
    says: RegExp;
}

interface BadInput {
    name: string;
    /** Writes the case into its folder. `a.ref` is the file at stake. */
    make(dir: string): void;
    cli: Expectation;
    /**
     * The language server, with the folder as its workspace: the editor opens `file` (a.ref by
     * default; another file of the folder when a.ref is not one an editor can open) with its
     * text as an editor decodes it (UTF-8, a bad byte as U+FFFD, without the BOM). `says`
     * matches one of its diagnostics (`line:column message`, 1-based); `null`: it has none.
     */
    lsp: { says: RegExp | null; file?: string };
    /** Seconds allowed (the CLI is killed after that: a hang fails). */
    seconds?: number;
    /** Runs the CLI and the server as another user (root reads any file). */
    unprivileged?: boolean;
}

/** The first bytes of a PNG image: not UTF-8, and NUL bytes. */
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);

const write = (dir: string, name: string, content: string | Buffer) => fs.writeFileSync(path.join(dir, name), content);

/** One of the inputs at the edges (large-inputs.mjs, measured at full size by `npm run edges`), at a scale. */
const large = (name: string, scale: number) => {
    const input = LARGE_INPUTS.find((i) => i.name === name)!;
    return { name: input.what(scale), make: (d: string) => write(d, 'a.ref', input.make(scale)) };
};
const CLEAN: Expectation = { exit: 0, says: /^✔ No problems in 1 file\.\n$/ };

const CASES: BadInput[] = [
    {
        name: 'empty file',
        make: (d) => write(d, 'a.ref', ''),
        cli: { exit: 1, says: /a\.ref\n\s+1:1\s+error\s+The file is empty: it starts with certification ID "title"/ },
        lsp: { says: /^1:1 The file is empty/ },
    },
    {
        name: 'binary file (NUL bytes)',
        make: (d) => write(d, 'a.ref', Buffer.concat([Buffer.from('certification R "x"\n'), PNG])),
        cli: { exit: 2, says: /^certiref: .*a\.ref:4:1: fichier binaire \(octet nul\) \/ binary file \(NUL byte\)\n$/ },
        lsp: { says: /^4:1 Unexpected character "U\+0000U\+0000U\+0000"/ },
    },
    {
        name: 'invalid UTF-8 (Latin-1)',
        make: (d) => write(d, 'a.ref', Buffer.from(`${HEADER}bloc 1 "Café"\n`, 'latin1')),
        cli: { exit: 2, says: /^certiref: .*a\.ref:1:19: le texte n'est pas en UTF-8\u202f; enregistrez le fichier en UTF-8 \/ the text is not UTF-8; save the file as UTF-8\n$/ },
        // the editor shows U+FFFD for each byte it cannot read
        lsp: { says: /^2:15 Character "\uFFFD": a byte the editor could not read\. The file is probably not UTF-8: save it as UTF-8\.$/ },
    },
    {
        name: 'UTF-16 (« Unicode » to Windows\' Notepad and Excel)',
        make: (d) => {
            write(d, 'a.ref', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(VALID, 'utf16le')]));
            write(d, 'c.ref', VALID.replace('certification R', 'certification S'));
        },
        cli: { exit: 2, says: /^certiref: .*a\.ref:1:1: le texte est en UTF-16, pas en UTF-8\u202F; enregistrez le fichier en UTF-8 \/ the text is UTF-16, not UTF-8; save the file as UTF-8\n$/ },
        // the editor reads UTF-16 itself: the server sees the text
        lsp: { says: null, file: 'c.ref' },
    },
    {
        name: 'byte order mark',
        make: (d) => write(d, 'a.ref', '\uFEFFcertification R "Référentiel"\n\nbloc 1 "Bloc"\n  activité A1 "A"\n    compétence C1 "C."\n'),
        // columns as the editor counts them: the BOM is not a character of the first line
        cli: { exit: 1, says: /a\.ref\n\s+1:15\s+warning\s+Certification R describes no provisions for candidates with disabilities[\s\S]*\n\s+3:6\s+error\s+Bloc 1 has no evaluation modality[\s\S]*\n\s+5:16\s+warning\s+Competency C1 is judged by no criterion/ },
        lsp: { says: /^1:15 Certification R describes no provisions for candidates with disabilities/ },
    },
    {
        name: 'CRLF line endings',
        make: (d) => write(d, 'a.ref', `${HEADER}\nbloc 1 "Bloc"\n  activité A1 "A"\n    compétence C1 "Un texte\n      sur deux lignes."\n    compétence C2 "C."\n`.replace(/\n/g, '\r\n')),
        cli: { exit: 1, says: /a\.ref\n\s+4:6\s+error\s+Bloc 1 has no evaluation modality[\s\S]*\n\s+6:16\s+warning\s+Competency C1 is judged by no criterion[\s\S]*\n\s+8:16\s+warning\s+Competency C2/ },
        lsp: { says: /^8:16 Competency C2 is judged by no criterion/ },
    },
    {
        name: '20 MB file',
        make: (d) => write(d, 'a.ref', twentyMegabytes()),
        cli: { exit: 0, says: /^✔ No problems in 1 file\.\n$/ },
        lsp: { says: null },
        seconds: 120,
    },
    {
        name: '1 MB on a single line',
        make: (d) => write(d, 'a.ref', oneMegabyteLine()),
        cli: { exit: 0, says: /^✔ No problems in 1 file\.\n$/ },
        lsp: { says: null },
        seconds: 120,
    },
    {
        name: '10,000 blocs (nesting is by keyword: a bloc ends where the next begins)',
        make: (d) => write(d, 'a.ref', tenThousandBlocs()),
        cli: { exit: 0, says: /^✔ No problems in 1 file\.\n$/ },
        lsp: { says: null },
        seconds: 120,
    },
    {
        name: '10,000 nested block comments /* /* … */ */',
        make: (d) => write(d, 'a.ref', `${HEADER}${'/* '.repeat(10_000)}${' */'.repeat(10_000)}\n`),
        cli: { exit: 1, says: /a\.ref\n(?:.*checks-paused\n)?\s+3:30005\s+error\s+"\*\/" closes a comment that is not open: \/\* … \*\/ comments do not nest/ },
        lsp: { says: /^3:30005 "\*\/" closes a comment that is not open/ },
        seconds: 60,
    },
    {
        name: '10,000 nested brackets and quotes',
        make: (d) => write(d, 'a.ref', `${HEADER}bloc 1 "${'(['.repeat(5_000)}«"\n${'{('.repeat(5_000)}\n${'"'.repeat(10_000)}\n`),
        cli: { exit: 1, says: /a\.ref\n(?:.*checks-paused\n)?\s+4:1\s+error\s+Unexpected character "\{\(\{\(/ },
        lsp: { says: /^4:1 Unexpected character "\{\(\{\(/ },
        seconds: 60,
    },
    {
        name: '10,000 keywords in a row (bloc bloc bloc …)',
        make: (d) => write(d, 'a.ref', `${HEADER}${'bloc '.repeat(10_000)}\n`),
        cli: { exit: 1, says: /a\.ref\n(?:.*checks-paused\n)?\s+3:6\s+error\s+Expected an id \(e\.g\. C1\) here; found "bloc"/ },
        lsp: { says: /^3:6 Expected an id \(e\.g\. C1\) here; found "bloc"/ },
        seconds: 60,
    },
    {
        name: 'unterminated text',
        make: (d) => write(d, 'a.ref', `${HEADER}bloc 1 "Bloc\n  activité A1 "Activité"\n    compétence C1 "C."\n`),
        cli: { exit: 1, says: /a\.ref\n(?:.*checks-paused\n)?\s+3:8\s+error\s+Unterminated text: this text swallows the line "activité A1 "…"; it probably lacks its closing quote/ },
        lsp: { says: /^3:8 Unterminated text: this text swallows the line/ },
    },
    {
        name: 'the same certification twice',
        make: (d) => {
            write(d, 'a.ref', VALID);
            write(d, 'b.ref', VALID);
        },
        cli: { exit: 1, says: /b\.ref\n\s+1:15\s+error\s+Id R is already used by the certification declared at a\.ref:1\. Give it a unique id\./ },
        lsp: { says: /^1:15 Id R is already used by the certification declared at a\.ref:1\. Give it a unique id\.$/, file: 'b.ref' },
    },
    {
        name: 'unreadable file (chmod 000)',
        make: (d) => {
            write(d, 'a.ref', VALID);
            fs.chmodSync(path.join(d, 'a.ref'), 0o000);
            write(d, 'b.ref', VALID.replace('certification R', 'certification S'));
        },
        cli: { exit: 2, says: /^certiref: .*a\.ref:1:1: accès refusé, le fichier n'est pas lisible \/ permission denied, the file cannot be read\n$/ },
        lsp: { says: null, file: 'b.ref' },
        unprivileged: true,
    },
    {
        name: 'symbolic link loop',
        make: (d) => {
            fs.symlinkSync('b.ref', path.join(d, 'a.ref'));
            fs.symlinkSync('a.ref', path.join(d, 'b.ref'));
            write(d, 'c.ref', VALID);
        },
        cli: { exit: 2, says: /^certiref: .*a\.ref:1:1: boucle de liens symboliques \/ symbolic link loop\n/ },
        lsp: { says: null, file: 'c.ref' },
    },
    {
        name: 'broken symbolic link',
        make: (d) => {
            fs.symlinkSync('nowhere.ref', path.join(d, 'a.ref'));
            write(d, 'c.ref', VALID);
        },
        cli: { exit: 2, says: /^certiref: .*a\.ref:1:1: fichier introuvable \(lien symbolique cassé\u202f\?\) \/ no such file \(broken symbolic link\?\)\n$/ },
        lsp: { says: null, file: 'c.ref' },
    },
    {
        name: 'a named pipe called a.ref (reading it would wait forever)',
        make: (d) => {
            const r = spawnSync('mkfifo', [path.join(d, 'a.ref')]);
            if (r.status !== 0) throw new Error(`mkfifo failed: ${r.stderr}`);
            write(d, 'c.ref', VALID);
        },
        cli: { exit: 2, says: /^certiref: .*a\.ref:1:1: pas un fichier ordinaire \(tube, périphérique …\) \/ not a regular file \(pipe, device …\)\n$/ },
        lsp: { says: null, file: 'c.ref' },
    },
    // The classes of inputs that once crashed or hung (a stack overflow from 100,000 comments,
    // a regular expression quadratic in an id, lists and ranges read again and again …), at a
    // size where the old cost took minutes or more and the linear one takes seconds.
    { ...large('comments-one-line', 1), cli: CLEAN, lsp: { says: null }, seconds: 60 },
    { ...large('comments-lines', 1), cli: CLEAN, lsp: { says: null }, seconds: 60 },
    { ...large('comments-in-list', 1), cli: CLEAN, lsp: { says: null }, seconds: 60 },
    {
        ...large('digit-run-ranges', 1),
        cli: { exit: 1, says: /a\.ref\n\s+7:16\s+warning\s+Competency 1{20000}A is judged by no criterion/ },
        lsp: { says: /^7:16 Competency 1{20000}A is judged by no criterion/ },
        seconds: 60,
    },
    { ...large('references-one-line', 0.25), cli: CLEAN, lsp: { says: null }, seconds: 90 },
    { ...large('ranges', 0.5), cli: CLEAN, lsp: { says: null }, seconds: 90 },
    {
        ...large('unresolved', 0.5),
        cli: { exit: 1, says: /a\.ref\n\s+5006:\d+\s+error\s+Competency K1 does not exist in certification R\. Did you mean C1\?/ },
        lsp: { says: /^5006:\d+ Competency K1 does not exist in certification R\. Did you mean C1\?/ },
        seconds: 90,
    },
    {
        ...large('findings-one-line', 0.25),
        cli: { exit: 1, says: /a\.ref\n\s+3:68\s+warning\s+Competency C2 is judged by no criterion[\s\S]*✖ 24998 problems/ },
        lsp: { says: /^3:68 Competency C2 is judged by no criterion/ },
        seconds: 90,
    },
    {
        ...large('stray-comment-ends', 0.25),
        cli: { exit: 1, says: /a\.ref\n(?:.*checks-paused\n)?\s+3:1\s+error\s+"\*\/" closes a comment that is not open[\s\S]*✖ \d+ problems \(25000 errors/ },
        lsp: { says: /^3:1 "\*\/" closes a comment that is not open/ },
        seconds: 90,
    },
    {
        ...large('keywords', 0.2),
        cli: { exit: 1, says: /a\.ref\n(?:.*checks-paused\n)?\s+3:6\s+error\s+Expected an id \(e\.g\. C1\) here; found "bloc"[\s\S]*✖ \d+ problems \(20000 errors/ },
        lsp: { says: /^3:6 Expected an id \(e\.g\. C1\) here; found "bloc"/ },
        seconds: 90,
    },
    {
        ...large('fifty-megabytes', 1),
        cli: { exit: 2, says: /^certiref: .*a\.ref:1:1: fichier trop grand pour être vérifié \(environ [\d\u202F]+ mots et signes, \d+,\d Mo\u202F; la limite est de 2\u202F000\u202F000\)\u202F; découpez-le en plusieurs fichiers, par exemple un par bloc \/ file too large to check \(about [\d,]+ words and symbols, \d+\.\d MB; the limit is 2,000,000\); split it into several files, one per bloc for instance\n$/ },
        lsp: { says: /^1:1 This file cannot be checked: file too large to check \(about [\d,]+ words and symbols, \d+\.\d MB; the limit is 2,000,000\)/ },
        seconds: 90,
    },
];

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'certiref-bad-input-'));
// the findings expected are those of the coherence rules; the drafting and dossier rules ran on
// every case too (they are on by default) with no crash, hang or internal error, and the fuzz test
// runs them on random input: here they are off so that each case's findings stay readable
fs.writeFileSync(path.join(root, 'certiref.json'), WRITING_RULES_OFF_CONFIG);
const ROOT_USER = process.getuid?.() === 0;
/** As root every file is readable: the cases that need a permission run as user nobody. */
const NOBODY = { uid: 65534, gid: 65534 };

/** A stack trace, or the name of an internal error, in what a user sees. */
const INTERNALS = /^\s+at\s|\b(?:TypeError|RangeError|ReferenceError|SyntaxError|Maximum call stack)\b/m;

function dirOf(c: BadInput): string {
    return path.join(root, CASES.indexOf(c).toString().padStart(2, '0'));
}

beforeAll(() => {
    fs.chmodSync(root, 0o755);
    for (const c of CASES) {
        const dir = dirOf(c);
        fs.mkdirSync(dir);
        c.make(dir);
    }
}, 120_000);

afterAll(() => {
    for (const c of CASES) {
        const a = path.join(dirOf(c), 'a.ref');
        try {
            if (!fs.lstatSync(a).isSymbolicLink()) fs.chmodSync(a, 0o644);
        } catch {
            // gone
        }
    }
    fs.rmSync(root, { recursive: true, force: true });
});

describe('bad inputs through the CLI (certiref check, the built bundle)', () => {
    for (const c of CASES) {
        for (const target of ['folder', 'file'] as const) {
            if (target === 'file' && (c.seconds ?? 0) > 30) continue; // the big ones: once is enough
            it(`${c.name} (${target})`, () => {
                const dir = dirOf(c);
                const started = Date.now();
                const r = spawnSync(process.execPath, [CLI, 'check', target === 'folder' ? path.basename(dir) : path.join(path.basename(dir), 'a.ref')], {
                    cwd: root,
                    env: { ...process.env, LANG: 'C', LC_ALL: '', LC_MESSAGES: '' },
                    encoding: 'utf8',
                    timeout: (c.seconds ?? 30) * 1000,
                    maxBuffer: 64 * 1024 * 1024,
                    ...(c.unprivileged && ROOT_USER ? NOBODY : {}),
                });
                expect(r.error, `could not run the CLI${c.unprivileged && ROOT_USER ? ' as user nobody' : ''}: ${r.error?.message}`).toBeUndefined();
                expect(r.signal, `the CLI hung: killed after ${Date.now() - started} ms`).toBeNull();
                const shown = c.cli.exit === 2 ? r.stderr : r.stdout;
                // checking a.ref alone reports a.ref only (b.ref's finding stays in b.ref)
                const exit = target === 'file' && c.name === 'the same certification twice' ? 0 : c.cli.exit;
                expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(exit);
                if (exit === c.cli.exit) expect(shown).toMatch(c.cli.says);
                expect(r.stdout + r.stderr).not.toMatch(INTERNALS);
                if (c.cli.exit !== 2) expect(r.stderr).toBe('');
            }, ((c.seconds ?? 30) + 10) * 1000);
        }
    }
});

describe('bad inputs through the language server (stdio)', () => {
    for (const c of CASES) {
        it(c.name, async () => {
            const dir = dirOf(c);
            const client = new TestClient(c.unprivileged && ROOT_USER ? NOBODY : {});
            const timeout = (c.seconds ?? 30) * 1000;
            const uri = (name: string) => pathToFileURL(path.join(dir, name)).toString();
            let file = '';
            try {
                await client.initialize(pathToFileURL(dir).toString(), 'en');
                file = c.lsp.file ?? 'a.ref';
                client.open(uri(file), fs.readFileSync(path.join(dir, file)).toString('utf8').replace(/^\uFEFF/, ''));
                const shown = (d: Diagnostic[]) => d.map((x) => `${x.range.start.line + 1}:${x.range.start.character + 1} ${x.message}`);
                const diagnostics = await client.waitFor(uri(file), (d) => !c.lsp.says || shown(d).some((s) => c.lsp.says!.test(s)), timeout);
                if (!c.lsp.says) expect(shown(diagnostics)).toEqual([]);
                // still there, and answering
                const symbols = await Promise.race([
                    client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: uri(file) } }),
                    new Promise((_, reject) => setTimeout(() => reject(new Error('the server does not answer')), timeout)),
                ]);
                expect(Array.isArray(symbols)).toBe(true);
                expect(client.process.exitCode).toBeNull();
                expect(client.stderr).not.toMatch(INTERNALS);
            } finally {
                await client.stop();
            }
        }, ((c.seconds ?? 30) * 2 + 10) * 1000);
    }
});

describe('workspace files the language server cannot read', () => {
    it('are reported, when the server checks them, as unreadable (with why and where), not as empty', async () => {
        const dir = path.join(root, 'workspace-files');
        fs.mkdirSync(dir);
        write(dir, 'a.ref', VALID);
        write(dir, 'b.ref', Buffer.concat([Buffer.from('certification B "x"\n'), PNG]));
        write(dir, 'c.ref', Buffer.from(`${HEADER}bloc 1 "Café"\n`, 'latin1'));
        fs.chmodSync(path.join(dir, 'a.ref'), 0o000);
        const client = new TestClient(ROOT_USER ? NOBODY : {});
        const uri = (name: string) => pathToFileURL(path.join(dir, name)).toString();
        try {
            await client.initialize(pathToFileURL(dir).toString(), 'fr');
            // a change of the folder (a branch checked out) makes the server check every file again
            await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(dir).toString(), type: 2 }] });
            const messages = async (name: string) => (await client.waitFor(uri(name), (d) => d.length > 0)).map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`);
            expect(await messages('a.ref')).toEqual(['1:1 Ce fichier ne peut pas être lu (ligne 1, colonne 1)\u00a0: accès refusé, le fichier n\'est pas lisible.']);
            expect(await messages('b.ref')).toEqual(['1:1 Ce fichier ne peut pas être lu (ligne 4, colonne 1)\u00a0: fichier binaire (octet nul).']);
            expect(await messages('c.ref')).toEqual(['1:1 Ce fichier ne peut pas être lu (ligne 1, colonne 19)\u00a0: le texte n\'est pas en UTF-8\u202f; enregistrez le fichier en UTF-8.']);
            expect(client.stderr).not.toMatch(INTERNALS);
        } finally {
            await client.stop();
            fs.chmodSync(path.join(dir, 'a.ref'), 0o644);
        }
    });
});
