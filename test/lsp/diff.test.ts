import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiffResponse } from 'certiref-language';
import { ROOT } from '../helpers.js';
import { TestClient } from './client.js';

/** "Compare with…" as the editor asks it of the Node server: the older files' texts, the live workspace's model. */
describe('certiref/diff over stdio', () => {
    const dir = path.join(ROOT, 'referentials/manager-strategie-digitale');
    const uriOf = (name: string) => pathToFileURL(path.join(dir, name)).toString();
    const textOf = (name: string) => fs.readFileSync(path.join(dir, name), 'utf8');
    const names = fs.readdirSync(dir).filter((n) => n.endsWith('.ref'));
    let client: TestClient;
    beforeAll(async () => {
        client = new TestClient();
        await client.initialize(pathToFileURL(dir).toString(), 'en');
        client.open(uriOf('bloc-1.ref'), textOf('bloc-1.ref'));
        await client.waitFor(uriOf('bloc-1.ref'), () => true);
    });
    afterAll(async () => client?.stop());
    const diff = (files: Array<{ name: string; text: string }>, language: 'fr' | 'en' = 'en') => client.connection.sendRequest('certiref/diff', {
        uri: uriOf('bloc-1.ref'),
        language,
        old: { label: 'HEAD', files: files.map((f) => ({ uri: uriOf(f.name), text: f.text, name: `HEAD:${f.name}` })) },
    }) as Promise<DiffResponse>;

    it('the same files: an empty report', async () => {
        const r = await diff(names.map((name) => ({ name, text: textOf(name) })));
        expect(r.empty).toBe(true);
        expect(r.text).toBe('certiref diff  HEAD → MSD\n\nNo change to the référentiels.\n');
    });

    it('an older version without C2: C2 added, what it unblocks, and the error it resolves, in the panel\'s HTML too', async () => {
        const older = names.map((name) => ({ name, text: name === 'bloc-1.ref' ? textOf(name).replace(/\n    compétence C2 "[^"]*"/, '') : textOf(name) }));
        const r = await diff(older);
        expect(r.summary).toMatchObject({ added: 1, changed: 2, resolved: { errors: 1 } });
        expect(r.text).toContain('    + competency C2 (activity A1) added  bloc-1.ref:33\n');
        expect(r.text).toMatch(/Findings resolved \(1\)\n {2}HEAD:bloc-1\.ref:75:13 {2}error/);
        expect(r.markdown).toContain('- ➕ competency C2 (activity A1) added · `bloc-1.ref:33`');
        // the panel: each change on the new side shows its line when clicked; every text escaped
        expect(r.body).toContain(`<li class="change added" data-uri="${uriOf('bloc-1.ref')}" data-line="32" tabindex="0">`);
        expect(r.body).toContain('<blockquote>Analyser les usages, les attentes et les freins');
        const fr = await diff(older, 'fr');
        expect(fr.text).toContain('    + compétence C2 (activité A1) ajoutée  bloc-1.ref:33\n');
    });

    it('only the certification of the active file is compared: another certification among the older files is left out', async () => {
        const other = { name: 'other/autre.ref', text: 'certification AUTRE "Autre"\n  accessibilité "Aménagements."\n' };
        const r = await diff([...names.map((name) => ({ name, text: textOf(name) })), other]);
        expect(r.empty).toBe(true);
    });
});
