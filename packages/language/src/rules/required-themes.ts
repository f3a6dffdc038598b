import { t } from '../i18n.js';
import type { ThemeSetting } from '../config/config.js';
import { comparisonKey } from '../model/text.js';
import { allActivities, allCompetencies, allCriteriaOf, containers } from '../model/queries.js';
import type { CertificationModel } from '../model/types.js';
import { type Bilingual, type ModelRule } from './rule.js';

/**
 * The themes that the décret n° 2025-500 of 6 June 2025 asks référentiels to take into account,
 * and words that show a text does. certiref.json's `themes` replaces this list.
 */
export const DEFAULT_THEMES: readonly ThemeSetting[] = [
    { name: { fr: 'handicap et accessibilité', en: 'disability and accessibility' },
        words: ['handicap', 'accessibilit', 'situation de handicap', 'PSH', 'inclusi', 'aménag', 'conception universelle', 'RGAA', 'disabilit', 'accessib'] },
    { name: { fr: 'transition écologique', en: 'ecological transition' },
        words: ['écolog', 'environnementa', 'protection de l\'environnement', 'développement durable', 'durabilit', 'RSE', 'responsabilité sociétale', 'sobriété', 'éco-conception', 'écoconception', 'carbone', 'climat', 'biodiversit', 'déchet', 'recycl', 'économie circulaire', 'empreinte environnementale', 'transition énergétique', 'eco-design', 'environmental', 'sustainab'] },
    { name: { fr: 'transformation numérique', en: 'digital transformation' },
        words: ['numérique', 'digital', 'dématérialis', 'logiciel', 'intelligence artificielle', 'IA', 'données', 'cybersécurit', 'informatique', 'outils collaboratifs', 'plateforme', 'web', 'internet', 'en ligne', 'software', 'data'] },
    { name: { fr: 'santé et sécurité au travail', en: 'health and safety at work' },
        words: ['santé et sécurité', 'sécurité au travail', 'santé au travail', 'prévention des risques', 'risques professionnels', 'ergonomie du poste', 'poste de travail', 'qualité de vie au travail', 'QVT', 'document unique', 'DUERP', 'gestes et postures', 'troubles musculo', 'TMS', 'risques psychosociaux', 'RPS', 'équipements de protection', 'EPI', 'pénibilité', 'health and safety', 'occupational safety', 'occupational health'] },
];

/** Whether the certification's header carries its disability and accessibility provisions (missing-accessibility-provision). */
export function hasAccessibilityProvision(cert: CertificationModel): boolean {
    return cert.accessibility.some((a) => a.trim().length > 0) || cert.sections.some((s) => /handicap|accessibilit|disabilit|accessibility|inclusi/i.test(s.title));
}

/** Everything the certification says, as one text to search. */
function corpus(cert: CertificationModel): string {
    const texts: (string | undefined)[] = [cert.title, cert.description, ...cert.accessibility, ...cert.sections.flatMap((s) => [s.title, s.text])];
    for (const k of containers(cert)) {
        texts.push(k.title, k.description);
        for (const m of k.modalities) texts.push(m.title, m.kind, m.description, ...m.deliverables, ...m.parts.flatMap((p) => [p.title, p.description, p.kind]));
    }
    for (const a of allActivities(cert)) texts.push(a.title, a.description);
    for (const c of allCompetencies(cert)) texts.push(c.text);
    for (const cr of allCriteriaOf(cert)) texts.push(cr.text);
    return ` ${comparisonKey(texts.filter(Boolean).join(' '))} `;
}

export interface ThemeStatus {
    name: Bilingual;
    /** The words found, as the theme lists them; empty when the certification says nothing of it. */
    found: string[];
    /** The theme is handicap and accessibility, which missing-accessibility-provision speaks of when the header has no provision. */
    accessibility: boolean;
}

/** Each theme, and the words that show the certification takes it into account. */
export function themeStatus(cert: CertificationModel, themes: readonly ThemeSetting[] = DEFAULT_THEMES): ThemeStatus[] {
    const text = corpus(cert);
    return themes.map((theme) => {
        // at the start of a word, as a whole acronym when written in capitals (IA, RSE, TMS)
        const found = theme.words.filter((w) => {
            const key = comparisonKey(w);
            return key.length > 0 && (w === w.toUpperCase() && w.length <= 5 ? text.includes(` ${key} `) : text.includes(` ${key}`));
        });
        return { name: theme.name, found, accessibility: theme.words.some((w) => /^(handicap|accessibilit)/i.test(w)) };
    });
}

export const requiredThemes: ModelRule = {
    id: 'required-themes',
    needsCompleteModel: true,
    defaultSeverity: 'warning',
    title: t('La certification ne dit rien d\'un thème que les référentiels doivent prendre en compte', 'The certification says nothing of a theme référentiels must take into account'),
    help: t(
        "Depuis le décret n° 2025-500 du 6 juin 2025, les référentiels prennent en compte le handicap et l'accessibilité, la transition écologique, la transformation numérique, la santé et la sécurité au travail. certiref cherche dans tous les textes de la certification les mots qui en témoignent ; la liste des thèmes et de leurs mots se règle dans certiref.json (« themes »). Le handicap est d'abord demandé à l'en-tête par missing-accessibility-provision.",
        "Since the décret n° 2025-500 of 6 June 2025, référentiels take into account disability and accessibility, the ecological transition, the digital transformation, and health and safety at work. certiref looks through every text of the certification for words that show it; the list of themes and their words is set in certiref.json (`themes`). Disability is first asked of the header by missing-accessibility-provision.",
    ),
    check(cert, report, context) {
        if (!cert.declared) return;
        for (const theme of themeStatus(cert, context?.themes ?? DEFAULT_THEMES)) {
            if (theme.found.length > 0) continue;
            // no provision at all: missing-accessibility-provision says it, where to write it
            if (theme.accessibility && !hasAccessibilityProvision(cert)) continue;
            report(cert.source, t(
                `La certification ${cert.id} ne dit rien de « ${theme.name.fr} », que les référentiels doivent prendre en compte (décret n° 2025-500 du 6 juin 2025) : dites où ses compétences, ses activités ou ses modalités d'évaluation en tiennent compte.`,
                `Certification ${cert.id} says nothing of "${theme.name.en}", which référentiels must take into account (décret n° 2025-500 of 6 June 2025): say where its competencies, activities or evaluation modalities do.`,
            ), { theme: theme.name.en });
        }
    },
};
