import {
    inject,
    type DeepPartial,
    type LangiumCoreServices,
    type LangiumSharedCoreServices,
    type Module,
    type PartialLangiumCoreServices,
} from 'langium';
import {
    createDefaultModule,
    createDefaultSharedModule,
    type DefaultSharedModuleContext,
    type LangiumServices,
    type LangiumSharedServices,
    type PartialLangiumServices,
} from 'langium/lsp';
import { CertirefGeneratedModule, CertirefGeneratedSharedModule } from './generated/module.js';
import { CertificationMembership } from './workspace/membership.js';
import { CertirefDocumentBuilder } from './workspace/document-builder.js';
import { CertirefDocumentUpdateHandler, CertirefTextDocuments } from './lsp/text-documents.js';
import { CertirefScopeComputation, CertirefScopeProvider } from './lsp/scope-provider.js';
import { CertirefCodeActionProvider } from './lsp/features/code-actions.js';
import { CertirefCodeLensProvider } from './lsp/features/code-lens.js';
import { CertirefExecuteCommandHandler } from './lsp/features/commands.js';
import { AccentInsensitiveFuzzyMatcher, CertirefCompletionProvider } from './lsp/features/completion.js';
import { CertirefFormatter } from './lsp/features/formatting.js';
import { CertirefHoverProvider } from './lsp/features/hover.js';
import { CertirefRenameProvider } from './lsp/features/rename.js';
import { CertirefSemanticTokenProvider } from './lsp/features/semantic-tokens.js';
import { CertirefDocumentSymbolProvider, CertirefWorkspaceSymbolProvider } from './lsp/features/symbols.js';
import { ReferentialModelService } from './workspace/model-service.js';
import { CertirefDocumentValidator } from './validation/document-validator.js';
import { RuleRunner } from './validation/rule-runner.js';
import { DocumentFindings } from './validation/findings.js';
import { ConfigProvider, StaticConfigProvider } from './config/config.js';
import { createCertirefParser } from './parser/langium-parser.js';
import { RegistrySimilarity } from './similarity/registry-similarity.js';

/** Services of the certiref language, beside Langium's own. One service per concern. */
export type CertirefAddedServices = {
    referential: {
        /** Which certification each document belongs to. */
        Membership: CertificationMembership;
        /** The one model of each certification, built from all its documents. */
        Models: ReferentialModelService;
        /** Runs the model rules on a certification's model. */
        Rules: RuleRunner;
        /** The findings of each validated document (what the CLI, the preview and the diff read). */
        Findings: DocumentFindings;
        /** Severity settings and message language, from certiref.json and the client. */
        Config: ConfigProvider;
        /** The registry rules' findings, once an index of the RNCP registry is loaded. */
        Similarity: RegistrySimilarity;
    };
};

export type CertirefServices = LangiumServices & CertirefAddedServices;

export const CertirefModule: Module<CertirefServices, PartialLangiumServices & CertirefAddedServices> = {
    referential: {
        Membership: (services) => new CertificationMembership(services),
        Models: (services) => new ReferentialModelService(services),
        Rules: (services) => new RuleRunner(services),
        Findings: (services) => new DocumentFindings(services),
        Config: () => new StaticConfigProvider(),
        Similarity: () => new RegistrySimilarity(),
    },
    parser: {
        LangiumParser: (services) => createCertirefParser(services),
    },
    references: {
        ScopeProvider: (services) => new CertirefScopeProvider(services),
        ScopeComputation: (services) => new CertirefScopeComputation(services),
    },
    validation: {
        DocumentValidator: (services) => new CertirefDocumentValidator(services),
    },
    lsp: {
        HoverProvider: (services) => new CertirefHoverProvider(services),
        CompletionProvider: (services) => new CertirefCompletionProvider(services),
        DocumentSymbolProvider: (services) => new CertirefDocumentSymbolProvider(services),
        CodeLensProvider: (services) => new CertirefCodeLensProvider(services),
        CodeActionProvider: (services) => new CertirefCodeActionProvider(services),
        RenameProvider: (services) => new CertirefRenameProvider(services),
        SemanticTokenProvider: (services) => new CertirefSemanticTokenProvider(services),
        Formatter: (services) => new CertirefFormatter(services),
    },
};

export const CertirefSharedModule: Module<LangiumSharedServices, DeepPartial<LangiumSharedServices>> = {
    workspace: {
        DocumentBuilder: (shared) => new CertirefDocumentBuilder(shared),
        TextDocuments: (shared) => new CertirefTextDocuments(shared),
    },
    lsp: {
        WorkspaceSymbolProvider: (shared) => new CertirefWorkspaceSymbolProvider(shared),
        FuzzyMatcher: () => new AccentInsensitiveFuzzyMatcher(),
        ExecuteCommandHandler: (shared) => new CertirefExecuteCommandHandler(shared),
        DocumentUpdateHandler: (shared) => new CertirefDocumentUpdateHandler(shared),
    },
};

export interface CreateServicesOptions {
    /** Overrides of services, e.g. a file-system configuration provider under Node. */
    module?: Module<CertirefServices, DeepPartial<CertirefServices>>;
}

/**
 * Creates the shared services and the certiref language services, registered together.
 */
export function createCertirefServices(context: DefaultSharedModuleContext, options: CreateServicesOptions = {}): {
    shared: LangiumSharedServices;
    Certiref: CertirefServices;
} {
    const shared = inject(createDefaultSharedModule(context), CertirefGeneratedSharedModule, CertirefSharedModule);
    const Certiref = inject(
        createDefaultModule({ shared }),
        CertirefGeneratedModule,
        CertirefModule,
        (options.module ?? {}) as Module<CertirefServices, DeepPartial<CertirefServices>>,
    );
    shared.ServiceRegistry.register(Certiref);
    return { shared, Certiref };
}

export type { LangiumCoreServices, LangiumSharedCoreServices, PartialLangiumCoreServices };
