import {
    AstUtils, CstUtils, DefaultDocumentValidator, DocumentValidator, GrammarAST, isLeafCstNode, type Cancellation, type LangiumDocument, type Lexer,
    type ValidationOptions,
} from 'langium';
import type { Diagnostic, Range } from 'vscode-languageserver-types';
import type { CertirefServices } from '../certiref-module.js';
import type { ConfigProvider, ResolvedConfig } from '../config/config.js';
import type { Finding, Severity } from '../finding.js';
import type { Bilingual } from '../i18n.js';
import { toDiagnostic } from '../lsp/diagnostics.js';
import type { RegistrySimilarity } from '../similarity/registry-similarity.js';
import type { ReferentialModelService } from '../workspace/model-service.js';
import { RULES_BY_ID, type RuleFinding } from '../rules/index.js';
import { invalidConfigMessages } from '../rules/invalid-config.js';
import { suppressionWithoutReasonMessages } from '../rules/suppression-without-reason.js';
import { syntaxErrorMessages } from '../rules/syntax-error.js';
import { unusedSuppressionMessages } from '../rules/unused-suppression.js';
import { reviewNoteFindings } from '../rules/review-note.js';
import type { DocumentFindings } from './findings.js';
import type { RuleRunner } from './rule-runner.js';
import { parseSuppressions, type LineComment } from './suppressions.js';
import { syntaxMessage } from './syntax-messages.js';
import { append } from '../util/arrays.js';
import { sizeProblem } from '../parser/size.js';
import { CertirefGrammar } from '../generated/grammar.js';

type CancellationToken = Cancellation.CancellationToken;

export type { CertirefDiagnosticData } from '../lsp/diagnostics.js';

/** A file system that knows which files it could not read (the Node server's, see node.ts). */
interface UnreadableFiles {
    problemOf?(uri: string): { line: number; column: number; message: Bilingual } | undefined;
}

/**
 * The findings of a document: syntax errors, then the findings of the model rules located in
 * it, with the severities of certiref.json and the `certiref-ignore` comments applied. They are
 * kept in `referential.Findings` (what the CLI, the preview and the diff read) and returned as
 * LSP diagnostics, which the language server publishes.
 */
export class CertirefDocumentValidator extends DefaultDocumentValidator {
    private readonly models: () => ReferentialModelService;
    private readonly runner: () => RuleRunner;
    private readonly config: () => ConfigProvider;
    private readonly lexer: () => Lexer;
    private readonly fileSystem: () => UnreadableFiles;
    private readonly store: () => DocumentFindings;
    private readonly similarity: () => RegistrySimilarity;

    constructor(services: CertirefServices) {
        super(services);
        this.fileSystem = () => services.shared.workspace.FileSystemProvider as UnreadableFiles;
        this.models = () => services.referential.Models;
        this.runner = () => services.referential.Rules;
        this.config = () => services.referential.Config;
        this.lexer = () => services.parser.Lexer;
        this.store = () => services.referential.Findings;
        this.similarity = () => services.referential.Similarity;
    }

    override async validateDocument(document: LangiumDocument, options: ValidationOptions = {}, cancelToken?: CancellationToken): Promise<Diagnostic[]> {
        const config = this.config().getConfig(document.uri.toString());
        const findings = applySettings(await this.ruleFindings(document, options, cancelToken), config, document, { registry: this.similarity().active });
        this.store().record(document, findings);
        return findings.map((f) => toDiagnostic(f, config.language));
    }

    /** What the syntax and the rules find in a document, before the settings and the suppressions. */
    private async ruleFindings(document: LangiumDocument, options: ValidationOptions, cancelToken?: CancellationToken): Promise<RuleFinding[]> {
        const uri = document.uri.toString();
        // a workspace file the server could not read (binary, not UTF-8, unreadable …) is an
        // empty document: say why, not that it is empty
        const unreadable = this.fileSystem().problemOf?.(uri);
        if (unreadable && document.textDocument.getText() === '') {
            const { line, column, message } = unreadable;
            return [{ rule: 'syntax-error', uri, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, message: syntaxErrorMessages.unreadable(line, column, message) }];
        }
        // an open document too large to check was not parsed (see parser/size.ts): say so
        const tooLarge = sizeProblem(document.textDocument.getText());
        if (tooLarge) {
            return [{ rule: 'syntax-error', uri, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, message: syntaxErrorMessages.tooLarge(tooLarge) }];
        }
        const base = await super.validateDocument(document, options, cancelToken);
        const findings: RuleFinding[] = [];
        const unclosed = unclosedTexts(document, this.lexer());
        // After a text left open, the rest of the file is read as text: later errors are its echo.
        const cut = unclosed[0]?.range.start;
        for (const d of base) {
            const code = (d.data as { code?: string } | undefined)?.code;
            if (code !== DocumentValidator.LexingError && code !== DocumentValidator.ParsingError) continue;
            if (cut && (d.range.start.line > cut.line || (d.range.start.line === cut.line && d.range.start.character >= cut.character))) continue;
            const start = d.range.start;
            const before = start.character > 0 ? document.textDocument.getText({ start: { line: start.line, character: start.character - 1 }, end: start }) : '';
            const afterQuote = code === DocumentValidator.ParsingError && before === '"';
            findings.push({ rule: 'syntax-error', uri, range: d.range, message: syntaxMessage(d.message, document.textDocument.getText(d.range), { afterQuote }) });
        }
        for (const { range, message } of unclosed) findings.push({ rule: 'syntax-error', uri, range, message });
        // an importer's « à revoir » notes, in the comments
        append(findings, reviewNoteFindings(uri, lineComments(document)));
        const model = this.models().forDocument(document);
        // the registry rules' findings too, when an index of the RNCP registry is loaded
        if (model) {
            append(findings, this.runner().forDocument(model, uri));
            append(findings, this.similarity().forDocument(model, uri));
        }
        return findings;
    }

    /** Unresolved references are the `unresolved-reference` rule's, reported from the model. */
    protected override processLinkingErrors(): void {
        // nothing: see unresolved-reference
    }
}

/** The keywords that start an element, read from the grammar (bloc, activité, compétence …). */
let elementKeywords: RegExp | undefined;
function elementKeywordLine(): RegExp {
    if (!elementKeywords) {
        const grammar = CertirefGrammar();
        const names = ['KwCertification', 'KwBloc', 'KwOption', 'KwActivity', 'KwCompetency', 'KwModality', 'KwPart', 'KwCriterion'];
        const words = grammar.rules.filter((r) => names.includes(r.name))
            .flatMap((r) => AstUtils.streamAst(r).filter(GrammarAST.isKeyword).map((k) => k.value).toArray());
        const alternatives = [...new Set(words)].sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
        // the last line of a text that swallowed an element: `  critère CR2 "` (its closing quote
        // is in fact the opening quote of that element's own text)
        const id = '[\\p{L}\\p{N}_](?:[\\p{L}\\p{N}_.\\-]*[\\p{L}\\p{N}_])?';
        elementKeywords = new RegExp(`\\n[ \\t]*((?:${alternatives})(?:[ \\t]+${id}){0,4}[ \\t]*")$`, 'iu');
    }
    return elementKeywords;
}

/**
 * Texts whose closing quote is missing: the lexer reads them to the end of the file. As texts
 * span lines, the quote that is really missing is often earlier: a text that swallowed a line
 * starting with a keyword (`activité A2 "…`) is where to look, so the error points there.
 */
function unclosedTexts(document: LangiumDocument, lexer: Lexer): Array<{ range: Range; message: Bilingual }> {
    const root = document.parseResult?.value?.$cstNode;
    if (!root) return [];
    // Tokens skipped by the parser's error recovery are not in the syntax tree: lex again then.
    const tokens: Array<{ type: string; text: string; line: number; character: number }> = [];
    if (document.parseResult.parserErrors.length > 0) {
        for (const token of lexer.tokenize(document.textDocument.getText()).tokens) {
            tokens.push({ type: token.tokenType.name, text: token.image, line: (token.startLine ?? 1) - 1, character: (token.startColumn ?? 1) - 1 });
        }
    } else {
        for (const node of CstUtils.streamCst(root)) {
            if (isLeafCstNode(node)) tokens.push({ type: node.tokenType.name, text: node.text, line: node.range.start.line, character: node.range.start.character });
        }
    }
    let unclosed: Range | undefined;
    const suspects: Array<{ range: Range; line: string }> = [];
    for (const token of tokens) {
        const range = { start: { line: token.line, character: token.character }, end: { line: token.line, character: token.character + 1 } };
        if (token.type === 'UNCLOSED_TEXT') unclosed = range;
        else if (token.type === 'TEXT') {
            const m = elementKeywordLine().exec(token.text);
            if (m) suspects.push({ range, line: m[1].trim().replace(/"$/, '"…') });
        }
    }
    if (!unclosed) return [];
    const suspect = suspects[0];
    if (suspect) {
        return [{ range: suspect.range, message: syntaxErrorMessages.swallowed(suspect.line) }];
    }
    return [{ range: unclosed, message: syntaxMessage('unclosed text', '"') }];
}

function lineComments(document: LangiumDocument): LineComment[] {
    const root = document.parseResult?.value?.$cstNode;
    if (!root) return [];
    const out: LineComment[] = [];
    for (const node of CstUtils.streamCst(root)) {
        if (node.hidden && isLeafCstNode(node) && node.tokenType.name === 'SL_COMMENT') {
            out.push({ line: node.range.start.line, character: node.range.start.character, text: node.text });
        }
    }
    return out;
}

/** The severity a finding gets: fixed rules keep theirs; others follow the settings, else their default. */
function settingOf(rule: string, config: ResolvedConfig): Severity | 'off' {
    const meta = RULES_BY_ID.get(rule);
    if (meta?.configurable === false) return meta.defaultSeverity;
    return config.rules[rule] ?? meta?.defaultSeverity ?? 'error';
}

const LOWER: Record<Severity, Severity> = { error: 'warning', warning: 'info', info: 'hint', hint: 'hint' };

/**
 * The findings a document shows: each rule's findings with the severity the settings give it
 * (none when `off`; one step lower for a weaker finding), less the ones a `certiref-ignore`
 * comment suppresses, with the findings of the suppressions and of certiref.json itself; sorted
 * by place. `ran.registry`: the registry rules ran (a suppression of theirs is unused only then).
 */
export function applySettings(findings: RuleFinding[], config: ResolvedConfig, document: LangiumDocument, ran: { registry?: boolean } = {}): Finding[] {
    const didRun = (rule: string) => ran.registry === true || RULES_BY_ID.get(rule)?.needsRegistry !== true;
    const uri = document.uri.toString();
    const suppressions = parseSuppressions(document.textDocument.getText(), lineComments(document));
    const used = new Set<number>();
    const kept: RuleFinding[] = [];
    for (const f of findings) {
        if (settingOf(f.rule, config) === 'off') continue;
        const suppressible = RULES_BY_ID.get(f.rule)?.configurable !== false;
        const index = !suppressible ? -1 : suppressions.findIndex((s) => s.reason.length > 0 && s.rules.includes(f.rule)
            && (s.target === f.range.start.line || s.target === f.anchorLine));
        if (index >= 0) {
            used.add(index);
            continue;
        }
        kept.push(f);
    }
    suppressions.forEach((s, i) => {
        const range = { start: { line: s.line, character: s.character }, end: { line: s.line, character: s.character + s.length } };
        const unknown = s.rules.filter((r) => !RULES_BY_ID.has(r));
        if (s.rules.length === 0) {
            kept.push({ rule: 'suppression-without-reason', uri, range, message: suppressionWithoutReasonMessages.noRule() });
        } else if (s.reason.length === 0) {
            kept.push({ rule: 'suppression-without-reason', uri, range, message: suppressionWithoutReasonMessages.noReason(s.rules) });
        } else if (unknown.length > 0) {
            kept.push({ rule: 'unused-suppression', uri, range, message: unusedSuppressionMessages.unknownRule(unknown) });
        } else if (!used.has(i) && s.rules.some((r) => settingOf(r, config) !== 'off' && didRun(r))) {
            kept.push({ rule: 'unused-suppression', uri, range, message: unusedSuppressionMessages.suppressesNothing(s.rules, s.target + 1) });
        }
    });
    for (const problem of config.problems) {
        kept.push({ rule: 'invalid-config', uri, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, message: invalidConfigMessages.problem(problem) });
    }
    const out: Finding[] = [];
    for (const { anchorLine: _, weaker, ...f } of kept) {
        const setting = settingOf(f.rule, config);
        if (setting === 'off') continue;
        out.push({ ...f, severity: weaker ? LOWER[setting] : setting });
    }
    return out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
