import { containers, criteriaOfModality, competenciesOf } from '../model/queries.js';
import type { BlocModel, CertificationModel, CriterionModel, ModalityModel, OptionModel, SourceLocation } from '../model/types.js';
import { certificationTitle, containerHeading, coverageMatrix, isShown, juryGrid, modalityLabel, modalityMeta, modalityName, rncpNumber } from '../model/view.js';
import type { Finding } from '../finding.js';
import { capital, SEVERITY_WORDS, type Language } from '../i18n.js';
import { GRID_CSS, STANDALONE_COLOURS } from './style.js';
import { colon, frenchLabels, frenchTypography } from '../typography.js';

export { GRID_CSS, STANDALONE_COLOURS, VSCODE_COLOURS } from './style.js';

/**
 * The evaluation grids of référentiels, as HTML: per bloc (or option) and modality, the
 * competencies evaluated, their criteria and the jury's columns (acquis / non acquis /
 * observations); a coverage matrix (competencies × modalities) with its gaps; the findings where
 * they apply. One renderer for the VS Code preview and the CLI's HTML export: the preview wraps
 * `body` in a webview with VS Code's colours and a nonce'd script (click a row: its line); the
 * export in a standalone, printable page. Every text of the référentiel is escaped. Findings
 * are shown in the grid's language.
 */

export interface RenderOptions {
    language: Language;
    /** Rows carry their place in the source (data-uri, data-line) and are focusable. */
    interactive: boolean;
    /** Displayed path of a document URI (the export shows relative paths). */
    pathOf?: (uri: string) => string;
    /**
     * A deliverable (the HTML export without `--with-findings`): what a jury prints, with no word
     * of the checker — no counts of errors, no banner. The preview is not one.
     */
    deliverable?: boolean;
}

export interface RenderedGrid {
    title: string;
    body: string;
}

const LABELS = {
    fr: frenchLabels({
        bloc: 'Bloc', option: 'Option', modality: 'Modalité', competency: 'Compétence', criterion: 'Critère', acquired: 'Acquis',
        notAcquired: 'Non acquis', observations: 'Observations', grid: "Grille d'évaluation", coverage: 'Couverture des compétences',
        coverageCaption: 'Compétences × modalités : nombre de critères ; une case vide est une compétence que la modalité n\'évalue pas',
        evaluates: 'Évalue', level: 'Niveau', certifier: 'Certificateur', version: 'Version', noCriterion: 'Aucun critère ne juge cette compétence',
        part: 'Partie', findings: 'Constats', otherFindings: 'Autres constats', judges: 'juge', notEvaluated: 'non évaluée',
        summary: (c: number, k: number, m: number, e: number, w: number) => `${c} compétences · ${k} critères · ${m} modalités · ${e} erreur(s) · ${w} avertissement(s)`,
        accessibility: 'Aménagements pour les candidats en situation de handicap', competencies: 'Compétences',
        evaluatedBy: (n: number) => `${n} critère(s)`, empty: 'Aucune certification dans ce fichier.',
        decision: 'Décision du jury :', validated: { bloc: 'bloc validé', option: 'option validée' }, notValidated: { bloc: 'bloc non validé', option: 'option non validée' }, validation: 'Règle de validation :',
        counts: (c: number, k: number, m: number) => `${c} compétences · ${k} critères · ${m} modalités`,
        paused: (files: string) => `Vérifications de complétude suspendues : ${files} contient une erreur de syntaxe. Tant qu'elle n'est pas corrigée, ce qui manque (compétence sans critère ou sans évaluation …) n'est pas signalé ici.`,
        more: (n: number) => `… et ${n} autre(s) constat(s) sur cette ligne, en fin de page`,
    }),
    en: {
        bloc: 'Bloc', option: 'Option', modality: 'Modality', competency: 'Competency', criterion: 'Criterion', acquired: 'Acquired',
        notAcquired: 'Not acquired', observations: 'Observations', grid: 'Evaluation grid', coverage: 'Coverage of the competencies',
        coverageCaption: 'Competencies × modalities: number of criteria; an empty cell is a competency the modality does not evaluate',
        evaluates: 'Evaluates', level: 'Level', certifier: 'Certifier', version: 'Version', noCriterion: 'No criterion judges this competency',
        part: 'Part', findings: 'Findings', otherFindings: 'Other findings', judges: 'judges', notEvaluated: 'not evaluated',
        summary: (c: number, k: number, m: number, e: number, w: number) => `${c} competencies · ${k} criteria · ${m} modalities · ${e} error(s) · ${w} warning(s)`,
        accessibility: 'Provisions for candidates with disabilities', competencies: 'Competencies',
        evaluatedBy: (n: number) => `${n} criteria`, empty: 'No certification in this file.',
        decision: "Jury's decision:", validated: { bloc: 'bloc validated', option: 'option validated' }, notValidated: { bloc: 'bloc not validated', option: 'option not validated' }, validation: 'Validation rule:',
        counts: (c: number, k: number, m: number) => `${c} competencies · ${k} criteria · ${m} modalities`,
        paused: (files: string) => `Completeness checks paused: ${files} has a syntax error. Until it is fixed, what is missing (competency without criterion or evaluation …) is not shown here.`,
        more: (n: number) => `… and ${n} more finding(s) on this line, at the end of the page`,
    },
};

export function escapeHtml(text: string): string {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Prose as paragraphs and lists, escaped. */
function prose(text: string): string {
    return text.split(/\n\n+/).map((paragraph) => {
        const lines = paragraph.split('\n');
        const items = lines.filter((l) => /^([-•–*·▪◦]|\d{1,2}[.)])\s/.test(l));
        if (items.length === lines.length - 1 && lines.length > 1) {
            return `<p>${escapeHtml(lines[0])}</p><ul>${lines.slice(1).map((l) => `<li>${escapeHtml(l.replace(/^([-•–*·▪◦]|\d{1,2}[.)])\s+/, ''))}</li>`).join('')}</ul>`;
        }
        return `<p>${lines.map(escapeHtml).join('<br>')}</p>`;
    }).join('');
}

export function renderGrid(models: CertificationModel[], findings: Finding[], options: RenderOptions): RenderedGrid {
    const L = LABELS[options.language];
    const pathOf = options.pathOf ?? ((uri: string) => decodeURIComponent(uri.replace(/^.*\//, '')));
    const byPlace = new Map<string, Finding[]>();
    for (const f of findings) {
        if (f.rule === 'checks-paused') continue; // said by the banner of its certification
        const key = `${f.uri}#${f.range.start.line}`;
        const list = byPlace.get(key);
        if (list) list.push(f);
        else byPlace.set(key, [f]);
    }
    const shown = new Set<Finding>();
    // An element shows the findings of its line, the first few: 4,000 elements and 4,000
    // findings on one line (a paste gone wrong) made 16 million items and gigabytes. The others
    // are listed once at the end of the page.
    const AT_ONE_PLACE = 10;
    const findingsAt = (source: SourceLocation | undefined): string => {
        if (!source) return '';
        const here = byPlace.get(`${source.uri}#${source.nameRange.start.line}`) ?? [];
        const above = source.range.start.line !== source.nameRange.start.line ? byPlace.get(`${source.uri}#${source.range.start.line}`) ?? [] : [];
        const count = here.length + above.length;
        if (count === 0) return '';
        const list = [...here.slice(0, AT_ONE_PLACE), ...above.slice(0, Math.max(0, AT_ONE_PLACE - here.length))];
        for (const f of list) shown.add(f);
        const more = count > list.length ? `<li class="finding more">${escapeHtml(L.more(count - list.length))}</li>` : '';
        return `<ul class="findings">${list.map(findingItem).join('')}${more}</ul>`;
    };
    const severity = (f: Finding) => capital(SEVERITY_WORDS[f.severity][options.language]);
    const findingItem = (f: Finding) =>
        `<li class="finding ${f.severity}"><span class="severity">${escapeHtml(severity(f))}</span> ${escapeHtml(f.message[options.language])} <code>${escapeHtml(f.rule)}</code></li>`;
    const place = (source: SourceLocation) => (options.interactive ? ` data-uri="${escapeHtml(source.uri)}" data-line="${source.nameRange.start.line}" tabindex="0"` : '');
    // ids unique within the page, and the same page for the same model (an export made twice is the same file)
    let counter = 0;
    const id = (prefix: string) => `${prefix}-${++counter}`;

    const out: string[] = [];
    if (models.length === 0) out.push(`<p>${escapeHtml(L.empty)}</p>`);
    for (const model of models) {
        const all = containers(model);
        const competencies = all.flatMap(competenciesOf);
        const modalities = all.flatMap((c) => c.modalities);
        const criteria = modalities.flatMap(criteriaOfModality);
        const modelFindings = findings.filter((f) => model.documents.includes(f.uri));
        const meta = [model.rncp ? `RNCP ${rncpNumber(model)}` : undefined, model.level ? `${L.level} ${model.level}` : undefined,
            model.certifier ? `${L.certifier}${colon(options.language)}${model.certifier}` : undefined, model.version ? `${L.version} ${model.version}` : undefined].filter(Boolean);
        const headingId = id('certification');
        out.push(`<article class="certification" aria-labelledby="${headingId}">`);
        out.push(`<header><h1 id="${headingId}"${place(model.source)}>${escapeHtml(certificationTitle(model))} <span class="id">${escapeHtml(model.id)}</span></h1>`);
        if (meta.length) out.push(`<p class="meta">${meta.map((m) => escapeHtml(m!)).join(' · ')}</p>`);
        out.push(`<p class="summary">${escapeHtml(options.deliverable ? L.counts(competencies.length, criteria.length, modalities.length)
            : L.summary(competencies.length, criteria.length, modalities.length, modelFindings.filter((f) => f.severity === 'error').length, modelFindings.filter((f) => f.severity === 'warning').length))}</p>`);
        // the completeness rules wait for a syntax error to be fixed: a banner says so (the finding checks-paused in words)
        if (model.incomplete && !options.deliverable) out.push(`<p class="paused">${escapeHtml(frenchTypography(L.paused(model.unreadDocuments.map(pathOf).join(', ') || '…')))}</p>`);
        out.push(findingsAt(model.source), '</header>');
        for (const container of all.filter(isShown)) out.push(renderContainer(container));
        out.push(renderMatrix(model));
        if (model.accessibility.length) {
            const aId = id('accessibility');
            out.push(`<section class="accessibility" aria-labelledby="${aId}"><h2 id="${aId}">${escapeHtml(L.accessibility)}</h2>${model.accessibility.map(prose).join('')}</section>`);
        }
        const rest = modelFindings.filter((f) => !shown.has(f));
        if (rest.length) {
            const oId = id('other');
            out.push(`<section class="other-findings" aria-labelledby="${oId}"><h2 id="${oId}">${escapeHtml(L.otherFindings)}</h2><ul class="findings">${rest.map((f) => `<li class="finding ${f.severity}"${options.interactive ? ` data-uri="${escapeHtml(f.uri)}" data-line="${f.range.start.line}" tabindex="0"` : ''}><span class="severity">${escapeHtml(severity(f))}</span> ${escapeHtml(pathOf(f.uri))}:${f.range.start.line + 1} — ${escapeHtml(f.message[options.language])} <code>${escapeHtml(f.rule)}</code></li>`).join('')}</ul></section>`);
        }
        out.push('</article>');
    }
    return { title: models.map(certificationTitle).join(' · '), body: out.join('\n') };

    function renderContainer(container: BlocModel | OptionModel): string {
        const hId = id('bloc');
        const title = containerHeading(container, { language: options.language });
        const parts: string[] = [`<section class="bloc" aria-labelledby="${hId}"><h2 id="${hId}"${place(container.source)}>${escapeHtml(title)}</h2>`, findingsAt(container.source)];
        const own = competenciesOf(container);
        const cId = id('competencies');
        parts.push(`<details class="competencies"><summary id="${cId}">${escapeHtml(L.competencies)} (${own.length})</summary><ul>`);
        for (const c of own) parts.push(`<li${place(c.source)}><strong>${escapeHtml(c.id)}</strong> ${escapeHtml(c.text)}${findingsAt(c.source)}</li>`);
        parts.push('</ul></details>');
        for (const activity of container.activities) parts.push(findingsAt(activity.source));
        for (const m of container.modalities) parts.push(renderModality(m));
        // one decision for the bloc (or option), after all its modalities, with its rule when the référentiel gives one
        if (container.modalities.length > 0) {
            const kind = container.containerKind;
            parts.push(`<div class="decision">${container.validation ? `<p class="validation"><strong>${escapeHtml(L.validation)}</strong> ${escapeHtml(container.validation)}</p>` : ''}`
                + `<p><strong>${escapeHtml(L.decision)}</strong> <span class="box">☐ ${escapeHtml(L.validated[kind])}</span> <span class="box">☐ ${escapeHtml(L.notValidated[kind])}</span></p></div>`);
        }
        parts.push('</section>');
        return parts.join('\n');
    }

    function renderModality(m: ModalityModel): string {
        const name = modalityName(m);
        const hId = id('modality');
        const meta = modalityMeta(m, options.language);
        const rows: string[] = [];
        const grid = juryGrid(m);
        for (const { competency: c, criteria: list } of grid.rows) {
            const span = Math.max(1, list.length);
            const head = `<th scope="row" rowspan="${span}"${place(c.source)}><span class="cid">${escapeHtml(c.id)}</span> ${escapeHtml(c.text)}${findingsAt(c.source)}</th>`;
            if (list.length === 0) {
                rows.push(`<tr class="gap">${head}<td class="missing">${escapeHtml(L.noCriterion)}</td><td></td><td></td><td></td></tr>`);
                continue;
            }
            list.forEach((cr, i) => rows.push(`<tr>${i === 0 ? head : ''}${criterionCell(cr)}<td class="check"></td><td class="check"></td><td class="obs"></td></tr>`));
        }
        // criteria that judge nothing evaluated here (or nothing at all)
        for (const cr of grid.unattached) {
            rows.push(`<tr class="gap"><th scope="row">—</th>${criterionCell(cr)}<td class="check"></td><td class="check"></td><td class="obs"></td></tr>`);
        }
        return [
            // not a landmark: several modalities may share a title ("Cas pratique")
            `<div class="modality"><h3 id="${hId}"${place(m.source)}>${escapeHtml(name)}</h3>`,
            meta.length ? `<p class="meta">${escapeHtml(meta.join(' · '))}</p>` : '',
            findingsAt(m.source),
            m.description ? `<div class="description">${prose(m.description)}</div>` : '',
            `<table class="grid"><caption>${escapeHtml(`${L.grid} — ${name}`)}</caption>`,
            `<thead><tr><th scope="col">${escapeHtml(L.competency)}</th><th scope="col">${escapeHtml(L.criterion)}</th><th scope="col">${escapeHtml(L.acquired)}</th><th scope="col">${escapeHtml(L.notAcquired)}</th><th scope="col">${escapeHtml(L.observations)}</th></tr></thead>`,
            `<tbody>${rows.join('')}</tbody></table></div>`,
        ].join('\n');
    }

    function criterionCell(cr: CriterionModel): string {
        const partName = cr.part ? (cr.part.id ? `${L.part} ${cr.part.id}` : cr.part.title ?? '') : '';
        const part = partName ? `<span class="part">${escapeHtml(partName)}</span> ` : '';
        const label = cr.label ? `<span class="crid">${escapeHtml(cr.label)}</span> ` : '';
        return `<td${place(cr.source)}>${part}${label}${escapeHtml(cr.text)}${findingsAt(cr.source)}</td>`;
    }

    function renderMatrix(model: CertificationModel): string {
        const { modalities, rows: matrix } = coverageMatrix(model);
        if (matrix.length === 0 || modalities.length === 0) return '';
        const hId = id('coverage');
        const header = modalities.map((m) => `<th scope="col">${escapeHtml(modalityLabel(m))}</th>`).join('');
        // what each column is: the short names stand for the modalities' full names
        const legend = `<ul class="legend">${modalities.map((m) => `<li><strong>${escapeHtml(modalityLabel(m))}</strong> ${escapeHtml(modalityName(m))}</li>`).join('')}</ul>`;
        const rows = matrix.map(({ competency: c, cells: counts, gap, notEvaluated }) => {
            const cells = counts.map((n) => (n === undefined ? '<td class="none"></td>' : n === 0 ? `<td class="gap">0</td>` : `<td class="ok">${n}</td>`)).join('');
            return `<tr${gap ? ' class="gap"' : ''}><th scope="row"${place(c.source)}>${escapeHtml(c.id)}${notEvaluated ? ` <span class="warn">(${escapeHtml(L.notEvaluated)})</span>` : ''}</th>${cells}</tr>`;
        }).join('');
        return `<section class="coverage" aria-labelledby="${hId}"><h2 id="${hId}">${escapeHtml(L.coverage)}</h2><table class="matrix"><caption>${escapeHtml(L.coverageCaption)}</caption><thead><tr><th scope="col">${escapeHtml(L.competency)}</th>${header}</tr></thead><tbody>${rows}</tbody></table>${legend}</section>`;
    }
}

/** A whole standalone HTML page (the CLI's export), with no script and no remote content. */
export function standalonePage(grid: RenderedGrid, language: Language, extraCss = ''): string {
    return `<!DOCTYPE html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(grid.title)}</title>
<style>${STANDALONE_COLOURS}${GRID_CSS}${extraCss} body { margin: 0; } @page { size: A4; margin: 15mm 12mm; }</style>
</head>
<body>
<main class="certiref-grid">
${grid.body}
</main>
</body>
</html>
`;
}
