import { DefaultDocumentBuilder, type Cancellation, type LangiumDocument, type LangiumSharedCoreServices, type URI } from 'langium';
type CancellationToken = Cancellation.CancellationToken;
import type { CertirefServices } from '../certiref-module.js';
import { certificationIdOfText } from './membership.js';

/**
 * Langium relinks and revalidates a document when something it *references* changes. certiref's
 * findings also depend on what references a document (a criterion in file B makes the warning on
 * a competency in file A disappear), so an edit rebuilds every document of the same
 * certification: before and after the edit, in case the edit changed the header.
 */
export class CertirefDocumentBuilder extends DefaultDocumentBuilder {
    private affected = new Set<string>();
    private relinkAll = false;

    constructor(private readonly shared: LangiumSharedCoreServices) {
        super(shared);
    }

    override async update(changed: URI[], deleted: URI[], cancelToken?: CancellationToken): Promise<void> {
        this.affected = new Set();
        this.relinkAll = false;
        for (const uri of [...changed, ...deleted]) {
            const key = uri.toString();
            const services = this.certiref();
            if (!services) {
                this.relinkAll = true;
                continue;
            }
            const before = services.referential.Membership.lastKnownCertificationOf(key);
            if (before !== undefined) this.affected.add(before);
            const text = this.currentText(uri);
            const after = text === undefined ? undefined : certificationIdOfText(text);
            if (after !== undefined) this.affected.add(after);
            else if (text !== undefined || before === undefined) this.relinkAll = true;
        }
        for (const uri of deleted) this.certiref()?.referential.Membership.forget(uri.toString());
        await super.update(changed, deleted, cancelToken);
    }

    protected override shouldRelink(document: LangiumDocument, changedUris: Set<string>): boolean {
        if (super.shouldRelink(document, changedUris)) return true;
        if (this.relinkAll) return true;
        const cert = this.certiref()?.referential.Membership.certificationOf(document);
        return cert !== undefined && this.affected.has(cert);
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
        const all = this.shared.ServiceRegistry.all;
        return all.find((s) => s.LanguageMetaData.languageId === 'certiref') as CertirefServices | undefined;
    }
}
