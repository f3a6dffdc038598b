import { AstUtils, URI, type LangiumDocument } from 'langium';
import type { RenameProvider } from 'langium/lsp';
import { ErrorCodes, ResponseError, type Range, type RenameParams, type TextDocumentPositionParams, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver-protocol';
import * as ast from '../../generated/ast.js';
import type { CertirefServices } from '../../certiref-module.js';
import { Conventions, idsInRange } from '../../model/ids.js';
import { allActivities, allCompetencies, allCriteriaOf, containers } from '../../model/queries.js';
import type { CertificationModel, CompetencyModel } from '../../model/types.js';
import { t, type Bilingual } from '../../i18n.js';
import { where } from '../../rules/rule.js';
import { targetAt } from './target.js';

const ID = /^[A-Za-z0-9_\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F]([A-Za-z0-9_.\-\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F]*[A-Za-z0-9_\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F])?$/;

/**
 * Rename: a competency's id changes at its declaration, at every reference in every file of its
 * certification, and in the ids of the criteria numbered after it (C4 → C7 makes CR4 → CR7).
 * A rename that would collide with an existing id, or cut a range (C11 à C13), is refused with a
 * message. Other elements (activities, modalities, criteria, blocs) are renamed where declared.
 */
export class CertirefRenameProvider implements RenameProvider {
    constructor(private readonly services: CertirefServices) {}

    prepareRename(document: LangiumDocument, params: TextDocumentPositionParams): Range | undefined {
        const target = targetAt(this.services, document, document.textDocument.offsetAt(params.position));
        if (!target) return undefined;
        if (target.kind === 'competency') return target.range;
        return target.declaration && target.kind !== 'part' ? target.range : undefined;
    }

    rename(document: LangiumDocument, params: RenameParams): WorkspaceEdit | undefined {
        const target = targetAt(this.services, document, document.textDocument.offsetAt(params.position));
        if (!target || (target.kind !== 'competency' && !target.declaration)) return undefined;
        const language = this.services.referential.Config.getConfig(document.uri.toString()).language;
        const refuse = (message: Bilingual): never => {
            throw new ResponseError(ErrorCodes.InvalidParams, message[language]);
        };
        const newName = params.newName.trim();
        if (!ID.test(newName)) refuse(t(`« ${newName} » n'est pas un identifiant (lettres, chiffres, « . », « - », « _ »).`, `"${newName}" is not an id (letters, digits, ".", "-", "_").`));
        const changes: Record<string, TextEdit[]> = {};
        const edit = (uri: string, range: Range) => (changes[uri] ??= []).push({ range, newText: newName });
        if (target.kind === 'competency') return this.renameCompetency(target.element, newName, refuse);
        const element = target.element;
        const model = this.services.referential.Models.forDocument(document)!;
        const taken = {
            activity: allActivities(model), criterion: allCriteriaOf(model), bloc: model.blocs, option: [],
            modality: containers(model).flatMap((c) => c.modalities), part: [],
        }[target.kind] as Array<{ id?: string; source: { uri: string; nameRange: Range } }>;
        const other = taken.find((e) => e.id === newName && e !== element);
        if (other) refuse(t(`${newName} est déjà pris (${where(other.source as never, document.uri.toString())}).`, `${newName} is already taken (${where(other.source as never, document.uri.toString())}).`));
        edit(element.source.uri, element.source.nameRange);
        return { changes };
    }

    private renameCompetency(c: CompetencyModel, newName: string, refuse: (message: Bilingual) => never): WorkspaceEdit {
        const models = this.services.referential.Models;
        const document = AstUtils.getDocument(c.node);
        const model = models.forDocument(document) as CertificationModel;
        const existing = allCompetencies(model).find((x) => x.id === newName && x !== c);
        if (existing) refuse(t(`La compétence ${newName} existe déjà (${where(existing.source, c.source.uri)}) : choisissez un autre identifiant.`, `Competency ${newName} already exists (${where(existing.source, c.source.uri)}): choose another id.`));
        const changes: Record<string, TextEdit[]> = {};
        const edit = (uri: string, range: Range, text: string) => (changes[uri] ??= []).push({ range, newText: text });
        edit(c.source.uri, c.source.nameRange, newName);
        const documents = this.services.shared.workspace.LangiumDocuments;
        for (const uri of model.documents) {
            const doc = documents.getDocument(URI.parse(uri));
            if (!doc) continue;
            for (const node of AstUtils.streamAst(doc.parseResult.value)) {
                if (!ast.isCompetencyRef(node)) continue;
                // inside a range (C6 in `C5 à C10`), a new id would fall out of it: the
                // competency would silently stop being evaluated or judged there
                if (node.from?.ref !== c.node && node.to?.ref !== c.node && node.from && node.to && node.$cstNode) {
                    const inside = (id: string) => (idsInRange(node.from!.$refText, node.to!.$refText, [id]) ?? []).length > 0;
                    if (inside(c.id) && !inside(newName)) {
                        const place = where({ uri, nameRange: node.$cstNode.range, range: node.$cstNode.range });
                        refuse(t(`${c.id} est dans la plage « ${node.from.$refText} à ${node.to.$refText} » (${place}) : renommée ${newName}, elle en sortirait ; renommez cette plage à la main.`,
                            `${c.id} is inside the range "${node.from.$refText} à ${node.to.$refText}" (${place}): renamed ${newName}, it would fall out of it; rename that range by hand.`));
                    }
                }
                for (const ref of [node.from, node.to]) {
                    if (ref?.ref !== c.node || !ref.$refNode) continue;
                    if (node.to) refuse(t(`${c.id} borne la plage « ${node.from?.$refText} à ${node.to.$refText} » (${where({ uri, nameRange: ref.$refNode.range, range: ref.$refNode.range })}) : renommez cette plage à la main.`, `${c.id} ends the range "${node.from?.$refText} à ${node.to.$refText}" (${where({ uri, nameRange: ref.$refNode.range, range: ref.$refNode.range })}): rename that range by hand.`));
                    edit(uri, ref.$refNode.range, newName);
                }
            }
        }
        // criteria numbered after the competency follow it
        const conventions = new Conventions(model.conventions);
        const oldCriterion = conventions.criterionIdsFor(c.id)[0];
        const newCriterion = conventions.criterionIdsFor(newName)[0];
        for (const cr of allCriteriaOf(model)) {
            if (!cr.id || !cr.judges.includes(c)) continue;
            // a range (`CR11 à 13`), or a hyphenated id read as one (`CR18-19`), judges it by its id
            if (cr.label !== cr.id || (cr.judgeSource === 'convention' && cr.id !== oldCriterion)) {
                refuse(t(`${c.id} fait partie de la plage du critère ${cr.label} (${where(cr.source, c.source.uri)}) : renommez ce critère à la main.`, `${c.id} is in the range of criterion ${cr.label} (${where(cr.source, c.source.uri)}): rename that criterion by hand.`));
            }
            // numbered after it (judged by convention, or by `juge` naming it alone)
            if (cr.id === oldCriterion && newCriterion && cr.judges.length === 1) {
                const clash = allCriteriaOf(model).find((x) => x.id === newCriterion);
                if (clash) refuse(t(`Le critère ${newCriterion} existe déjà (${where(clash.source, c.source.uri)}) : ${cr.id} ne peut pas le devenir.`, `Criterion ${newCriterion} already exists (${where(clash.source, c.source.uri)}): ${cr.id} cannot become it.`));
                edit(cr.source.uri, cr.source.nameRange, newCriterion);
            }
        }
        return { changes };
    }
}
