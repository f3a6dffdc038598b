import * as path from 'node:path';
import { DocumentState, URI } from 'langium';
import { describe, expect, it } from 'vitest';
import { createNodeServices } from 'certiref-language/node';
import { bloc, HEADER } from '../helpers.js';

/** The workspace services: what follows the documents as they come and change. */
describe('the document builder', () => {
    it('an edit that cuts the workspace\'s first build short still validates every file of its certification', async () => {
        const { shared, Certiref } = createNodeServices();
        const files = {
            'r/certification.ref': HEADER,
            'r/bloc-1.ref': `partie de R\n${bloc('  modalité E1 "M"\n    évalue C1, C2\n    critère CR1 "x"').replace(HEADER, '')}`,
            'r/bloc-2.ref': 'partie de R\nbloc 2 "B"\n  activité A2 "a"\n    compétence C3 "x"\n    compétence C4 "y"\n  modalité E2 "M"\n    évalue C3, C4\n    critère "un critère pour deux compétences"\n',
        };
        const documents = Object.entries(files).map(([name, text]) => {
            const document = shared.workspace.LangiumDocumentFactory.fromString(text, URI.file(path.join('/virtual', name)));
            shared.workspace.LangiumDocuments.addDocument(document);
            return document;
        });
        const lock = shared.workspace.WorkspaceLock;
        // the workspace's first build (no validation, as Langium's workspace manager makes it) …
        const first = lock.write((token) => shared.workspace.DocumentBuilder.build(documents, {}, token)).catch(() => undefined);
        // … cut short by the update an opened file makes (it validates)
        const update = lock.write((token) => shared.workspace.DocumentBuilder.update([documents[1].uri], [], token));
        await Promise.all([first, update]);
        expect(documents.map((d) => `${path.basename(d.uri.path)}:${d.state >= DocumentState.Validated}`)).toEqual(['certification.ref:true', 'bloc-1.ref:true', 'bloc-2.ref:true']);
        expect(Certiref.referential.Findings.of(documents[2]).map((f) => f.rule)).toContain('criterion-without-competency');
    });
});
