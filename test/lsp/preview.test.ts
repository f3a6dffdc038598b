import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';
import { TestClient } from './client.js';

/** certiref/preview: the grids of the active file's certification, its findings in the language asked. */
describe('certiref/preview over stdio', () => {
    const dir = path.join(ROOT, 'referentials/manager-strategie-digitale');
    const uri = pathToFileURL(path.join(dir, 'bloc-5.ref')).toString();
    let client: TestClient;
    beforeAll(async () => {
        client = new TestClient();
        await client.initialize(pathToFileURL(dir).toString(), 'en');
        client.open(uri, fs.readFileSync(path.join(dir, 'bloc-5.ref'), 'utf8'));
        await client.waitFor(uri, () => true);
    });
    afterAll(async () => client?.stop());

    it('shows the findings in the language the preview is asked in, whatever the editor speaks', async () => {
        // the editor speaks English: its diagnostics are in English
        expect((client.diagnostics.get(uri) ?? []).map((d) => d.message)).toContain('Competency CS2-4 is judged by no criterion. Add a criterion CR2-4 in modality E5.');
        const fr = await client.connection.sendRequest('certiref/preview', { uri, language: 'fr' }) as { body: string };
        expect(fr.body).toContain("La compétence CS2-4 n&#39;est jugée par aucun critère. Ajoutez un critère CR2-4 dans la modalité E5.");
        expect(fr.body).not.toContain('is judged by no criterion');
        const en = await client.connection.sendRequest('certiref/preview', { uri, language: 'en' }) as { body: string };
        expect(en.body).toContain('Competency CS2-4 is judged by no criterion. Add a criterion CR2-4 in modality E5.');
    });
});
