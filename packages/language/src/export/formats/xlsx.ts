import { t } from '../../i18n.js';
import type { ExportFormat } from '../format.js';

/** Excel: the jury's workbook and the coverage matrix (export/xlsx.ts makes it). */
export const xlsx: ExportFormat = {
    id: 'xlsx',
    label: 'Excel',
    description: t('le classeur du jury et la matrice de couverture', "the jury's workbook and the coverage matrix"),
    binary: true,
    office: true,
    async render(models, { language, office }) {
        if (!office) throw new Error('Excel needs Node (certiref export --format xlsx)');
        return (await office()).toXlsx(models, language);
    },
};
