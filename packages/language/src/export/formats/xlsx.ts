import { t } from '../../i18n.js';
import { officeFormat, type ExportFormat } from '../format.js';

/** Excel: the jury's workbook and the coverage matrix (export/xlsx.ts makes it). */
export const xlsx: ExportFormat = officeFormat('xlsx', 'Excel',
    t('le classeur du jury et la matrice de couverture', "the jury's workbook and the coverage matrix"),
    (office, models, language, options) => office.toXlsx(models, language, options));
