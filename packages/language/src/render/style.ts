// The styles of the evaluation grids, shared by the CLI's HTML export and the VS Code preview.

/** The styles of the grid; colours come from CSS variables (VS Code's in the preview). */
export const GRID_CSS = `
.certiref-grid { font-family: var(--font, system-ui, sans-serif); font-size: var(--size, 14px); color: var(--fg); background: var(--bg); line-height: 1.45; padding: 0 1rem 2rem; }
.certiref-grid h1 { font-size: 1.5em; margin: 1em 0 .3em; } .certiref-grid h2 { font-size: 1.25em; margin: 1.6em 0 .4em; border-bottom: 1px solid var(--border); padding-bottom: .2em; }
.certiref-grid h3 { font-size: 1.08em; margin: 1.2em 0 .3em; } .certiref-grid .id, .certiref-grid .opt { color: var(--muted); font-weight: normal; }
.certiref-grid .meta, .certiref-grid .summary { color: var(--muted); margin: .2em 0; }
.certiref-grid table { border-collapse: collapse; width: 100%; margin: .5em 0 1em; }
.certiref-grid caption { text-align: left; color: var(--muted); padding: .3em 0; font-size: .92em; }
.certiref-grid th, .certiref-grid td { border: 1px solid var(--border); padding: .35em .5em; vertical-align: top; text-align: left; }
.certiref-grid thead th { background: var(--head-bg); }
.certiref-grid th[scope=row] { font-weight: normal; width: 34%; }
.certiref-grid .cid, .certiref-grid .crid { font-weight: 600; } .certiref-grid .part { color: var(--muted); font-size: .9em; }
.certiref-grid td.check { width: 5.5em; } .certiref-grid td.obs { width: 22%; }
.certiref-grid tr.gap > *, .certiref-grid td.gap { background: var(--gap-bg); }
.certiref-grid td.missing { font-style: italic; }
.certiref-grid .matrix td { text-align: center; width: 3.5em; } .certiref-grid .matrix td.ok { background: var(--ok-bg); } .certiref-grid .matrix td.none { background: transparent; }
.certiref-grid .warn { color: var(--error); }
.certiref-grid ul.legend { list-style: none; padding: 0; margin: .3em 0 1em; color: var(--muted); font-size: .92em; columns: 2 24em; } .certiref-grid ul.legend strong { color: var(--fg); }
.certiref-grid ul.findings { list-style: none; padding: 0; margin: .3em 0; }
.certiref-grid p.paused { border-left: 3px solid var(--warning); padding: .3em .6em; font-weight: 600; }
.certiref-grid .finding { border-left: 3px solid var(--warning); padding: .15em .5em; margin: .2em 0; font-size: .92em; }
.certiref-grid .finding.error { border-color: var(--error); } .certiref-grid .finding.info, .certiref-grid .finding.hint { border-color: var(--info); }
.certiref-grid .finding .severity { font-weight: 600; }
.certiref-grid .finding code { color: var(--muted); background: none; padding: 0; font-size: .95em; }
.certiref-grid [data-line] { cursor: pointer; } .certiref-grid [data-line]:focus { outline: 2px solid var(--focus); outline-offset: -2px; }
.certiref-grid details.competencies summary { cursor: pointer; color: var(--muted); }
.certiref-grid div.decision { border: 1px solid var(--border); padding: .3em .7em; margin: .5em 0 1.2em; } .certiref-grid div.decision p { margin: .3em 0; } .certiref-grid div.decision .box { margin-left: 1.2em; }
@media print { .certiref-grid { padding: 0; font-size: 10pt; } .certiref-grid details.competencies { display: none; } .certiref-grid thead { display: table-header-group; }
  /* a modality flows on from its heading (a whole one kept on one page would leave the page before it near-empty); headings, captions and a table's first row stay with what follows */
  .certiref-grid h1, .certiref-grid h2, .certiref-grid h3, .certiref-grid .meta, .certiref-grid caption, .certiref-grid thead { break-after: avoid-page; } .certiref-grid tr, .certiref-grid div.decision { break-inside: avoid-page; }
  .certiref-grid p { orphans: 3; widows: 3; }
  .certiref-grid th[scope=row] { width: 28%; } .certiref-grid td.check { width: 4.2em; } .certiref-grid td.obs { width: 16%; } }
`;

/** The dossier checklist's tables (render/checklist.ts). */
export const CHECKLIST_CSS = `
.certiref-grid table.checklist td.status { width: 8.5em; white-space: nowrap; font-weight: 600; }
.certiref-grid table.checklist tr.met td.status { color: inherit; background: var(--ok-bg); }
.certiref-grid table.checklist tr.unmet td.status { color: var(--error); background: var(--gap-bg); }
.certiref-grid table.checklist tr.not-applicable td.status { color: var(--muted); font-weight: normal; }
.certiref-grid table.checklist th[scope=row] { width: 32%; }
.certiref-grid table.checklist .detail { color: var(--muted); font-size: .92em; }
.certiref-grid table.checklist ul.findings { margin: 0; }
.certiref-grid table.checklist .where { font-family: var(--vscode-editor-font-family, ui-monospace, monospace); font-size: .9em; }
`;

/** Colours of the standalone page (the export): light, readable, printable. */
export const STANDALONE_COLOURS = `:root { --fg: #1b1b1b; --bg: #ffffff; --muted: #545454; --border: #8a8a8a; --head-bg: #eef1f5; --gap-bg: #fff1d6; --ok-bg: #e3f4e6; --error: #b3261e; --warning: #8a5a00; --info: #1a5fb4; --focus: #1a5fb4; }`;

/**
 * VS Code's theme colours in a webview (light, dark and high contrast alike). High-contrast themes
 * give no background colours: there the gaps are outlined instead.
 */
export const VSCODE_COLOURS = `:root { --font: var(--vscode-font-family); --size: var(--vscode-font-size); --fg: var(--vscode-editor-foreground); --bg: var(--vscode-editor-background); --muted: var(--vscode-descriptionForeground); --border: var(--vscode-panel-border, var(--vscode-editorWidget-border, #808080)); --head-bg: var(--vscode-editorWidget-background); --gap-bg: var(--vscode-inputValidation-warningBackground, rgba(255, 200, 0, .15)); --ok-bg: var(--vscode-diffEditor-insertedTextBackground, rgba(0, 160, 0, .15)); --error: var(--vscode-errorForeground); --warning: var(--vscode-editorWarning-foreground); --info: var(--vscode-editorInfo-foreground); --focus: var(--vscode-focusBorder); }
body.vscode-high-contrast .certiref-grid tr.gap > *, body.vscode-high-contrast .certiref-grid td.gap { outline: 1px dashed var(--vscode-contrastActiveBorder, var(--vscode-editorWarning-foreground)); outline-offset: -3px; }`;


/** The styles of a diff report (VS Code's "Compare with…" panel), on top of the grid's. */
export const DIFF_CSS = `
.certiref-grid ul.changes { list-style: none; padding-left: 0; margin: .3em 0 .8em; }
.certiref-grid ul.changes ul.changes { padding-left: 1.4em; margin: .2em 0; }
.certiref-grid li.change { border-left: 3px solid var(--border); padding: .2em .6em; margin: .25em 0; }
.certiref-grid li.change.added { border-color: var(--added, #2e7d32); } .certiref-grid li.change.removed { border-color: var(--error); }
.certiref-grid li.change.renamed { border-color: var(--info); } .certiref-grid li.change.changed { border-color: var(--warning); }
.certiref-grid .mark { display: inline-block; width: 1.1em; font-weight: 700; }
.certiref-grid .where { color: var(--muted); font-size: .9em; margin-left: .4em; }
.certiref-grid blockquote { margin: .2em 0 .2em 1.5em; color: var(--fg); opacity: .9; }
.certiref-grid ul.fields { margin: .15em 0 .15em 1.5em; padding-left: 1em; }
.certiref-grid ins { text-decoration: underline; background: var(--ok-bg); } .certiref-grid del { text-decoration: line-through; background: var(--gap-bg); }
`;
