import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { ROOT, runCli } from '../helpers.js';
import { AXE_SOURCE, launch, type AxeViolation } from './chromium.js';

const OUT = path.join(ROOT, 'test/output');

describe('the HTML export of the evaluation grids, in Chromium', () => {
    let browser: Browser;
    beforeAll(async () => {
        fs.mkdirSync(OUT, { recursive: true });
        browser = await launch();
    });
    afterAll(async () => browser?.close());

    for (const [seed, lang] of [['chef-de-projet-digital', 'fr'], ['manager-strategie-digitale', 'en']] as const) {
        it(`${seed}: axe-core finds no accessibility violation; a screenshot is kept`, async () => {
            const file = path.join(OUT, `${seed}.html`);
            const r = runCli(['export', `referentials/${seed}`, '--format', 'html', '--lang', lang, '-o', file, '--force']);
            expect(r.status, r.stderr).toBe(0);
            // the page's CSP forbids every script: let the test inject axe-core anyway
            const page = await browser.newPage({ viewport: { width: 1200, height: 1400 }, bypassCSP: true });
            await page.goto(pathToFileURL(file).toString());
            await page.addScriptTag({ content: AXE_SOURCE });
            const violations = await page.evaluate(async () => {
                const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
                return (await axe.run(document, { resultTypes: ['violations'] })).violations;
            });
            expect(violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
            await page.screenshot({ path: path.join(OUT, `${seed}.png`), fullPage: false });
            // printable: margins of its own, the grids' header rows on every page, no fold-outs,
            // no heading left alone at the foot of a page
            await page.emulateMedia({ media: 'print' });
            const print = await page.evaluate(() => ({
                thead: getComputedStyle(document.querySelector('table.grid thead')!).display,
                details: getComputedStyle(document.querySelector('details.competencies')!).display,
                heading: getComputedStyle(document.querySelector('h2')!).breakAfter,
                row: getComputedStyle(document.querySelector('table.grid tbody tr')!).breakInside,
                page: [...document.styleSheets].flatMap((sheet) => [...sheet.cssRules]).some((r) => r.cssText.startsWith('@page') && /margin/.test(r.cssText)),
            }));
            expect(print).toEqual({ thead: 'table-header-group', details: 'none', heading: 'avoid-page', row: 'avoid-page', page: true });
            const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
            fs.writeFileSync(path.join(OUT, `${seed}.pdf`), pdf);
            expect(pdf.length).toBeGreaterThan(50_000);
            await page.close();
        });
    }
});
