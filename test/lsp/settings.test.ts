import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, WRITING_RULES_OFF } from '../helpers.js';
import { rulesOf, useWorkspace } from './client.js';

const TEXT = fs.readFileSync(path.join(ROOT, 'examples/rules/competency-without-criterion.ref'), 'utf8');

describe('the language server reads the same certiref.json as the CLI', () => {
    const ws = useWorkspace({
        'certiref.json': JSON.stringify({ language: 'fr', rules: { ...WRITING_RULES_OFF, 'competency-without-criterion': 'error' } }),
        'sub/a.ref': TEXT,
    });

    it('applies its severities and language, and the suppressions of the source', async () => {
        const { client } = ws;
        const uri = ws.uri('sub/a.ref');
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
    const STARTER = fs.readFileSync(path.join(ROOT, 'examples/starter/referentiel.ref'), 'utf8');
    const ws = useWorkspace({ 'certiref.json': '{ "rules": { "id-patern": "off" } }', 'a.ref': STARTER });

    it('as an error on each file it applies to', async () => {
        const { client } = ws;
        const uri = ws.uri('a.ref');
        client.open(uri, STARTER);
        const d = await client.waitFor(uri, (x) => x.length > 0);
        expect(rulesOf(d)).toEqual(['invalid-config']);
        expect(d[0].message).toMatch(/certiref\.json:1:14: .*unknown rule "id-patern"\. This setting is ignored: its default applies\./);
        expect(d[0].range.start).toEqual({ line: 0, character: 0 });
    });
});
