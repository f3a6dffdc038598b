import type { LangiumDocument } from 'langium';
import type { Position, Range } from 'vscode-languageserver-types';
import type { SimilarityData } from '../../rules/similar-text.js';
import type { CertirefDiagnosticData } from '../../validation/document-validator.js';

const NNBSP = '\u202f';

/** Markdown's special characters escaped, so that a passage is shown as written. */
function escape(text: string): string {
    return text.replace(/([\\`*_{}[\]()#+\-.!|<>~])/g, '\\$1').replace(/\s+/g, ' ');
}

/** A text with the words the other passage does not share in bold. */
function marked(runs: SimilarityData['query']): string {
    return runs.map(([text, shared]) => (shared || text.trim() === '' ? escape(text) : `**${escape(text.trim())}**${/\s$/.test(text) ? ' ' : ''}`)).join('').trim();
}

function contains(range: Range, p: Position): boolean {
    const after = p.line > range.start.line || (p.line === range.start.line && p.character >= range.start.character);
    const before = p.line < range.end.line || (p.line === range.end.line && p.character <= range.end.character);
    return after && before;
}

/**
 * The hover of a finding of the registry rules: the référentiel's text and the registry's
 * passage side by side, the words that differ in bold, with the score and where the passage is.
 */
export function similarityHover(document: LangiumDocument, position: Position, fr: boolean): { value: string; range: Range } | undefined {
    const parts: string[] = [];
    let range: Range | undefined;
    for (const d of document.diagnostics ?? []) {
        const data = d.data as (CertirefDiagnosticData & { similarity?: SimilarityData }) | undefined;
        if (!data?.similarity || !contains(d.range, position)) continue;
        range ??= d.range;
        const s = data.similarity;
        const score = `${Math.round(s.score * 100)}${fr ? NNBSP : ''}%`;
        const where = `${s.bloc ? `${s.bloc.code} ${fr ? `«${NNBSP}${escape(s.bloc.title)}${NNBSP}»` : `“${escape(s.bloc.title)}”`}` : (fr ? 'capacités attestées' : 'capacities')} — ${s.fiche.number}`;
        const heading = s.relation === 'other'
            ? (fr ? `**Proche à ${score}** d'une autre certification` : `**${score} similar** to another certification`)
            : (fr ? `**Repris à ${score}** d'une version de cette certification` : `**${score} taken** from a version of this certification`);
        parts.push([
            heading,
            '',
            `| ${fr ? 'Ce référentiel' : 'This référentiel'} | ${where} |`,
            '| --- | --- |',
            `| ${marked(s.query)} | ${marked(s.passage)} |`,
            '',
            fr ? `_En gras${NNBSP}: les mots que l'autre texte n'a pas._` : '_In bold: the words the other text does not have._',
        ].join('\n'));
    }
    return range ? { value: parts.join('\n\n---\n\n'), range } : undefined;
}
