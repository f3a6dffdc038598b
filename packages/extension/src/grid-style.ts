// The grid's styles come from the renderer (one source); only the styles are bundled here.
export { CHECKLIST_CSS, DIFF_CSS, GRID_CSS, VSCODE_COLOURS } from 'certiref-language/render-style';
