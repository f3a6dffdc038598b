import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

/**
 * The invariants of ARCHITECTURE.md that the imports show: what each folder may import. A
 * failure names the file and the import that breaks the rule; the rule is in ARCHITECTURE.md.
 */
const LANGUAGE = path.join(ROOT, 'packages/language/src');

/** The .ts files below a folder (generated code left out), as paths relative to `base`. */
function sources(folder: string, base = folder): string[] {
    return fs.readdirSync(folder, { withFileTypes: true }).flatMap((e) => {
        const full = path.join(folder, e.name);
        if (e.isDirectory()) return e.name === 'generated' ? [] : sources(full, base);
        return e.name.endsWith('.ts') ? [path.relative(base, full)] : [];
    });
}

/** What a file imports: relative imports resolved against `base`, packages as written. */
function importsOf(file: string, base: string): string[] {
    const text = fs.readFileSync(path.join(base, file), 'utf8');
    return [...text.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)].map(([, spec]) => spec.startsWith('.')
        ? path.relative(base, path.resolve(path.dirname(path.join(base, file)), spec)).replace(/\.js$/, '.ts')
        : spec);
}

function violations(base: string, files: string[], forbidden: (spec: string) => boolean): string[] {
    return files.flatMap((f) => importsOf(f, base).filter(forbidden).map((spec) => `${f} imports ${spec}`));
}

const all = sources(LANGUAGE);
const under = (folder: string) => all.filter((f) => f.startsWith(`${folder}/`));

describe('layers', () => {
    it('the model imports neither the workspace, the LSP layer, the validator, the rules nor the layouts', () => {
        expect(violations(LANGUAGE, under('model'), (s) => /^(lsp|workspace|validation|rules|render|export|diff)\//.test(s) || /^langium\/lsp|^vscode-languageserver(\/|$)/.test(s))).toEqual([]);
    });

    it('rules read the model, never the syntax tree nor the LSP layer', () => {
        expect(violations(LANGUAGE, under('rules'), (s) => /^(generated|lsp|workspace|validation|render|export)\//.test(s) || /^langium|^vscode-languageserver(\/|$)/.test(s))).toEqual([]);
        for (const f of under('rules')) expect(fs.readFileSync(path.join(LANGUAGE, f), 'utf8'), f).not.toMatch(/\.node\b/);
    });

    it('layouts (render, export) read the model and its view, not the syntax tree nor the LSP layer', () => {
        expect(violations(LANGUAGE, [...under('render'), ...under('export')], (s) => /^(generated|lsp|workspace|validation|rules)\//.test(s) || /^langium\/lsp|^vscode-languageserver(\/|$)/.test(s))).toEqual([]);
    });

    it('an LSP diagnostic is made in one place: lsp/diagnostics.ts', () => {
        const makers = all.filter((f) => /DiagnosticSeverity\./.test(fs.readFileSync(path.join(LANGUAGE, f), 'utf8')));
        expect(makers).toEqual(['lsp/diagnostics.ts']);
        const cli = sources(path.join(ROOT, 'packages/cli/src'));
        // the CLI reads findings, never a document's diagnostics
        expect(cli.filter((f) => /document\.diagnostics|\.diagnostics \?\?|DiagnosticSeverity|CertirefDiagnosticData/.test(fs.readFileSync(path.join(ROOT, 'packages/cli/src', f), 'utf8')))).toEqual([]);
    });

    it('the protocol and the two languages stay light at run time: the extension reads them', () => {
        // what each may import at run time (type imports vanish): nothing, or a module that imports nothing
        const allowed: Record<string, string[]> = { 'protocol.ts': [], 'i18n.ts': ['./typography.js'], 'typography.ts': [] };
        for (const [f, may] of Object.entries(allowed)) {
            const text = fs.readFileSync(path.join(LANGUAGE, f), 'utf8');
            const imported = (text.match(/^import (?!type ).*$/gm) ?? []).map((line) => /'([^']+)'/.exec(line)?.[1]);
            expect(imported, f).toEqual(may);
        }
    });

    it('the extension reads the language package through its light entries only', () => {
        const base = path.join(ROOT, 'packages/extension/src');
        const files = sources(base).filter((f) => !/^server-/.test(f));
        expect(violations(base, files, (s) => s.startsWith('certiref-language') && !['certiref-language/protocol', 'certiref-language/i18n', 'certiref-language/render-style'].includes(s))).toEqual([]);
    });

    it('the CLI has no import cycle', () => {
        const base = path.join(ROOT, 'packages/cli/src');
        const files = sources(base);
        const graph = new Map(files.map((f) => [f, importsOf(f, base).filter((s) => files.includes(s))]));
        const cycles: string[] = [];
        const visit = (file: string, trail: string[]) => {
            if (trail.includes(file)) {
                cycles.push([...trail.slice(trail.indexOf(file)), file].join(' → '));
                return;
            }
            for (const next of graph.get(file) ?? []) visit(next, [...trail, file]);
        };
        for (const f of files) visit(f, []);
        expect(cycles).toEqual([]);
    });
});
