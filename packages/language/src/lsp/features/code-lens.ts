import type { LangiumDocument } from 'langium';
import type { CodeLensProvider } from 'langium/lsp';
import type { CodeLens, CodeLensParams, Location } from 'vscode-languageserver-protocol';
import type { CertirefServices } from '../../certiref-module.js';
import { counted, noun, t } from '../../i18n.js';
import { containers } from '../../model/queries.js';

const TEXTS = {
    noCriterion: t('aucun critère', 'no criterion'),
    criterion: noun('critère', 'critères', 'criterion', 'criteria'),
    competency: noun('compétence', 'compétences', 'competency', 'competencies'),
    notEvaluated: t('évaluée par aucune modalité', 'evaluated by no modality'),
    evaluatedBy: t('évaluée par', 'evaluated by'),
    evaluatesNothing: t("n'évalue aucune compétence", 'evaluates no competency'),
    evaluates: t('évalue', 'evaluates'),
};

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
        const language = this.services.referential.Config.getConfig(uri).language;
        const lenses: CodeLens[] = [];
        const lens = (range: CodeLens['range'], title: string, locations: Location[]): CodeLens => ({
            range, command: { title, command: SHOW_LOCATIONS_COMMAND, arguments: [uri, range.start, locations] },
        });
        for (const container of containers(model)) {
            for (const a of container.activities) {
                for (const c of a.competencies) {
                    if (c.source.uri !== uri) continue;
                    const n = c.criteria.length;
                    const criteria = n === 0 ? TEXTS.noCriterion[language] : counted(n, TEXTS.criterion, language);
                    const by = c.evaluatedBy.length === 0 ? TEXTS.notEvaluated[language]
                        : `${TEXTS.evaluatedBy[language]} ${c.evaluatedBy.map((m) => m.id ?? m.title).join(', ')}`;
                    lenses.push(lens(c.source.nameRange, `${criteria} · ${by}`, [
                        ...c.criteria.map((x) => ({ uri: x.source.uri, range: x.source.nameRange })),
                        ...c.evaluatedBy.map((m) => ({ uri: m.source.uri, range: m.source.nameRange })),
                    ]));
                }
            }
            for (const m of container.modalities) {
                if (m.source.uri !== uri) continue;
                const ids = m.evaluatedCompetencies.map((c) => c.id);
                const title = ids.length === 0 ? TEXTS.evaluatesNothing[language]
                    : `${TEXTS.evaluates[language]} ${ids.join(', ')} (${counted(ids.length, TEXTS.competency, language)})`;
                lenses.push(lens(m.source.nameRange, title, m.evaluatedCompetencies.map((c) => ({ uri: c.source.uri, range: c.source.nameRange }))));
            }
        }
        return lenses;
    }
}
