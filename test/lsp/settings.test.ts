import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';
import { rulesOf, TestClient } from './client.js';

const TEXT = fs.readFileSync(path.join(ROOT, 'examples/rules/competency-without-criterion.ref'), 'utf8');

describe('the language server reads the same certiref.json as the CLI', () => {
    let client: TestClient;
    let dir: string;
    beforeAll(async () => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), 'certiref-settings-'));
        fs.writeFileSync(path.join(dir, 'certiref.json'), JSON.stringify({ language: 'fr', rules: { 'competency-without-criterion': 'error' } }));
        fs.mkdirSync(path.join(dir, 'sub'));
        fs.writeFileSync(path.join(dir, 'sub/a.ref'), TEXT);
        client = new TestClient();
        await client.initialize(pathToFileURL(dir).toString(), 'en');
    });
    afterAll(async () => {
        await client?.stop();
        fs.rmSync(dir, { recursive: true, force: true });
    });

    it('applies its severities and language, and the suppressions of the source', async () => {
        const uri = pathToFileURL(path.join(dir, 'sub/a.ref')).toString();
        client.open(uri, TEXT);
        const d = await client.waitFor(uri, (x) => x.length > 0);
        expect(rulesOf(d)).toEqual(['competency-without-criterion']);
        expect(d[0].severity).toBe(1);
        expect(d[0].message).toContain("n'est jugée par aucun critère");
        expect(d[0].source).toBe('certiref');
        client.change(uri, TEXT.replace('    compétence C2', '    // certiref-ignore competency-without-criterion -- jugée à l\'oral\n    compétence C2'));
        await client.waitFor(uri, (x) => x.length === 0);
    });
});

describe('an invalid certiref.json is shown in the editor', () => {
    let client: TestClient;
    let dir: string;
    beforeAll(async () => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), 'certiref-badconfig-'));
        fs.writeFileSync(path.join(dir, 'certiref.json'), '{ "rules": { "id-patern": "off" } }');
        fs.writeFileSync(path.join(dir, 'a.ref'), fs.readFileSync(path.join(ROOT, 'examples/starter/referentiel.ref'), 'utf8'));
        client = new TestClient();
        await client.initialize(pathToFileURL(dir).toString(), 'en');
    });
    afterAll(async () => {
        await client?.stop();
        fs.rmSync(dir, { recursive: true, force: true });
    });

    it('as an error on each file it applies to', async () => {
        const uri = pathToFileURL(path.join(dir, 'a.ref')).toString();
        client.open(uri, fs.readFileSync(path.join(dir, 'a.ref'), 'utf8'));
        const d = await client.waitFor(uri, (x) => x.length > 0);
        expect(rulesOf(d)).toEqual(['invalid-config']);
        expect(d[0].message).toMatch(/certiref\.json:1:14: .*unknown rule "id-patern"\. This setting is ignored\./);
        expect(d[0].range.start).toEqual({ line: 0, character: 0 });
    });
});
