import { URI } from 'langium';
import { formatDocument, printable, type Language } from 'certiref-language';
import { createNodeServices, describeProblem, readSource } from 'certiref-language/node';
import { collectFiles, UsageError } from './files.js';
import { relative } from './paths.js';
import { TEXTS } from './texts.js';
import { writeAtomic } from './write.js';

export interface FormatOptions {
    paths: string[];
    write: boolean;
    check: boolean;
    language: Language;
}

/**
 * `certiref format`: the canonical layout. One file without option: printed. `--check`: lists
 * the files that are not formatted (exit 1). `--write`: rewrites them, each atomically. A file
 * with a syntax error is never touched (exit 2).
 */
export function format(options: FormatOptions): { output: string; errors: string; exitCode: number } {
    const files = collectFiles(options.paths.length > 0 ? options.paths : ['.']);
    if (!options.write && !options.check && files.length !== 1) {
        throw new UsageError('plusieurs fichiers : ajoutez --check ou --write / several files: add --check or --write');
    }
    const language = options.language;
    const { shared, Certiref } = createNodeServices();
    const lines: string[] = [];
    const errors: string[] = [];
    let unformatted = 0;
    let broken = 0;
    for (const file of files) {
        const source = readSource(file);
        if ('problem' in source) throw new UsageError(describeProblem(source.problem, relative(file)));
        const read = source.text;
        const document = shared.workspace.LangiumDocumentFactory.fromString(read, URI.file(file));
        const formatted = formatDocument(document, Certiref.parser.Lexer);
        if (formatted === undefined) {
            broken++;
            const token = document.parseResult.parserErrors[0]?.token;
            const lexing = document.parseResult.lexerErrors[0];
            const where = token && Number.isFinite(token.startLine) ? `:${token.startLine}:${token.startColumn}` : lexing ? `:${lexing.line}:${lexing.column}` : '';
            errors.push(`${printable(relative(file))}${where}: ${TEXTS.notFormatted[language]}`);
            continue;
        }
        if (!options.write && !options.check) return { output: formatted, errors: '', exitCode: 0 };
        if (formatted === read) continue;
        unformatted++;
        if (options.write) {
            writeAtomic(file, formatted);
            lines.push(`${printable(relative(file))}: ${TEXTS.formatted[language]}`);
        } else {
            lines.push(`${printable(relative(file))}: ${TEXTS.notCanonical[language]}`);
        }
    }
    if (options.check && unformatted === 0 && broken === 0) lines.push(TEXTS.allCanonical(files.length)[language]);
    const text = (list: string[]) => (list.length ? list.join('\n') + '\n' : '');
    return { output: text(lines), errors: text(errors), exitCode: broken > 0 ? 2 : options.check && unformatted > 0 ? 1 : 0 };
}
