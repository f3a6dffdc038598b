import { startLanguageServer } from 'langium/lsp';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node.js';
import { createCertirefServices } from './certiref-module.js';
import { NodeConfigProvider } from './config/node-config-provider.js';
import { CertirefNodeFileSystemProvider } from './node.js';
import { languageOfEnvironment, languageOfLocale } from './i18n.js';
import { revalidateAll, setupServer } from './lsp/server-setup.js';
import { NodeRegistry } from './similarity/node-registry.js';

/** The language server over stdio (or the transport given on the command line). */
export function startNodeServer(): void {
    const connection = createConnection(ProposedFeatures.all);
    const config = new NodeConfigProvider();
    config.defaultLanguage = languageOfEnvironment(process.env);
    const { shared, Certiref } = createCertirefServices({ connection, fileSystemProvider: () => new CertirefNodeFileSystemProvider() }, { module: { referential: { Config: () => config } } });
    shared.lsp.LanguageServer.onInitialize((params) => {
        if (params.locale) config.defaultLanguage = languageOfLocale(params.locale);
    });
    // certiref.json may have changed with any update: read it again.
    shared.workspace.DocumentBuilder.onUpdate(() => config.clear());
    // Word and Excel for the editor's Export…, loaded on first use (their libraries weigh)
    // the registry rules, when an export of the RNCP is named (editor setting or certiref.json)
    const registry = new NodeRegistry(connection, shared, Certiref, () => revalidateAll(shared));
    setupServer(connection, shared, config, () => import('./export/office.js'), registry);
    startLanguageServer(shared);
}
