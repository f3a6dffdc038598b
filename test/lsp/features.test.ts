import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeAction, CodeLens, CompletionItem, CompletionList, DocumentSymbol, Hover, Location, SemanticTokens, TextEdit, WorkspaceEdit, WorkspaceSymbol } from 'vscode-languageserver-protocol';
import { checkTexts, ROOT } from '../helpers.js';
import { TestClient, useWorkspace } from './client.js';

/** Applies LSP text edits to a text. */
function apply(text: string, edits: TextEdit[]): string {
    const lines = text.split('\n');
    const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
    return [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start))
        .reduce((t, e) => t.slice(0, offset(e.range.start)) + e.newText + t.slice(offset(e.range.end)), text);
}

function positionOf(text: string, needle: string, occurrence = 0): { line: number; character: number } {
    let index = -1;
    for (let i = 0; i <= occurrence; i++) index = text.indexOf(needle, index + 1);
    if (index < 0) throw new Error(`${needle} not found`);
    const before = text.slice(0, index);
    return { line: before.split('\n').length - 1, character: index - before.lastIndexOf('\n') - 1 };
}

describe('language server features on the seeds', () => {
    const dir = path.join(ROOT, 'referentials/manager-strategie-digitale');
    const uriOf = (name: string) => pathToFileURL(path.join(dir, name)).toString();
    const textOf = (name: string) => fs.readFileSync(path.join(dir, name), 'utf8');
    let client: TestClient;
    let initialized: { capabilities: { semanticTokensProvider: { legend: { tokenTypes: string[] } } } };
    const bloc3 = uriOf('bloc-3.ref');
    const bloc5 = uriOf('bloc-5.ref');
    beforeAll(async () => {
        client = new TestClient();
        initialized = await client.initialize(pathToFileURL(dir).toString(), 'en') as typeof initialized;
        for (const name of ['certification.ref', 'bloc-3.ref', 'bloc-5.ref']) client.open(uriOf(name), textOf(name));
        await client.waitFor(bloc3, (d) => d.length > 0);
    });
    afterAll(async () => client?.stop());
    const request = <T>(method: string, params: object) => client.connection.sendRequest(method, params) as Promise<T>;
    const legendOf = async () => initialized.capabilities.semanticTokensProvider.legend;
    const at = (uri: string, text: string, needle: string, occurrence = 0, shift = 1) => {
        const p = positionOf(text, needle, occurrence);
        return { textDocument: { uri }, position: { line: p.line, character: p.character + shift } };
    };

    it('hover on a competency reference shows its text, activity, bloc, criteria and modalities', async () => {
        const hover = await request<Hover>('textDocument/hover', at(bloc3, textOf('bloc-3.ref'), '    évalue C11', 0, 12));
        const value = (hover.contents as { value: string }).value;
        expect(value).toMatch(/^\*\*C11\*\* — Organiser et phaser le projet/);
        expect(value).toContain('Activity A6 “Mise en œuvre opérationnelle');
        expect(value).toContain('bloc 3 “Déployer le projet digital de la marque”');
        expect(value).toContain('1 criterion (CR11 à 13) · evaluated by E3');
    });

    it('hover on a criterion shows the competencies it judges', async () => {
        const hover = await request<Hover>('textDocument/hover', at(bloc3, textOf('bloc-3.ref'), 'critère CR14', 0, 9));
        const value = (hover.contents as { value: string }).value;
        expect(value).toMatch(/^\*\*CR14\*\* \(E3\)/);
        expect(value).toContain('Judges (after its id):\n');
        expect(value).toContain('- **C14** Piloter, encadrer et animer');
    });

    it('completion offers the competencies in scope with their text, keywords and snippets', async () => {
        const text = textOf('bloc-3.ref');
        const p = positionOf(text, '    évalue C11 à C14');
        const list = await request<CompletionList | CompletionItem[]>('textDocument/completion', { textDocument: { uri: bloc3 }, position: { line: p.line, character: p.character + 11 } });
        const items = Array.isArray(list) ? list : list.items;
        const c12 = items.find((i) => i.label === 'C12');
        expect(c12?.detail).toMatch(/^Coordonner les relations avec les prestataires/);
        // the whole certification is in scope, the competencies of this bloc first
        const sorted = [...items].sort((x, y) => (x.sortText ?? x.label).localeCompare(y.sortText ?? y.label)).map((i) => i.label);
        expect(sorted.indexOf('C12')).toBeLessThan(sorted.indexOf('C1'));
        expect(sorted.indexOf('C14')).toBeLessThan(sorted.indexOf('CS1-1'));
        const start = positionOf(text, '  modalité E3');
        const atLine = await request<CompletionList>('textDocument/completion', { textDocument: { uri: bloc3 }, position: { line: start.line, character: 2 } });
        const labels = (Array.isArray(atLine) ? atLine : atLine.items).map((i) => i.label);
        // each keyword once, in the language of the file's keywords (French here), accents as French writes them
        expect(labels).toEqual(expect.arrayContaining(['compétence', 'activité', 'modalité', 'bloc', 'spécialisation', 'modalité E6']));
        for (const other of ['competency', 'competence', 'modality', 'modalite', 'activity', 'activite', 'block', 'specialisation', 'specialization']) expect(labels, other).not.toContain(other);
        expect(labels).toContain('compétence C20');
    });

    it('numbers the snippets with ids the certification does not use yet', async () => {
        // bloc 3 holds A6 and A7, but A8 and A9 are bloc 4's: the next free activity is A10
        const text = textOf('bloc-3.ref');
        const start = positionOf(text, '  modalité E3');
        const list = await request<CompletionList>('textDocument/completion', { textDocument: { uri: bloc3 }, position: { line: start.line, character: 2 } });
        const snippets = new Map((Array.isArray(list) ? list : list.items).filter((i) => i.kind === 15).map((i) => [i.label, i.textEdit?.newText]));
        expect([...snippets.keys()]).toEqual(['bloc 6', 'activité A10', 'compétence C20', 'modalité E6', 'critère CR20']);
        expect(snippets.get('activité A10')).toBe('activité ${1:A10} "${2}"\n  compétence ${3:C20} "${4}"');
        // a new bloc does not restart at A1 and C1, which exist
        expect(snippets.get('bloc 6')).toBe('bloc ${1:6} "${2:Titre}"\n  activité ${3:A10} "${4}"\n    compétence ${5:C20} "${6}"');
    });

    it('goes to the definition, finds references and highlights', async () => {
        const text = textOf('bloc-5.ref');
        const where = at(bloc5, text, 'évalue CS1-1', 0, 8);
        const definition = await request<Array<{ targetUri: string; targetSelectionRange: Location['range'] }>>('textDocument/definition', where);
        expect(definition[0].targetUri).toBe(bloc5);
        expect(definition[0].targetSelectionRange.start.line).toBe(positionOf(text, 'compétence CS1-1').line);
        const references = await request<Location[]>('textDocument/references', { ...where, context: { includeDeclaration: true } });
        expect(references.length).toBeGreaterThanOrEqual(2);
        const highlights = await request<Array<{ range: Location['range'] }>>('textDocument/documentHighlight', where);
        // every CS1-1 of the file, and nothing else
        const expected = [...text.matchAll(/\bCS1-1\b/g)].length;
        expect(highlights).toHaveLength(expected);
        for (const h of highlights) expect(text.split('\n')[h.range.start.line].slice(h.range.start.character, h.range.end.character)).toBe('CS1-1');
        expect(references.map((r) => r.uri)).toEqual(references.map(() => bloc5));
        expect(references).toHaveLength(expected);
    });

    it('renames a competency of a seed, and refuses to take one out of a range', async () => {
        const text = textOf('bloc-5.ref');
        const edit = await request<WorkspaceEdit>('textDocument/rename', { ...at(bloc5, text, 'compétence CS2-4', 0, 12), newName: 'CS2-9' });
        expect(edit.changes![bloc5].map((e) => `${e.range.start.line + 1}:${e.newText}`)).toEqual(['137:CS2-9', '176:CS2-9']);
        // C7 stands inside `évalue C5 à C10`: as C70 it would no longer be evaluated there
        await expect(request('textDocument/rename', { ...at(uriOf('bloc-2.ref'), textOf('bloc-2.ref'), 'compétence C7 ', 0, 12), newName: 'C70' }))
            .rejects.toThrow('C7 is inside the range "C5 à C10" (bloc-2.ref:57): renamed C70, it would fall out of it; rename that range by hand.');
    });

    it('outlines certification › bloc › option › activity › competency and modality › part › criterion', async () => {
        const symbols = await request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: bloc5 } });
        expect(symbols.map((s) => s.name)).toEqual(['partie de MSD']);
        const bloc = symbols[0].children![0];
        expect(bloc.name).toBe('bloc 5');
        expect(bloc.children!.map((s) => s.name)).toEqual(['option 1', 'option 2', 'option 3']);
        const option1 = bloc.children![0];
        expect(option1.children!.map((s) => s.name)).toEqual(['AS1-1', 'AS1-2', 'E5']);
        expect(option1.children![0].children!.map((s) => s.name)).toEqual(['CS1-1', 'CS1-2', 'CS1-3']);
        expect(option1.children![2].children!.map((s) => s.name)).toEqual(['Partie en groupe', 'Partie individuelle']);
        expect(option1.children![2].children![0].children!.map((s) => s.name)).toEqual(['CR1-1', 'CR1-2', 'CR1-3']);
    });

    it('finds workspace symbols by id', async () => {
        const symbols = await request<WorkspaceSymbol[]>('workspace/symbol', { query: 'CS2-4' });
        expect(symbols.map((s) => s.name)).toContain('CS2-4 Emettre des préconisations et rédiger des process…');
        expect(symbols.find((s) => s.name.startsWith('CS2-4'))!.containerName).toBe('MSD › bloc 5 › 2 › AS2-2');
    });

    it('shows code lenses on competencies and modalities', async () => {
        const lenses = await request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: bloc3 } });
        const titles = lenses.map((l) => l.command?.title);
        expect(titles).toContain('1 criterion · evaluated by E3');
        expect(titles).toContain('evaluates C11, C12, C13, C14 (4 competencies)');
        const c14 = lenses.find((l) => l.range.start.line === positionOf(textOf('bloc-3.ref'), 'compétence C14').line);
        expect(c14?.command?.title).toBe('3 criteria · evaluated by E3');
    });

    it('folds and colours', async () => {
        const text = textOf('bloc-3.ref');
        const lines = text.split('\n');
        const folds = await request<Array<{ startLine: number; endLine: number }>>('textDocument/foldingRange', { textDocument: { uri: bloc3 } });
        // the bloc folds down to its last line; the modality E3 folds too
        const blocLine = positionOf(text, 'bloc 3 ').line;
        const lastLine = lines.length - 1 - [...lines].reverse().findIndex((l) => l.trim() !== '');
        expect(folds).toContainEqual(expect.objectContaining({ startLine: blocLine, endLine: lastLine }));
        expect(folds).toContainEqual(expect.objectContaining({ startLine: positionOf(text, '  modalité E3').line }));
        const tokens = await request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri: bloc3 } });
        const legend = (await legendOf()).tokenTypes;
        const decoded: string[] = [];
        for (let i = 0, line = 0, character = 0; i < tokens.data.length; i += 5) {
            const [dl, dc, length, type] = tokens.data.slice(i, i + 4);
            line += dl;
            character = dl ? dc : character + dc;
            decoded.push(`${lines[line].slice(character, character + length)}:${legend[type]}`);
        }
        // competencies (declared and referenced), activities, modalities and criteria each have their colour
        expect(decoded).toEqual(expect.arrayContaining(['C11:variable', 'A6:class', 'E3:function', 'CR14:property']));
        expect(decoded.filter((t) => t === 'C14:variable').length).toBeGreaterThanOrEqual(2);
    });

    it('offers quick fixes for the findings', async () => {
        const diagnostics = await client.waitFor(bloc5, (d) => d.length > 0);
        const missing = diagnostics.find((d) => d.code === 'competency-without-criterion')!;
        const actions = await request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: bloc5 }, range: missing.range, context: { diagnostics: [missing] } });
        expect(actions.map((a) => a.title)).toEqual(['Create criterion CR2-4 in E5, Partie individuelle']);
        const edit = actions[0].edit!.changes![bloc5];
        const fixed = apply(textOf('bloc-5.ref'), edit);
        // the new line is in the language of the file's keywords
        expect(fixed).toContain('      critère CR2-4 "À rédiger"\n');
    });
});

describe('rename and formatting on a workspace of one\'s own', () => {
    const A = `certification R "Renommer"
  accessibilité "Aménagements."

bloc 1 "Bloc"
  activité A1 "a"
    compétence C4 "Quatrième."
    compétence C5 "Cinquième."
`;
    const B = `partie de R

bloc 1
  modalité E1 "M"
    évalue C4, C5
    critère CR4 "a"
    critère CR5 "b"
`;
    const ws = useWorkspace({ 'a.ref': A, 'b.ref': B });
    const a = () => ws.uri('a.ref');
    const b = () => ws.uri('b.ref');

    it('renames a competency across files, with the criteria numbered after it', async () => {
        const { client } = ws;
        client.open(a(), A);
        client.open(b(), B);
        await client.waitFor(b(), (d) => d.length === 0);
        const position = positionOf(A, 'C4');
        const edit = await client.connection.sendRequest('textDocument/rename', { textDocument: { uri: a() }, position, newName: 'C7' }) as WorkspaceEdit;
        expect(apply(A, edit.changes![a()])).toContain('compétence C7 "Quatrième."');
        const newB = apply(B, edit.changes![b()]);
        expect(newB).toContain('évalue C7, C5');
        expect(newB).toContain('critère CR7 "a"');
    });

    it('renames a criterion numbered after the competency it names with juge', async () => {
        const { client } = ws;
        const text = B.replace('critère CR4 "a"', 'critère CR4 juge C4 "a"');
        client.change(b(), text);
        await client.waitFor(b(), (d) => d.length === 0);
        const edit = await client.connection.sendRequest('textDocument/rename', { textDocument: { uri: a() }, position: positionOf(A, 'C4'), newName: 'C7' }) as WorkspaceEdit;
        expect(apply(text, edit.changes![b()])).toContain('critère CR7 juge C7 "a"');
        client.change(b(), B);
        await client.waitFor(b(), (d) => d.length === 0);
    });

    it('survives text being typed: an évalue with nothing after it yet', async () => {
        const { client } = ws;
        client.change(b(), B.replace('évalue C4, C5', 'évalue'));
        const d = await client.waitFor(b(), (x) => x.some((y) => y.code === 'syntax-error'));
        expect(d.every((y) => y.code === 'syntax-error')).toBe(true);
        const hover = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: a() }, position: positionOf(A, 'C4') });
        expect(hover).toBeTruthy();
        client.change(b(), B);
        await client.waitFor(b(), (x) => x.length === 0);
    });

    it('finds the references and the definition across files', async () => {
        const { client } = ws;
        const references = await client.connection.sendRequest('textDocument/references', { textDocument: { uri: a() }, position: positionOf(A, 'C4'), context: { includeDeclaration: true } }) as Location[];
        expect(references.map((r) => `${r.uri === a() ? 'a' : 'b'}:${r.range.start.line}:${r.range.start.character}`).sort()).toEqual([
            `a:${positionOf(A, 'C4').line}:${positionOf(A, 'C4').character}`,
            `b:${positionOf(B, 'C4').line}:${positionOf(B, 'C4').character}`,
        ]);
        const definition = await client.connection.sendRequest('textDocument/definition', { textDocument: { uri: b() }, position: positionOf(B, 'C5') }) as Array<{ targetUri: string; targetSelectionRange: Location['range'] }>;
        expect(definition.map((d) => [d.targetUri, d.targetSelectionRange.start])).toEqual([[a(), positionOf(A, 'C5')]]);
    });

    it('refuses a rename whose criterion would take an id already used', async () => {
        const { client } = ws;
        const text = B.replace('    critère CR5 "b"', '    critère CR5 "b"\n    critère CR9 juge C5 "c"');
        client.change(b(), text);
        await client.waitFor(b(), (d) => d.some((x) => x.code === 'criterion-id-mismatch'));
        await expect(client.connection.sendRequest('textDocument/rename', { textDocument: { uri: a() }, position: positionOf(A, 'C4'), newName: 'C9' }))
            .rejects.toThrow(/Criterion CR9 already exists \(b\.ref:8\): CR4 cannot become it\./);
        client.change(b(), B);
        await client.waitFor(b(), (d) => d.length === 0);
    });

    it('refuses a rename that would collide', async () => {
        await expect(ws.client.connection.sendRequest('textDocument/rename', { textDocument: { uri: a() }, position: positionOf(A, 'C4'), newName: 'C5' }))
            .rejects.toThrow(/Competency C5 already exists \(a\.ref:7\): choose another id\./);
    });

    it('formats to the canonical layout, keeping every word and comment, idempotently', async () => {
        const messy = `certification   R "Renommer"
      accessibilité    "Aménagements."
bloc 1 "Bloc"
 activité A1 "a"
        compétence C4 "Quatrième,
                sur deux lignes."   // fin de ligne
  // au-dessus de C5
              compétence C5 "Cinquième."
`;
        const { client } = ws;
        const uri = a();
        client.change(uri, messy);
        await client.waitFor(uri, () => true);
        const edits = await client.connection.sendRequest('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } }) as TextEdit[];
        const formatted = apply(messy, edits);
        expect(formatted).toBe(`certification R "Renommer"
  accessibilité "Aménagements."

bloc 1 "Bloc"
  activité A1 "a"
    compétence C4 "Quatrième,
      sur deux lignes." // fin de ligne
    // au-dessus de C5
    compétence C5 "Cinquième."
`);
        client.change(uri, formatted);
        await client.waitFor(uri, () => true);
        const again = await client.connection.sendRequest('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } }) as TextEdit[];
        expect(again).toEqual([]);
    });
});

describe('quick fixes', () => {
    const TEXT = `certification Q "Corrections"
  accessibilité "Aménagements."

bloc 1 "Bloc"
  activité A1.1 "a"
    compétence C1 "Un."
    compétence C2 "Deux."
  activité A1.2 "b"
    compétence C3 "Trois."
  activité A1.3 "c"
    compétence C4 "Quatre."
  activité A.4 "d"
    compétence C5 "Cinq."
  modalité E1 "M"
    évalue C1, C2, C3, C4, C5
    critère CR1 juge C2 "mal numéroté"
    critère CR3 "c"
    critère CR4 "d"
    critère CR5 juge C6 "typo"
    // certiref-ignore id-pattern -- plus rien à ignorer ici
    critère juge C1 "a"
`;
    const ws = useWorkspace({ 'q.ref': TEXT });

    it('fix a mismatched criterion id, an off-pattern id, a typo, and remove an unused suppression', async () => {
        const { client } = ws;
        const uri = ws.uri('q.ref');
        client.open(uri, TEXT);
        const diagnostics = await client.waitFor(uri, (d) => d.length >= 4);
        const fixes = new Map<string, string>();
        for (const d of diagnostics) {
            const actions = await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } }) as CodeAction[];
            for (const a of actions) fixes.set(`${d.code}: ${a.title}`, apply(TEXT, a.edit!.changes![uri]));
        }
        expect([...fixes.keys()].sort()).toEqual([
            'criterion-id-mismatch: Rename the criterion to CR2',
            'id-pattern: Rename to A1.4',
            'unresolved-reference: Replace with C5',
            'unused-suppression: Remove this comment',
        ]);
        expect(fixes.get('criterion-id-mismatch: Rename the criterion to CR2')).toContain('critère CR2 juge C2 "mal numéroté"');
        expect(fixes.get('id-pattern: Rename to A1.4')).toContain('activité A1.4 "d"');
        expect(fixes.get('unresolved-reference: Replace with C5')).toContain('critère CR5 juge C5 "typo"');
        expect(fixes.get('unused-suppression: Remove this comment')).not.toContain('certiref-ignore');
    });

    it('add a competency to a modality\'s évalue list', async () => {
        const { client } = ws;
        const uri = ws.uri('q.ref');
        const text = TEXT.replace('évalue C1, C2, C3, C4, C5', 'évalue C1, C2, C3, C4').replace('    critère CR5 juge C6 "typo"\n', '');
        client.change(uri, text);
        const d = (await client.waitFor(uri, (x) => x.some((y) => y.code === 'competency-not-evaluated'))).find((y) => y.code === 'competency-not-evaluated')!;
        const actions = await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } }) as CodeAction[];
        expect(actions.map((a) => a.title)).toEqual(['Add C5 to "evaluates" of E1']);
        expect(apply(text, actions[0].edit!.changes![uri])).toContain('évalue C1, C2, C3, C4, C5');
    });
});

describe('completion as one types', () => {
    const TEXT = `certification T "Saisie"
  accessibilité "Aménagements."

bloc 1 "Bloc"
  activité A1 "a"
    compétence C1 "Un."
    compétence C2 "Deux."
  modalité E1 "M"
    évalue C1, C2
    critère CR1 "x"
`;
    const ws = useWorkspace({ 't.ref': TEXT });
    const complete = async (typed: string) => {
        const uri = ws.uri('t.ref');
        const text = `${TEXT}    ${typed}\n`;
        ws.client.change(uri, text);
        const line = text.split('\n').length - 2;
        const list = await ws.client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line, character: 4 + typed.length } }) as CompletionList;
        return { items: Array.isArray(list) ? list : list.items, line };
    };

    it('filters by the word typed, accents or not, and a snippet replaces that word', async () => {
        ws.client.open(ws.uri('t.ref'), TEXT);
        await ws.client.waitFor(ws.uri('t.ref'), () => true);
        const { items, line } = await complete('crit');
        // the keyword once (not also critere, criterion), and the snippet with the next free id
        expect(items.map((i) => i.label).sort()).toEqual(['critère', 'critère CR2']);
        const snippet = items.find((i) => i.label === 'critère CR2')!;
        expect(snippet.textEdit).toEqual({ range: { start: { line, character: 4 }, end: { line, character: 8 } }, newText: 'critère ${1:CR2} "${2}"' });
        expect(snippet.filterText).toBe('critère critere');
        // typed without its accent, the keyword is found all the same
        expect((await complete('criter')).items.map((i) => i.label).sort()).toEqual(['critère', 'critère CR2']);
        expect((await complete('modalite')).items.map((i) => i.label).sort()).toEqual(['modalité', 'modalité E2']);
    });

    it('in an English file, the English keywords only', async () => {
        const uri = ws.uri('t.ref');
        const english = TEXT.replace('bloc 1', 'block 1').replace('activité', 'activity').replace(/compétence/g, 'competency').replace('modalité', 'modality').replace('évalue', 'evaluates').replace('critère', 'criterion');
        ws.client.change(uri, `${english}    crit\n`);
        const line = english.split('\n').length - 1;
        const list = await ws.client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line, character: 8 } }) as CompletionList;
        expect((Array.isArray(list) ? list : list.items).map((i) => i.label).sort()).toEqual(['criterion', 'criterion CR2']);
        ws.client.change(uri, TEXT);
    });
});

describe('« Create criterion CR3 »: in id order, its placeholder selected', () => {
    const TEXT = `certification P "Placement"
  accessibilité "Aménagements."

bloc 1 "Bloc"
  activité A1 "a"
    compétence C1 "Un."
    compétence C2 "Deux."
    compétence C3 "Trois."
    compétence C4 "Quatre."
  modalité E1 "M"
    évalue C1, C2, C3, C4
    critère CR1 "a"
    critère CR2 "b"
    critère CR4 "d"
`;
    const ws = useWorkspace({ 'p.ref': TEXT }, 'fr');

    it('goes between CR2 and CR4, and its command selects « À rédiger » (window/showDocument)', async () => {
        const { client } = ws;
        const uri = ws.uri('p.ref');
        client.open(uri, TEXT);
        const d = (await client.waitFor(uri, (x) => x.some((y) => y.code === 'competency-without-criterion'))).find((y) => y.code === 'competency-without-criterion')!;
        const actions = await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } }) as CodeAction[];
        expect(actions.map((a) => a.title)).toEqual(['Créer le critère CR3 dans E1']);
        const after = apply(TEXT, actions[0].edit!.changes![uri]);
        expect(after).toContain('    critère CR2 "b"\n    critère CR3 "À rédiger"\n    critère CR4 "d"\n');
        const command = actions[0].command!;
        expect(command.command).toBe('certiref.select');
        const [target, range] = command.arguments as [string, { start: { line: number; character: number }; end: { line: number; character: number } }];
        expect(target).toBe(uri);
        expect(range.start.line).toBe(range.end.line);
        expect(after.split('\n')[range.start.line].slice(range.start.character, range.end.character)).toBe('À rédiger');
        // the server runs it: it asks the client to show the document with that selection
        await client.connection.sendRequest('workspace/executeCommand', { command: command.command, arguments: command.arguments });
        expect(client.shown.at(-1)).toEqual({ uri, selection: range, takeFocus: true });
    });

    it('duplicate-id: on every declaration after the first, the first as related information; no suggestion names an id in use', async () => {
        const { client } = ws;
        const uri = ws.uri('p.ref');
        // CR2 added above the CR2 that was there; CR3 judges C4, whose own id CR4 is taken
        const text = TEXT.replace('    critère CR1 "a"\n', '    critère CR1 "a"\n    critère CR2 "nouveau"\n').replace('    critère CR4 "d"\n', '    critère CR4 "d"\n    critère CR3 juge C4 "e"\n');
        client.change(uri, text);
        const diagnostics = await client.waitFor(uri, (x) => x.some((y) => y.code === 'duplicate-id'));
        const duplicates = diagnostics.filter((y) => y.code === 'duplicate-id');
        expect(duplicates.map((y) => y.range.start.line)).toEqual([13]);
        expect(duplicates[0].relatedInformation).toEqual([{ location: { uri, range: { start: { line: 12, character: 12 }, end: { line: 12, character: 15 } } }, message: 'Première déclaration de CR2' }]);
        // CR4 exists: the mismatch says « Renommez-le » without naming it, and offers no rename to it
        const mismatch = diagnostics.find((y) => y.code === 'criterion-id-mismatch')!;
        expect(mismatch.message).not.toMatch(/CR4 ou|Renommez-le CR/);
        const actions = await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: mismatch.range, context: { diagnostics: [mismatch] } }) as CodeAction[];
        expect(actions).toEqual([]);
        client.change(uri, TEXT);
    });
});

describe('checks paused by a syntax error, in the views', () => {
    const TEXT = `certification P "Pause"
  accessibilité "Aménagements."

bloc 1 "Bloc"
  activité A1 "a"
    compétence C1 "Un."
    compétence C2 "Deux."
  modalité E1 "M"
    évalue C1, C2
    critère CR1 "a"
`;
    const ws = useWorkspace({ 'p.ref': TEXT }, 'fr');

    it('the preview shows a banner and the status bar\'s outline says which file pauses them; both go once it is fixed', async () => {
        const { client } = ws;
        const uri = ws.uri('p.ref');
        const broken = `${TEXT}    critère CR2 "pas fermé\n`;
        client.open(uri, broken);
        await client.waitFor(uri, (d) => d.some((x) => x.code === 'checks-paused'));
        const preview = await client.connection.sendRequest('certiref/preview', { uri, language: 'fr' }) as { body: string };
        expect(preview.body).toContain('<p class="paused">Vérifications de complétude suspendues\u00a0: p.ref contient une erreur de syntaxe.');
        expect((await client.connection.sendRequest('certiref/outline', { uri }) as { paused?: string[] }).paused).toEqual([uri]);
        client.change(uri, TEXT);
        await client.waitFor(uri, (d) => !d.some((x) => x.code === 'checks-paused'));
        expect((await client.connection.sendRequest('certiref/preview', { uri, language: 'fr' }) as { body: string }).body).not.toContain('class="paused"');
        expect((await client.connection.sendRequest('certiref/outline', { uri }) as { paused?: string[] }).paused).toBeUndefined();
    });
});

describe('snippets in a référentiel of one\'s own', () => {
    // ids that carry their bloc's number (A2.1, C2.1 in bloc 02), zero-padded bloc ids
    const TEXT = `certification S "Snippets"
  accessibilité "Aménagements."

bloc 01 "Premier"
  activité A1.1 "a"
    compétence C1.1 "Un."
    compétence C1.2 "Un bis."
  modalité E1 "M"
    évalue C1.1, C1.2
    critère CR1.1 "x"
    critère CR1.2 "x bis"

bloc 02 "Deuxième"
  activité A2.1 "b"
    compétence C2.1 "Deux."
    compétence C2.2 "Deux bis."
  modalité E2 "N"
    évalue C2.1, C2.2
    critère CR2.1 "y"
    critère CR2.2 "y bis"
`;
    const ws = useWorkspace({ 's.ref': TEXT });

    it('a new bloc keeps the digits of the bloc ids, and its first ids follow the bloc\'s number', async () => {
        const { client } = ws;
        const uri = ws.uri('s.ref');
        const text = TEXT + '\n';
        client.open(uri, text);
        await client.waitFor(uri, (d) => d.length === 0);
        const list = await client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: text.split('\n').length - 1, character: 0 } }) as CompletionList;
        const bloc = list.items.find((i) => i.kind === 15 && i.label.startsWith('bloc '));
        expect(bloc?.label).toBe('bloc 03');
        expect(bloc?.textEdit?.newText).toBe('bloc ${1:03} "${2:Titre}"\n  activité ${3:A3.1} "${4}"\n    compétence ${5:C3.1} "${6}"');
    });

    it('a new activity in the first bloc takes the next id free in the whole certification', async () => {
        const { client } = ws;
        const uri = ws.uri('s.ref');
        const text = TEXT.replace('  modalité E1', '  \n  modalité E1');
        client.change(uri, text);
        await client.waitFor(uri, () => true);
        const line = positionOf(text, '  modalité E1').line - 1;
        const list = await client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line, character: 2 } }) as CompletionList;
        const labels = list.items.filter((i) => i.kind === 15).map((i) => i.label);
        expect(labels).toEqual(['bloc 03', 'activité A1.2', 'compétence C1.3', 'modalité E3', 'critère CR1.3']);
    });
});

describe('no snippet inside a text or a comment', () => {
    const TEXT = `certification T "Textes"
  accessibilité "Aménagements."

bloc 1 "Bloc"
  activité A1 "a"
    compétence C1 "Un texte sur
      deux lignes."
    /* un commentaire
       sur deux lignes */
    compétence C2 "Deux."
  modalité E1 "M"
    évalue C1, C2
    critère CR1 "x"
    critère CR2 "y"
`;
    const ws = useWorkspace({ 't.ref': TEXT });

    it('where a line starts with a word that begins no element', async () => {
        const { client } = ws;
        const uri = ws.uri('t.ref');
        client.open(uri, TEXT);
        await client.waitFor(uri, (d) => d.length === 0);
        const snippetsAt = async (needle: string, shift: number) => {
            const p = positionOf(TEXT, needle);
            const list = await client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: p.line, character: p.character + shift } }) as CompletionList | null;
            return (list?.items ?? []).filter((i) => i.kind === 15).map((i) => i.label);
        };
        expect(await snippetsAt('      deux lignes', 10)).toEqual([]);
        expect(await snippetsAt('       sur deux lignes', 10)).toEqual([]);
        // at the start of an element's line they are offered
        expect(await snippetsAt('    compétence C2', 4)).toContain('compétence C3');
    });
});

describe('quick fixes, edge cases', () => {
    const TEXT = `certification Q "Corrections"
  accessibility "Arrangements."

block 1 "Block"
  activity A1 "a"
    competency C1 "One."
    competency C2 "Two."
    competency C3 "Three."
  modality E1 "M"
    evaluates C1, C2, C3
    criterion CR1 "x"   // the last criterion
    criterion juge C2, C1, C12 "typo"
`;
    const ws = useWorkspace({ 'q.ref': TEXT });

    it('a new criterion goes under the line\'s comment, in the language of the keywords', async () => {
        const { client } = ws;
        const uri = ws.uri('q.ref');
        const text = TEXT.replace('    criterion juge C2, C1, C12 "typo"\n', '');
        client.open(uri, text);
        const d = (await client.waitFor(uri, (x) => x.some((y) => y.code === 'competency-without-criterion' && y.message.includes('C3'))))
            .find((y) => y.code === 'competency-without-criterion' && y.message.includes('C3'))!;
        const actions = await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } }) as CodeAction[];
        expect(actions.map((a) => a.title)).toEqual(['Create criterion CR3 in E1']);
        expect(apply(text, actions[0].edit!.changes![uri])).toContain('    criterion CR1 "x"   // the last criterion\n    criterion CR3 "To be written"\n');
        // what the fix writes holds a place: placeholder-text reports it, where it was written
        const fixed = apply(text, actions[0].edit!.changes![uri]);
        const line = fixed.split('\n').findIndex((l) => l.includes('criterion CR3 "To be written"')) + 1;
        const { findings } = await checkTexts({ 'q.ref': fixed }, { writingRules: true });
        expect(findings.filter((f) => f.rule === 'placeholder-text').map((f) => `${f.line} ${f.message}`))
            .toContain(`${line} Criterion CR3 holds "To be written", which stands in for the text: write what the jury observes or measures before the référentiel is delivered.`);
    });

    it('a new criterion goes at the end of the last criterion\'s line in a file whose lines end with CR', async () => {
        const { client } = ws;
        const uri = ws.uri('q.ref');
        const text = TEXT.replace('    criterion juge C2, C1, C12 "typo"\n', '').replace(/\n/g, '\r');
        client.change(uri, text);
        const d = (await client.waitFor(uri, (x) => x.some((y) => y.code === 'competency-without-criterion' && y.message.includes('C3'))))
            .find((y) => y.code === 'competency-without-criterion' && y.message.includes('C3'))!;
        const actions = await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } }) as CodeAction[];
        const [edit] = actions[0].edit!.changes![uri];
        const line = text.split('\r').indexOf('    criterion CR1 "x"   // the last criterion');
        expect(edit.range.start).toEqual({ line, character: '    criterion CR1 "x"   // the last criterion'.length });
        expect(edit.newText).toBe('\r    criterion CR3 "To be written"');
    });

    it('offers no replacement that would name a competency twice in the same list', async () => {
        const { client } = ws;
        const uri = ws.uri('q.ref');
        client.change(uri, TEXT);
        const d = (await client.waitFor(uri, (x) => x.some((y) => y.code === 'unresolved-reference'))).find((y) => y.code === 'unresolved-reference')!;
        // the message suggests a competency the list already names
        expect(d.message).toMatch(/C12 .*Did you mean C[12]\?/);
        const actions = await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } }) as CodeAction[];
        expect(actions.map((a) => a.title)).not.toContain('Replace with C1');
        expect(actions.map((a) => a.title)).not.toContain('Replace with C2');
    });
});

describe('a fix that cannot be made', () => {
    // C1-4 breaks the C1.n pattern, but renaming it is refused: it is judged by a criterion
    // written as a range, which the rename will not cut
    const TEXT = `certification P "Motif"
  accessibility "Arrangements."

block 1 "Block"
  activity A1 "a"
    competency C1.1 "One."
    competency C1.2 "Two."
    competency C1.3 "Three."
    competency C1-4 "Four."
    competency C1.5 "Five."
  modality E1 "M"
    evaluates C1.1, C1.2, C1.3, C1-4, C1.5
    criterion CR1.1 "x"
    criterion CR1.2 "y"
    criterion CR1.3 "z"
    criterion CR8 à CR9 judges C1-4 "w"
`;
    const ws = useWorkspace({ 'p.ref': TEXT });

    it('is left out, and the other fixes of the request are still offered', async () => {
        const { client } = ws;
        const uri = ws.uri('p.ref');
        client.open(uri, TEXT);
        const diagnostics = await client.waitFor(uri, (d) => d.some((x) => x.code === 'id-pattern') && d.some((x) => x.code === 'competency-without-criterion'));
        const whole = { start: { line: 0, character: 0 }, end: { line: TEXT.split('\n').length, character: 0 } };
        const actions = await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: whole, context: { diagnostics } }) as CodeAction[];
        expect(actions.map((a) => a.title)).toContain('Create criterion CR1.5 in E1');
        expect(actions.map((a) => a.title)).not.toContain('Rename to C1.4');
    });
});

describe('in French', () => {
    const A = `certification F "En français"
  accessibilité "Aménagements."

bloc 1 "Bloc"
  activité A1 "a"
    compétence C1 "Première."
    compétence C2 "Deuxième."
  modalité E1 "M"
    évalue C1, C2
    critère CR1 "a"
    critère CR1-bis juge C1 "b"
    critère CR2 "c"
`;
    const ws = useWorkspace({ 'f.ref': A }, 'fr');

    it('code lenses, hover and a refused rename speak French', async () => {
        const { client } = ws;
        const uri = ws.uri('f.ref');
        client.open(uri, A);
        await client.waitFor(uri, () => true);
        const lenses = await client.connection.sendRequest('textDocument/codeLens', { textDocument: { uri } }) as CodeLens[];
        expect(lenses.map((l) => l.command?.title)).toEqual(['2 critères · évaluée par E1', '1 critère · évaluée par E1', 'évalue C1, C2 (2 compétences)']);
        const hover = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: positionOf(A, 'CR2', 0) }) as Hover;
        expect((hover.contents as { value: string }).value).toBe('**CR2** (E1)\n\nJuge (d\'après son identifiant)\u00a0:\n\n- **C2** Deuxième.');
        await expect(client.connection.sendRequest('textDocument/rename', { textDocument: { uri }, position: positionOf(A, 'C1 "'), newName: 'C2' }))
            .rejects.toThrow('La compétence C2 existe déjà (f.ref:7)\u00a0: choisissez un autre identifiant.');
    });
});

describe('certiref lsp --stdio', () => {
    it('starts with the arguments LSP clients add (--clientProcessId=…)', async () => {
        const client = new TestClient({ args: [`--clientProcessId=${process.pid}`] });
        try {
            const result = await client.initialize(pathToFileURL(path.join(ROOT, 'examples/starter')).toString()) as { capabilities: { hoverProvider?: boolean } };
            expect(result.capabilities.hoverProvider).toBe(true);
            expect(client.stderr).toBe('');
        } finally {
            await client.stop();
        }
    });
});

describe('rename and a criterion whose id is a range', () => {
    const TEXT = `certification H "Plages"
  accessibilité "Aménagements."

bloc 1 "Bloc"
  activité A1 "a"
    compétence C18 "Dix-huit."
    compétence C19 "Dix-neuf."
  modalité E1 "M"
    évalue C18, C19
    critère CR18-19 "Juge C18 et C19 d'après son identifiant."
`;
    const ws = useWorkspace({ 'h.ref': TEXT });

    it('refuses to rename a competency that CR18-19 judges by its id', async () => {
        const { client } = ws;
        const uri = ws.uri('h.ref');
        client.open(uri, TEXT);
        await client.waitFor(uri, (d) => d.length === 0);
        const hover = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: positionOf(TEXT, 'CR18-19') }) as Hover;
        expect((hover.contents as { value: string }).value).toContain('- **C18**');
        await expect(client.connection.sendRequest('textDocument/rename', { textDocument: { uri }, position: positionOf(TEXT, 'C18 "'), newName: 'C40' }))
            .rejects.toThrow(/C18 is in the range of criterion CR18-19 \(h\.ref:10\): rename that criterion by hand\./);
    });
});
