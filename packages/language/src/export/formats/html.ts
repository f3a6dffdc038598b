import { t } from '../../i18n.js';
import { renderGrid, standalonePage } from '../../render/grid.js';
import type { ExportFormat } from '../format.js';

/**
 * The evaluation grids as a standalone, printable page: the preview's renderer, without its
 * script, and without the checker's findings unless asked (`--with-findings`): a deliverable.
 */
export const html: ExportFormat = {
    id: 'html',
    label: 'HTML',
    description: t("grilles d'évaluation, page imprimable", 'evaluation grids, printable page'),
    binary: false,
    render: async (models, { language, findings, withFindings, pathOf }) => standalonePage(renderGrid(models, withFindings ? findings : [], { language, interactive: false, pathOf, deliverable: !withFindings }), language),
};
