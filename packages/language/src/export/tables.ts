import { containers, criteriaJudging, criteriaOfModality, criteriaOutsideEvaluation } from '../model/queries.js';
import type { CertificationModel, CompetencyModel, CriterionModel, ModalityModel } from '../model/types.js';
import { append } from '../util/arrays.js';
import type { Language } from '../config/config.js';

/**
 * The référentiel as rows: one per criterion, with the competencies it judges (a range criterion
 * such as `CR11 à 13` lists C11, C12, C13 in its row), and one for each competency no criterion
 * judges; in the order of the source, a criterion at the first competency it judges. The CSV
 * export reads these rows; nothing re-derives the model.
 */
export interface ExportRow {
    certification: string;
    bloc: string;
    option: string;
    activity: string;
    competency: string;
    competencyText: string;
    modality: string;
    part: string;
    criterion: string;
    criterionText: string;
}

export const COLUMNS: Record<Language, Record<keyof ExportRow, string>> = {
    fr: {
        certification: 'Certification', bloc: 'Bloc', option: 'Option', activity: 'Activité', competency: 'Compétence',
        competencyText: 'Intitulé de la compétence', modality: 'Modalité', part: 'Partie', criterion: 'Critère', criterionText: 'Critère d\'évaluation',
    },
    en: {
        certification: 'Certification', bloc: 'Bloc', option: 'Option', activity: 'Activity', competency: 'Competency',
        competencyText: 'Competency text', modality: 'Modality', part: 'Part', criterion: 'Criterion', criterionText: 'Evaluation criterion',
    },
};

export function modalityName(m: ModalityModel): string {
    return m.id ? `${m.id} — ${m.title}` : m.title;
}

/**
 * A short name for a modality that tells it from the others in a column header or a sheet's tab:
 * its id (`E5`, with its option: `E5 (2)`), else its bloc or option and its rank there
 * (`Bloc 3.2`, `Option 6A`): many référentiels leave modalities unnumbered and title several
 * « Mise en situation professionnelle ».
 */
export function modalityLabel(m: ModalityModel): string {
    const c = m.container;
    if (m.id) return c.containerKind === 'option' ? `${m.id} (${c.id})` : m.id;
    const rank = c.modalities.length > 1 ? `.${c.modalities.indexOf(m) + 1}` : '';
    return `${c.containerKind === 'option' ? 'Option' : 'Bloc'} ${c.id}${rank}`;
}

export function partName(c: CriterionModel): string {
    if (!c.part) return '';
    return c.part.id ? `${c.part.id}${c.part.title ? ` — ${c.part.title}` : ''}` : c.part.title ?? '';
}

export function exportRows(models: CertificationModel[]): ExportRow[] {
    const rows: ExportRow[] = [];
    for (const model of models) {
        for (const container of containers(model)) {
            const bloc = container.containerKind === 'option' ? container.bloc : container;
            const base = { certification: model.id, bloc: bloc.id, option: container.containerKind === 'option' ? container.id : '' };
            const criteria = container.modalities.flatMap(criteriaOfModality);
            // the criteria of this bloc or option by the competency they judge, in their order
            const judgingOf = new Map<CompetencyModel, CriterionModel[]>();
            for (const cr of criteria) {
                for (const j of new Set(cr.judges)) {
                    const list = judgingOf.get(j);
                    if (list) list.push(cr);
                    else judgingOf.set(j, [cr]);
                }
            }
            const done = new Set<CriterionModel>();
            for (const activity of container.activities) {
                for (const c of activity.competencies) {
                    const judging = judgingOf.get(c) ?? [];
                    if (judging.length === 0) {
                        rows.push({
                            ...base, activity: activity.id, competency: c.id, competencyText: c.text,
                            modality: c.evaluatedBy.map(modalityName).join(' ; '), part: '', criterion: '', criterionText: '',
                        });
                    }
                    for (const cr of judging.filter((x) => !done.has(x))) {
                        done.add(cr);
                        const judged = cr.judges.length > 0 ? cr.judges : [c];
                        rows.push({
                            ...base,
                            activity: [...new Set(judged.map((j) => j.activity.id))].join(', '),
                            competency: judged.map((j) => j.id).join(', '),
                            // one competency: its text; several: each after its id, one a line
                            competencyText: judged.length === 1 ? judged[0].text : judged.map((j) => `${j.id} : ${j.text}`).join('\n'),
                            modality: modalityName(cr.modality), part: partName(cr), criterion: cr.label ?? '', criterionText: cr.text,
                        });
                    }
                }
            }
            // criteria that judge no competency of this bloc still appear, so that none is lost
            for (const cr of criteria.filter((x) => !x.judges.some((c: CompetencyModel) => (c.option ?? c.bloc) === container))) {
                rows.push({ ...base, activity: '', competency: cr.judges.map((c) => c.id).join(', '), competencyText: '', modality: modalityName(cr.modality), part: partName(cr), criterion: cr.label ?? '', criterionText: cr.text });
            }
        }
    }
    return rows;
}

/**
 * Text that Markdown renderers (GitHub, GitLab …) show as written: HTML's characters as entities,
 * Markdown's punctuation (links, images, emphasis, code, tables) escaped. What GitHub links by
 * itself in plain text — a bare URL (`https://…`, `www.…`), an e-mail address, an `@mention`
 * (which notifies that person when a report is posted), an issue `#12` — gets an invisible word
 * joiner (U+2060) after its `@`, `#`, scheme or `www`, which renderers show as nothing and which
 * breaks the link. Line breaks are left to the caller.
 */
export function escapeMarkdownText(text: string): string {
    return text
        .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
        .replace(/([\\`*_[\]|~#])/g, '\\$1')
        .replace(/^(\s*)([-+])/gm, '$1\\$2')
        .replace(/([@#])(?=[\p{L}\p{N}_])/gu, '$1\u2060')
        .replace(/\b(https?|ftp|www)(?=:\/\/|\.)/gi, '$1\u2060');
}

/**
 * A cell a spreadsheet would run as a formula (=, +, -, @, a tab or a carriage return first) is
 * neutralised with a leading apostrophe, as OWASP advises against CSV injection.
 */
export function neutralise(cell: string): string {
    return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/**
 * Text for the XML inside an Office file (the Word and Excel exports). XML 1.0 forbids most
 * control characters, and Word and Excel refuse a file holding one as corrupt (a paste from
 * Word leaves vertical tabs, its line breaks). A vertical tab or a form feed becomes a line
 * break; any other character XML forbids (a control, U+FFFE, U+FFFF, a lone surrogate) becomes
 * U+FFFD, so that nothing disappears unseen.
 */
export function xmlText(text: string): string {
    return text
        .replace(/[\u000B\u000C]/g, '\n')
        .replace(/[\u0000-\u0008\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/** RFC 4180: fields quoted when needed, quotes doubled, CRLF between records; UTF-8 with a BOM so Excel reads accents. */
export function toCsv(models: CertificationModel[], language: Language): string {
    const quote = (value: string) => {
        const v = neutralise(value);
        return /[",\r\n;]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
    };
    const columns = COLUMNS[language];
    const keys = Object.keys(columns) as Array<keyof ExportRow>;
    const lines = [keys.map((k) => quote(columns[k])).join(',')];
    for (const row of exportRows(models)) lines.push(keys.map((k) => quote(row[k])).join(','));
    return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

/** Markdown: per certification and bloc, the modalities as tables a jury can print. */
export function toMarkdown(models: CertificationModel[], language: Language): string {
    const fr = language === 'fr';
    // escaped for a Markdown table: HTML and Markdown's own characters (no link, no emphasis can
    // come from the text), pipes; line breaks as <br>
    const cell = (text: string) => escapeMarkdownText(text).replace(/\n+/g, '<br>');
    const out: string[] = [];
    for (const model of models) {
        out.push(`# ${cell(model.title || model.id)} (${model.id})`, '');
        const meta = [model.rncp && `RNCP ${model.rncp}`, model.level && `${fr ? 'Niveau' : 'Level'} ${model.level}`, model.certifier && `${fr ? 'Certificateur' : 'Certifier'} : ${model.certifier}`].filter(Boolean);
        if (meta.length) out.push(meta.map((m) => cell(m as string)).join(' · '), '');
        for (const container of containers(model)) {
            if (container.containerKind === 'bloc' && container.options.length > 0 && container.activities.length === 0 && container.modalities.length === 0) continue;
            const bloc = container.containerKind === 'option' ? container.bloc : container;
            out.push(`## Bloc ${bloc.id}${bloc.title ? ` — ${cell(bloc.title)}` : ''}${container.containerKind === 'option' ? ` · ${fr ? 'option' : 'option'} ${container.id}${container.title ? ` — ${cell(container.title)}` : ''}` : ''}`, '');
            for (const a of container.activities) {
                out.push(`- **${cell(a.id)}** ${cell(a.title)}`);
                for (const c of a.competencies) out.push(`  - **${cell(c.id)}** ${cell(c.text)}`);
            }
            out.push('');
            for (const m of container.modalities) {
                out.push(`### ${cell(modalityName(m))}`, '');
                const meta = [m.kind, m.mode ? (fr ? { individual: 'individuelle', group: 'en groupe' } : { individual: 'individual', group: 'group' })[m.mode] : undefined,
                    m.deliverables.length ? `${fr ? 'Livrables' : 'Deliverables'} : ${m.deliverables.join(', ')}` : undefined].filter(Boolean) as string[];
                if (meta.length) out.push(`*${cell(meta.join(' · '))}*`, '');
                // paragraphs apart, each on one line (a blank line between them)
                if (m.description) append(out, m.description.split(/\n\n+/).flatMap((p) => [cell(p), '']));
                out.push(`| ${fr ? 'Compétence' : 'Competency'} | ${fr ? 'Critère' : 'Criterion'} | ${fr ? 'Acquis' : 'Acquired'} | ${fr ? 'Non acquis' : 'Not acquired'} | Observations |`, '| --- | --- | --- | --- | --- |');
                const criterion = (cr: CriterionModel) => `${cr.part ? `*${cell(partName(cr))}* · ` : ''}${cr.label ? `**${cell(cr.label)}** ` : ''}${cell(cr.text)}`;
                for (const c of m.evaluatedCompetencies) {
                    const criteria = criteriaJudging(m, c);
                    if (criteria.length === 0) out.push(`| **${cell(c.id)}** | *${fr ? 'aucun critère ne juge cette compétence' : 'no criterion judges this competency'}* | | | |`);
                    for (const cr of criteria) out.push(`| **${cell(c.id)}** | ${criterion(cr)} | ☐ | ☐ | |`);
                }
                // criteria that judge nothing this modality evaluates: still on the grid, never lost
                for (const cr of criteriaOutsideEvaluation(m)) {
                    out.push(`| ${cr.judges.length ? cr.judges.map((c) => `**${cell(c.id)}**`).join(', ') : '—'} | ${criterion(cr)} | ☐ | ☐ | |`);
                }
                out.push('');
            }
        }
        if (model.accessibility.length) {
            out.push(`## ${fr ? 'Aménagements pour les candidats en situation de handicap' : 'Provisions for candidates with disabilities'}`, '');
            for (const text of model.accessibility) append(out, text.split(/\n\n+/).flatMap((p) => [cell(p), '']));
        }
    }
    return out.join('\n');
}

/** A copy of an object with its hidden properties (the syntax node, the parent bloc …). */
function clone<T extends object>(value: T, changes: Partial<T>): T {
    return Object.assign(Object.defineProperties({}, Object.getOwnPropertyDescriptors(value)) as T, changes);
}

/**
 * The part of the référentiels an export asks for: one bloc (`--bloc 3`, with its options), and
 * or one modality (`--modality E5`, by id or title) with what holds it. The model is not changed:
 * the result is a view of it.
 */
export function selectModels(models: CertificationModel[], selection: { bloc?: string; modality?: string }): CertificationModel[] {
    if (!selection.bloc && !selection.modality) return models;
    const keep = (m: ModalityModel) => !selection.modality || m.id === selection.modality || m.title === selection.modality;
    return models.map((model) => clone(model, {
        blocs: model.blocs
            .filter((b) => !selection.bloc || b.id === selection.bloc)
            .map((b) => clone(b, {
                modalities: b.modalities.filter(keep),
                activities: selection.modality && !b.modalities.some(keep) ? [] : b.activities,
                options: b.options
                    .filter((o) => !selection.modality || o.modalities.some(keep))
                    .map((o) => clone(o, { modalities: o.modalities.filter(keep) })),
            }))
            .filter((b) => !selection.modality || b.modalities.length > 0 || b.options.length > 0),
    })).filter((m) => m.blocs.length > 0);
}
