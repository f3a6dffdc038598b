import { AbstractExecuteCommandHandler, type ExecuteCommandAcceptor, type LangiumSharedServices } from 'langium/lsp';
import type { Range } from 'vscode-languageserver-protocol';

/** Selects a range in an editor: a quick fix runs it after its edit, so that its placeholder text is typed over. */
export const SELECT_COMMAND = 'certiref.select';

/**
 * The server's own commands, which any LSP client can run (`workspace/executeCommand`):
 * `certiref.select` asks the client to show a document with a range selected
 * (`window/showDocument`), as a snippet would leave it.
 */
export class CertirefExecuteCommandHandler extends AbstractExecuteCommandHandler {
    private shared?: LangiumSharedServices;

    constructor(shared: LangiumSharedServices) {
        super();
        this.shared = shared;
    }

    registerCommands(accept: ExecuteCommandAcceptor): void {
        accept(SELECT_COMMAND, async ([uri, range]: unknown[]) => {
            const connection = this.shared?.lsp.Connection;
            if (!connection || typeof uri !== 'string' || !range) return undefined;
            return connection.window.showDocument({ uri, selection: range as Range, takeFocus: true });
        });
    }
}
