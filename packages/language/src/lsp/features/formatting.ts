import type { LangiumDocument } from 'langium';
import type { Formatter } from 'langium/lsp';
import type { DocumentFormattingParams, DocumentOnTypeFormattingParams, DocumentRangeFormattingParams, TextEdit } from 'vscode-languageserver-protocol';
import type { CertirefServices } from '../../certiref-module.js';
import { formatDocument } from '../../format/formatter.js';

/** Format Document: the canonical layout, as one edit over the lines that change. */
export class CertirefFormatter implements Formatter {
    constructor(private readonly services: CertirefServices) {}

    formatDocument(document: LangiumDocument, _params: DocumentFormattingParams): TextEdit[] {
        const formatted = formatDocument(document, this.services.parser.Lexer);
        return formatted === undefined ? [] : minimalEdit(document.textDocument.getText(), formatted);
    }

    formatDocumentRange(document: LangiumDocument, params: DocumentRangeFormattingParams): TextEdit[] {
        return this.formatDocument(document, params);
    }

    formatDocumentOnType(_document: LangiumDocument, _params: DocumentOnTypeFormattingParams): TextEdit[] {
        return [];
    }

    get formatOnTypeOptions(): undefined {
        return undefined;
    }
}

/** One edit replacing the lines between the common beginning and the common end. */
export function minimalEdit(before: string, after: string): TextEdit[] {
    if (before === after) return [];
    const a = before.split('\n');
    const b = after.split('\n');
    let start = 0;
    while (start < a.length && start < b.length && a[start] === b[start]) start++;
    let endA = a.length;
    let endB = b.length;
    while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
        endA--;
        endB--;
    }
    const newText = b.slice(start, endB).join('\n') + (endB < b.length ? '\n' : '');
    const end = endA < a.length ? { line: endA, character: 0 } : { line: a.length - 1, character: a[a.length - 1].length };
    const text = endA < a.length ? newText : newText.replace(/\n$/, '') + (endB < b.length ? '' : '');
    return [{ range: { start: { line: start, character: 0 }, end }, newText: endA < a.length ? newText : text }];
}
