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

    it('its CSP runs no script but its own and loads nothing remote; a hostile file name stays data', async () => {
        const uri = "file:///tmp/x');window.pwned=1;('%22</script><script>window.pwned=2</script>.ref";
        const hostile = '<h2 data-uri="file:///tmp/a.ref" data-line="3">Bloc</h2><img src="http://127.0.0.1:9/x.png" alt=""><script>window.injected = 1</script><p style="background:url(http://127.0.0.1:9/y.png)">t</p>';
        const html = previewHtml({ body: hostile, nonce: 'c0ffee', uri, title: 'Aperçu', language: 'fr' });
        const page = await browser.newPage();
        try {
            // a remote request may be announced, then must be refused by the CSP, never sent
            const remote: string[] = [];
            page.on('requestfailed', (r) => remote.push(`${r.url()} ${r.failure()?.errorText}`));
            page.on('requestfinished', (r) => remote.push(`${r.url()} sent`));
            // what VS Code gives a webview, recorded
            await page.addInitScript(() => {
                const w = window as unknown as Record<string, unknown>;
                w.acquireVsCodeApi = () => ({ setState: (s: unknown) => (w.state = s), postMessage: (m: unknown) => ((w.posted as unknown[]) ??= []).push(m) });
            });
            // from a file: a page written by setContent() does not run nonce'd scripts
            const file = path.join(ROOT, 'test/output/preview-csp.html');
            fs.mkdirSync(path.dirname(file), { recursive: true });
            fs.writeFileSync(file, html);
            await page.goto(pathToFileURL(file).toString());
            await page.click('h2');
            const seen = await page.evaluate(() => { const w = window as unknown as Record<string, unknown>; return { injected: w.injected, pwned: w.pwned, state: w.state, posted: w.posted }; });
            // the page's own script ran, with the file's name intact; nothing else did
            expect(seen).toEqual({ injected: undefined, pwned: undefined, state: { uri }, posted: [{ type: 'reveal', uri: 'file:///tmp/a.ref', line: 3 }] });
            expect(remote.filter((r) => /^https?:/.test(r) && !/ (csp|net::ERR_BLOCKED_BY_CSP)$/.test(r))).toEqual([]);
            expect(remote.filter((r) => /^https?:/.test(r)).length).toBeGreaterThan(0);
        } finally {
            await page.close();
        }
    });

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
