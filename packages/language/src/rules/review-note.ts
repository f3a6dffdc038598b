import { AstUtils, CstUtils, isLeafCstNode, type AstNode } from 'langium';
import { containers, criteriaOfModality } from '../model/queries.js';
import type { CertificationModel } from '../model/types.js';
import { t, type Bilingual, type ModelRule } from './rule.js';

/**
 * A review note: what an importer (`certiref import docx` …) was unsure of, left in the file as
 * line comments in a fixed form, at the place it concerns —
 *
 *   // à revoir : le critère n'a pas d'identifiant et sa ligne compte trois compétences …
 *   // to review: the criterion has no id and its row holds three competencies …
 *
 * The French line starts with `à revoir :`, the English one with `to review:` (case, accents and
 * spaces as one likes); either may stand alone, and the pair is one note. Lines `// > …` that
 * follow hold text the importer could not place, kept verbatim. Anyone may write such a note by
 * hand: it is reported, as information, until someone removes it.
 */
const FR_MARK = /^\/\/\s*[àa] revoir\s*:\s?(.*)$/i;
const EN_MARK = /^\/\/\s*to review\s*:\s?(.*)$/i;
/** Cheap test on a whole document before its comments are walked. */
const ANY_MARK = /\/\/\s*(?:[àa] revoir|to review)\s*:/i;

/** The comment lines of a note, as importers write them (the form the rule reads). */
export function reviewNoteLines(note: Bilingual): string[] {
    const line = (s: string) => s.replace(/[\r\n\u2028\u2029]+/g, ' ').trim();
    return [`// à revoir\u00a0: ${line(note.fr)}`, `// to review: ${line(note.en)}`];
}

/** Text kept verbatim under a note, one comment line per line of text. */
export function keptTextLines(text: string): string[] {
    return text.split(/\r\n?|\n/).map((l) => (l.length > 0 ? `// > ${l}` : '// >'));
}

export interface ReviewComment {
    /** 0-based position of the first line of the note. */
    line: number;
    character: number;
    /** End of the note's last marked line. */
    endLine: number;
    endCharacter: number;
    message: Bilingual;
}

/** The notes among a document's line comments (in order, one per note, a French and an English line paired). */
export function reviewComments(comments: Array<{ line: number; character: number; text: string }>): ReviewComment[] {
    const out: ReviewComment[] = [];
    let last: (ReviewComment & { fr?: string; en?: string }) | undefined;
    for (const c of comments) {
        const text = c.text.trim();
        const fr = FR_MARK.exec(text);
        const en = fr ? undefined : EN_MARK.exec(text);
        if (!fr && !en) {
            last = undefined;
            continue;
        }
        // the second language of the note just above (the next line, the other language)
        if (last && c.line === last.endLine + 1 && (fr ? last.fr === undefined : last.en === undefined)) {
            if (fr) last.fr = fr[1].trim();
            else last.en = en![1].trim();
            last.endLine = c.line;
            last.endCharacter = c.character + c.text.length;
            last.message = messageOf(last.fr, last.en);
            continue;
        }
        last = { line: c.line, character: c.character, endLine: c.line, endCharacter: c.character + c.text.length, fr: fr?.[1].trim(), en: en?.[1].trim(), message: t('', '') };
        last.message = messageOf(last.fr, last.en);
        out.push(last);
    }
    return out.map(({ line, character, endLine, endCharacter, message }) => ({ line, character, endLine, endCharacter, message }));
}

function messageOf(fr: string | undefined, en: string | undefined): Bilingual {
    const say = fr || en || '';
    const sayEn = en || fr || '';
    return t(
        `À revoir\u00a0: ${say} Vérifiez ce point, puis supprimez ce commentaire.`,
        `To review: ${sayEn} Check this point, then remove this comment.`,
    );
}

/** The root of every document the model was built from that holds at least one element. */
function documentRoots(cert: CertificationModel): AstNode[] {
    const roots = new Set<AstNode>();
    const add = (node: AstNode | undefined) => {
        if (node) roots.add(AstUtils.findRootNode(node));
    };
    add(cert.node);
    for (const c of containers(cert)) {
        add(c.node);
        for (const a of c.activities) {
            add(a.node);
            for (const k of a.competencies) add(k.node);
        }
        for (const m of c.modalities) {
            add(m.node);
            for (const p of m.parts) add(p.node);
            for (const cr of criteriaOfModality(m)) add(cr.node);
        }
    }
    return [...roots];
}

export const reviewNote: ModelRule = {
    id: 'review-note',
    defaultSeverity: 'info',
    title: t('Une note «\u00a0à revoir\u00a0» attend son auteur', 'A "to review" note awaits its author'),
    help: t(
        "Un import (certiref import docx …) laisse un commentaire «\u00a0// à revoir\u00a0: …\u00a0» là où il n'était pas sûr de lui\u00a0: une ligne de tableau qu'il n'a pas su classer, un critère dont la compétence n'est pas claire, un identifiant qu'il a dû créer, un texte qu'il n'a pas su placer (gardé en «\u00a0// > …\u00a0»). Vérifiez le point, corrigez si besoin, puis supprimez le commentaire\u00a0: le constat disparaît.",
        "An import (certiref import docx …) leaves a `// to review: …` comment where it was unsure: a table row it could not classify, a criterion whose competency is unclear, an id it had to make up, text it could not place (kept as `// > …`). Check the point, fix it if needed, then remove the comment: the finding goes away.",
    ),
    check(cert, report) {
        for (const root of documentRoots(cert)) {
            const cst = root.$cstNode;
            const uri = root.$document?.uri.toString() ?? cert.source.uri;
            if (!cst || !ANY_MARK.test(cst.root.fullText)) continue;
            const comments: Array<{ line: number; character: number; text: string }> = [];
            for (const node of CstUtils.streamCst(cst)) {
                if (node.hidden && isLeafCstNode(node) && node.tokenType.name === 'SL_COMMENT') {
                    comments.push({ line: node.range.start.line, character: node.range.start.character, text: node.text });
                }
            }
            for (const note of reviewComments(comments)) {
                const range = { start: { line: note.line, character: note.character }, end: { line: note.endLine, character: note.endCharacter } };
                report({ uri, range, nameRange: range }, note.message);
            }
        }
    },
};
