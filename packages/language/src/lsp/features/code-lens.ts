import type { LangiumDocument } from 'langium';
import type { CodeLensProvider } from 'langium/lsp';
import type { CodeLens, CodeLensParams, Location } from 'vscode-languageserver-protocol';
import type { CertirefServices } from '../../certiref-module.js';
import { containers } from '../../model/queries.js';

/** The command a lens runs: the VS Code extension shows the locations; other editors show the title. */
export const SHOW_LOCATIONS_COMMAND = 'certiref.showLocations';

/**
 * On each competency, "3 critères · évaluée par E1"; on each modality, the competencies it
 * covers. Clicking shows where (the criteria, the modalities).
 */
export class CertirefCodeLensProvider implements CodeLensProvider {
    constructor(private readonly services: CertirefServices) {}

    provideCodeLens(document: LangiumDocument, _params: CodeLensParams): CodeLens[] {
        const model = this.services.referential.Models.forDocument(document);
        if (!model) return [];
        const uri = document.uri.toString();
        const fr = this.services.referential.Config.getConfig(uri).language === 'fr';
        const lenses: CodeLens[] = [];
        const lens = (range: CodeLens['range'], title: string, locations: Location[]): CodeLens => ({
            range, command: { title, command: SHOW_LOCATIONS_COMMAND, arguments: [uri, range.start, locations] },
        });
        for (const container of containers(model)) {
            for (const a of container.activities) {
                for (const c of a.competencies) {
                    if (c.source.uri !== uri) continue;
                    const n = c.criteria.length;
                    const criteria = n === 0 ? (fr ? 'aucun critère' : 'no criterion') : `${n} ${fr ? (n > 1 ? 'critères' : 'critère') : (n > 1 ? 'criteria' : 'criterion')}`;
                    const by = c.evaluatedBy.length === 0 ? (fr ? 'évaluée par aucune modalité' : 'evaluated by no modality')
                        : `${fr ? 'évaluée par' : 'evaluated by'} ${c.evaluatedBy.map((m) => m.id ?? m.title).join(', ')}`;
                    lenses.push(lens(c.source.nameRange, `${criteria} · ${by}`, [
                        ...c.criteria.map((x) => ({ uri: x.source.uri, range: x.source.nameRange })),
                        ...c.evaluatedBy.map((m) => ({ uri: m.source.uri, range: m.source.nameRange })),
                    ]));
                }
            }
            for (const m of container.modalities) {
                if (m.source.uri !== uri) continue;
                const ids = m.evaluatedCompetencies.map((c) => c.id);
                const title = ids.length === 0 ? (fr ? "n'évalue aucune compétence" : 'evaluates no competency')
                    : `${fr ? 'évalue' : 'evaluates'} ${ids.join(', ')} (${ids.length} ${fr ? (ids.length > 1 ? 'compétences' : 'compétence') : (ids.length > 1 ? 'competencies' : 'competency')})`;
                lenses.push(lens(m.source.nameRange, title, m.evaluatedCompetencies.map((c) => ({ uri: c.source.uri, range: c.source.nameRange }))));
            }
        }
        return lenses;
    }
}
