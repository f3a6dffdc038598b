import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { serializeModel } from 'certiref-language';
import { loadFiles, ROOT, runCli } from '../helpers.js';
import { bytesOf, EVENT, threeColumns } from '../import/documents.js';

const temp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'certiref-import-cli-'));
const refFiles = (dir: string) => fs.readdirSync(dir).filter((f) => f.endsWith('.ref')).sort().map((f) => path.join(dir, f));

/** Every référentiel of referentials/ (the folders holding .ref files): the two seeds today, more tomorrow. */
const REFERENTIALS = fs.readdirSync(path.join(ROOT, 'referentials'))
    .filter((f) => fs.statSync(path.join(ROOT, 'referentials', f)).isDirectory() && refFiles(path.join(ROOT, 'referentials', f)).length > 0)
    .sort();

/**
 * The model as JSON (`certiref export --format json`), without what says where it was written.
 * The Word export lists the criteria that judge no competency apart, after the others (the last
 * row of a bloc's table, the end of each grid): their place among the others is the one thing
 * it does not keep, so they are compared after the others, in their order.
 */
async function modelOf(files: string[]) {
    const { models } = await loadFiles(files);
    const json = JSON.parse(JSON.stringify(serializeModel(models), (k, v) => (k === 'source' || k === 'files' ? undefined : v)));
    for (const c of json.certifications) {
        if (c.rncp) c.rncp = c.rncp.replace(/^RNCP\s*/i, '');
        for (const b of c.blocs) for (const m of b.modalities) {
            m.criteria = [...m.criteria.filter((x: { competencies: string[] }) => x.competencies.length > 0), ...m.criteria.filter((x: { competencies: string[] }) => x.competencies.length === 0)];
        }
    }
    return json;
}

/** Differences as paths (`certifications.0.blocs.2.modalities.0.criteria.1.text`), to say exactly which element differs. */
function differences(a: unknown, b: unknown, at = ''): string[] {
    if (JSON.stringify(a) === JSON.stringify(b)) return [];
    // the export makes list items Word lists: a bullet comes back as a bullet, whatever character the source typed
    if (typeof a === 'string' && typeof b === 'string' && bulleted(a) === bulleted(b)) return [];
    if (a && b && typeof a === 'object' && typeof b === 'object' && Array.isArray(a) === Array.isArray(b) && (!Array.isArray(a) || a.length === (b as unknown[]).length)) {
        const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
        return [...keys].flatMap((k) => differences((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], at ? `${at}.${k}` : k));
    }
    return [`${at}: ${JSON.stringify(a)?.slice(0, 120)} ≠ ${JSON.stringify(b)?.slice(0, 120)}`];
}

const bulleted = (text: string) => text.replace(/^([ \t]*)[-•–*·▪◦](?=[ \t])/gm, '$1•');

describe('certiref import docx reads back certiref\'s own Word export', () => {
    it('finds the référentiels to read back', () => {
        expect(REFERENTIALS.length).toBeGreaterThanOrEqual(2);
    });
    for (const name of REFERENTIALS) for (const lang of ['fr', 'en']) {
        it(`${name} (export in ${lang === 'fr' ? 'French' : 'English'}): the model read back equals the model written, element by element`, async () => {
            const dir = temp();
            const docx = path.join(dir, `${name}.docx`);
            const exported = runCli(['export', `referentials/${name}`, '--format', 'docx', '-o', docx, '--lang', lang]);
            expect(exported.status, exported.stderr).toBe(0);
            const out = path.join(dir, 'imported');
            const imported = runCli(['import', 'docx', docx, '--out', out]);
            expect(imported.status, imported.stderr).toBe(0);
            // nothing to review: the export says everything the model holds
            expect(imported.stdout).toContain('No place to review.');
            const original = await modelOf(refFiles(path.join(ROOT, 'referentials', name)));
            const back = await modelOf(refFiles(out));
            expect(differences(original, back)).toEqual([]);
            // one main file and one file per bloc, the bloc files continuing the certification
            const blocs = [...new Set(original.certifications[0].blocs.map((b: { id: string }) => b.id))];
            expect(refFiles(out).map((f) => path.basename(f))).toEqual(['certification.ref', ...blocs.map((id) => `bloc-${id}.ref`)].sort());
            for (const f of refFiles(out).filter((x) => !x.endsWith('certification.ref'))) expect(fs.readFileSync(f, 'utf8')).toMatch(new RegExp(`^partie de ${original.certifications[0].id}\\n`));
            // the files are in the language's canonical layout
            const formatted = runCli(['format', '--check', out]);
            expect(formatted.status, formatted.stdout).toBe(0);
        }, 60_000);
    }
});

describe('certiref import docx: files, summary, exit codes', () => {
    it('writes the files, lists what it read and every place to review (file:line:col), and changes nothing the second time', async () => {
        const dir = temp();
        const docx = path.join(dir, 'Référentiel événementiel.docx');
        fs.writeFileSync(docx, await bytesOf(threeColumns(EVENT, { ids: false, merged: (b) => b.id === '1' })));
        const first = runCli(['import', 'docx', docx, '--lang', 'fr'], { cwd: dir });
        expect(first.status, first.stderr).toBe(0);
        const out = path.join(dir, 'Référentiel événementiel');
        expect(refFiles(out).map((f) => path.basename(f))).toEqual(['bloc-1.ref', 'bloc-2.ref', 'certification.ref']);
        expect(first.stdout).toContain('écrit\u00a0: Référentiel événementiel/bloc-1.ref');
        expect(first.stdout).toContain('Lu dans Référentiel événementiel.docx\u00a0: 2 blocs, 4 activités, 8 compétences, 2 modalités, 8 critères.');
        // every place listed is a note in the file, at that line and column
        const places = [...first.stdout.matchAll(/^ {2}(.+?\.ref):(\d+):(\d+) {2}(.*)$/gm)];
        expect(places.length).toBe(8);
        expect(first.stdout).toContain('8 endroits à revoir');
        for (const [, file, line, column, text] of places) {
            const lines = fs.readFileSync(path.join(dir, file), 'utf8').split('\n');
            expect(lines[Number(line) - 1].slice(Number(column) - 1)).toBe(`// à revoir\u00a0: ${text}`);
        }
        // certiref check reports each of them as information, at the same place
        const check = runCli(['check', out, '--format', 'json']);
        const findings = (JSON.parse(check.stdout).diagnostics as Array<{ file: string; rule: string; line: number; column: number; severity: string }>)
            .filter((d) => d.rule === 'review-note').map((d) => `${path.basename(d.file)}:${d.line}:${d.column}:${d.severity}`);
        expect(findings.sort()).toEqual(places.map(([, file, line, column]) => `${path.basename(file)}:${line}:${column}:info`).sort());
        // the same document again: nothing written, nothing changed
        const times = refFiles(out).map((f) => fs.statSync(f).mtimeMs);
        const second = runCli(['import', 'docx', docx], { cwd: dir });
        expect(second.status, second.stderr).toBe(0);
        expect(second.stdout).toContain('unchanged: Référentiel événementiel/certification.ref');
        expect(refFiles(out).map((f) => fs.statSync(f).mtimeMs)).toEqual(times);
    }, 60_000);

    it('never writes over an edited file unless --force, and then atomically (no temporary file left)', async () => {
        const dir = temp();
        const docx = path.join(dir, 'ref.docx');
        fs.writeFileSync(docx, await bytesOf(threeColumns(EVENT, { ids: true, merged: () => true })));
        expect(runCli(['import', 'docx', docx, '--out', 'out'], { cwd: dir }).status).toBe(0);
        const edited = path.join(dir, 'out', 'bloc-1.ref');
        const mine = fs.readFileSync(edited, 'utf8').replace('Concevoir un projet', 'Concevoir le projet');
        fs.writeFileSync(edited, mine);
        const before = fs.readdirSync(path.join(dir, 'out')).map((f) => [f, fs.readFileSync(path.join(dir, 'out', f), 'utf8')]);
        const refused = runCli(['import', 'docx', docx, '--out', 'out'], { cwd: dir });
        expect(refused.status).toBe(2);
        expect(refused.stderr).toContain('out/bloc-1.ref\u00A0: existe déjà, ajoutez --force pour remplacer / already exists, add --force to replace');
        // nothing written at all: every file is checked before the first is written
        expect(fs.readdirSync(path.join(dir, 'out')).map((f) => [f, fs.readFileSync(path.join(dir, 'out', f), 'utf8')])).toEqual(before);
        const forced = runCli(['import', 'docx', docx, '--out', 'out', '--force'], { cwd: dir });
        expect(forced.status, forced.stderr).toBe(0);
        expect(forced.stdout).toContain('written: out/bloc-1.ref');
        expect(fs.readFileSync(edited, 'utf8')).not.toBe(mine);
        expect(fs.readdirSync(path.join(dir, 'out')).sort()).toEqual(['bloc-1.ref', 'bloc-2.ref', 'certification.ref']);
        // a file in the folder that the import did not write is named: it joins the same certification
        fs.writeFileSync(path.join(dir, 'out', 'bloc-9.ref'), 'partie de CPE\n');
        expect(runCli(['import', 'docx', docx, '--out', 'out'], { cwd: dir }).stdout).toContain('note: out/bloc-9.ref is also in this folder and did not come from this import.');
    }, 60_000);

    it('a file that is not a Word document, is encrypted or is damaged: a clear message and exit 2', async () => {
        const dir = temp();
        const good = await bytesOf(threeColumns(EVENT, { ids: true, merged: () => true }));
        const { default: officeCrypto } = await import('officecrypto-tool');
        const zipWith = async (files: Record<string, string>) => {
            const zip = new JSZip();
            for (const [name, text] of Object.entries(files)) zip.file(name, text);
            return zip.generateAsync({ type: 'nodebuffer' });
        };
        const broken = await JSZip.loadAsync(good);
        broken.file('word/document.xml', '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p>');
        const cases: Array<[string, Uint8Array, RegExp]> = [
            ['empty.docx', Buffer.alloc(0), /le fichier est vide \/ the file is empty/],
            ['notes.docx', Buffer.from('Bloc 1 : Concevoir\n'), /ce n'est pas un document Word \(\.docx\) \/ this is not a Word document \(\.docx\)/],
            ['scan.docx', Buffer.from('%PDF-1.7\n'), /this is a PDF, not a Word document/],
            ['password.docx', await officeCrypto.encrypt(Buffer.from(good), { password: 'secret' }), /protégé par un mot de passe .* \/ the document is password-protected \(encrypted\): save it without a password/],
            ['old.doc', Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(1024)]), /Word 97-2003 .* \/ this is a Word 97-2003 document \(\.doc\) .* save it as \.docx/],
            ['truncated.docx', Buffer.from(good).subarray(0, Math.floor(good.length / 2)), /le fichier est endommagé .* \/ the file is damaged/],
            ['broken.docx', await broken.generateAsync({ type: 'nodebuffer' }), /le document est endommagé .* \/ the document is damaged/],
            ['sheet.docx', await zipWith({ '[Content_Types].xml': '<Types/>', 'xl/workbook.xml': '<workbook/>' }), /this is an Excel workbook, not a Word document/],
            ['text.odt', await zipWith({ mimetype: 'application/vnd.oasis.opendocument.text', 'content.xml': '<x/>' }), /this is an OpenDocument text \(\.odt\): save it as \.docx/],
            ['archive.docx', await zipWith({ 'readme.txt': 'x' }), /this is not a Word document \(no word\/ content in the archive\)/],
        ];
        for (const [name, bytes, message] of cases) {
            fs.writeFileSync(path.join(dir, name), bytes);
            const r = runCli(['import', 'docx', name, '--out', 'out'], { cwd: dir });
            expect(r.status, `${name}: ${r.stderr}`).toBe(2);
            expect(r.stderr, name).toMatch(new RegExp(`^certiref: ${name.replace('.', '\\.')}\u00A0: `));
            expect(r.stderr, name).toMatch(message);
            expect(r.stderr, name).not.toMatch(/\n\s+at /); // no stack trace
        }
        expect(fs.existsSync(path.join(dir, 'out'))).toBe(false);
        expect(runCli(['import', 'docx', 'missing.docx'], { cwd: dir }).stderr).toBe('certiref: missing.docx\u00A0: fichier introuvable / file not found\n');
        expect(runCli(['import', 'docx', '.'], { cwd: dir }).stderr).toBe('certiref: .\u00A0: n\'est pas un fichier / is not a file\n');
        expect(runCli(['import', 'pdf', 'x.pdf'], { cwd: dir }).status).toBe(2);
    }, 60_000);
});
