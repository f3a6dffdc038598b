import { DefaultDocumentBuilder, type AstNode, type BuildOptions, type Cancellation, type LangiumDocument, type LangiumSharedCoreServices, type URI } from 'langium';
import type { CertirefServices } from '../certiref-module.js';
import { certificationHeaderOfText, idOfKey } from './membership.js';

type CancellationToken = Cancellation.CancellationToken;

/**
 * Langium relinks and revalidates a document when something it *references* changes. certiref's
 * findings also depend on what references a document (a criterion in file B makes the warning on
 * a competency in file A disappear), so an edit rebuilds every document of the certifications
 * it touches: the certification id of the edited file before and after the edit (the edit may
 * change the header). Files that are not .ref files are not référentiels: they touch nothing.
 */
export class CertirefDocumentBuilder extends DefaultDocumentBuilder {
    private affected = new Set<string>();
    private relinkAll = false;
    private services?: CertirefServices;

    constructor(private readonly shared: LangiumSharedCoreServices) {
        super(shared);
    }

    override async update(changed: URI[], deleted: URI[], cancelToken?: CancellationToken): Promise<void> {
        this.affected = new Set();
        this.relinkAll = false;
        const membership = this.certiref()?.referential.Membership;
        const headers: Array<{ uri: string; header: { id: string; main: boolean } | undefined }> = [];
        for (const uri of [...changed, ...deleted]) {
            const key = uri.toString();
            if (!/\.ref$/i.test(uri.path)) {
                // a folder may hold .ref files: rebuild all; any other file is not ours
                if (!/\.[^/]*$/.test(uri.path)) this.relinkAll = true;
                continue;
            }
            const before = membership?.lastKnownIdOf(key);
            if (before !== undefined) this.affected.add(before);
            const text = deleted.includes(uri) ? undefined : this.currentText(uri);
            const after = text === undefined ? undefined : certificationHeaderOfText(text);
            if (after !== undefined) this.affected.add(after.id);
            headers.push({ uri: key, header: after });
        }
        for (const uri of deleted) membership?.forget(uri.toString());
        membership?.invalidate(this.relinkAll || deleted.length > 0 ? undefined : headers);
        await super.update(changed, deleted, cancelToken);
    }

    override async build<T extends AstNode>(documents: Array<LangiumDocument<T>>, options?: BuildOptions, cancelToken?: CancellationToken): Promise<void> {
        this.certiref()?.referential.Membership.invalidate();
        await super.build(documents, options, cancelToken);
    }

    /**
     * Langium resumes a build that was cancelled with the options it had: a workspace's first
     * build (no validation) cut short by the update an opened file makes would leave the rest of
     * the workspace unvalidated — its findings missing from the preview, the outline and the
     * diff. A build that validates validates the documents it resumes too.
     */
    protected override prepareBuild(documents: LangiumDocument[], options: BuildOptions): void {
        super.prepareBuild(documents, options);
        if (!options.validation) return;
        for (const document of documents) {
            const state = this.buildState.get(document.uri.toString());
            if (state && !state.completed && !state.options.validation) state.options = { ...state.options, validation: options.validation };
        }
    }

    /**
     * Every reference of a .ref file stays within its certification (competencies, and the
     * certification a `partie de` file continues), so the documents to relink are exactly those
     * of the certifications an edit touches. Langium's own test (does the document reference a
     * changed one, or have an unresolved reference) walks every reference of every document on
     * each keystroke: not needed here.
     */
    protected override shouldRelink(document: LangiumDocument, _changedUris: Set<string>): boolean {
        if (this.relinkAll) return true;
        const key = this.certiref()?.referential.Membership.certificationOf(document);
        return key !== undefined && this.affected.has(idOfKey(key));
    }

    private currentText(uri: URI): string | undefined {
        const textDocuments = (this.shared as { workspace: { TextDocuments?: { get(uri: string): { getText(): string } | undefined } } })
            .workspace.TextDocuments;
        const open = textDocuments?.get(uri.toString());
        if (open) return open.getText();
        try {
            return this.shared.workspace.FileSystemProvider.readFileSync(uri);
        } catch {
            return undefined;
        }
    }

    private certiref(): CertirefServices | undefined {
        this.services ??= this.shared.ServiceRegistry.all.find((s) => s.LanguageMetaData.languageId === 'certiref') as CertirefServices | undefined;
        return this.services;
    }
}
