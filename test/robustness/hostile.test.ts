import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { previewHtml } from '../../packages/extension/src/preview-html.js';
import { runCli } from '../helpers.js';
import { TestClient } from '../lsp/client.js';
import { CHROMIUM, launch } from '../e2e/chromium.js';

/**
 * Hostile text: every text field of a référentiel (titles, texts, descriptions, sections,
 * deliverables, kinds, the certifier, the version, conventions, and ids where the grammar
 * allows a word such as `script` or `onload`) holds markup that would run or load something if
 * it reached a page as markup. The HTML export and the preview's page (the same renderer, the
 * page built as the extension builds it) are opened in Chromium — with their Content Security
 * Policy, and again without it (bypassCSP), so that the escaping alone is proven. Nothing may
 * run (a global flag the payloads set, dialogs, page errors, console errors), nothing may be
 * requested (every request is recorded and refused), no element or attribute may come from the
 * text, and each payload must show as text, character for character.
 */

/** Each sets window.__pwned, opens a dialog or loads something if it is read as markup or script. */
const PAYLOADS = [
    '<script>window.__pwned = 1; alert(1)</script>',
    '<img src=x onerror="window.__pwned = 2">',
    '<svg onload="window.__pwned = 3"><circle r=1 /></svg>',
    'javascript:window.__pwned = 4',
    '<a href="javascript:window.__pwned = 5">clic</a>',
    '</style><script>window.__pwned = 6</script>',
    '<style>body { background: url(https://evil.example/bg.png) } * { display: none }</style>',
    '" onmouseover="window.__pwned = 7" data-x="',
    "' onfocus='window.__pwned = 8' autofocus '",
    '<!-- the rest of the page is a comment',
    '<iframe src="https://evil.example/frame"></iframe>',
    '<link rel="stylesheet" href="https://evil.example/x.css">',
    '<meta http-equiv="refresh" content="0; url=https://evil.example/">',
    '<base href="https://evil.example/">',
    '</title><script>window.__pwned = 9</script>',
    '</textarea></noscript><plaintext>',
    '<math><mtext></p><img src=x onerror="window.__pwned = 10"></mtext></math>',
    '@import url(https://evil.example/y.css); expression(alert(1))',
    '{{constructor.constructor("window.__pwned = 11")()}}',
    '&lt;script&gt; is shown as written, &amp; too',
    ']]> <![CDATA[ x ]]>',
    '\u202Egnp.exe <b>bold</b>',
];

/** A `"…"` text that reads back as `s` (\" for a quote, \\ for a backslash). */
const q = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
let next = 0;
/** The next payload, with a number so that each field's text is its own. */
const p = () => `${PAYLOADS[next % PAYLOADS.length]} #${++next}`;

/** The référentiel, and the texts the HTML grids show (the rest is in the model, not in the grids). */
function hostileReferential(): { files: Record<string, string>; shown: string[]; spreadsheet: string[] } {
    next = 0;
    const shown: string[] = [];
    const spreadsheet: string[] = [];
    const s = (list: string[][], value: string) => {
        for (const l of list) l.push(value);
        return q(value);
    };
    const main = [
        `certification script ${s([shown], p())}`,
        `  rncp onload`,
        `  niveau 6`,
        `  certificateur ${s([shown], p())}`,
        `  version ${s([shown], p())}`,
        `  date ${q(p())}`,
        `  description ${q(p())}`,
        `  accessibilité ${s([shown], p())}`,
        `  section ${q(p())} ${q(p())}`,
        // a malformed convention: its finding quotes the text, and the grid shows the finding
        `  convention ${s([shown], p())} juge ${q('C{n}')}`,
        '',
        `bloc img ${s([shown], p())}`,
        `  description ${q(p())}`,
        `  activité A1 ${q(p())}`,
        `    description ${q(p())}`,
        `    compétence C1 ${s([shown, spreadsheet], p())}`,
        `    compétence C2 ${s([shown, spreadsheet], `=HYPERLINK("https://evil.example","clic") ${p()}`)}`,
        `  modalité E1 ${s([shown, spreadsheet], p())}`,
        `    type ${s([shown], p())}`,
        '    individuel',
        `    livrables ${s([shown], p())}, ${s([shown], p())}`,
        `    description ${s([shown], p())}`,
        '    évalue C1, C2',
        `    critère CR1 juge C1 ${s([shown, spreadsheet], p())}`,
        `    critère CR2 juge C2 ${s([shown, spreadsheet], `+cmd|' /C calc'!A0 ${p()}`)}`,
        `  modalité ${s([shown, spreadsheet], `@SUM(1+1) ${p()}`)}`,
        '    évalue C1',
        `    partie ${s([shown, spreadsheet], `-2+3 ${p()}`)}`,
        `      type ${q(p())}`,
        `      description ${q(p())}`,
        `      critère juge C1 ${s([shown, spreadsheet], `=1+1 ${p()}`)}`,
        '',
        `bloc 2 ${s([shown], p())}`,
        `  spécialisation javascript ${s([shown], p())}`,
        `    description ${q(p())}`,
        `    activité A2 ${q(p())}`,
        `      compétence C3 ${s([shown, spreadsheet], p())}`,
        `      compétence C4 ${s([shown, spreadsheet], p())}`,
        `    modalité E2 ${s([shown, spreadsheet], p())}`,
        '      évalue C3, C4',
        `      critère CR3 juge C3 ${s([shown, spreadsheet], p())}`,
        `      critère CR4 juge C4 """${p()}"""`,
        '',
    ].join('\n');
    return { files: { 'main.ref': main }, shown, spreadsheet };
}

const { files, shown, spreadsheet } = hostileReferential();
let dir: string;

beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'certiref-hostile-'));
    for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

it('the hostile référentiel is read whole: no syntax error, every payload in the model', () => {
    const r = runCli(['export', dir, '--format', 'json']);
    expect(r.stderr).toBe('');
    const json = r.stdout;
    for (const text of shown) expect(json).toContain(JSON.stringify(text).slice(1, -1));
    const check = runCli(['check', dir, '--format', 'json']);
    const rules = (JSON.parse(check.stdout).diagnostics as { rule: string }[]).map((d) => d.rule);
    expect(rules).not.toContain('syntax-error');
    expect(rules).toContain('invalid-convention');
});

interface Observed {
    pwned: unknown;
    dialogs: string[];
    errors: string[];
    requests: string[];
    elements: string[];
    attributes: string[];
    text: string;
}

/** Opens a page and records everything that would betray injected markup. */
async function observe(browser: Browser, bypassCSP: boolean, load: (page: Page) => Promise<void>, ownUrl: (url: string) => boolean): Promise<Observed> {
    const context = await browser.newContext({ bypassCSP });
    const page = await context.newPage();
    const seen: Observed = { pwned: undefined, dialogs: [], errors: [], requests: [], elements: [], attributes: [], text: '' };
    page.on('dialog', (d) => {
        seen.dialogs.push(d.message());
        void d.dismiss();
    });
    page.on('pageerror', (e) => seen.errors.push(e.message));
    page.on('console', (m) => {
        if (m.type() === 'error') seen.errors.push(m.text());
    });
    await context.route('**/*', (route) => {
        const url = route.request().url();
        if (ownUrl(url)) return route.continue();
        seen.requests.push(url);
        return route.abort();
    });
    page.on('request', (r) => {
        if (!ownUrl(r.url()) && !seen.requests.includes(r.url())) seen.requests.push(r.url());
    });
    await load(page);
    // give an injected handler, a refresh or a load every chance: hover and focus everything
    await page.waitForTimeout(300);
    await page.evaluate(() => {
        for (const el of Array.from(document.querySelectorAll('body *'))) {
            for (const type of ['mouseover', 'focus', 'click']) el.dispatchEvent(new Event(type, { bubbles: true }));
        }
    });
    await page.waitForTimeout(300);
    Object.assign(seen, await page.evaluate(() => {
        const rendererTags = new Set(['MAIN', 'ARTICLE', 'HEADER', 'SECTION', 'DIV', 'H1', 'H2', 'H3', 'P', 'BR', 'SPAN', 'STRONG', 'CODE', 'UL', 'LI', 'DETAILS', 'SUMMARY', 'TABLE', 'CAPTION', 'THEAD', 'TBODY', 'TR', 'TH', 'TD']);
        const rendererAttributes = new Set(['class', 'id', 'aria-labelledby', 'data-uri', 'data-line', 'tabindex', 'scope', 'rowspan']);
        const body = Array.from(document.body.querySelectorAll('*'));
        return {
            pwned: (window as unknown as { __pwned?: unknown }).__pwned,
            elements: [...new Set([...body.map((e) => e.tagName).filter((t) => !rendererTags.has(t) && t !== 'SCRIPT'),
                ...Array.from(document.querySelectorAll('script')).filter((s) => !s.nonce).map(() => 'SCRIPT without nonce'),
                ...Array.from(document.head.querySelectorAll('*')).map((e) => e.tagName).filter((t) => !['META', 'TITLE', 'STYLE'].includes(t)),
                ...(document.querySelectorAll('style').length > 1 ? ['a second STYLE'] : []),
                ...(document.querySelectorAll('meta[http-equiv="refresh"], base').length > 0 ? ['META refresh or BASE'] : [])])],
            attributes: [...new Set(body.filter((e) => e.tagName !== 'SCRIPT').flatMap((e) => e.getAttributeNames()).filter((a) => !rendererAttributes.has(a)))],
        };
    }));
    // what a reader sees (the rendered text, not the source of the page), the competencies'
    // folded <details> unfolded
    seen.text = await page.evaluate(() => {
        for (const d of Array.from(document.querySelectorAll('details'))) d.open = true;
        return document.body.innerText;
    });
    expect(page.url()).toBe(page.url()); // still on the page: a refresh would have been refused above
    await context.close();
    return seen;
}

function expectHarmless(seen: Observed): void {
    expect(seen.pwned, 'injected script ran').toBeUndefined();
    expect(seen.dialogs, 'dialogs').toEqual([]);
    expect(seen.errors, 'page or console errors').toEqual([]);
    expect(seen.requests, 'requests').toEqual([]);
    expect(seen.elements, 'elements that do not come from the renderer').toEqual([]);
    expect(seen.attributes, 'attributes that do not come from the renderer').toEqual([]);
    // each text shows as written, markup and all
    const missing = shown.filter((text) => !seen.text.includes(text));
    expect(missing, 'texts not shown as written').toEqual([]);
}

describe('hostile text in Chromium', () => {
    let browser: Browser;
    beforeAll(async () => {
        if (!CHROMIUM) throw new Error('Chromium is not installed: these tests need it; run `bash test/setup.sh`');
        browser = await launch();
    });
    afterAll(async () => browser?.close());

    for (const bypassCSP of [false, true]) {
        const how = bypassCSP ? 'without its Content Security Policy (escaping alone)' : 'with its Content Security Policy';
        it(`the HTML export, ${how}: nothing runs, nothing loads, every text shows as text`, async () => {
            const file = path.join(dir, 'grids.html');
            // with the findings: their messages quote the hostile texts too
            const r = runCli(['export', dir, '--format', 'html', '--lang', 'en', '--with-findings', '-o', file, '--force']);
            expect(r.status, r.stderr).toBe(0);
            const url = pathToFileURL(file).toString();
            expectHarmless(await observe(browser, bypassCSP, async (page) => {
                await page.goto(url);
            }, (u) => u === url));
        });

        it(`the preview's page, ${how}: nothing runs, nothing loads, every text shows as text`, async () => {
            const client = new TestClient();
            const uri = pathToFileURL(path.join(dir, 'main.ref')).toString();
            try {
                await client.initialize(pathToFileURL(dir).toString(), 'fr');
                client.open(uri, files['main.ref']);
                await client.waitFor(uri, () => true);
                const result = await client.connection.sendRequest('certiref/preview', { uri }) as { body: string; title: string };
                const html = previewHtml({ body: result.body, nonce: 'n0nce', uri, title: result.title, language: 'fr' });
                expectHarmless(await observe(browser, bypassCSP, async (page) => {
                    await page.setContent(html);
                }, (u) => u === 'about:blank'));
            } finally {
                await client.stop();
            }
        });
    }

    it('control: the same observation catches markup that is not escaped', async () => {
        const html = previewHtml({ body: `<p>${PAYLOADS[1]}</p><span onmouseover="window.__pwned = 7">x</span>${PAYLOADS[10]}`, nonce: 'n0nce', uri: 'file:///x.ref', title: 'x', language: 'fr' });
        const seen = await observe(browser, true, async (page) => {
            await page.setContent(html);
        }, (u) => u === 'about:blank');
        expect(seen.pwned).toBe(7);
        expect(seen.elements).toContain('IMG');
        expect(seen.attributes).toEqual(expect.arrayContaining(['src', 'onerror', 'onmouseover']));
        expect(seen.requests).toContain('https://evil.example/frame');
        expect(seen.requests.length).toBeGreaterThan(0);
        expect(() => expectHarmless(seen)).toThrow();
    });
});

describe('hostile text in spreadsheets: formulas neutralised', () => {
    const FORMULA = /^[=+\-@\t\r]/;

    it('CSV: no cell starts as a formula; each hostile text is there, behind an apostrophe', () => {
        const r = runCli(['export', dir, '--format', 'csv']);
        expect(r.status, r.stderr).toBe(0);
        const rows = parseCsv(r.stdout.replace(/^\uFEFF/, '')) as string[][];
        const cells = rows.slice(1).flat();
        expect(cells.filter((c) => FORMULA.test(c))).toEqual([]);
        for (const text of spreadsheet) {
            expect(cells.some((c) => c === text || c === `'${text}` || c.endsWith(` — ${text}`) || c.endsWith(` — '${text}`)), text).toBe(true);
        }
        for (const formula of ['=HYPERLINK', '+cmd|', '=1+1', '-2+3']) expect(cells.some((c) => c.startsWith(`'${formula}`)), formula).toBe(true);
    });

    it('Excel: no text became a formula; the only formulas are the workbook\'s own counts', async () => {
        const file = path.join(dir, 'grids.xlsx');
        const r = runCli(['export', dir, '--format', 'xlsx', '-o', file, '--force']);
        expect(r.status, r.stderr).toBe(0);
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.readFile(file);
        const strings: string[] = [];
        const formulas: string[] = [];
        workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => {
            if (cell.type === ExcelJS.ValueType.Formula) formulas.push(cell.formula);
            else if (typeof cell.value === 'string') strings.push(cell.value);
        })));
        expect(formulas.length).toBeGreaterThan(0);
        // the workbook's own: criteria acquired per competency, whether it is acquired, the bloc's result
        for (const f of formulas) expect(f).toMatch(/^(COUNTIF\(F\d+:F\d+,"Acquired"\)|IF\(COUNTA\(F\d+:F\d+\)(<D\d+,"",IF\(C\d+=D\d+,"yes","no"\)\)|[+<].*validated","(bloc|option) not validated"\)\))$)/);
        expect(strings.filter((s) => FORMULA.test(s))).toEqual([]);
        for (const text of spreadsheet) {
            expect(strings.some((s) => s.includes(text)), text).toBe(true);
        }
        // and in the file itself: no <f> element holds any of the texts
        const zip = await JSZip.loadAsync(fs.readFileSync(file));
        for (const name of Object.keys(zip.files).filter((n) => /worksheets\/.*\.xml$/.test(n))) {
            const xml = await zip.file(name)!.async('string');
            for (const f of xml.match(/<f>[^<]*<\/f>/g) ?? []) expect(f).toMatch(/^<f>(COUNTIF|IF)\(/);
        }
    });

    it('Markdown: the only markup is the export\'s own line breaks', () => {
        const r = runCli(['export', dir, '--format', 'md']);
        expect(r.status, r.stderr).toBe(0);
        expect(r.stdout.match(/<(?!br>)[^\s]/g) ?? []).toEqual([]);
        // Markdown's own characters escaped too: no link, emphasis or code can come from a text
        expect(r.stdout).toContain('&lt;script&gt;window.\\_\\_pwned = 1; alert(1)&lt;/script&gt;');
    });
});
