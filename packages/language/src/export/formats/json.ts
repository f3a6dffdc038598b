import { t } from '../../i18n.js';
import { serializeModel } from '../../model/serialize.js';
import type { ExportFormat } from '../format.js';

/** The model as JSON (packages/cli/schema/certiref-model.schema.json describes it). */
export const json: ExportFormat = {
    id: 'json',
    label: 'JSON',
    description: t('le modèle', 'the model'),
    binary: false,
    render: async (models, context) => JSON.stringify(serializeModel(models, context.pathOf), null, 2) + '\n',
};
