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

/**
 * One edit replacing the lines between the common beginning and the common end. Lines are the
 * LSP's: a CRLF, a lone CR or a LF ends one (a lone CR counted as nothing would put the edit on
 * the wrong lines of the editor's document).
 */
export function minimalEdit(before: string, after: string): TextEdit[] {
    if (before === after) return [];
    // each line with its line break
    const lines = (text: string) => text.match(/[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$/g) ?? [];
    const a = lines(before);
    const b = lines(after);
    let start = 0;
    while (start < a.length && start < b.length && a[start] === b[start]) start++;
    let endA = a.length;
    let endB = b.length;
    while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
        endA--;
        endB--;
    }
    // the start of line i, or the end of the document
    const position = (i: number) => {
        if (i < a.length) return { line: i, character: 0 };
        if (a.length === 0) return { line: 0, character: 0 };
        const last = a[a.length - 1] ?? '';
        return /[\r\n]$/.test(last) ? { line: a.length, character: 0 } : { line: a.length - 1, character: last.length };
    };
    return [{ range: { start: position(start), end: position(endA) }, newText: b.slice(start, endB).join('') }];
}
