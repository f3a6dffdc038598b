import type { Range } from 'vscode-languageserver-types';
import { t, type Bilingual } from '../i18n.js';
import { replace } from './fix.js';
import type { RuleFinding, RuleMeta } from './rule.js';

/**
 * A review note: what an importer (`certiref import docx` …) was unsure of, left in the file as
 * line comments in a fixed form, at the place it concerns —
 *
 *   // à revoir : le critère n'a pas d'identifiant et sa ligne compte trois compétences …
 *   // to review: the criterion has no id and its row holds three competencies …
 *
 * The French line starts with `à revoir :`, the English one with `to review:` (case, accents and
 * spaces as one likes); either may stand alone, and a French line with the English line right
 * below it are one note. Lines `// > …` that follow hold text the importer could not place, kept
 * verbatim. Anyone may write such a note by hand: it is reported, as information, until someone
 * removes it. Checked with the document's comments, as the suppressions are
 * (validation/document-validator.ts), not on the model.
 */
export const reviewNote: RuleMeta = {
    id: 'review-note',
    defaultSeverity: 'info',
    title: t('Une note «\u00a0à revoir\u00a0» attend son auteur', 'A "to review" note awaits its author'),
    help: t(
        "Un import (certiref import docx …) laisse un commentaire «\u00a0// à revoir\u00a0: …\u00a0» là où il n'était pas sûr de lui\u00a0: une ligne de tableau qu'il n'a pas su classer, un critère dont la compétence n'est pas claire, un identifiant qu'il a dû créer, un texte qu'il n'a pas su placer (gardé en «\u00a0// > …\u00a0»). Vérifiez le point, corrigez si besoin, puis supprimez le commentaire\u00a0: le constat disparaît.",
        'An import (certiref import docx …) leaves a `// to review: …` comment where it was unsure: a table row it could not classify, a criterion whose competency is unclear, an id it had to make up, text it could not place (kept as `// > …`). Check the point, fix it if needed, then remove the comment: the finding goes away.',
    ),
    /** Removes the note's lines (the text kept under it stays, to be placed). */
    fix({ finding }) {
        const range: Range = { start: { line: finding.range.start.line, character: 0 }, end: { line: finding.range.end.line + 1, character: 0 } };
        return [{ title: t('Supprimer cette note (le point est vu)', 'Remove this note (the point is checked)'), edits: replace(finding.uri, range, '') }];
    },
};

export const reviewNoteMessages = {
    note: (fr: string | undefined, en: string | undefined) => t(
        `À revoir\u00a0: ${fr || en || ''} Vérifiez ce point, puis supprimez ce commentaire.`,
        `To review: ${en || fr || ''} Check this point, then remove this comment.`,
    ),
};

const FR_MARK = /^\/\/\s*[àa] revoir\s*:\s?(.*)$/i;
const EN_MARK = /^\/\/\s*to review\s*:\s?(.*)$/i;

/** The comment lines of a note, as importers write them (the form this rule reads). */
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
    const out: Array<ReviewComment & { fr?: string; en?: string }> = [];
    let last: (ReviewComment & { fr?: string; en?: string }) | undefined;
    for (const c of comments) {
        const text = c.text.trim();
        const fr = FR_MARK.exec(text);
        const en = fr ? undefined : EN_MARK.exec(text);
        if (!fr && !en) {
            last = undefined;
            continue;
        }
        // the other language of the note just above, on the next line
        if (last && c.line === last.endLine + 1 && (fr ? last.fr === undefined : last.en === undefined)) {
            if (fr) last.fr = fr[1].trim();
            else last.en = en![1].trim();
            last.endLine = c.line;
            last.endCharacter = c.character + c.text.length;
        } else {
            last = { line: c.line, character: c.character, endLine: c.line, endCharacter: c.character + c.text.length, fr: fr?.[1].trim(), en: en?.[1].trim(), message: t('', '') };
            out.push(last);
        }
        last.message = reviewNoteMessages.note(last.fr, last.en);
    }
    return out.map(({ line, character, endLine, endCharacter, message }) => ({ line, character, endLine, endCharacter, message }));
}

/** The findings of a document's notes, from its line comments (the validator's, never one inside a text). */
export function reviewNoteFindings(uri: string, comments: Array<{ line: number; character: number; text: string }>): RuleFinding[] {
    return reviewComments(comments).map((n) => ({
        rule: reviewNote.id, uri,
        range: { start: { line: n.line, character: n.character }, end: { line: n.endLine, character: n.endCharacter } },
        message: n.message,
    }));
}
