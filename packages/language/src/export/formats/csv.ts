import { t } from '../../i18n.js';
import type { Language } from '../../i18n.js';
import type { CertificationModel } from '../../model/types.js';
import { csvSeparator, exportRows, type ExportRow } from '../../model/view.js';
import type { ExportFormat } from '../format.js';
import { neutralise } from '../tables.js';
import { frenchLabels } from '../../typography.js';

export const COLUMNS: Record<Language, Record<keyof ExportRow, string>> = {
    fr: frenchLabels({
        certification: 'Certification', bloc: 'Bloc', option: 'Option', activity: 'Activité', competency: 'Compétence',
        competencyText: 'Intitulé de la compétence', modality: 'Modalité', part: 'Partie', criterion: 'Critère', criterionText: 'Critère d\'évaluation',
    }),
    en: {
        certification: 'Certification', bloc: 'Bloc', option: 'Option', activity: 'Activity', competency: 'Competency',
        competencyText: 'Competency text', modality: 'Modality', part: 'Part', criterion: 'Criterion', criterionText: 'Evaluation criterion',
    },
};

/**
 * RFC 4180: fields quoted when needed, quotes doubled, CRLF between records; UTF-8 with a BOM so
 * Excel reads accents; fields apart by the language's separator (`;` in French, what French Excel
 * opens in columns; `,` in English), or the one asked.
 */
export function toCsv(models: CertificationModel[], language: Language, separator = csvSeparator(language)): string {
    const quote = (value: string) => {
        const v = neutralise(value);
        return /[",\r\n;\t]/.test(v) || v.includes(separator) ? `"${v.replace(/"/g, '""')}"` : v;
    };
    const columns = COLUMNS[language];
    const keys = Object.keys(columns) as Array<keyof ExportRow>;
    const lines = [keys.map((k) => quote(columns[k])).join(separator)];
    for (const row of exportRows(models, language)) lines.push(keys.map((k) => quote(row[k])).join(separator));
    return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

/** CSV: one row per criterion (model/view.ts's `exportRows`), for a spreadsheet. */
export const csv: ExportFormat = {
    id: 'csv',
    label: 'CSV',
    description: t('une ligne par critère, pour un tableur', 'one row per criterion, for spreadsheets'),
    binary: false,
    render: async (models, { language, separator }) => toCsv(models, language, separator),
};
