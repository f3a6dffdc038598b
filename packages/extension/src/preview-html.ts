import { GRID_CSS, VSCODE_COLOURS } from './grid-style.js';

export interface PreviewPage {
    body: string;
    nonce: string;
    /** The document previewed: the page opens at its blocs. */
    uri: string;
    title: string;
    language: 'fr' | 'en';
    /** Extra CSS (the preview settings hide findings or the coverage matrix). */
    hide?: string;
}

/** A string as a JavaScript literal inside a <script> element: quoted, and no « </script> » can close it. */
const script = (s: string) => JSON.stringify(s).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The webview's page: VS Code's theme colours, a CSP that allows no remote content and scripts
 * by nonce only, and a script that reveals the source line of a clicked (or Enter-ed) row.
 */
export function previewHtml(page: PreviewPage): string {
    return `<!DOCTYPE html>
<html lang="${page.language}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${page.nonce}'; script-src 'nonce-${page.nonce}'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(page.title)}</title>
<style nonce="${page.nonce}">${VSCODE_COLOURS}${GRID_CSS} body { padding: 0; } ${page.hide ?? ''}</style>
</head>
<body>
<main class="certiref-grid">
${page.body}
</main>
<script nonce="${page.nonce}">
const vscode = typeof acquireVsCodeApi === 'function' ? acquireVsCodeApi() : { setState() {}, postMessage() {} };
vscode.setState({ uri: ${script(page.uri)} });
const reveal = (el) => { const t = el.closest('[data-line]'); if (t) vscode.postMessage({ type: 'reveal', uri: t.dataset.uri, line: Number(t.dataset.line) }); };
document.addEventListener('click', (e) => { if (!e.target.closest('a, summary')) reveal(e.target); });
document.addEventListener('keydown', (e) => { if (e.key === 'Enter' && e.target.matches('[data-line]')) reveal(e.target); });
// open at the blocs of the file being edited (a certification is often one file per bloc)
const uri = ${script(page.uri)};
const here = [...document.querySelectorAll('h2[data-uri]')].find((h) => h.dataset.uri === uri);
if (here && here !== document.querySelector('h2[data-uri]')) here.scrollIntoView();
</script>
</body>
</html>`;
}
