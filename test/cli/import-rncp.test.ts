import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers.js';
import { CAREFUL_READER, UNSURE_COMPETENCIES } from '../rncp/careful-reader.js';

/**
 * `certiref import rncp` on the extract of the RNCP export (examples/rncp/), through the built
 * CLI: every fiche imports as files that check without syntax errors and hold the careful
 * reader's competencies; a second import changes nothing; nothing is written over a file unless
 * --force; a bad export is reported at its line and column with exit 2.
 */
const EXTRACT = path.join(ROOT, 'examples/rncp/export_fiches_RNCP_extract.xml');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'certiref-import-rncp-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

interface ModelJson {
    certifications: Array<{ id: string; rncp?: string; title: string; level?: string; certifier?: string; sections: Array<{ title: string; text: string }>;
        blocs: Array<{ id: string; title?: string; description?: string; activities: Array<{ id: string; title: string; competencies: Array<{ id: string; text: string }> }>; modalities: Array<{ title: string }> }> }>;
}

function model(folder: string): ModelJson {
    const run = runCli(['export', folder, '--format', 'json']);
    expect(run.stderr).toBe('');
    return JSON.parse(run.stdout) as ModelJson;
}

const norm = (text: string) => text.replace(/[’']/g, '\'').replace(/\s+/g, ' ').trim();

describe('certiref import rncp', () => {
    const all = path.join(dir, 'all');
    beforeAll(() => {
        const run = runCli(['import', 'rncp', EXTRACT, '--all', '--out', all]);
        expect(run.stderr).toBe('');
        expect(run.status).toBe(0);
        expect(run.stdout).toContain('6 fiches read from export_fiches_RNCP_extract.xml: 6 written, 0 unchanged, 0 refused');
    });

    it('every fiche: files that check without syntax errors, the notes at the places the splitter was unsure', () => {
        expect(fs.readdirSync(all).sort()).toEqual(Object.keys(CAREFUL_READER).sort());
        const run = runCli(['check', all, '--format', 'json']);
        const findings = JSON.parse(run.stdout).diagnostics as Array<{ rule: string; file: string; line: number; message: string }>;
        expect(findings.filter((f) => f.rule === 'syntax-error')).toEqual([]);
        // no competency left unevaluated: a modality that names none evaluates the bloc's
        expect(findings.filter((f) => f.rule === 'competency-not-evaluated')).toEqual([]);
        const unsure = findings.filter((f) => f.rule === 'review-note' && /is it really a new competency/.test(f.message));
        expect(unsure).toHaveLength(Object.values(UNSURE_COMPETENCIES).flat().length);
    });

    for (const [number, blocs] of Object.entries(CAREFUL_READER)) {
        it(`${number}: the careful reader's competencies, in their blocs, with the fiche's codes`, () => {
            const [certification] = model(path.join(all, number)).certifications;
            expect(certification!.rncp).toBe(number);
            expect(certification!.blocs.map((b) => b.id)).toEqual(Object.keys(blocs).map((code) => code.slice(number.length)));
            for (const [code, reader] of Object.entries(blocs)) {
                const bloc = certification!.blocs.find((b) => b.id === code.slice(number.length))!;
                const competencies = bloc.activities.flatMap((a) => a.competencies);
                expect(competencies.map((c, i) => norm(c.text).slice(0, norm(reader.competencies[i]?.starts ?? '').length))).toEqual(reader.competencies.map((c) => norm(c.starts)));
                const codes = reader.competencies.map((c) => c.code);
                if (codes.every(Boolean)) expect(competencies.map((c) => c.id)).toEqual(codes);
                // headings are activities (or, a sentence ending in « : » before them all, the bloc's description), never competencies
                for (const heading of reader.headings ?? []) {
                    const places = [...bloc.activities.map((a) => a.title), bloc.description ?? ''].map(norm);
                    expect(places.some((p) => p.startsWith(norm(heading)))).toBe(true);
                }
                expect(bloc.modalities).toHaveLength(reader.modalities.length);
            }
        });
    }

    it('keeps what the fiche says of the certification: number, title, level, certifiers, dates, codes, texts, routes, versions', () => {
        const [c] = model(path.join(all, 'RNCP37674')).certifications;
        expect(c).toMatchObject({ id: 'RNCP37674', rncp: 'RNCP37674', title: 'Développeur web et web mobile', level: '5', certifier: 'MINISTERE DU TRAVAIL DU PLEIN EMPLOI ET DE L\' INSERTION' });
        const section = (title: string) => c!.sections.find((s) => s.title === title)?.text ?? '';
        expect(section('Codes')).toContain('ROME M1805 — Études et développement informatique');
        expect(section('Codes')).toContain('Formacode 70710');
        expect(section('Dates')).toContain('Date d’effet : 01/09/2023');
        expect(section('Versions')).toBe('Remplace RNCP31114');
        expect(section('Voies d’accès')).toContain('En contrat d’apprentissage : oui');
        expect(section('Correspondances')).toContain('RNCP37674BC01 avec RNCP31114BC01 de RNCP31114');
        expect(norm(section('Types d’emplois accessibles'))).toContain('* Développeur d\'applications mobiles');
        expect(norm(section('Activités visées'))).toContain('Il vérifie par des tests le bon fonctionnement de l\'application.');
    });

    it('RNCP34762 → RNCP39568 as a renewal: blocs paired from content, both tables in Word, each version by number and title', async () => {
        const run = runCli(['diff', path.join(all, 'RNCP34762'), path.join(all, 'RNCP39568'), '--format', 'json']);
        expect(run.status).toBe(0);
        const { renewal } = JSON.parse(run.stdout);
        const pairs = renewal.correspondences.flatMap((c: any) => c.new.flatMap((n: any) => c.old.map((o: any) => `${n.id} ← ${o.id}`)));
        expect(pairs).toContain('BC01 ← BC01');
        expect(pairs).toContain('BC05 ← BC02');
        const docx = path.join(dir, 'renouvellement.docx');
        expect(runCli(['diff', path.join(all, 'RNCP34762'), path.join(all, 'RNCP39568'), '--format', 'docx', '-o', docx, '--lang', 'fr']).status).toBe(0);
        const { value } = await (await import('mammoth')).default.extractRawText({ path: docx });
        expect(value).toContain('Version précédente : RNCP34762 — Programme Grande Ecole – Diplôme d’études supérieures en management');
        expect(value).toContain('Nouvelle version : RNCP39568 — Diplôme d’études supérieures en management (Programme Grande École)');
    });

    it('a second import changes nothing; a file changed since is not replaced without --force, then atomically', () => {
        const again = runCli(['import', 'rncp', EXTRACT, '--fiche', 'RNCP36490', '--out', all]);
        expect(again.status).toBe(0);
        expect(again.stdout).not.toContain('written');
        expect(again.stdout.match(/^unchanged: /gm)).toHaveLength(5);
        const file = path.join(all, 'RNCP36490', 'bloc-BC01.ref');
        fs.appendFileSync(file, '// mine\n');
        const refused = runCli(['import', 'rncp', EXTRACT, '--fiche', '36490', '--out', all]);
        expect(refused.status).toBe(2);
        expect(refused.stderr).toContain('bloc-BC01.ref: already exists, add --force to replace');
        expect(fs.readFileSync(file, 'utf8')).toContain('// mine');
        const forced = runCli(['import', 'rncp', EXTRACT, '--fiche', 'rncp36490', '--out', all, '--force']);
        expect(forced.status).toBe(0);
        expect(fs.readFileSync(file, 'utf8')).not.toContain('// mine');
        expect(fs.readdirSync(path.dirname(file)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    });

    it('a malformed or truncated export: exit 2 and the line and column of the XML; a fiche not in it: exit 2', () => {
        const xml = fs.readFileSync(EXTRACT, 'utf8');
        const cut = path.join(dir, 'cut.xml');
        fs.writeFileSync(cut, xml.slice(0, xml.indexOf('<NUMERO_FICHE>RNCP36612') + 100));
        const truncated = runCli(['import', 'rncp', cut, '--fiche', 'RNCP34762', '--out', path.join(dir, 'cut')]);
        expect(truncated.status).toBe(2);
        expect(truncated.stderr).toMatch(/cut\.xml:\d+:\d+\u00A0: .*tronqué.* \/ .*truncated/);
        const bad = path.join(dir, 'bad.xml');
        fs.writeFileSync(bad, xml.replace('<INTITULE>Assistant en ressources humaines</INTITULE>', '<INTITULE>Assistant en ressources humaines</TITRE>'));
        const malformed = runCli(['import', 'rncp', bad, '--fiche', 'RNCP36612', '--out', path.join(dir, 'bad')]);
        expect(malformed.status).toBe(2);
        const line = xml.slice(0, xml.indexOf('<INTITULE>Assistant')).split('\n').length;
        expect(malformed.stderr).toContain(`bad.xml:${line}:`);
        expect(fs.existsSync(path.join(dir, 'bad'))).toBe(false);
        const missing = runCli(['import', 'rncp', EXTRACT, '--fiche', 'RNCP99999', '--out', path.join(dir, 'none')]);
        expect(missing.status).toBe(2);
        expect(missing.stderr).toContain('RNCP99999: not in the export (6 fiches).');
        expect(runCli(['import', 'rncp', EXTRACT]).stderr).toContain('give --fiche RNCPnnnnn (repeatable) or --all');
        expect(runCli(['import', 'rncp', EXTRACT, '--fiche', 'X1']).stderr).toContain('invalid fiche number');
    });
});
