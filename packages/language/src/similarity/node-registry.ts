import type { LangiumSharedServices } from 'langium/lsp';
import type { Connection } from 'vscode-languageserver';
import type { CertirefServices } from '../certiref-module.js';
import type { RegistrySettings } from '../config/config.js';

/**
 * The desktop language server's registry: when the editor's setting (or the workspace's
 * certiref.json) names an export of the RNCP, its index is opened — built first, with the
 * editor's progress bar, when there is none or the export changed — and every document is
 * checked again with the registry rules. The comparison engine is read then, not at start-up.
 */
export class NodeRegistry {
    private key = '';
    private opening: Promise<void> = Promise.resolve();

    constructor(
        private readonly connection: Connection,
        private readonly shared: LangiumSharedServices,
        private readonly services: CertirefServices,
        private readonly revalidate: () => Promise<void>,
    ) {}

    /** Uses the editor's setting, else the registry that certiref.json names for the workspace's first document. */
    configure(editor: RegistrySettings | undefined): Promise<void> {
        const settings = editor?.export ? editor : this.fromConfigFile();
        const key = JSON.stringify([settings?.export ?? '', settings?.index ?? '', settings?.threshold ?? '']);
        if (key === this.key) return this.opening;
        this.key = key;
        this.opening = this.opening.then(() => this.open(settings, key));
        return this.opening;
    }

    private fromConfigFile(): RegistrySettings | undefined {
        for (const document of this.shared.workspace.LangiumDocuments.all) {
            const registry = this.services.referential.Config.getConfig(document.uri.toString()).registry;
            if (registry?.export) return registry;
        }
        return undefined;
    }

    private async open(settings: RegistrySettings | undefined, key: string): Promise<void> {
        const similarity = this.services.referential.Similarity;
        const previous = similarity.current;
        if (!settings?.export) {
            if (previous) {
                similarity.clear();
                previous.close();
                await this.revalidate();
            }
            return;
        }
        const fr = this.services.referential.Config.getConfig('file:///').language === 'fr';
        const progress = await this.connection.window.createWorkDoneProgress();
        try {
            const engine = await import('certiref-similar');
            let shown = false;
            const opened = await engine.openRegistryExport(settings.export, {
                indexFolder: settings.index,
                onBuild: () => {
                    shown = true;
                    progress.begin(fr ? 'certiref : index du registre RNCP' : "certiref: the RNCP registry's index", 0, fr ? 'construction…' : 'building…', false);
                },
                onProgress: (p) => {
                    if (shown && p.total > 0) progress.report(Math.min(99, Math.round((100 * p.bytes) / p.total)), `${p.fiches} fiches`);
                },
            });
            // a newer setting arrived meanwhile: this index is not the one asked for any more
            if (key !== this.key) {
                opened.index.close();
                return;
            }
            similarity.use(engine, opened.index, settings.threshold !== undefined ? { threshold: settings.threshold } : {});
            previous?.close();
        } catch (e) {
            const err = e as Error & { fr?: string; en?: string; format?: (language: 'fr' | 'en') => string };
            const why = typeof err.format === 'function' ? err.format(fr ? 'fr' : 'en') : `${settings.export}: ${err.message}`;
            void this.connection.window.showErrorMessage(fr
                ? `certiref : l'export du RNCP ne peut pas être lu, la comparaison au registre est désactivée. ${why}`
                : `certiref: the RNCP export cannot be read, the comparison with the registry is off. ${why}`);
            if (previous) {
                similarity.clear();
                previous.close();
            }
        } finally {
            progress.done();
        }
        await this.revalidate();
    }
}
