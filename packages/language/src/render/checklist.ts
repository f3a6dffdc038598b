/**
 * The dossier checklist as HTML: for the certification, then for each bloc, a table of the
 * requirements with their status (✔ met, ✘ not met, — not applicable, said in words too), what was
 * found, and the findings with their place — `file:line` in the page that `certiref stats --format
 * html` writes, a row to click (data-uri, data-line) in VS Code's panel.
 */
import type { Checklist, ChecklistItem } from '../checklist/checklist.js';
import { checklistScore } from '../checklist/checklist.js';
import type { Language } from '../config/config.js';
import { escapeHtml, standalonePage, type RenderedGrid } from './grid.js';
import { CHECKLIST_CSS } from './style.js';


const LABELS = {
    fr: { title: 'Liste de contrôle du dossier', met: '✔ rempli', unmet: '✘ à reprendre', 'not-applicable': '— sans objet', requirement: 'Exigence', status: 'État', what: 'Constat', certification: 'Certification', bloc: 'Bloc', score: (m: number, t: number) => `${m} exigences remplies sur ${t}`, none: 'Aucune certification.' },
    en: { title: 'Dossier checklist', met: '✔ met', unmet: '✘ not met', 'not-applicable': '— not applicable', requirement: 'Requirement', status: 'Status', what: 'Finding', certification: 'Certification', bloc: 'Bloc', score: (m: number, t: number) => `${m} of ${t} requirements met`, none: 'No certification.' },
};

export interface ChecklistRenderOptions {
    language: Language;
    /** Rows carry their place (data-uri, data-line) and are focusable: the VS Code panel. */
    interactive: boolean;
    /** How a file is named (a path relative to the current folder in the CLI). */
    pathOf?: (uri: string) => string;
}

export function renderChecklist(lists: Checklist[], options: ChecklistRenderOptions): RenderedGrid {
    const L = LABELS[options.language];
    const fr = options.language === 'fr';
    const pathOf = options.pathOf ?? ((uri: string) => decodeURIComponent(uri.replace(/^.*\//, '')));
    const place = (uri: string, line: number) => (options.interactive ? ` data-uri="${escapeHtml(uri)}" data-line="${line}" tabindex="0"` : '');
    const row = (i: ChecklistItem) => {
        const findings = i.findings.length === 0 ? '' : `<ul class="findings">${i.findings.map((f) =>
            `<li class="finding"${place(f.uri, f.range.start.line)}><span class="where">${escapeHtml(pathOf(f.uri))}:${f.range.start.line + 1}</span> — ${escapeHtml(fr ? f.message.fr : f.message.en)}</li>`).join('')}</ul>`;
        const detail = i.detail ? `<div class="detail">${escapeHtml(fr ? i.detail.fr : i.detail.en)}</div>` : '';
        return `<tr class="${i.status}"${place(i.place.uri, i.place.line)}><th scope="row">${escapeHtml(fr ? i.label.fr : i.label.en)}</th><td class="status">${L[i.status]}</td><td>${detail}${findings}</td></tr>`;
    };
    const table = (caption: string, items: ChecklistItem[]) =>
        `<table class="checklist"><caption>${escapeHtml(caption)}</caption><thead><tr><th scope="col">${L.requirement}</th><th scope="col">${L.status}</th><th scope="col">${L.what}</th></tr></thead><tbody>${items.map(row).join('')}</tbody></table>`;
    const out: string[] = [];
    for (const list of lists) {
        const score = checklistScore(list);
        out.push(`<h1${place(list.place.uri, list.place.line)}>${escapeHtml(list.title)} <span class="id">${escapeHtml(list.id)}</span></h1>`);
        out.push(`<p class="summary">${escapeHtml(L.title)} — ${escapeHtml(L.score(score.met, score.total))} · <span class="where">${escapeHtml(pathOf(list.place.uri))}:${list.place.line + 1}</span></p>`);
        out.push(table(`${L.certification} ${list.id}`, list.items));
        for (const bloc of list.blocs) {
            out.push(`<h2${place(bloc.place.uri, bloc.place.line)}>${L.bloc} ${escapeHtml(bloc.id)}${bloc.title ? ` — ${escapeHtml(bloc.title)}` : ''}</h2>`);
            out.push(table(`${L.bloc} ${bloc.id} · ${pathOf(bloc.place.uri)}:${bloc.place.line + 1}`, bloc.items));
        }
    }
    if (lists.length === 0) out.push(`<p>${L.none}</p>`);
    return { title: lists.length === 1 ? `${L.title} — ${lists[0].title}` : L.title, body: out.join('\n') };
}

/** A standalone page (the CLI's `stats --format html`): the export's page, with the checklist's styles. */
export function checklistPage(rendered: RenderedGrid, language: Language): string {
    return standalonePage(rendered, language, CHECKLIST_CSS);
}
