import {
    ACCESS_ROUTES, isoDate, splitCompetencies, splitModalities, type Fiche, type FicheBloc, type Piece, type Unsure,
} from 'certiref-rncp/core';
import {
    addNote, note, type DraftActivity, type DraftBloc, type DraftCertification, type DraftCompetency, type DraftModality, type DraftSection, type DraftText,
} from '../draft.js';
import { isValidId } from '../write-ref.js';

/**
 * A fiche of France Compétences' RNCP export as a draft référentiel: the certification with
 * everything the fiche says (number, title, level, certifiers, dates, codes, texts, access routes
 * and juries, previous and next versions, correspondences, legal texts, statistics), its blocs
 * with their codes and titles, the competencies of each bloc split out of LISTE_COMPETENCES
 * (headings grouping them become activities) and its modalities out of MODALITES_EVALUATION,
 * with what they evaluate when the fiche names it. Texts are the fiche's, word for word: a run of
 * spaces (the export's line break) starts a new paragraph. Where the splitter was unsure, the
 * element carries a review note.
 */
export function ficheToDraft(fiche: Fiche): DraftCertification {
    const draft: DraftCertification = {
        id: readable(fiche.number, 'RNCP'),
        title: fiche.title.trim(),
        rncp: fiche.number,
        level: fiche.level?.value !== undefined ? String(fiche.level.value) : fiche.level?.code,
        certifier: fiche.certifiers.length > 0 ? fiche.certifiers.map((c) => c.name.trim()).join(' ; ') : undefined,
        date: isoDate(fiche.dates.effect ?? fiche.dates.decision ?? fiche.dates.publication),
        sections: sections(fiche),
        accessibility: [],
        blocs: [],
    };
    const used = new Set<string>([draft.id]);
    fiche.blocs.forEach((bloc, index) => draft.blocs.push(blocToDraft(fiche, bloc, index, used)));
    if (fiche.blocs.length === 0) {
        addNote(draft, note('la fiche ne décrit aucun bloc de compétences.', 'the fiche describes no bloc de compétences.'));
    }
    return draft;
}

/** An id as the fiche writes it when the language reads it, else one made from `fallback`, unique in the certification. */
function readable(wanted: string | undefined, fallback: string, used?: Set<string>): string {
    const base = wanted && isValidId(wanted) ? wanted : fallback;
    if (!used) return base;
    let id = base;
    for (let n = 2; used.has(id.toLowerCase()); n++) id = `${base}-${n}`;
    used.add(id.toLowerCase());
    return id;
}

/** A fiche's text as paragraphs: a run of spaces that stands for a line of the source starts one. */
export function paragraphsOf(text: string | undefined): DraftText {
    if (!text || text.trim() === '') return [];
    // a run of two spaces or more is a line of the source when a sentence ends before it or a
    // line starts after it (a capital, a bullet, a number); elsewhere it is a wrap inside a sentence
    return text.trim().split(/\s*[\r\n]+\s*|(?<=[.;:!?»)])[ \t\u00a0]{2,}|[ \t\u00a0]{2,}(?=[A-ZÀ-Ý0-9•*–-])/u)
        .filter((p) => p.trim() !== '').map((p) => ({ text: fold(p) }));
}

/** Runs of spaces inside a paragraph (the source's line wraps) as one space; the words as written. */
export function fold(text: string): string {
    return text.replace(/[ \t\u00a0]{2,}/gu, ' ').trim();
}

function unsureNote(unsure: Unsure, where: string): ReturnType<typeof note> {
    return note(`${unsure.fr} (découpage de ${where} de la fiche)`, `${unsure.en} (split of the fiche's ${where})`);
}

function blocToDraft(fiche: Fiche, bloc: FicheBloc, index: number, used: Set<string>): DraftBloc {
    const short = bloc.code.startsWith(fiche.number) ? bloc.code.slice(fiche.number.length) : bloc.code;
    const number = Number(/(\d+)\s*$/.exec(short)?.[1] ?? index + 1);
    const id = readable(short || undefined, `BC${String(index + 1).padStart(2, '0')}`, used);
    const draft: DraftBloc = { id, title: bloc.title.trim(), activities: [], modalities: [], options: [] };
    const split = splitCompetencies(bloc.competencies ?? '');
    // headings group the competencies that follow them: an activity each; competencies before
    // any heading go to an activity named after the bloc
    const activities: DraftActivity[] = [];
    const description: DraftText = [];
    const byPiece = new Map<Piece, DraftActivity>();
    let n = 0;
    for (const piece of split.pieces) {
        if (piece.kind !== 'heading') continue;
        const nextItem = split.pieces.slice(split.pieces.indexOf(piece) + 1).find((p) => p.kind === 'item' || p.kind === 'heading');
        // a heading followed by no competency, or one ending in « : » before all of them, frames the bloc: its description
        if (!piece.codes[0] && (split.pieces.indexOf(piece) === split.pieces.findIndex((p) => p.kind !== 'separator')) && /:\s*$/u.test(piece.text)) {
            description.push({ text: fold(piece.text) });
            continue;
        }
        if (!nextItem || nextItem.kind === 'heading') {
            description.push({ text: fold(piece.text) });
            continue;
        }
        n++;
        const activity: DraftActivity = {
            id: readable(piece.codes[0], `A${number}.${n}`, used),
            title: fold(piece.text),
            competencies: [],
        };
        if (piece.unsure) addNote(activity, unsureNote(piece.unsure, 'LISTE_COMPETENCES'));
        activities.push(activity);
        byPiece.set(piece, activity);
    }
    let fallback: DraftActivity | undefined;
    let k = 0;
    const competencyIds: string[] = [];
    const codeToId = new Map<string, string>();
    for (const item of split.items) {
        const heading = item.heading !== undefined ? byPiece.get(split.pieces[item.heading]!) : undefined;
        let activity = heading;
        if (!activity) {
            if (!fallback) {
                fallback = { id: readable(undefined, `A${number}`, used), title: draft.title!, competencies: [] };
                activities.unshift(fallback);
            }
            activity = fallback;
        }
        k++;
        const competency: DraftCompetency = { id: readable(item.codes[0], `C${number}.${k}`, used), text: [{ text: fold(item.text) }] };
        if (item.unsure) addNote(competency, unsureNote(item.unsure, 'LISTE_COMPETENCES'));
        for (const code of item.codes) codeToId.set(code, competency.id);
        competencyIds.push(competency.id);
        activity.competencies.push(competency);
    }
    draft.activities = activities.filter((a) => a.competencies.length > 0);
    if (description.length > 0) draft.description = description;
    if (split.items.length === 0 && (bloc.competencies ?? '').trim() !== '') {
        addNote(draft, note('aucune compétence lue dans la liste des compétences de la fiche : son texte est la description du bloc.',
            'no competency read in the fiche\'s list of competencies: its text is the bloc\'s description.'));
        draft.description = [...(draft.description ?? []), ...paragraphsOf(bloc.competencies)];
    }
    if ((bloc.competencies ?? '').trim() === '') {
        addNote(draft, note('la fiche ne donne pas les compétences de ce bloc.', 'the fiche gives no competency for this bloc.'));
    }

    // modalities; `NB` notes go with the modality they precede
    const modalities = splitModalities(bloc.modalities ?? '', split.items.flatMap((i) => i.codes));
    let pending: DraftText = [];
    for (const piece of modalities.pieces) {
        if (piece.kind === 'note') {
            pending.push({ text: fold(piece.text) });
            continue;
        }
        if (piece.kind !== 'item') continue;
        const modality = modalityOf(piece, codeToId);
        if (pending.length > 0) modality.description = [...pending, ...(modality.description ?? [])];
        pending = [];
        draft.modalities.push(modality);
    }
    // a modality that names no competency evaluates the bloc's: all of them when it is the bloc's
    // only one; with several, all of them too, for the author to narrow (a note says so)
    const silent = draft.modalities.filter((m) => m.evaluates.length === 0);
    if (silent.length > 0 && competencyIds.length > 0) {
        for (const m of silent) {
            m.evaluates = [...competencyIds];
            if (draft.modalities.length > 1) {
                addNote(m, note('la fiche ne dit pas quelles compétences cette modalité évalue : toutes celles du bloc sont écrites, gardez celles qu\'elle évalue.',
                    'the fiche does not say which competencies this modality evaluates: all of the bloc\'s are written, keep those it evaluates.'));
            }
        }
    }
    if (pending.length > 0) {
        const last = draft.modalities[draft.modalities.length - 1];
        if (last) last.description = [...(last.description ?? []), ...pending];
        else draft.description = [...(draft.description ?? []), ...pending];
    }
    if ((bloc.modalities ?? '').trim() === '') {
        addNote(draft, note('la fiche ne donne pas les modalités d\'évaluation de ce bloc.', 'the fiche gives no evaluation modality for this bloc.'));
    }
    return draft;
}

/**
 * A modality: its first line as title — when long, its first sentence or clause (to the first
 * « . », « : » or « ; ») —, the rest as its description.
 */
function modalityOf(piece: Piece, codeToId: Map<string, string>): DraftModality {
    let title = fold(piece.text);
    const description: DraftText = [];
    const end = title.length > 100 ? /[.:;](?=\s|$)/u.exec(title.slice(0, 200)) : null;
    if (end && end.index + 1 < title.length) {
        const rest = title.slice(end.index + 1).trim();
        title = title.slice(0, end[0] === '.' ? end.index + 1 : end.index).trim();
        if (rest) description.push({ text: rest });
    }
    for (const line of piece.lines ?? []) description.push(...paragraphsOf(line));
    const evaluates = piece.codes.map((c) => codeToId.get(c)).filter((id): id is string => id !== undefined);
    const modality: DraftModality = { title, deliverables: [], evaluates, criteria: [], parts: [] };
    if (description.length > 0) modality.description = description;
    if (piece.unsure) addNote(modality, unsureNote(piece.unsure, 'MODALITES_EVALUATION'));
    const unknown = piece.codes.filter((c) => !codeToId.has(c));
    if (unknown.length > 0) {
        addNote(modality, note(`la fiche nomme ${unknown.join(', ')}, qu'aucune compétence du bloc ne porte.`, `the fiche names ${unknown.join(', ')}, which no competency of the bloc carries.`));
    }
    return modality;
}

/** What the fiche says besides its blocs, as sections of the certification, word for word. */
function sections(fiche: Fiche): DraftSection[] {
    const out: DraftSection[] = [];
    const add = (title: string, text: DraftText) => {
        if (text.length > 0) out.push({ title, text });
    };
    const lines = (values: Array<string | undefined>) => values.filter((v): v is string => v !== undefined && v.trim() !== '').map((text) => ({ text }));
    add('Type de certification', lines([fiche.abbreviation ? `${fiche.abbreviation.label ?? ''}${fiche.abbreviation.code ? ` (${fiche.abbreviation.code})` : ''}`.trim() : undefined,
        fiche.registrationType, fiche.level?.label ? `Nomenclature européenne : ${fiche.level.label} (${fiche.level.code})` : undefined]));
    add('Certificateurs', lines(fiche.certifiers.map((c) => `${c.name.trim()}${c.siret ? ` — SIRET ${c.siret}` : ''}${c.state ? ` — ${c.state}` : ''}`)));
    add('Dates', lines([
        fiche.dates.decision && `Date de décision : ${fiche.dates.decision}`,
        fiche.dates.effect && `Date d’effet : ${fiche.dates.effect}`,
        fiche.dates.endOfRegistration && `Date de fin d’enregistrement : ${fiche.dates.endOfRegistration}`,
        fiche.dates.publication && `Date de publication : ${fiche.dates.publication}`,
        fiche.dates.deliveryLimit && `Date limite de délivrance : ${fiche.dates.deliveryLimit}`,
        fiche.dates.lastOfficialJournal && `Date du dernier Journal officiel : ${fiche.dates.lastOfficialJournal}`,
        fiche.registrationDuration && `Durée d’enregistrement : ${fiche.registrationDuration} ans`,
        fiche.state && `État de la fiche : ${fiche.state}${fiche.active === undefined ? '' : fiche.active ? ', active' : ', inactive'}`,
    ]));
    add('Codes', lines([
        ...fiche.nsf.map((c) => `NSF ${c.code}${c.label ? ` — ${c.label}` : ''}`),
        ...fiche.rome.map((c) => `ROME ${c.code}${c.label ? ` — ${c.label}` : ''}`),
        ...fiche.formacodes.map((c) => `Formacode ${c.code}${c.label ? ` — ${c.label}` : ''}`),
    ]));
    add('Activités visées', paragraphsOf(fiche.texts.activities));
    add('Capacités attestées', paragraphsOf(fiche.texts.capacities));
    add('Secteurs d’activité', paragraphsOf(fiche.texts.sectors));
    add('Types d’emplois accessibles', paragraphsOf(fiche.texts.jobs));
    add('Objectifs et contexte de la certification', paragraphsOf(fiche.texts.objectives));
    add('Réglementation d’activités', paragraphsOf(fiche.texts.regulations));
    add('Prérequis à l’entrée en formation', paragraphsOf(fiche.texts.prerequisites));
    add('Voies d’accès', fiche.accessRoutes.flatMap((r) => [
        { text: `${ACCESS_ROUTES[r.route].fr} : ${r.open === undefined ? 'non renseigné' : r.open ? 'oui' : 'non'}` },
        ...paragraphsOf(r.jury).map((p) => ({ text: `Jury : ${p.text}` })),
    ]));
    add('Accessibilité en outre-mer', lines([
        fiche.accessibleNewCaledonia !== undefined ? `Nouvelle-Calédonie : ${fiche.accessibleNewCaledonia ? 'oui' : 'non'}` : undefined,
        fiche.accessibleFrenchPolynesia !== undefined ? `Polynésie française : ${fiche.accessibleFrenchPolynesia ? 'oui' : 'non'}` : undefined,
    ]));
    add('Versions', lines([...fiche.previous.map((n) => `Remplace ${n}`), ...fiche.next.map((n) => `Remplacée par ${n}`)]));
    add('Correspondances', lines(fiche.correspondences.map((c) =>
        `${c.source.length > 0 ? c.source.join(', ') : fiche.number} avec ${c.destination.length > 0 ? `${c.destination.join(', ')} de ` : ''}${c.fiche ?? '?'}`)));
    add('Base légale', fiche.publications.flatMap((p) => paragraphsOf(p.title).map((t, i) => ({ text: i === 0 && p.date ? `${p.date} : ${t.text}` : t.text }))));
    add('Statistiques des promotions', lines(fiche.statistics.map((s) => [
        s.year && `${s.year}`, s.certified && `${s.certified} certifiés`, s.certifiedByVae && `dont ${s.certifiedByVae} par VAE`,
        s.employmentRate6Months && `insertion à 6 mois : ${s.employmentRate6Months} %`, s.jobRate2Years && `dans le métier à 2 ans : ${s.jobRate2Years} %`,
    ].filter(Boolean).join(', '))));
    add('Partenaires', fiche.partners.length > 0 ? [{ text: `${fiche.partners.length} organisme(s) habilité(s), listés sur la fiche de France Compétences.` }] : []);
    add('Lien', lines([fiche.url]));
    add('Autres éléments de la fiche', lines(fiche.other.map((o) => `${o.path} : ${o.text}`)));
    return out;
}
