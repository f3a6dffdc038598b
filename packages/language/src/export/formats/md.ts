import { t } from '../../i18n.js';
import type { Language } from '../../i18n.js';
import type { CertificationModel, CriterionModel } from '../../model/types.js';
import { certificationTitle, containerHeading, juryGrid, modalityMeta, modalityName, partName, rncpNumber, shownContainers } from '../../model/view.js';
import type { ExportFormat } from '../format.js';
import { escapeMarkdownText } from '../tables.js';
import { colon } from '../../typography.js';
import { append } from '../../util/arrays.js';

const TEXTS = {
    level: t('Niveau', 'Level'),
    certifier: t('Certificateur', 'Certifier'),
    competency: t('Compétence', 'Competency'),
    criterion: t('Critère', 'Criterion'),
    acquired: t('Acquis', 'Acquired'),
    notAcquired: t('Non acquis', 'Not acquired'),
    noCriterion: t('aucun critère ne juge cette compétence', 'no criterion judges this competency'),
    accessibility: t('Aménagements pour les candidats en situation de handicap', 'Provisions for candidates with disabilities'),
};

/** Markdown: per certification and bloc, the modalities as tables a jury can print. */
export function toMarkdown(models: CertificationModel[], language: Language): string {
    const L = (key: keyof typeof TEXTS) => TEXTS[key][language];
    // escaped for a Markdown table: HTML and Markdown's own characters (no link, no emphasis can
    // come from the text), pipes; line breaks as <br>
    const cell = (text: string) => escapeMarkdownText(text).replace(/\n+/g, '<br>');
    const out: string[] = [];
    for (const model of models) {
        out.push(`# ${cell(certificationTitle(model))} (${model.id})`, '');
        const meta = [model.rncp && `RNCP ${rncpNumber(model)}`, model.level && `${L('level')} ${model.level}`, model.certifier && `${L('certifier')}${colon(language)}${model.certifier}`].filter(Boolean);
        if (meta.length) out.push(meta.map((m) => cell(m as string)).join(' · '), '');
        for (const container of shownContainers(model)) {
            out.push(`## ${containerHeading(container, { text: cell, language })}`, '');
            for (const a of container.activities) {
                out.push(`- **${cell(a.id)}** ${cell(a.title)}`);
                for (const c of a.competencies) out.push(`  - **${cell(c.id)}** ${cell(c.text)}`);
            }
            out.push('');
            for (const m of container.modalities) {
                out.push(`### ${cell(modalityName(m))}`, '');
                const meta = modalityMeta(m, language);
                if (meta.length) out.push(`*${cell(meta.join(' · '))}*`, '');
                // paragraphs apart, each on one line (a blank line between them)
                if (m.description) append(out, m.description.split(/\n\n+/).flatMap((p) => [cell(p), '']));
                out.push(`| ${L('competency')} | ${L('criterion')} | ${L('acquired')} | ${L('notAcquired')} | Observations |`, '| --- | --- | --- | --- | --- |');
                const criterion = (cr: CriterionModel) => `${cr.part ? `*${cell(partName(cr))}* · ` : ''}${cr.label ? `**${cell(cr.label)}** ` : ''}${cell(cr.text)}`;
                const grid = juryGrid(m);
                for (const { competency: c, criteria } of grid.rows) {
                    if (criteria.length === 0) out.push(`| **${cell(c.id)}** | *${L('noCriterion')}* | | | |`);
                    for (const cr of criteria) out.push(`| **${cell(c.id)}** | ${criterion(cr)} | ☐ | ☐ | |`);
                }
                // criteria that judge nothing this modality evaluates: still on the grid, never lost
                for (const cr of grid.unattached) {
                    out.push(`| ${cr.judges.length ? cr.judges.map((c) => `**${cell(c.id)}**`).join(', ') : '—'} | ${criterion(cr)} | ☐ | ☐ | |`);
                }
                out.push('');
            }
        }
        if (model.accessibility.length) {
            out.push(`## ${L('accessibility')}`, '');
            for (const text of model.accessibility) append(out, text.split(/\n\n+/).flatMap((p) => [cell(p), '']));
        }
    }
    return out.join('\n');
}

export const md: ExportFormat = {
    id: 'md',
    label: 'Markdown',
    description: t('grilles en tableaux', 'grids as tables'),
    binary: false,
    render: async (models, { language }) => toMarkdown(models, language),
};
