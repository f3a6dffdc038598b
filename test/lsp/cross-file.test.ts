import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, WRITING_RULES_OFF_CONFIG } from '../helpers.js';
import { rulesOf, TestClient } from './client.js';

// The référentiel d'activités et de compétences in one file, its évaluation in another: bloc 1
// is written in both (its competencies in a.ref, the criteria that judge them in b.ref).
const A = `certification X "Certification sur deux fichiers"
  accessibilité "Aménagements pour les candidats en situation de handicap."

bloc 1 "Bloc"
  activité A1 "Activité"
    compétence C1 "Première compétence."
    compétence C2 "Deuxième compétence, jugée dans l'autre fichier."
`;
const B_WITH = `partie de X

bloc 1
  modalité E1 "Étude de cas"
    évalue C1, C2
    critère CR1 "Premier critère."
    critère CR2 "Ce critère, dans le fichier B, juge C2 du fichier A."
`;
const B_WITHOUT = B_WITH.replace(/\n    critère CR2 [^\n]*/, '');

function workspace(files: Record<string, string>): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'certiref-xfile-'));
    for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
    // what is tested is the cross-file finding; the drafting and dossier rules have their own tests
    fs.writeFileSync(path.join(dir, 'certiref.json'), WRITING_RULES_OFF_CONFIG);
    return dir;
}

describe('a finding that depends on another file follows that file', () => {
    describe('in the language server', () => {
        let client: TestClient;
        let dir: string;
        beforeAll(async () => {
            dir = workspace({ 'a.ref': A, 'b.ref': B_WITH });
            client = new TestClient();
            await client.initialize(pathToFileURL(dir).toString());
        });
        afterAll(async () => {
            await client?.stop();
            fs.rmSync(dir, { recursive: true, force: true });
        });

        it('editing the criterion in B makes the warning on the competency in A appear, then disappear', async () => {
            const a = pathToFileURL(path.join(dir, 'a.ref')).toString();
            const b = pathToFileURL(path.join(dir, 'b.ref')).toString();
            client.open(a, A);
            client.open(b, B_WITH);
            await client.waitFor(a, (d) => d.length === 0);
            client.change(b, B_WITHOUT);
            const withWarning = await client.waitFor(a, (d) => rulesOf(d).includes('competency-without-criterion'));
            expect(withWarning).toHaveLength(1);
            expect(withWarning[0].range.start.line).toBe(6);
            expect(withWarning[0].message).toContain('C2');
            client.change(b, B_WITH);
            await client.waitFor(a, (d) => d.length === 0);
        });

        it('a file that changes its header leaves its certification, and comes back', async () => {
            const a = pathToFileURL(path.join(dir, 'a.ref')).toString();
            const b = pathToFileURL(path.join(dir, 'b.ref')).toString();
            client.change(b, B_WITH.replace('partie de X', 'partie de Y'));
            // without b.ref, bloc 1 of a.ref has no modality: nothing evaluates or judges C1 and C2
            const alone = await client.waitFor(a, (d) => d.length === 5);
            expect(alone.map((d) => `${d.range.start.line}:${d.code}`)).toEqual([
                '3:bloc-without-evaluation', '5:competency-without-criterion', '5:competency-not-evaluated',
                '6:competency-without-criterion', '6:competency-not-evaluated',
            ]);
            await client.waitFor(b, (d) => rulesOf(d).includes('unresolved-reference'));
            client.change(b, B_WITH);
            await client.waitFor(a, (d) => d.length === 0);
            await client.waitFor(b, (d) => d.length === 0);
        });

        it('a reference in B to a competency of A resolves, and breaks when A renames it', async () => {
            const a = pathToFileURL(path.join(dir, 'a.ref')).toString();
            const b = pathToFileURL(path.join(dir, 'b.ref')).toString();
            client.change(a, A.replace('compétence C2 ', 'compétence C20 '));
            const inB = await client.waitFor(b, (d) => rulesOf(d).includes('unresolved-reference'));
            expect(inB.find((d) => d.code === 'unresolved-reference')!.message).toMatch(/C2 does not exist.*Did you mean C20\?/);
            client.change(a, A);
            await client.waitFor(b, (d) => d.length === 0);
        });
    });

    describe('in the CLI', () => {
        it('reports the competency of A only when no file judges it', () => {
            const complete = workspace({ 'a.ref': A, 'b.ref': B_WITH });
            const incomplete = workspace({ 'a.ref': A, 'b.ref': B_WITHOUT });
            try {
                const ok = runCli(['check', complete, '--format', 'json']);
                expect(ok.status).toBe(0);
                expect(JSON.parse(ok.stdout).diagnostics).toEqual([]);
                const ko = runCli(['check', incomplete, '--format', 'json']);
                expect(ko.status).toBe(0);
                const diagnostics = JSON.parse(ko.stdout).diagnostics;
                expect(diagnostics.map((d: { file: string; line: number; rule: string }) => `${path.basename(d.file)}:${d.line}:${d.rule}`))
                    .toEqual(['a.ref:7:competency-without-criterion']);
                // a.ref alone (as a pre-commit hook passes it): b.ref, of the same certification, is
                // read as context, and only a.ref is reported
                const alone = runCli(['check', path.join(complete, 'a.ref'), '--format', 'json']);
                expect(JSON.parse(alone.stdout)).toMatchObject({ files: [expect.stringMatching(/a\.ref$/)], diagnostics: [] });
                const aloneIncomplete = runCli(['check', path.join(incomplete, 'a.ref'), '--format', 'json']);
                expect(JSON.parse(aloneIncomplete.stdout).diagnostics.map((d: { rule: string }) => d.rule)).toEqual(['competency-without-criterion']);
            } finally {
                fs.rmSync(complete, { recursive: true, force: true });
                fs.rmSync(incomplete, { recursive: true, force: true });
            }
        });
    });
});
