import { t } from '../i18n.js';
import type { TextLimits } from '../config/config.js';
import { competenciesOf } from '../model/queries.js';
import { textRange } from '../model/text-range.js';
import type { BlocModel, CertificationModel, ContainerModel, SourceLocation } from '../model/types.js';
import { optionName, type Bilingual, type ModelRule } from './rule.js';

/**
 * The registry's limits, in characters. France Compétences publishes no table of them; these are
 * assumptions, documented in the README (`text-too-long`): 3,000 for a bloc's two texts, which
 * the longest texts of the open-data export (2,866 and 2,905 characters) stay just under; 255 for
 * a title. certiref.json's `limits` changes them.
 */
export const DEFAULT_LIMITS: TextLimits = {
    'certification-title': 255,
    'bloc-title': 255,
    'bloc-competencies': 3000,
    'bloc-evaluation': 3000,
};

function length(text: string): number {
    return [...text].length;
}

/**
 * What the registry takes as one bloc: a bloc, or each option of a bloc with the bloc's common part
 * (the RNCP gives each option or specialisation a bloc code of its own).
 */
export function registryBlocs(bloc: BlocModel): { containers: ContainerModel[]; name: Bilingual; at: SourceLocation }[] {
    if (bloc.options.length === 0) return [{ containers: [bloc], name: t(`bloc ${bloc.id}`, `bloc ${bloc.id}`), at: bloc.source }];
    return bloc.options.map((o) => ({ containers: [bloc, o], name: t(`bloc ${bloc.id}, ${optionName(o).fr}`, `bloc ${bloc.id}, ${optionName(o).en}`), at: o.source }));
}

/** A bloc's competencies as the registry's « liste de compétences » holds them: one a line, id first. */
export function blocCompetenciesText(containers: ContainerModel[]): string {
    return containers.flatMap((k) => competenciesOf(k)).map((c) => `${c.id}. ${c.text}`).join('\n');
}

/** A bloc's modalities as the registry's « modalités d'évaluation » holds them: title, kind, parts, deliverables, description. */
export function blocEvaluationText(containers: ContainerModel[]): string {
    return containers.flatMap((k) => k.modalities).map((m) => [
        m.title, m.kind, ...m.parts.map((p) => [p.title, p.description].filter(Boolean).join(' : ')),
        m.deliverables.length > 0 ? m.deliverables.join(', ') : undefined, m.description,
    ].filter((x): x is string => x !== undefined && x.length > 0).join('\n')).join('\n\n');
}

export interface MeasuredText {
    field: keyof TextLimits;
    label: Bilingual;
    length: number;
    limit: number;
    at: SourceLocation;
    bloc?: BlocModel;
}

/** Every text the registry limits, with its length and its limit. */
export function measuredTexts(cert: CertificationModel, limits: Partial<TextLimits> = {}): MeasuredText[] {
    const limit = (f: keyof TextLimits) => limits[f] ?? DEFAULT_LIMITS[f];
    const out: MeasuredText[] = [];
    if (cert.declared) out.push({ field: 'certification-title', label: t('intitulé de la certification', 'title of the certification'), length: length(cert.title), limit: limit('certification-title'), at: cert.source });
    for (const bloc of cert.blocs) {
        if (bloc.duplicate) continue;
        if (bloc.title !== undefined) out.push({ field: 'bloc-title', label: t(`intitulé du bloc ${bloc.id}`, `title of bloc ${bloc.id}`), length: length(bloc.title), limit: limit('bloc-title'), at: bloc.source, bloc });
        for (const unit of registryBlocs(bloc)) {
            out.push({ field: 'bloc-competencies', label: t(`liste des compétences du ${unit.name.fr}`, `list of competencies of ${unit.name.en}`), length: length(blocCompetenciesText(unit.containers)), limit: limit('bloc-competencies'), at: unit.at, bloc });
            out.push({ field: 'bloc-evaluation', label: t(`modalités d'évaluation du ${unit.name.fr}`, `evaluation modalities of ${unit.name.en}`), length: length(blocEvaluationText(unit.containers)), limit: limit('bloc-evaluation'), at: unit.at, bloc });
        }
    }
    return out;
}

const fmt = (n: number, fr: boolean) => n.toLocaleString(fr ? 'fr-FR' : 'en-GB').replace(/\u202F|\u00A0/g, fr ? '\u202F' : ',');

export const textTooLong: ModelRule = {
    id: 'text-too-long',
    defaultSeverity: 'warning',
    title: t("Un texte dépasse la longueur que la fiche RNCP accepte", 'A text is longer than the RNCP fiche accepts'),
    help: t(
        "Le formulaire de France Compétences limite la longueur de certains champs de la fiche : l'intitulé de la certification et celui de chaque bloc (255 caractères supposés), la liste des compétences d'un bloc et ses modalités d'évaluation (3 000 caractères supposés). certiref mesure ces textes tels que la fiche les reprend ; les limites se règlent dans certiref.json (« limits »).",
        "France Compétences' form limits the length of some fields of the fiche: the title of the certification and of each bloc (255 characters assumed), a bloc's list of competencies and its evaluation modalities (3,000 characters assumed). certiref measures these texts as the fiche takes them; the limits are set in certiref.json (`limits`).",
    ),
    check(cert, report, context) {
        for (const m of measuredTexts(cert, context?.limits)) {
            if (m.length <= m.limit) continue;
            const range = m.field === 'certification-title' || m.field === 'bloc-title' ? textRange(m.bloc ?? cert, 'title') : undefined;
            report(m.at, t(
                `Le champ « ${m.label.fr} » de la fiche compte ${fmt(m.length, true)} caractères, pour ${fmt(m.limit, true)} au plus : raccourcissez-le de ${fmt(m.length - m.limit, true)} caractères (ou réglez « limits » dans certiref.json si la limite a changé).`,
                `The fiche's field "${m.label.en}" has ${fmt(m.length, false)} characters, for at most ${fmt(m.limit, false)}: shorten it by ${fmt(m.length - m.limit, false)} characters (or set "limits" in certiref.json if the limit has changed).`,
            ), { field: m.field, length: m.length, limit: m.limit }, range);
        }
    },
};
