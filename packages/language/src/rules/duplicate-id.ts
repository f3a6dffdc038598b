import type { CertificationModel, ContainerModel, ElementKind, IdentifiedElement, OptionModel } from '../model/types.js';
import { allCriteria, allModalities, containers } from '../model/queries.js';
import { t, where, type ModelRule } from './rule.js';

/** "celui du bloc", "celui de la compétence" … */
const OF_FR: Record<ElementKind, string> = {
    certification: 'de la certification', bloc: 'du bloc', option: "de l'option", activity: "de l'activité",
    competency: 'de la compétence', modality: 'de la modalité', criterion: 'du critère',
};
const KIND_EN: Record<ElementKind, string> = {
    certification: 'certification', bloc: 'bloc', option: 'option', activity: 'activity',
    competency: 'competency', modality: 'modality', criterion: 'criterion',
};

export function identifiedElements(cert: CertificationModel): IdentifiedElement[] {
    const out: IdentifiedElement[] = cert.declarations.map((source) => ({ kind: 'certification', id: cert.id, source, scope: undefined }));
    for (const bloc of cert.blocs) {
        out.push({ kind: 'bloc', id: bloc.id, source: bloc.source, scope: undefined });
        for (const option of bloc.options) out.push({ kind: 'option', id: option.id, source: option.source, scope: bloc });
    }
    for (const container of containers(cert)) {
        const scope: ContainerModel | undefined = container.containerKind === 'option' ? container : undefined;
        for (const a of container.activities) {
            out.push({ kind: 'activity', id: a.id, source: a.source, scope });
            for (const c of a.competencies) out.push({ kind: 'competency', id: c.id, source: c.source, scope });
        }
        for (const m of allModalities(container)) if (m.id) out.push({ kind: 'modality', id: m.id, source: m.source, scope });
        for (const cr of allCriteria(container)) if (cr.id) out.push({ kind: 'criterion', id: cr.id, source: cr.source, scope });
    }
    return out;
}

/** Two scopes clash unless they are two different options of one bloc (each option may reuse `E5`). */
function clash(a: ContainerModel | undefined, b: ContainerModel | undefined): boolean {
    if (a === undefined || b === undefined || a === b) return true;
    const blocOf = (c: ContainerModel) => (c.containerKind === 'option' ? (c as OptionModel).bloc : c);
    return !(a.containerKind === 'option' && b.containerKind === 'option' && blocOf(a) === blocOf(b));
}

type Data = { id: string; kind: ElementKind };

export const duplicateId: ModelRule<Data> = {
    id: 'duplicate-id',
    defaultSeverity: 'error',
    title: t(
        'Un identifiant est déclaré deux fois dans la même certification',
        'An id is declared twice in the same certification',
    ),
    help: t(
        "Chaque bloc, activité, compétence, modalité et critère a un identifiant unique dans sa certification (une option peut reprendre l'identifiant d'une autre option, comme E5). Renommez l'un des deux.",
        'Each bloc, activity, competency, modality and criterion has an id unique within its certification (an option may reuse the id of another option, such as E5). Rename one of them.',
    ),
    check(cert, report) {
        const seen = new Map<string, IdentifiedElement[]>();
        for (const element of identifiedElements(cert)) {
            if (!element.id) continue;
            // option ids are unique within their bloc (bloc 5 and bloc 6 may both have an option 1)
            const key = `${element.kind}\u0000${element.kind === 'option' ? `${element.scope?.id}\u0000` : ''}${element.id}`;
            const earlier = seen.get(key) ?? [];
            const first = earlier.find((e) => clash(e.scope, element.scope));
            if (first) {
                report(element.source, t(
                    `L'identifiant ${element.id} est déjà celui ${OF_FR[element.kind]} déclaré${element.kind === 'competency' || element.kind === 'modality' || element.kind === 'activity' || element.kind === 'option' || element.kind === 'certification' ? 'e' : ''} en ${where(first.source, element.source.uri)}. Donnez-lui un identifiant unique.`,
                    `Id ${element.id} is already used by the ${KIND_EN[element.kind]} declared at ${where(first.source, element.source.uri)}. Give it a unique id.`,
                ), { id: element.id, kind: element.kind });
            }
            earlier.push(element);
            seen.set(key, earlier);
        }
        for (const bloc of cert.blocs) {
            for (const conflict of bloc.titleConflicts) {
                report(conflict.source, t(
                    `Le bloc ${bloc.id} est déjà titré « ${bloc.title} » en ${where(bloc.source, conflict.source.uri)} : un bloc écrit dans plusieurs fichiers garde un seul titre. Retirez ce titre ou harmonisez-les.`,
                    `Bloc ${bloc.id} is already titled "${bloc.title}" at ${where(bloc.source, conflict.source.uri)}: a bloc written in several files keeps one title. Remove this title or make them agree.`,
                ), { id: bloc.id, kind: 'bloc' });
            }
        }
    },
};
