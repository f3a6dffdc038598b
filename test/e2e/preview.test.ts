import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { previewHtml } from '../../packages/extension/src/preview-html.js';
import { ROOT } from '../helpers.js';
import { TestClient } from '../lsp/client.js';
import { AXE_SOURCE, launch, type AxeViolation } from './chromium.js';

/**
 * The preview's page as the extension builds it, from the language server's answer to
 * certiref/preview, checked in Chromium: no accessibility violation (axe-core), rows that know
 * their source line, and a CSP that lets no other script run.
 */
describe('the evaluation-grid preview of the seeds', () => {
    let browser: Browser;
    beforeAll(async () => {
        browser = await launch();
    });
    afterAll(async () => browser?.close());

    for (const [seed, file] of [['chef-de-projet-digital', 'bloc-6.ref'], ['manager-strategie-digitale', 'bloc-5.ref']]) {
        it(`${seed}: axe-core finds no violation; rows carry their source line`, async () => {
            const dir = path.join(ROOT, 'referentials', seed);
            const uri = pathToFileURL(path.join(dir, file)).toString();
            const client = new TestClient();
            try {
                await client.initialize(pathToFileURL(dir).toString(), 'fr');
                client.open(uri, fs.readFileSync(path.join(dir, file), 'utf8'));
                await client.waitFor(uri, () => true);
                const result = await client.connection.sendRequest('certiref/preview', { uri }) as { body: string; title: string };
                expect(result.body).toContain('<table class="grid">');
                const html = previewHtml({ body: result.body, nonce: 'n0nce', uri, title: result.title, language: 'fr' });
                const page = await browser.newPage({ bypassCSP: true, viewport: { width: 1000, height: 1200 } });
                await page.setContent(html);
                await page.addScriptTag({ content: AXE_SOURCE });
                const violations = await page.evaluate(async () => {
                    const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
                    return (await axe.run(document, { resultTypes: ['violations'] })).violations;
                });
                expect(violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
                const rows = await page.locator('[data-line][data-uri]').count();
                expect(rows).toBeGreaterThan(30);
                await page.close();
            } finally {
                await client.stop();
            }
        });
    }
});
