import { t } from '../../i18n.js';
import type { ExportFormat } from '../format.js';

/** Word: the référentiel for France Compétences and the jury's grids (export/docx.ts makes it). */
export const docx: ExportFormat = {
    id: 'docx',
    label: 'Word',
    description: t('le référentiel pour France Compétences et les grilles du jury', "the référentiel for France Compétences and the jury's grids"),
    binary: true,
    office: true,
    async render(models, { language, office }) {
        if (!office) throw new Error('Word needs Node (certiref export --format docx)');
        return (await office()).toDocx(models, language);
    },
};
