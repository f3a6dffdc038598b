import { DIFF_CSS, GRID_CSS, VSCODE_COLOURS } from './grid-style.js';
import { TEXTS, type Language } from './texts.js';

export interface PreviewPage {
    body: string;
    nonce: string;
    /** The document previewed: the page opens at its blocs. */
    uri: string;
    title: string;
    language: Language;
    /** Extra CSS (the preview settings hide findings or the coverage matrix). */
    hide?: string;
}

/** A value as a JavaScript literal inside a <script> element: quoted, and no « </script> » can close it. */
const script = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

interface Page {
    body: string;
    nonce: string;
    title: string;
    language: Language;
    css: string;
    /** What the panel's serializer gets back after a reload. */
    state: unknown;
    /** More of the page's own script. */
    script?: string;
}

/**
 * A certiref webview page: VS Code's theme colours, a CSP that allows no remote content and
 * scripts by nonce only, and a script that reveals the source line of a clicked (or Enter-ed)
 * element that carries one (data-uri, data-line).
 */
function page(p: Page): string {
    return `<!DOCTYPE html>
<html lang="${p.language}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${p.nonce}'; script-src 'nonce-${p.nonce}'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(p.title)}</title>
<style nonce="${p.nonce}">${VSCODE_COLOURS}${GRID_CSS} body { padding: 0; } ${p.css}</style>
</head>
<body>
<main class="certiref-grid">
${p.body}
</main>
<script nonce="${p.nonce}">
const vscode = typeof acquireVsCodeApi === 'function' ? acquireVsCodeApi() : { setState() {}, postMessage() {} };
vscode.setState(${script(p.state)});
const reveal = (el) => { const t = el.closest('[data-line]'); if (t) vscode.postMessage({ type: 'reveal', uri: t.dataset.uri, line: Number(t.dataset.line) }); };
document.addEventListener('click', (e) => { if (!e.target.closest('a, summary, button')) reveal(e.target); });
document.addEventListener('keydown', (e) => { if (e.key === 'Enter' && e.target.matches('[data-line]')) reveal(e.target); });
${p.script ?? ''}
</script>
</body>
</html>`;
}

/** The evaluation-grid preview's page. */
export function previewHtml(p: PreviewPage): string {
    return page({
        body: p.body, nonce: p.nonce, title: p.title, language: p.language, css: p.hide ?? '', state: { uri: p.uri },
        // open at the blocs of the file being edited (a certification is often one file per bloc)
        script: `const uri = ${script(p.uri)};
const here = [...document.querySelectorAll('h2[data-uri]')].find((h) => h.dataset.uri === uri);
if (here && here !== document.querySelector('h2[data-uri]')) here.scrollIntoView();`,
    });
}

export interface DiffPage {
    body: string;
    nonce: string;
    title: string;
    language: Language;
    /** What was compared, to compare again after a reload. */
    state: unknown;
}

/** "Compare with…": the report, and a button that copies it as Markdown (for a pull-request comment). */
export function diffHtml(p: DiffPage): string {
    const copy = TEXTS.copyMarkdown[p.language];
    return page({
        body: `<p><button type="button" id="copy">${copy}</button></p>\n${p.body}`,
        nonce: p.nonce, title: p.title, language: p.language, state: p.state,
        css: `${DIFF_CSS} button { font: inherit; color: var(--vscode-button-foreground); background: var(--vscode-button-background); border: 1px solid var(--vscode-button-border, transparent); padding: .25em .8em; cursor: pointer; } button:focus { outline: 2px solid var(--focus); }`,
        script: "document.getElementById('copy').addEventListener('click', () => vscode.postMessage({ type: 'copyMarkdown' }));",
    });
}
