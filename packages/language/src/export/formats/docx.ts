import { t } from '../../i18n.js';
import { officeFormat, type ExportFormat } from '../format.js';

/** Word: the référentiel for France Compétences and the jury's grids (export/docx.ts makes it). */
export const docx: ExportFormat = officeFormat('docx', 'Word',
    t('le référentiel pour France Compétences et les grilles du jury', "the référentiel for France Compétences and the jury's grids"),
    (office, models, language, options) => office.toDocx(models, language, options));
