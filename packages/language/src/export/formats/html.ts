import { t } from '../../i18n.js';
import { renderGrid, standalonePage } from '../../render/grid.js';
import type { ExportFormat } from '../format.js';

/** The evaluation grids as a standalone, printable page: the preview's renderer, without its script. */
export const html: ExportFormat = {
    id: 'html',
    label: 'HTML',
    description: t("grilles d'évaluation, page imprimable", 'evaluation grids, printable page'),
    binary: false,
    render: async (models, { language, findings, pathOf }) => standalonePage(renderGrid(models, findings, { language, interactive: false, pathOf }), language),
};
