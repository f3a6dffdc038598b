/**
 * What the drafting rules share: the texts of a certification with their place, and the range of a
 * passage of a text. The analysis of the French itself is in drafting/analysis.ts.
 */
import type { Range } from 'vscode-languageserver-types';
import { looksEnglish, placeholderIn } from '../drafting/analysis.js';
import { allActivities, allCompetencies, allCriteriaOf, containers } from '../model/queries.js';
import { rangeInText, textRange, type Placed } from '../model/text-range.js';
import type { CertificationModel, CompetencyModel, CriterionModel, SourceLocation } from '../model/types.js';

/** A text of the référentiel, the element it belongs to and how to name it in a message. */
export interface PlacedText {
    text: string;
    /** The element (findings anchor there, and a suppression comment above it applies). */
    at: SourceLocation;
    /** The element that holds the text (its place in the source, to underline it). */
    element: Placed | undefined;
    /** The property of `element` that holds the text. */
    property: string;
    /** « la compétence C3 », « le titre du bloc 2 » … and in English. */
    what: { fr: string; en: string };
    kind: 'title' | 'competency' | 'criterion' | 'description' | 'other';
}

/** The range of a passage of a text (its n-th appearance in the normalised text, found again in the source). */
export function passageRange(element: Placed | undefined, property: string, text: string, passage: string, index: number): Range | undefined {
    if (passage.trim().length === 0) return textRange(element, property);
    const lower = text.toLowerCase();
    const needle = passage.toLowerCase();
    let occurrence = 0;
    for (let i = lower.indexOf(needle); i >= 0 && i < index; i = lower.indexOf(needle, i + 1)) occurrence++;
    return rangeInText(element, property, passage, occurrence);
}

export function competencyName(c: CompetencyModel): { fr: string; en: string } {
    return { fr: `la compétence ${c.id}`, en: `competency ${c.id}` };
}

export function criterionName(cr: CriterionModel): { fr: string; en: string } {
    const where = cr.modality.id ? ` (${cr.modality.id})` : ` (« ${cr.modality.title.slice(0, 40)}${cr.modality.title.length > 40 ? '…' : ''} »)`;
    const whereEn = cr.modality.id ? ` (${cr.modality.id})` : ` ("${cr.modality.title.slice(0, 40)}${cr.modality.title.length > 40 ? '…' : ''}")`;
    return cr.label ? { fr: `le critère ${cr.label}`, en: `criterion ${cr.label}` } : { fr: `ce critère${where}`, en: `this criterion${whereEn}` };
}

/**
 * A competency's text as the drafting rules read it: French, and neither empty nor a placeholder
 * (placeholder-text speaks of those).
 */
export function draftable(text: string): boolean {
    return text.trim().length > 0 && placeholderIn(text) === undefined && !looksEnglish(text);
}

/** Every text of a certification that reaches a deliverable, with its place. */
export function placedTexts(cert: CertificationModel): PlacedText[] {
    const out: PlacedText[] = [];
    const push = (p: PlacedText | undefined) => { if (p) out.push(p); };
    if (cert.declared) {
        push({ text: cert.title, at: cert.source, element: cert, property: 'title', what: { fr: `le titre de la certification ${cert.id}`, en: `the title of certification ${cert.id}` }, kind: 'title' });
    }
    for (const k of containers(cert)) {
        const name = k.containerKind === 'bloc' ? { fr: `du bloc ${k.id}`, en: `of bloc ${k.id}` } : { fr: `de l'option ${k.id}`, en: `of option ${k.id}` };
        if (k.title !== undefined) push({ text: k.title, at: k.source, element: k, property: 'title', what: { fr: `le titre ${name.fr}`, en: `the title ${name.en}` }, kind: 'title' });
        if (k.description !== undefined) push({ text: k.description, at: k.source, element: k, property: 'description', what: { fr: `la description ${name.fr}`, en: `the description ${name.en}` }, kind: 'description' });
        for (const m of k.modalities) {
            const mName = m.id ? { fr: `la modalité ${m.id}`, en: `modality ${m.id}` } : { fr: 'cette modalité', en: 'this modality' };
            push({ text: m.title, at: m.source, element: m, property: 'title', what: { fr: `le titre de ${mName.fr}`, en: `the title of ${mName.en}` }, kind: 'title' });
            if (m.description !== undefined) push({ text: m.description, at: m.source, element: m, property: '', what: { fr: `la description de ${mName.fr}`, en: `the description of ${mName.en}` }, kind: 'description' });
            for (const p of m.parts) {
                if (p.title !== undefined) push({ text: p.title, at: p.source, element: p, property: 'title', what: { fr: `le titre de la partie ${p.id ?? ''} de ${mName.fr}`.replace('  ', ' '), en: `the title of part ${p.id ?? ''} of ${mName.en}`.replace('  ', ' ') }, kind: 'title' });
            }
        }
    }
    for (const a of allActivities(cert)) {
        push({ text: a.title, at: a.source, element: a, property: 'title', what: { fr: `le titre de l'activité ${a.id}`, en: `the title of activity ${a.id}` }, kind: 'title' });
        if (a.description !== undefined) push({ text: a.description, at: a.source, element: a, property: 'description', what: { fr: `la description de l'activité ${a.id}`, en: `the description of activity ${a.id}` }, kind: 'description' });
    }
    for (const c of allCompetencies(cert)) push({ text: c.text, at: c.source, element: c, property: 'text', what: competencyName(c), kind: 'competency' });
    for (const cr of allCriteriaOf(cert)) push({ text: cr.text, at: cr.source, element: cr, property: 'text', what: criterionName(cr), kind: 'criterion' });
    return out;
}
