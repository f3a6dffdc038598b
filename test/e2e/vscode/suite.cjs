// Runs inside VS Code's extension host (the web worker of VS Code for the Web, or desktop VS
// Code): opens a seed référentiel and checks what a user would see. Shared by the web and the
// desktop suites. Throws on the first failure.
const vscode = require('vscode');

// no Node modules in the web extension host: a few assertions of our own
const assert = {
    ok(value, message) { if (!value) throw new Error(message || 'assertion failed'); },
    strictEqual(a, b, message) { if (a !== b) throw new Error(`${message || 'not equal'}: ${JSON.stringify(a)} !== ${JSON.stringify(b)}`); },
    deepStrictEqual(a, b, message) { if (JSON.stringify(a) !== JSON.stringify(b)) throw new Error(`${message || 'not equal'}: ${JSON.stringify(a)} !== ${JSON.stringify(b)}`); },
    match(text, re, message) { if (!re.test(text)) throw new Error(`${message || 'no match'}: ${JSON.stringify(String(text).slice(0, 300))} !~ ${re}`); },
};

async function waitFor(what, probe, timeout = 60000, seen = () => '') {
    const start = Date.now();
    for (;;) {
        const value = await probe();
        if (value) return value;
        if (Date.now() - start > timeout) throw new Error(`timeout: ${what} ${seen()}`);
        await new Promise((r) => setTimeout(r, 200));
    }
}

function positionOf(document, needle, shift) {
    const offset = document.getText().indexOf(needle);
    assert.ok(offset >= 0, `${needle} not found`);
    return document.positionAt(offset + shift);
}

const step = (what) => console.log(`[certiref e2e] ${what}`);

exports.run = async function run() {
    step('start');
    const folder = vscode.workspace.workspaceFolders[0].uri;
    const uri = vscode.Uri.joinPath(folder, 'bloc-5.ref');
    const document = await vscode.workspace.openTextDocument(uri);
    assert.strictEqual(document.languageId, 'certiref');
    await vscode.window.showTextDocument(document);

    step('opened');
    // diagnostics: the four findings of this file, computed with the other files of the
    // certification (read by the server through the workspace)
    const diagnostics = await waitFor('diagnostics', () => {
        const d = vscode.languages.getDiagnostics(uri);
        return d.length === 8 ? d : undefined;
    });
    const byLine = (a, b) => parseInt(a, 10) - parseInt(b, 10);
    assert.deepStrictEqual(diagnostics.map((d) => `${d.range.start.line + 1}:${typeof d.code === 'object' ? d.code.value : d.code}`).sort(byLine),
        ['26:competency-purpose', '123:competency-purpose', '137:competency-without-criterion', '143:competency-without-criterion',
            '187:criterion-without-competency', '192:criterion-without-competency', '207:competency-purpose', '225:competency-purpose']);

    step('diagnostics');
    // completion, hover and definition through VS Code's providers
    const at = positionOf(document, '        évalue CS1-1', 16);
    const completion = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', uri, at);
    const item = completion.items.find((i) => (typeof i.label === 'string' ? i.label : i.label.label) === 'CS1-2');
    assert.ok(item, 'CS1-2 is proposed');
    assert.match(String(item.detail), /^Etablir la stratégie marketing e-commerce/);
    const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', uri, at);
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /\*\*CS1-1\*\* — Réaliser un audit du marché/);
    const definitions = await vscode.commands.executeCommand('vscode.executeDefinitionProvider', uri, at);
    const target = definitions[0].targetUri ?? definitions[0].uri;
    const range = definitions[0].targetSelectionRange ?? definitions[0].range;
    assert.strictEqual(target.toString(), uri.toString());
    assert.match(document.lineAt(range.start.line).text, /compétence CS1-1 /);

    step('providers');
    // the preview: a panel beside the editor with the evaluation grids
    const api = await vscode.extensions.getExtension('certiref.certiref-vscode').activate();
    await vscode.commands.executeCommand('certiref.showPreviewToSide');
    const body = await waitFor('preview', () => api.preview.lastBody);
    assert.match(body, /Grille d&#39;évaluation — E5|Evaluation grid — E5/);
    assert.match(body, /CS2-4/);
    const tab = await waitFor('preview tab', () => vscode.window.tabGroups.all.flatMap((g) => g.tabs)
        .find((t) => t.input && t.input.viewType && String(t.input.viewType).endsWith('certiref.preview')));
    assert.match(tab.label, /^(Aperçu|Preview) bloc-5\.ref$/);
    assert.ok(vscode.window.tabGroups.all.length >= 2, 'the preview is beside the editor');

    step('preview');
    // the preview follows the typing: a new competency shows up
    const edit = new vscode.WorkspaceEdit();
    const line = document.lineAt(positionOf(document, 'compétence CS1-3', 0).line);
    edit.insert(uri, line.range.start, '      compétence CS1-9 "Compétence ajoutée pendant le test."\n');
    await vscode.workspace.applyEdit(edit);
    await waitFor('preview update', () => api.preview.lastBody && api.preview.lastBody.includes('CS1-9'));
    await vscode.commands.executeCommand('undo');

    step('typing');
    // the settings show at once: the language of the panel and the grid, the preview's options
    const config = vscode.workspace.getConfiguration('certiref');
    await config.update('language', 'fr', vscode.ConfigurationTarget.Global);
    const tabs = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => t.label);
    const shown = () => `(tabs: ${JSON.stringify(tabs())}; grid: ${JSON.stringify((/<caption>[^<]*/.exec(api.preview.lastBody || '') || [''])[0])})`;
    await waitFor('a French preview', () => api.preview.lastBody && api.preview.lastBody.includes('Grille d&#39;évaluation — E5') && tabs().includes('Aperçu bloc-5.ref'), 60000, shown);
    await config.update('language', 'en', vscode.ConfigurationTarget.Global);
    await waitFor('an English preview', () => api.preview.lastBody && api.preview.lastBody.includes('Evaluation grid — E5') && tabs().includes('Preview bloc-5.ref'), 60000, shown);
    await vscode.workspace.getConfiguration('certiref.preview').update('showCoverage', false, vscode.ConfigurationTarget.Global);
    await waitFor('the coverage matrix hidden', () => api.preview.lastHtml && api.preview.lastHtml.includes('.coverage { display: none; }'));
    await vscode.workspace.getConfiguration('certiref.preview').update('showCoverage', undefined, vscode.ConfigurationTarget.Global);
    await config.update('language', undefined, vscode.ConfigurationTarget.Global);
    await waitFor('the coverage matrix back', () => api.preview.lastHtml && !api.preview.lastHtml.includes('.coverage { display: none; }'));

    step('settings');
    // « Show Source » from the preview: the previewed file
    const previewTab = vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input && t.input.viewType && String(t.input.viewType).endsWith('certiref.preview'));
    await vscode.commands.executeCommand('workbench.action.focusSecondEditorGroup');
    assert.ok(previewTab, 'the preview tab is there');
    await waitFor('the preview focused', () => !vscode.window.activeTextEditor);
    await vscode.commands.executeCommand('certiref.showSource');
    await waitFor('the source shown', () => vscode.window.activeTextEditor && vscode.window.activeTextEditor.document.uri.toString() === uri.toString());

    step('source');
    // the dossier checklist: a panel beside the editor, each requirement met or not, with the places
    await vscode.commands.executeCommand('certiref.showChecklist', uri);
    const checklist = await waitFor('checklist', () => api.checklist.lastBody);
    assert.match(checklist, /(Liste de contrôle du dossier|Dossier checklist)/);
    // bloc 5: CS2-4 (line 137) judged by no criterion, a row that leads to its line
    assert.match(checklist, /<li class="finding" data-uri="[^"]*bloc-5\.ref" data-line="136" tabindex="0"><span class="where">bloc-5\.ref:137<\/span>/);
    // the header: no level, no certifier, no version or date (the seed gives none)
    assert.match(checklist, /<tr class="unmet" data-uri="[^"]*certification\.ref" data-line="4" tabindex="0"><th scope="row">(Niveau|Level)<\/th>/);
    const checklistTab = await waitFor('checklist tab', () => vscode.window.tabGroups.all.flatMap((g) => g.tabs)
        .find((t) => t.input && t.input.viewType && String(t.input.viewType).endsWith('certiref.checklist')));
    assert.match(checklistTab.label, /^(Liste de contrôle|Checklist) bloc-5\.ref$/);
    await vscode.window.showTextDocument(document);

    step('checklist');
    // the Référentiel tree and the status bar's data
    const outline = await api.outline(uri);
    assert.strictEqual(outline.certification.id, 'MSD');
    assert.ok(outline.counts.competencies >= 35);
    // the Export… command's data: the grids and rows of the certification, from the server
    const csv = await api.client.sendRequest('certiref/export', { uri: uri.toString(), format: 'csv' });
    assert.match(csv, /^\uFEFF(Certification|Certification),/);
    assert.match(csv, /MSD,5,2,AS2-2,CS2-4,/);
    const html = await api.client.sendRequest('certiref/export', { uri: uri.toString(), format: 'html' });
    assert.match(html, /^<!DOCTYPE html>/);
    // Word and Excel need the desktop's Node server: the Web Worker declines them
    const docx = await api.client.sendRequest('certiref/export', { uri: uri.toString(), format: 'docx' });
    assert.ok(docx === null || docx === undefined, 'no Word export in a Web Worker');
    // and the Export… menu offers what the server can make (the web: neither Word nor Excel)
    const formats = await api.client.sendRequest('certiref/exportFormats', { language: 'en' });
    assert.strictEqual(formats.map((f) => f.id).join(' '), 'json html md csv');

    step('export');
    // "Compare with…" an older version (a folder of the workspace without competency C2): the
    // report of certiref diff, in a panel beside the editor
    const older = vscode.Uri.joinPath(folder, '.older');
    const report = await vscode.commands.executeCommand('certiref.compareWith', uri, older);
    assert.ok(report && !report.empty, 'a report');
    assert.match(report.text, /\+ (competency|compétence) C2 \((activity|activité) A1\) (added|ajoutée) {2}bloc-1\.ref:33/);
    assert.match(report.text, /(Findings resolved|Constats résolus) \(1\)\n {2}\.older\/bloc-1\.ref:75:13 {2}error {2}.* {2}criterion-without-competency/);
    assert.match(report.markdown, /^### certiref diff — `\.older` → `MSD`/);
    assert.match(report.body, /<li class="change added" data-uri="[^"]*bloc-1\.ref" data-line="32" tabindex="0">/);
    const diffTab = await waitFor('compare tab', () => vscode.window.tabGroups.all.flatMap((g) => g.tabs)
        .find((t) => t.input && t.input.viewType && String(t.input.viewType).endsWith('certiref.diff')));
    assert.match(diffTab.label, /^(Changements depuis|Changes since) \.older$/);

    step('compare');
    // "Import a Word référentiel…": the desktop's command (its Word reader runs on Node), absent from the web
    const commands = await vscode.commands.getCommands(true);
    if (vscode.env.uiKind === vscode.UIKind.Desktop) {
        const word = await api.client.sendRequest('certiref/export', { uri: uri.toString(), format: 'docx' });
        const place = vscode.Uri.joinPath(folder, '.e2e-import');
        const docxUri = vscode.Uri.joinPath(place, 'MSD.docx');
        await vscode.workspace.fs.writeFile(docxUri, Uint8Array.from(atob(word.base64), (c) => c.charCodeAt(0)));
        const target = vscode.Uri.joinPath(place, 'MSD');
        const outcome = await vscode.commands.executeCommand('certiref.importDocx', docxUri, target, false);
        assert.strictEqual(outcome.error, undefined, 'imported');
        assert.deepStrictEqual(outcome.written.map((f) => f.replace(/^.*[\\/]/, '')), ['certification.ref', 'bloc-1.ref', 'bloc-2.ref', 'bloc-3.ref', 'bloc-4.ref', 'bloc-5.ref']);
        assert.strictEqual(outcome.notes.length, 0, 'nothing to review');
        assert.match(vscode.window.activeTextEditor.document.uri.path, /\.e2e-import\/MSD\/certification\.ref$/);
        const imported = vscode.Uri.joinPath(target, 'bloc-5.ref');
        await vscode.workspace.openTextDocument(imported);
        const again = await waitFor('diagnostics of the imported file', () => {
            const d = vscode.languages.getDiagnostics(imported);
            return d.length === 4 ? d : undefined;
        });
        assert.deepStrictEqual(again.map((d) => (typeof d.code === 'object' ? d.code.value : d.code)).sort(), diagnostics.map((d) => (typeof d.code === 'object' ? d.code.value : d.code)).sort());
        await vscode.workspace.fs.delete(place, { recursive: true });
    } else {
        assert.ok(!commands.includes('certiref.importDocx'), 'no Word import in the web');
    }
    step('import docx');
    // « Import a référentiel from the RNCP export… », desktop and web: the zip as downloaded (in
    // the web, its bytes read whole and its XML inflated piece by piece), one fiche, its files
    const exportZip = vscode.Uri.joinPath(folder, '.rncp', 'export-fiches-rncp-v4-1-extract.zip');
    const rncpTarget = vscode.Uri.joinPath(folder, '.e2e-rncp');
    const main = await vscode.commands.executeCommand('certiref.importRncp', exportZip, 'RNCP37674', rncpTarget, false);
    assert.ok(main, 'a main file');
    assert.match(main.path, /\.e2e-rncp\/RNCP37674\/certification\.ref$/);
    assert.match(vscode.window.activeTextEditor.document.getText(), /^certification RNCP37674 "Développeur web et web mobile"\n {2}rncp RNCP37674\n {2}niveau 5\n/);
    const bloc = vscode.Uri.joinPath(rncpTarget, 'RNCP37674', 'bloc-BC01.ref');
    const blocText = new TextDecoder().decode(await vscode.workspace.fs.readFile(bloc));
    assert.match(blocText, /compétence C1\.4 "Développer la partie dynamique des interfaces utilisateur web ou web mobile"/);
    await vscode.workspace.openTextDocument(bloc);
    // the places to review are information findings of the review-note rule
    await waitFor('review notes of the imported fiche', () => vscode.languages.getDiagnostics(bloc)
        .some((d) => (typeof d.code === 'object' ? d.code.value : d.code) === 'review-note'));
    // the same fiche again: the same files, nothing to ask
    const again = await vscode.commands.executeCommand('certiref.importRncp', exportZip, 'RNCP37674', rncpTarget, false);
    assert.ok(again, 'imported again');
    await vscode.workspace.fs.delete(rncpTarget, { recursive: true });
    step('done');
};
