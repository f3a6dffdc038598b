import type { CertificationSimilarity, ElementSimilarity, FamilySummary, QueryBloc, QueryCertification, SimilarPassage } from 'certiref-similar';
import type { CertificationModel, ContainerModel, ModalityModel, SourceLocation } from '../model/types.js';
import { t, type Bilingual, type RuleFinding, type RuleMeta } from './rule.js';

/**
 * The registry rules: what a référentiel's texts share with the blocs of the certifications
 * registered in the RNCP. They run only where an export of the registry is configured (the
 * `similar` command, the editor's `certiref.registry.export` setting): the comparison itself is
 * in the `certiref-similar` package, loaded then.
 */

export const similarText: RuleMeta = {
    id: 'similar-text',
    defaultSeverity: 'info',
    needsRegistry: true,
    title: t(
        "Un texte ressemble à celui d'une certification enregistrée",
        'A text resembles that of a registered certification',
    ),
    help: t(
        "Une compétence, un bloc ou une modalité partage une grande part de ses mots avec un bloc d'une autre certification du RNCP (mots comparés sans accents ni terminaisons, dans n'importe quel ordre, les mots rares comptant plus que les mots courants ; à partir de 40\u202f% et de quatre mots communs). Depuis le 1er octobre 2025, France Compétences peut refuser sans examen un référentiel qui en reproduit un autre (art. R6113-8-1 du code du travail). Reformulez avec vos propres mots, ou, si la reprise est voulue (texte réglementaire commun, bloc partagé), justifiez-la\u202f: «\u202f// certiref-ignore similar-text -- raison\u202f». Indice en dessous de 70\u202f%, information au-dessus.",
        'A competency, bloc or modality shares much of its wording with a bloc of another certification in the RNCP (words compared without accents or endings, in any order, rare words weighing more than common ones; from 40% and four shared words). Since 1 October 2025, France Compétences may refuse without examination a référentiel that reproduces another one (Code du travail, art. R6113-8-1). Reword it in your own terms, or, if the reuse is intended (common regulatory text, shared bloc), justify it: `// certiref-ignore similar-text -- reason`. A hint below 70%, information above.',
    ),
};

export const similarOwnVersion: RuleMeta = {
    id: 'similar-own-version',
    defaultSeverity: 'info',
    needsRegistry: true,
    title: t(
        'Un texte reprend la fiche de cette certification ou une de ses versions',
        "A text takes up this certification's own fiche or one of its versions",
    ),
    help: t(
        "Le texte est proche d'un bloc de la fiche RNCP de cette certification (son numéro rncp) ou d'une de ses versions, précédentes ou suivantes (déclarées dans le référentiel ou liées dans le registre) : c'est la même certification, pas une reproduction. L'information aide à établir les correspondances entre blocs d'un renouvellement.",
        "The text is close to a bloc of this certification's own RNCP fiche (its rncp number) or of one of its versions, previous or next (declared in the référentiel or linked in the registry): the same certification, not a reproduction. It helps to write a renewal's bloc correspondences.",
    ),
};

export const REGISTRY_RULES: readonly RuleMeta[] = [similarText, similarOwnVersion];

/**
 * The registry rules' ids, for views that count findings by kind (the dossier checklist): count
 * the diagnostics with these codes; `services.referential.Similarity.active` says whether the
 * registry was compared at all (no export named: « not compared », rather than 0).
 */
export const REGISTRY_RULE_IDS: readonly string[] = REGISTRY_RULES.map((r) => r.id);

/** The places of the elements a query names, by key. */
export interface SimilarityQuery {
    certification: QueryCertification;
    elements: Map<string, { source: SourceLocation; kind: ElementSimilarity['element'] | 'certification'; id?: string }>;
}

/** The key of the certification itself (where the summary of its own fiche and versions goes). */
const CERTIFICATION_KEY = 'certification';

/** `RNCP 39568`, `rncp39568`, `39568` → `RNCP39568`. */
export function registryNumber(text: string | undefined): string | undefined {
    if (!text) return undefined;
    const m = /^\s*(RNCP|RS)?\s*(\d+)\s*$/i.exec(text);
    return m ? `${(m[1] ?? 'RNCP').toUpperCase()}${m[2]}` : undefined;
}

function modalityText(modality: ModalityModel): string {
    const parts = [modality.title, modality.description, ...modality.deliverables];
    for (const part of modality.parts) parts.push(part.title, part.description, ...part.deliverables);
    return parts.filter((p): p is string => !!p && p.trim() !== '').join('. ');
}

/**
 * The versions a référentiel declares (`remplace RNCP…`, `remplacée par RNCP…`), read from the
 * model when its grammar has them; its `rncp` number is its own fiche.
 */
function declaredVersions(model: CertificationModel): { previous: string[]; next: string[] } {
    const versions = (model as { versions?: Array<{ relation?: string; certification?: string }> }).versions ?? [];
    const numbers = (relation: string) => versions.filter((v) => v.relation === relation).map((v) => registryNumber(v.certification)).filter((n): n is string => !!n);
    return { previous: numbers('replaces'), next: numbers('replaced-by') };
}

/** What the comparison reads of a certification: its blocs' competencies and modalities. */
export function similarityQuery(model: CertificationModel): SimilarityQuery {
    const elements: SimilarityQuery['elements'] = new Map();
    const keyOf = (source: SourceLocation) => `${source.uri}#${source.range.start.line}:${source.range.start.character}`;
    const blocs: QueryBloc[] = [];
    for (const bloc of model.blocs) {
        if (bloc.duplicate) continue;
        const containers: ContainerModel[] = [bloc, ...bloc.options];
        const query: QueryBloc = { key: keyOf(bloc.source), title: bloc.title ?? '', competencies: [], modalities: [] };
        elements.set(query.key, { source: bloc.source, kind: 'bloc', id: bloc.id });
        for (const container of containers) {
            for (const activity of container.activities) {
                for (const competency of activity.competencies) {
                    if (competency.duplicate || competency.text.trim() === '') continue;
                    const key = keyOf(competency.source);
                    elements.set(key, { source: competency.source, kind: 'competency', id: competency.id });
                    query.competencies.push({ key, text: competency.text });
                }
            }
            for (const modality of container.modalities) {
                const text = modalityText(modality);
                if (text.trim() === '') continue;
                const key = keyOf(modality.source);
                elements.set(key, { source: modality.source, kind: 'modality', id: modality.id });
                query.modalities.push({ key, text });
            }
        }
        blocs.push(query);
    }
    const rncp = registryNumber(model.rncp);
    elements.set(CERTIFICATION_KEY, { source: model.source, kind: 'certification', id: model.id });
    return { certification: { ...(rncp ? { rncp } : {}), ...declaredVersions(model), blocs }, elements };
}

/** A narrow no-break space before French high punctuation, as French typography wants. */
const NNBSP = '\u202f';
const quoteFr = (s: string) => `«${NNBSP}${s}${NNBSP}»`;
const quoteEn = (s: string) => `"${s}"`;
const percent = (score: number) => Math.round(score * 100);

/** A passage short enough for a message: its first words, cut at a word. */
export function shortPassage(text: string, max = 140): string {
    const flat = text.replace(/\s+/g, ' ').trim();
    if (flat.length <= max) return flat;
    const cut = flat.slice(0, max);
    return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max * 0.6)).replace(/[\s,;:.(–-]+$/, '')} …`;
}

function shortTitle(text: string): string {
    return shortPassage(text, 80);
}

function relationName(p: SimilarPassage): Bilingual {
    const registry = p.relationSource === 'registry';
    switch (p.relation) {
        case 'own': return t('sa propre fiche', 'its own fiche');
        case 'previous': return registry
            ? t('sa version précédente (selon le registre)', 'its previous version (as the registry says)')
            : t('sa version précédente', 'its previous version');
        case 'next': return registry
            ? t('sa version suivante (selon le registre)', 'its next version (as the registry says)')
            : t('sa version suivante', 'its next version');
        default: return t('une autre certification', 'another certification');
    }
}

const ELEMENT: Record<ElementSimilarity['element'], Bilingual & { taken: string }> = {
    competency: { ...t('Compétence', 'Competency'), taken: 'reprise' },
    bloc: { ...t('Bloc', 'Bloc'), taken: 'repris' },
    modality: { ...t('Modalité', 'Modality'), taken: 'reprise' },
};

/** Where in the registry: `bloc RNCP34762BC01 « … » de la fiche RNCP34762 « … »`. */
function place(p: SimilarPassage): Bilingual {
    const fiche = t(`la fiche ${p.fiche.number} ${quoteFr(shortTitle(p.fiche.title))}`, `fiche ${p.fiche.number} ${quoteEn(shortTitle(p.fiche.title))}`);
    const inactive = p.fiche.active ? t('', '') : t(' (inactive)', ' (inactive)');
    if (!p.bloc) return t(`les capacités attestées de ${fiche.fr}${inactive.fr}`, `the capacities of ${fiche.en}${inactive.en}`);
    return t(
        `du bloc ${p.bloc.code} ${quoteFr(shortTitle(p.bloc.title))} de ${fiche.fr}${inactive.fr}`,
        `bloc ${p.bloc.code} ${quoteEn(shortTitle(p.bloc.title))} of ${fiche.en}${inactive.en}`,
    );
}

function sharedPassage(p: SimilarPassage): Bilingual {
    const passage = shortPassage(p.text.slice(p.passage.start, p.passage.end));
    return t(`passage commun${NNBSP}: ${quoteFr(passage)}`, `shared passage: ${quoteEn(passage)}`);
}

function coverage(p: SimilarPassage): Bilingual {
    if (!p.coverage) return t('', '');
    const { similar, of } = p.coverage;
    return t(
        `${NNBSP}; ${similar} de ses ${of} compétences ${similar > 1 ? 'lui ressemblent' : 'lui ressemble'}`,
        `; ${similar} of its ${of} competencies ${similar > 1 ? 'resemble' : 'resembles'} it`,
    );
}

/** The message of a finding about another certification. */
export function otherMessage(e: ElementSimilarity): Bilingual {
    const best = e.others[0];
    const element = ELEMENT[e.element];
    const where = place(best);
    const also = e.others.slice(1).map((o) => `${o.bloc?.code ?? o.fiche.number} (${percent(o.score)}${NNBSP}%)`);
    const count = e.unlisted + e.others.reduce((sum, o) => sum + o.alsoIn, 0);
    const alsoFr = also.length > 0 || count > 0
        ? ` Aussi proche de${also.length > 0 ? ` ${also.join(', ')}` : ''}${count > 0 ? `${also.length > 0 ? ' et de' : ''} ${count} autre${count > 1 ? 's' : ''} bloc${count > 1 ? 's' : ''}` : ''}.`
        : '';
    const alsoEn = also.length > 0 || count > 0
        ? ` Also close to${also.length > 0 ? ` ${also.join(', ').replace(new RegExp(NNBSP, 'g'), '')}` : ''}${count > 0 ? `${also.length > 0 ? ' and' : ''} ${count} other bloc${count > 1 ? 's' : ''}` : ''}.`
        : '';
    return t(
        `${element.fr} proche à ${percent(best.score)}${NNBSP}% ${where.fr}${coverage(best).fr} (${sharedPassage(best).fr}).${alsoFr} Un référentiel qui en reproduit un autre peut être refusé${NNBSP}: reformulez avec vos propres mots, ou justifiez la reprise («${NNBSP}// certiref-ignore similar-text -- raison${NNBSP}»).`,
        `${element.en} ${percent(best.score)}% similar to ${where.en}${coverage(best).en} (${sharedPassage(best).en}).${alsoEn} A référentiel that reproduces another may be refused: reword it in your own terms, or justify the reuse (\`// certiref-ignore similar-text -- reason\`).`,
    );
}

/**
 * The message of a finding about the certification's versions (the best of each fiche, two at
 * most); what it takes from its own fiche is said once, on the certification (`summaryMessage`).
 */
export function familyMessage(e: ElementSimilarity): Bilingual {
    const element = ELEMENT[e.element];
    const perFiche: SimilarPassage[] = [];
    for (const p of versionsOf(e)) if (!perFiche.some((q) => q.fiche.number === p.fiche.number)) perFiche.push(p);
    const parts = perFiche.slice(0, 2).map((p) => {
        const relation = relationName(p);
        if (e.element === 'bloc' && p.bloc) {
            // a bloc continues a bloc of a version: which one, and how many of its competencies
            return t(
                `le bloc ${p.bloc.code} ${quoteFr(shortTitle(p.bloc.title))} de ${relation.fr} ${p.fiche.number} (${p.coverage?.similar ?? 0} de ses ${p.coverage?.of ?? 0} compétences ${(p.coverage?.similar ?? 0) > 1 ? 'y sont reprises' : 'y est reprise'})`,
                `bloc ${p.bloc.code} ${quoteEn(shortTitle(p.bloc.title))} of ${relation.en} ${p.fiche.number} (${p.coverage?.similar ?? 0} of its ${p.coverage?.of ?? 0} competencies ${(p.coverage?.similar ?? 0) > 1 ? 'are' : 'is'} taken from it)`,
            );
        }
        const bloc = p.bloc ? t(` (bloc ${p.bloc.code} ${quoteFr(shortTitle(p.bloc.title))})`, ` (bloc ${p.bloc.code} ${quoteEn(shortTitle(p.bloc.title))})`) : t('', '');
        return t(`à ${percent(p.score)}${NNBSP}% de ${relation.fr} ${p.fiche.number}${bloc.fr}`, `${percent(p.score)}% from ${relation.en} ${p.fiche.number}${bloc.en}`);
    });
    if (e.element === 'bloc') {
        return t(
            `Bloc qui continue ${parts.map((p) => p.fr).join(' et ')}${NNBSP}: c'est la même certification, pas une reproduction.`,
            `Bloc continuing ${parts.map((p) => p.en).join(' and ')}: the same certification, not a reproduction.`,
        );
    }
    return t(
        `${element.fr} ${element.taken} ${parts.map((p) => p.fr).join(' et ')}${NNBSP}: c'est la même certification, pas une reproduction.`,
        `${element.en} taken ${parts.map((p) => p.en).join(' and ')}: the same certification, not a reproduction.`,
    );
}

/** The passages of an element in the certification's other versions (not its own fiche). */
function versionsOf(e: ElementSimilarity): SimilarPassage[] {
    return e.family.filter((p) => p.relation !== 'own');
}

/** The one finding on the certification: what it takes from its own fiche and each version. */
export function summaryMessage(family: FamilySummary[]): Bilingual {
    const parts = family.map((f) => {
        const relation = relationName({ relation: f.relation, relationSource: f.relationSource } as SimilarPassage);
        const blocs = f.blocs.slice(0, 6).map((b) => b.code).join(', ') + (f.blocs.length > 6 ? ' …' : '');
        return t(
            `${relation.fr} ${f.fiche.number} (${f.competencies} compétence${f.competencies > 1 ? 's' : ''} sur ${f.of}${blocs ? `${NNBSP}; blocs ${blocs}` : ''})`,
            `${relation.en} ${f.fiche.number} (${f.competencies} competenc${f.competencies > 1 ? 'ies' : 'y'} of ${f.of}${blocs ? `; blocs ${blocs}` : ''})`,
        );
    });
    return t(
        `Le registre reconnaît cette certification${NNBSP}: ses textes reprennent ${parts.map((p) => p.fr).join(', ')}. Ce n'est pas une reproduction${NNBSP}; ces reprises ne sont pas signalées comme telles.`,
        `The registry knows this certification: its texts take up ${parts.map((p) => p.en).join(', ')}. This is not a reproduction; these are not reported as such.`,
    );
}

/** What a diagnostic of the registry rules carries, for the hover (both passages side by side). */
export interface SimilarityData {
    score: number;
    relation: SimilarPassage['relation'];
    fiche: SimilarPassage['fiche'];
    bloc?: SimilarPassage['bloc'];
    coverage?: SimilarPassage['coverage'];
    /** The référentiel's text and the registry's passage, each as words shared or not (and the text between). */
    query: Array<[text: string, shared: boolean]>;
    passage: Array<[text: string, shared: boolean]>;
}

/** A text cut into runs of shared words, words not shared, and what is between them. */
function runs(text: string, words: Array<{ start: number; end: number; shared: boolean }>, from = 0, to = text.length): Array<[string, boolean]> {
    const out: Array<[string, boolean]> = [];
    let at = from;
    for (const w of words) {
        if (w.start < from || w.end > to) continue;
        if (w.start > at) out.push([text.slice(at, w.start), true]);
        out.push([text.slice(w.start, w.end), w.shared]);
        at = w.end;
    }
    if (at < to) out.push([text.slice(at, to), true]);
    // neighbours of the same kind join
    return out.reduce<Array<[string, boolean]>>((acc, [s, shared]) => {
        const last = acc[acc.length - 1];
        if (last && last[1] === shared) last[0] += s;
        else acc.push([s, shared]);
        return acc;
    }, []);
}

export function similarityData(p: SimilarPassage): SimilarityData {
    return {
        score: p.score,
        relation: p.relation,
        fiche: p.fiche,
        ...(p.bloc ? { bloc: p.bloc } : {}),
        ...(p.coverage ? { coverage: p.coverage } : {}),
        query: runs(p.query, p.queryWords),
        passage: runs(p.text, p.passageWords, p.passage.start, p.passage.end),
    };
}

export interface RegistryFindingOptions {
    /** From this score up, a finding has its rule's severity; below, one step lower. */
    strong: number;
}

/** The findings of the registry rules for a certification, from the comparison's results. */
export function registryFindings(query: SimilarityQuery, result: CertificationSimilarity, options: RegistryFindingOptions): RuleFinding[] {
    const findings: RuleFinding[] = [];
    for (const e of result.elements) {
        const element = query.elements.get(e.key);
        if (!element) continue;
        const at = element.source;
        if (e.others.length > 0) {
            const best = e.others[0];
            findings.push({
                rule: similarText.id, uri: at.uri, range: at.nameRange, anchorLine: at.range.start.line,
                message: otherMessage(e),
                weaker: best.score < options.strong,
                data: { similarity: similarityData(best) },
            });
        }
        const versions = versionsOf(e);
        if (versions.length > 0) {
            findings.push({
                rule: similarOwnVersion.id, uri: at.uri, range: at.nameRange, anchorLine: at.range.start.line,
                message: familyMessage(e),
                data: { similarity: similarityData(versions[0]) },
            });
        }
    }
    const certification = query.elements.get(CERTIFICATION_KEY);
    if (certification && result.family.length > 0) {
        const at = certification.source;
        findings.push({
            rule: similarOwnVersion.id, uri: at.uri, range: at.nameRange, anchorLine: at.range.start.line,
            message: summaryMessage(result.family),
            data: { family: result.family },
        });
    }
    return findings;
}
