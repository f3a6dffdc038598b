// Makes the README's pictures of the exports, from the Manager de la stratégie digitale seed:
// the Word and Excel files rendered by LibreOffice (as a jury or France Compétences opens them),
// the HTML page and the Markdown rendered by Chromium, the first lines of the CSV file.
//   apt-get install -y libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils chromium
//   npm run build && node docs/tools/readme-pictures.mjs
// Look at each picture before committing it.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(path.join(root, 'package.json'));
const { chromium } = require('playwright-core');
const MarkdownIt = require('markdown-it');
const seed = path.join(root, 'referentials/manager-strategie-digitale');
const docs = path.join(root, 'docs');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'certiref-pictures-'));
const run = (cmd, args, options = {}) => execFileSync(cmd, args, { stdio: ['ignore', 'pipe', 'inherit'], ...options });

const exported = (format, ...more) => {
    const file = path.join(work, `MSD${more.length ? '-more' : ''}.${format}`);
    run(process.execPath, [path.join(root, 'packages/cli/bin/certiref.cjs'), 'export', seed, '--format', format, '--lang', 'fr', '-o', file, '--force', ...more]);
    return file;
};

/** An office file as LibreOffice prints it. */
function pdfOf(file) {
    run('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', work, file]);
    return file.replace(/\.\w+$/, '.pdf');
}

/** One page of a PDF, as a picture. */
function officePage(pdf, page, out) {
    run('pdftoppm', ['-png', '-r', '90', '-singlefile', '-f', String(page), '-l', String(page), pdf, out.replace(/\.png$/, '')]);
    console.log(out);
}

/** The page of a PDF whose text contains a string. */
function pageWith(pdf, text) {
    const pages = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [pdf]).toString())[1]);
    for (let p = 1; p <= pages; p++) if (run('pdftotext', ['-f', String(p), '-l', String(p), pdf, '-']).toString().includes(text)) return p;
    throw new Error(`${text}: not in ${pdf}`);
}

const docx = pdfOf(exported('docx'));
officePage(docx, pageWith(docx, 'Bloc 1 — Définir'), path.join(docs, 'export-docx.png'));
officePage(docx, pageWith(docx, 'Décision du jury'), path.join(docs, 'export-docx-grid.png'));
// a candidate's grids: bloc 1 for one candidate of a list
const candidates = path.join(work, 'candidats.csv');
fs.writeFileSync(candidates, '\uFEFFNom;Date;Examinateurs\r\nJeanne Dupont;12/06/2026;M. Martin, Mme Leroy\r\n');
const candidate = pdfOf(exported('docx', '--bloc', '1', '--candidates', candidates));
officePage(candidate, 1, path.join(docs, 'export-docx-candidate.png'));
const xlsx = pdfOf(exported('xlsx'));
officePage(xlsx, pageWith(xlsx, 'Bloc 3 — Déployer'), path.join(docs, 'export-xlsx.png'));

const browser = await chromium.launch({ executablePath: ['/usr/bin/chromium', '/usr/lib/chromium/chromium'].find((p) => fs.existsSync(p)), args: ['--no-sandbox', '--disable-gpu'] });
const shoot = async (url, out, viewport = { width: 1200, height: 900 }) => {
    const page = await browser.newPage({ viewport });
    await page.goto(url);
    await page.screenshot({ path: out });
    await page.close();
    console.log(out);
};
await shoot(pathToFileURL(exported('html')).toString(), path.join(docs, 'export-html.png'), { width: 1200, height: 1400 });

// Markdown as a Markdown viewer shows it (markdown-it, the renderer of VS Code's preview)
const markdown = fs.readFileSync(exported('md'), 'utf8');
const page = (body, css) => `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><style>${css}</style></head><body>${body}</body></html>`;
fs.writeFileSync(path.join(work, 'md.html'), page(new MarkdownIt({ html: true }).render(markdown),
    'body { font: 15px/1.5 system-ui, sans-serif; color: #1f2328; margin: 24px 32px; } table { border-collapse: collapse; margin: 12px 0; } th, td { border: 1px solid #d1d9e0; padding: 6px 10px; vertical-align: top; } th { background: #f6f8fa; } h1, h2 { border-bottom: 1px solid #d1d9e0; padding-bottom: .3em; }'));
await shoot(pathToFileURL(path.join(work, 'md.html')).toString(), path.join(docs, 'export-md.png'));

// CSV: the file itself, its first lines (RFC 4180 quoting, accents in UTF-8 with a BOM)
const csv = fs.readFileSync(exported('csv'), 'utf8').replace(/^\uFEFF/, '');
const lines = csv.split('\r\n').slice(0, 8).map((l) => l.replace(/&/g, '&amp;').replace(/</g, '&lt;'));
fs.writeFileSync(path.join(work, 'csv.html'), page(`<p class="name">MSD.csv</p><pre>${lines.join('\n')}</pre>`,
    'body { margin: 0; background: #fff; } .name { font: 600 14px system-ui, sans-serif; margin: 0; padding: 8px 16px; background: #f3f3f3; border-bottom: 1px solid #ddd; } pre { font: 13px/1.5 "DejaVu Sans Mono", monospace; white-space: pre-wrap; word-break: break-word; margin: 0; padding: 12px 16px; color: #1f2328; }'));
await shoot(pathToFileURL(path.join(work, 'csv.html')).toString(), path.join(docs, 'export-csv.png'), { width: 1200, height: 640 });

await browser.close();
fs.rmSync(work, { recursive: true, force: true });
