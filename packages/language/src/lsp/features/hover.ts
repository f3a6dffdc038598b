import type { LangiumDocument } from 'langium';
import type { HoverProvider } from 'langium/lsp';
import type { Hover, HoverParams } from 'vscode-languageserver-protocol';
import type { CertirefServices } from '../../certiref-module.js';
import { criteriaOfModality } from '../../model/queries.js';
import type { CompetencyModel, CriterionModel, ModalityModel } from '../../model/types.js';
import { counted, noun, quoted, t, type Language } from '../../i18n.js';
import { targetAt } from './target.js';
import { similarityHover } from './similarity-hover.js';

/**
 * Hover: on a competency (declared or referenced), its full text, its activity and bloc, its
 * criteria and the modalities that evaluate it; on a criterion, the competencies it judges; on a
 * modality, what it evaluates.
 */
export class CertirefHoverProvider implements HoverProvider {
    constructor(private readonly services: CertirefServices) {}

    getHoverContent(document: LangiumDocument, params: HoverParams): Hover | undefined {
        const target = targetAt(this.services, document, document.textDocument.offsetAt(params.position));
        const language = this.services.referential.Config.getConfig(document.uri.toString()).language;
        // what the registry rules found here: both passages side by side
        const similar = similarityHover(document, params.position, language === 'fr');
        if (!target) return similar ? { contents: { kind: 'markdown', value: similar.value }, range: similar.range } : undefined;
        let value: string | undefined;
        if (target.kind === 'competency') value = competencyHover(target.element, language);
        else if (target.kind === 'criterion') value = criterionHover(target.element, language);
        else if (target.kind === 'modality') value = modalityHover(target.element, language);
        else if (target.kind === 'activity') {
            const a = target.element;
            value = `**${a.id}** ${a.title}\n\n${a.competencies.map((c) => `- **${c.id}** ${clip(c.text, 120)}`).join('\n')}`;
        }
        if (similar) value = value ? `${value}\n\n---\n\n${similar.value}` : similar.value;
        return value ? { contents: { kind: 'markdown', value }, range: target.range } : undefined;
    }
}

const TEXTS = {
    noCriterion: t('⚠ aucun critère', '⚠ no criterion'),
    criterion: noun('critère', 'critères', 'criterion', 'criteria'),
    part: noun('partie', 'parties', 'part', 'parts'),
    unnumbered: t('sans n°', 'unnumbered'),
    notEvaluated: t('⚠ évaluée par aucune modalité', '⚠ evaluated by no modality'),
    evaluatedBy: t('évaluée par', 'evaluated by'),
    activity: t('Activité', 'Activity'),
    unnumberedCriterion: t('Critère sans numéro', 'Unnumbered criterion'),
    partWord: t('partie', 'part'),
    judgesNothing: t('⚠ ne juge aucune compétence', '⚠ judges no competency'),
    judges: t('Juge', 'Judges'),
    colon: t('\u00A0:', ':'),
    evaluates: t('Évalue', 'Evaluates'),
    how: {
        explicit: t('indiquée par « juge »', 'given by `judges`'),
        convention: t("d'après son identifiant", 'after its id'),
        part: t('la compétence de sa partie', "its part's competency"),
        modality: t('la compétence de sa modalité', "its modality's competency"),
        none: t('', ''),
    },
};

function clip(text: string, max: number): string {
    const one = text.replace(/\s+/g, ' ');
    return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

function modalityName(m: ModalityModel, language: Language): string {
    return m.id ?? quoted(m.title, language);
}

export function competencyHover(c: CompetencyModel, language: Language): string {
    const bloc = c.option ? `bloc ${c.bloc.id}, option ${c.option.id}${c.option.title ? ` ${quoted(c.option.title, language)}` : ''}` : `bloc ${c.bloc.id}${c.bloc.title ? ` ${quoted(c.bloc.title, language)}` : ''}`;
    const criteria = c.criteria.length === 0
        ? TEXTS.noCriterion[language]
        : `${counted(c.criteria.length, TEXTS.criterion, language)} (${c.criteria.map((x) => x.label ?? TEXTS.unnumbered[language]).join(', ')})`;
    const evaluated = c.evaluatedBy.length === 0
        ? TEXTS.notEvaluated[language]
        : `${TEXTS.evaluatedBy[language]} ${c.evaluatedBy.map((m) => modalityName(m, language)).join(', ')}`;
    return [
        `**${c.id}** — ${c.text}`,
        '',
        `${TEXTS.activity[language]} ${c.activity.id} ${quoted(c.activity.title, language)} · ${bloc}`,
        '',
        `${criteria} · ${evaluated}`,
    ].join('\n');
}

function criterionHover(cr: CriterionModel, language: Language): string {
    const head = `**${cr.label ?? TEXTS.unnumberedCriterion[language]}** (${modalityName(cr.modality, language)}${cr.part ? `, ${TEXTS.partWord[language]} ${cr.part.id ?? cr.part.title ?? ''}` : ''})`;
    if (cr.judges.length === 0) return `${head}\n\n${TEXTS.judgesNothing[language]}`;
    const how = TEXTS.how[cr.judgeSource][language];
    return `${head}\n\n${TEXTS.judges[language]} (${how})${TEXTS.colon[language]}\n\n${cr.judges.map((c) => `- **${c.id}** ${clip(c.text, 160)}`).join('\n')}`;
}

function modalityHover(m: ModalityModel, language: Language): string {
    const evaluated = m.evaluatedCompetencies;
    return [
        `**${m.id ?? ''}** ${m.title}${m.kind ? ` — ${m.kind}` : ''}`,
        '',
        `${TEXTS.evaluates[language]} ${evaluated.map((c) => c.id).join(', ') || '—'} · ${counted(criteriaOfModality(m).length, TEXTS.criterion, language)}${m.parts.length ? ` · ${counted(m.parts.length, TEXTS.part, language)}` : ''}`,
    ].join('\n');
}
