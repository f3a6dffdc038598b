import type { LangiumDocument } from 'langium';
import type { HoverProvider } from 'langium/lsp';
import type { Hover, HoverParams } from 'vscode-languageserver-protocol';
import type { CertirefServices } from '../../certiref-module.js';
import { criteriaOfModality } from '../../model/queries.js';
import type { CompetencyModel, CriterionModel, ModalityModel } from '../../model/types.js';
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
        const fr = this.services.referential.Config.getConfig(document.uri.toString()).language === 'fr';
        // what the registry rules found here: both passages side by side
        const similar = similarityHover(document, params.position, fr);
        if (!target) return similar ? { contents: { kind: 'markdown', value: similar.value }, range: similar.range } : undefined;
        let value: string | undefined;
        if (target.kind === 'competency') value = competencyHover(target.element, fr);
        else if (target.kind === 'criterion') value = criterionHover(target.element, fr);
        else if (target.kind === 'modality') value = modalityHover(target.element, fr);
        else if (target.kind === 'activity') {
            const a = target.element;
            value = `**${a.id}** ${a.title}\n\n${a.competencies.map((c) => `- **${c.id}** ${clip(c.text, 120)}`).join('\n')}`;
        }
        if (similar) value = value ? `${value}\n\n---\n\n${similar.value}` : similar.value;
        return value ? { contents: { kind: 'markdown', value }, range: target.range } : undefined;
    }
}

/** `n` and a noun, plural in French above one, in English for any number but one. */
function count(n: number, [one, many]: [string, string], fr: boolean): string {
    return `${n} ${(fr ? n > 1 : n !== 1) ? many : one}`;
}

function clip(text: string, max: number): string {
    const one = text.replace(/\s+/g, ' ');
    return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

/** A title in quotes: « … » in French, “…” in English. */
function quoted(text: string, fr: boolean): string {
    return fr ? `« ${text} »` : `“${text}”`;
}

function modalityName(m: ModalityModel, fr: boolean): string {
    return m.id ?? quoted(m.title, fr);
}

export function competencyHover(c: CompetencyModel, fr: boolean): string {
    const bloc = c.option ? `bloc ${c.bloc.id}, option ${c.option.id}${c.option.title ? ` ${quoted(c.option.title, fr)}` : ''}` : `bloc ${c.bloc.id}${c.bloc.title ? ` ${quoted(c.bloc.title, fr)}` : ''}`;
    const criteria = c.criteria.length === 0
        ? (fr ? '⚠ aucun critère' : '⚠ no criterion')
        : `${c.criteria.length} ${fr ? (c.criteria.length > 1 ? 'critères' : 'critère') : (c.criteria.length > 1 ? 'criteria' : 'criterion')} (${c.criteria.map((x) => x.label ?? (fr ? 'sans n°' : 'unnumbered')).join(', ')})`;
    const evaluated = c.evaluatedBy.length === 0
        ? (fr ? '⚠ évaluée par aucune modalité' : '⚠ evaluated by no modality')
        : `${fr ? 'évaluée par' : 'evaluated by'} ${c.evaluatedBy.map((m) => modalityName(m, fr)).join(', ')}`;
    return [
        `**${c.id}** — ${c.text}`,
        '',
        `${fr ? 'Activité' : 'Activity'} ${c.activity.id} ${quoted(c.activity.title, fr)} · ${bloc}`,
        '',
        `${criteria} · ${evaluated}`,
    ].join('\n');
}

function criterionHover(cr: CriterionModel, fr: boolean): string {
    const head = `**${cr.label ?? (fr ? 'Critère sans numéro' : 'Unnumbered criterion')}** (${modalityName(cr.modality, fr)}${cr.part ? `, ${fr ? 'partie' : 'part'} ${cr.part.id ?? cr.part.title ?? ''}` : ''})`;
    if (cr.judges.length === 0) return `${head}\n\n${fr ? '⚠ ne juge aucune compétence' : '⚠ judges no competency'}`;
    const how = {
        explicit: fr ? 'indiquée par « juge »' : 'given by `judges`',
        convention: fr ? "d'après son identifiant" : 'after its id',
        part: fr ? 'la compétence de sa partie' : "its part's competency",
        modality: fr ? 'la compétence de sa modalité' : "its modality's competency",
        none: '',
    }[cr.judgeSource];
    return `${head}\n\n${fr ? 'Juge' : 'Judges'} (${how})${fr ? ' :' : ':'}\n\n${cr.judges.map((c) => `- **${c.id}** ${clip(c.text, 160)}`).join('\n')}`;
}

function modalityHover(m: ModalityModel, fr: boolean): string {
    const evaluated = m.evaluatedCompetencies;
    return [
        `**${m.id ?? ''}** ${m.title}${m.kind ? ` — ${m.kind}` : ''}`,
        '',
        `${fr ? 'Évalue' : 'Evaluates'} ${evaluated.map((c) => c.id).join(', ') || '—'} · ${count(criteriaOfModality(m).length, fr ? ['critère', 'critères'] : ['criterion', 'criteria'], fr)}${m.parts.length ? ` · ${count(m.parts.length, fr ? ['partie', 'parties'] : ['part', 'parts'], fr)}` : ''}`,
    ].join('\n');
}
