/**
 * The France Compétences dossier checklist: for the certification and for each bloc, each
 * requirement met or not, with the places that say why. Computed once from the model and the
 * findings of its rules (as the editor and the CLI show them: severities and suppressions
 * applied), and laid out by render/checklist.ts for `certiref stats --format html` and the
 * VS Code panel.
 */
import { t } from '../i18n.js';
import type { Range } from 'vscode-languageserver-types';
import type { Finding } from '../finding.js';
import type { TextLimits, ThemeSetting } from '../config/config.js';
import type { BlocModel, CertificationModel } from '../model/types.js';
import { certificationFields, registered } from '../rules/missing-certification-field.js';
import { DEFAULT_THEMES, hasAccessibilityProvision, themeStatus } from '../rules/required-themes.js';
import { measuredTexts } from '../rules/text-too-long.js';
import type { Bilingual } from '../i18n.js';

/** A finding as the checklist reads it: the validator's, severities and suppressions applied. */
export type ChecklistFinding = Finding;

export type ChecklistStatus = 'met' | 'unmet' | 'not-applicable';

export interface ChecklistItem {
    /** Stable: `level`, `theme:…`, `bloc-evaluation` … */
    id: string;
    label: Bilingual;
    status: ChecklistStatus;
    /** What was found: « niveau 6 », « 2 582 / 3 000 caractères », the words of a theme. */
    detail?: Bilingual;
    /** The findings that leave it unmet, each with its place. */
    findings: ChecklistFinding[];
    /** Where to look when it is met (the header, the bloc). */
    place: { uri: string; line: number };
}

export interface ChecklistBloc {
    id: string;
    title?: string;
    place: { uri: string; line: number };
    items: ChecklistItem[];
}

export interface Checklist {
    id: string;
    title: string;
    place: { uri: string; line: number };
    items: ChecklistItem[];
    blocs: ChecklistBloc[];
}

const contains = (outer: Range, inner: Range) =>
    (inner.start.line > outer.start.line || (inner.start.line === outer.start.line && inner.start.character >= outer.start.character))
    && (inner.end.line < outer.end.line || (inner.end.line === outer.end.line && inner.end.character <= outer.end.character));

/** The bloc a finding stands in (by its place in one of the bloc's fragments), if any. */
function blocOf(cert: CertificationModel, f: ChecklistFinding): BlocModel | undefined {
    return cert.blocs.find((b) => b.fragments.some((fr) => fr.uri === f.uri && contains(fr.range, f.range)));
}

const fmt = (n: number, fr: boolean) => n.toLocaleString(fr ? 'fr-FR' : 'en-GB').replace(/[\u202F\u00A0]/g, fr ? '\u202F' : ',');

/** Bloc requirements: what each asks, and the rules whose findings leave it unmet. */
const BLOC_REQUIREMENTS: { id: string; label: Bilingual; rules: string[] }[] = [
    { id: 'bloc-code', label: t('Code RNCP du bloc (RNCPnnnnnBCnn)', "The bloc's RNCP code (RNCPnnnnnBCnn)"), rules: ['bloc-code-pattern'] },
    { id: 'bloc-evaluation', label: t("Modalités d'évaluation propres au bloc", 'Evaluation modalities of its own'), rules: ['bloc-without-evaluation', 'evaluates-outside-bloc'] },
    { id: 'bloc-evaluated', label: t('Chaque compétence évaluée', 'Every competency evaluated'), rules: ['competency-not-evaluated'] },
    { id: 'bloc-criteria', label: t('Chaque compétence jugée par un critère, chaque critère rattaché', 'Every competency judged by a criterion, every criterion attached'), rules: ['competency-without-criterion', 'criterion-without-competency', 'criterion-id-mismatch', 'criterion-outside-evaluation', 'unresolved-reference'] },
    { id: 'bloc-size', label: t('Plusieurs compétences, aucune répétée dans un autre bloc', 'Several competencies, none repeated in another bloc'), rules: ['bloc-single-competency', 'competency-in-several-blocs', 'activity-without-competency'] },
    { id: 'bloc-action-verbs', label: t("Compétences rédigées avec un verbe d'action à l'infinitif", 'Competencies written with an action verb in the infinitive'), rules: ['competency-action-verb', 'competency-state-verb'] },
    { id: 'bloc-purpose', label: t('Compétences qui disent leur finalité', 'Competencies that say what for'), rules: ['competency-purpose'] },
    { id: 'bloc-observable', label: t('Critères observables ou mesurables', 'Observable or measurable criteria'), rules: ['vague-criterion'] },
    { id: 'bloc-written', label: t('Textes rédigés, sans doublon', 'Texts written, no duplicate'), rules: ['placeholder-text', 'duplicate-text'] },
    { id: 'bloc-length', label: t('Textes dans les limites de la fiche RNCP', 'Texts within the limits of the RNCP fiche'), rules: ['text-too-long'] },
    // R6113-8-1 and R6113-9 3° of the Code du travail: no reproduction of a registered certification
    { id: 'bloc-original', label: t('Aucun texte repris d\'une certification enregistrée', 'No text taken from a registered certification'), rules: ['similar-text'] },
];

export interface ChecklistSettings {
    themes?: ThemeSetting[];
    limits?: Partial<TextLimits>;
    /** Whether the texts were compared with the RNCP registry (its rules ran): else `bloc-original` does not apply. */
    registry?: boolean;
}

/** The checklist of one certification, from its model and the findings of its documents. */
export function checklist(cert: CertificationModel, findings: ChecklistFinding[], settings: ChecklistSettings = {}): Checklist {
    const headerPlace = { uri: cert.source.uri, line: cert.source.nameRange.start.line };
    const outside = findings.filter((f) => !blocOf(cert, f));
    const item = (id: string, label: Bilingual, unmet: ChecklistFinding[], place = headerPlace, detail?: Bilingual, applies = true): ChecklistItem =>
        ({ id, label, status: !applies ? 'not-applicable' : unmet.length > 0 ? 'unmet' : 'met', detail, findings: unmet, place });

    // the header's fields
    const fieldFindings = (field: string) => outside.filter((f) => f.rule === 'missing-certification-field' && f.data?.field === field);
    const fields = certificationFields(cert);
    const value: Record<string, string | undefined> = { level: cert.level, certifier: cert.certifier, rncp: cert.rncp, 'version-or-date': [cert.version, cert.date].filter(Boolean).join(' · ') || undefined };
    const items: ChecklistItem[] = fields.map((f) => item(
        f.field, t(capitalFirst(f.label.fr), capitalFirst(f.label.en)), fieldFindings(f.field), headerPlace,
        value[f.field] ? { fr: value[f.field]!, en: value[f.field]! } : f.field === 'rncp' && !registered(cert) ? t('à écrire une fois la certification enregistrée', 'to write once the certification is registered') : undefined,
        f.applies,
    ));

    // disability, then the themes of the décret of 6 June 2025
    const provision = outside.filter((f) => f.rule === 'missing-accessibility-provision');
    items.push(item('accessibility-provision', t('Aménagements pour les candidats en situation de handicap', 'Provisions for candidates with disabilities'), provision, headerPlace,
        hasAccessibilityProvision(cert) ? t('écrits à l\'en-tête', 'written in the header') : undefined));
    for (const theme of themeStatus(cert, settings.themes ?? DEFAULT_THEMES)) {
        const unmet = outside.filter((f) => f.rule === 'required-themes' && f.data?.theme === theme.name.en);
        // disability without any provision is the item above
        const missing = theme.found.length === 0 && theme.accessibility && !hasAccessibilityProvision(cert) ? provision : unmet;
        items.push(item(`theme:${theme.name.en}`, t(`Thème : ${theme.name.fr}`, `Theme: ${theme.name.en}`), missing, headerPlace,
            theme.found.length > 0 ? { fr: theme.found.map((w) => `« ${w} »`).join(', '), en: theme.found.map((w) => `"${w}"`).join(', ') } : undefined));
    }
    const title = measuredTexts(cert, settings.limits).find((m) => m.field === 'certification-title');
    items.push(item('certification-texts', t('Intitulé et textes de la certification', 'Title and texts of the certification'),
        outside.filter((f) => ['text-too-long', 'placeholder-text', 'duplicate-text'].includes(f.rule) || f.rule === 'syntax-error'), headerPlace,
        title ? t(`intitulé : ${fmt(title.length, true)} / ${fmt(title.limit, true)} caractères`, `title: ${fmt(title.length, false)} / ${fmt(title.limit, false)} characters`) : undefined));

    const blocs = cert.blocs.filter((b) => !b.duplicate).map((bloc): ChecklistBloc => {
        const place = { uri: bloc.source.uri, line: bloc.source.nameRange.start.line };
        const mine = findings.filter((f) => blocOf(cert, f) === bloc);
        const lengths = measuredTexts(cert, settings.limits).filter((m) => m.bloc === bloc && m.field !== 'bloc-title');
        return {
            id: bloc.id, title: bloc.title, place,
            items: BLOC_REQUIREMENTS.map((r) => {
                const applies = r.id === 'bloc-code' ? registered(cert) : r.id === 'bloc-original' ? settings.registry === true : true;
                const detail = r.id === 'bloc-original' && !applies
                    ? t('non comparé au registre : certiref similar, ou le réglage certiref.registry.export', 'not compared with the registry: certiref similar, or the certiref.registry.export setting')
                    : r.id === 'bloc-length' && lengths.length > 0
                    ? { fr: lengths.map((m) => `${m.label.fr} : ${fmt(m.length, true)} / ${fmt(m.limit, true)}`).join(' ; '), en: lengths.map((m) => `${m.label.en}: ${fmt(m.length, false)} / ${fmt(m.limit, false)}`).join('; ') }
                    : r.id === 'bloc-code' && !applies ? t('la certification n\'est pas enregistrée', 'the certification is not registered') : undefined;
                return item(r.id, r.label, mine.filter((f) => r.rules.includes(f.rule)), place, detail, applies);
            }),
        };
    });
    return { id: cert.id, title: cert.title, place: headerPlace, items, blocs };
}

function capitalFirst(s: string): string {
    return s.charAt(0).toUpperCase() + s.slice(1);
}

/** How many requirements are met, of those that apply. */
export function checklistScore(list: Checklist): { met: number; total: number } {
    const all = [...list.items, ...list.blocs.flatMap((b) => b.items)].filter((i) => i.status !== 'not-applicable');
    return { met: all.filter((i) => i.status === 'met').length, total: all.length };
}
