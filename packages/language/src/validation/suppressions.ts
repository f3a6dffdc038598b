/**
 * Suppressing one finding in the source, with a stated reason:
 *
 *   // certiref-ignore competency-without-criterion -- évaluée à l'oral, voir note du jury
 *   compétence C4 "…"
 *
 * The comment applies to the next line that holds something other than comments (or, written at
 * the end of a line, to that line). Several rules may be listed, separated by commas. The reason
 * follows `--` or `:`.
 */
export interface Suppression {
    /** 0-based line of the comment. */
    line: number;
    character: number;
    length: number;
    rules: string[];
    reason: string;
    /** 0-based line whose findings it suppresses. */
    target: number;
}

const DIRECTIVE = /^\/\/\s*certiref-ignore\b(.*)$/;

/** A line comment as the lexer found it (never one inside a quoted text). */
export interface LineComment {
    line: number;
    character: number;
    text: string;
}

export function parseSuppressions(text: string, comments: LineComment[]): Suppression[] {
    const lines = text.split(/\r\n|\r|\n/);
    const commentLines = new Set(comments.map((c) => c.line));
    const out: Suppression[] = [];
    for (const comment of comments) {
        const m = DIRECTIVE.exec(comment.text.trim());
        if (!m) continue;
        const rest = m[1];
        const sep = /(\s--\s?|:)/.exec(' ' + rest);
        const rulesPart = sep ? (' ' + rest).slice(0, sep.index) : rest;
        const reason = sep ? (' ' + rest).slice(sep.index + sep[0].length).trim() : '';
        const rules = rulesPart.split(/[\s,]+/).filter((r) => r.length > 0);
        const before = (lines[comment.line] ?? '').slice(0, comment.character);
        let target = comment.line;
        if (before.trim().length === 0) {
            target = comment.line + 1;
            while (target < lines.length && (lines[target].trim() === '' || (commentLines.has(target) && /^\s*\/\//.test(lines[target])))) target++;
        }
        out.push({ line: comment.line, character: comment.character, length: comment.text.length, rules, reason, target });
    }
    return out;
}
