import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { ALL_RULES, CHECK_RULES, colon, frenchTypography, NBSP, NNBSP, renderGrid, toCsv, toMarkdown } from 'certiref-language';
import { toDocx, toXlsx } from 'certiref-language/office';
import { checkTexts, loadFiles, ROOT, runCli } from '../helpers.js';

/**
 * French typography wherever certiref writes French: a no-break space (U+00A0 or U+202F) before
 * « : ; ? ! » and inside « ». A plain space there lets the sign wrap alone onto the next line.
 */
const PLAIN = /(?<=\S) [:;?!»]|« (?=\S)/;

function violations(texts: Iterable<string>): string[] {
    return [...texts].filter((text) => PLAIN.test(text)).map((text) => {
        const at = PLAIN.exec(text)!.index;
        return `…${text.slice(Math.max(0, at - 40), at + 20)}…`;
    });
}

/**
 * The sources of the examples and both seeds, their own texts stripped of the spaces French
 * typography is about: what certiref then writes with such a space is its own text.
 */
const temps: string[] = [];
afterAll(() => {
    for (const d of temps.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
function strippedCopy(...folders: string[]): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'certiref-typography-'));
    temps.push(dir);
    for (const folder of folders) fs.cpSync(path.join(ROOT, folder), path.join(dir, folder), { recursive: true });
    const walk = (d: string): string[] => fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]));
    for (const file of walk(dir).filter((f) => f.endsWith('.ref'))) {
        fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/ +([:;?!»])/g, '$1').replace(/« +/g, '«'));
    }
    return dir;
}

describe('French typography', () => {
    it('puts no-break spaces before « : ; ? ! » and inside « », and keeps a quotation as written', () => {
        expect(frenchTypography('Vouliez-vous dire « C1 » ? Corrigez : ici ; là !')).toBe(`Vouliez-vous dire «${NNBSP}C1${NNBSP}»${NNBSP}? Corrigez${NBSP}: ici${NNBSP}; là${NNBSP}!`);
        // the user's words inside « … » stay as written, even with their own signs and guillemets
        expect(frenchTypography('Le bloc 1 est déjà titré « Titre : sous-titre ; « cité » ? » en a.ref:3 : un seul titre.'))
            .toBe(`Le bloc 1 est déjà titré «${NNBSP}Titre : sous-titre ; « cité » ?${NNBSP}» en a.ref:3${NBSP}: un seul titre.`);
        // a quotation never closed is the user's to the end
        expect(frenchTypography('la ligne « critère CR2 "… : ; ?')).toBe(`la ligne «${NNBSP}critère CR2 "… : ; ?`);
        // no space added where there was none (paths, times, URLs), nothing changed in English
        expect(frenchTypography('a.ref:12:3 http://x 12:30 C:\\ref')).toBe('a.ref:12:3 http://x 12:30 C:\\ref');
        expect(frenchTypography(frenchTypography('Erreur : « x » ?'))).toBe(frenchTypography('Erreur : « x » ?'));
        expect(colon('fr')).toBe(`${NBSP}: `);
        expect(colon('en')).toBe(': ');
    });

    it('in every message of every rule (the examples and both seeds, in French), its title and its help', () => {
        const dir = strippedCopy('examples', 'referentials');
        const r = runCli(['check', '.', '--lang', 'fr', '--format', 'json'], { cwd: dir });
        expect(r.status).toBe(1);
        const report = JSON.parse(r.stdout) as { diagnostics: Array<{ rule: string; message: string }> };
        // every rule of check has spoken, so every rule's messages are looked at
        expect(new Set(report.diagnostics.map((d) => d.rule))).toEqual(new Set(CHECK_RULES.map((rule) => rule.id)));
        expect(violations(report.diagnostics.map((d) => d.message))).toEqual([]);
        // the registry's rules speak in certiref similar, against the extract of the RNCP export
        const extract = path.join(ROOT, 'examples/rncp/export_fiches_RNCP_extract.xml');
        const index = path.join(dir, '.index');
        const s = runCli(['similar', 'examples/rules/similar-text', 'examples/rules/similar-own-version', '--registry', extract, '--index', index, '--lang', 'fr', '--format', 'json'], { cwd: dir });
        expect(s.status, s.stderr).toBe(0);
        const registry = JSON.parse(s.stdout) as { diagnostics: Array<{ rule: string; message: string }> };
        expect(new Set(registry.diagnostics.map((d) => d.rule))).toEqual(new Set(ALL_RULES.filter((rule) => rule.needsRegistry).map((rule) => rule.id)));
        expect(violations(registry.diagnostics.map((d) => d.message))).toEqual([]);
        expect(violations(ALL_RULES.flatMap((rule) => [rule.title.fr, rule.help.fr]))).toEqual([]);
    });

    it('in the syntax errors, the suppressions and the paused checks', async () => {
        const broken = [
            'certification X "a"\nbloc 1 "b"\n  activité A1 "c"\n    compétence C1 "d\n',
            'certification X "a"\nbloc 1 "b"\n  activité A1 "c"\n    compétence C1 "d"\n  activite A2 "e"\n    competence C2 "f"\n  modalité E1 "g"\n    évalue C1\n    critère CR1 "h" juge C1\n',
            'certification X "a"\nbloc 1 "b"\n  activité A1 "c"\n    compétence C1 "d"\n  modalité E1 "g"\n    critère CR1 "h"\n    type "x"\n',
            'certification X "a"\nniveau 5\nbloc 1 "b"\n  blok 2\n  activité A1 "c" ?\n',
            'certification X "a"\n// certiref-ignore\n// certiref-ignore id-pattern\n// certiref-ignore frobnicate -- why\nbloc 1 "b"\n  activité A1 "c"\n    compétence C1 "d"\n  modalité E1 "e"\n    évalue C1\n    critère CR1 "f"\n    // certiref-ignore id-pattern -- nothing here\n    critère CR9 juge C1 "g"\n',
            'partie de X\nbloc 2 "b"\n  activité A2 "c"\n    compétence C2 "d"\n  modalité E2 "e"\n    évalue C2\n    critère CR2 "f"\n    critère ',
        ];
        const messages: string[] = [];
        for (const [i, text] of broken.entries()) {
            const { findings } = await checkTexts({ [`f${i}.ref`]: text, ...(text.startsWith('partie') ? { 'main.ref': 'certification X "a"\n' } : {}) }, { language: 'fr' });
            expect(findings.length, text).toBeGreaterThan(0);
            messages.push(...findings.map((f) => f.message));
        }
        expect(messages.some((m) => /Il faut ici|inattendu/.test(m))).toBe(true);
        expect(violations(messages)).toEqual([]);
    });

    it('keeps the user\'s own text as written inside a message', async () => {
        const { findings } = await checkTexts({
            'a.ref': 'certification X "a"\n  accessibilité "x"\nbloc 1 "Concevoir : analyser ; décider ?"\n  activité A1 "c"\n    compétence C1 "d"\n    compétence C2 "e"\n  modalité E1 "g"\n    évalue C1, C2\n    critère CR1 "h"\n    critère CR2 "i"\n',
            'b.ref': 'partie de X\nbloc 1 "Autre titre !"\n',
        }, { language: 'fr' });
        const message = findings.find((f) => f.rule === 'duplicate-id')?.message ?? '';
        expect(message).toContain(`«${NNBSP}Concevoir : analyser ; décider ?${NNBSP}»`);
    });

    it('in the headings and labels of every export and of the preview, in French', async () => {
        const dir = strippedCopy('examples/starter', 'examples/multi-file', 'referentials');
        const { models } = await loadFiles([
            ...['examples/starter/referentiel.ref', 'examples/multi-file/certification.ref', 'examples/multi-file/bloc-2.ref'],
            ...fs.readdirSync(path.join(dir, 'referentials/chef-de-projet-digital')).map((f) => `referentials/chef-de-projet-digital/${f}`),
        ].map((f) => path.join(dir, f)).filter((f) => f.endsWith('.ref') && fs.existsSync(f)));
        expect(models.length).toBeGreaterThanOrEqual(3);
        const texts: string[] = [];
        // the preview and the HTML export (one renderer): its text, tags dropped, entities read
        const html = renderGrid(models, [], { language: 'fr', interactive: false }).body;
        texts.push(...html.replace(/<[^>]+>/g, '\n').replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&').split('\n'));
        texts.push(...toMarkdown(models, 'fr').split('\n'));
        texts.push(...toCsv(models, 'fr').split('\r\n'));
        // Word: the text of each paragraph; Excel: every string of every sheet
        const docx = await JSZip.loadAsync(await toDocx(models, 'fr'));
        const document = await docx.file('word/document.xml')!.async('string');
        texts.push(...document.split('</w:p>').map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')));
        const xlsx = await JSZip.loadAsync(await toXlsx(models, 'fr'));
        for (const name of Object.keys(xlsx.files).filter((n) => /^xl\/(sharedStrings|worksheets\/sheet\d+)\.xml$/.test(n))) {
            const xml = await xlsx.file(name)!.async('string');
            texts.push(...[...xml.matchAll(/<t(?: [^>]*)?>([^<]*)<\/t>/g)].map((m) => m[1]));
        }
        expect(texts.filter((t) => /Livrables|Certificateur|Décision|Candidat/.test(t)).length).toBeGreaterThan(3);
        expect(violations(texts)).toEqual([]);
    });
});
