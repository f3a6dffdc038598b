import { DocumentState, type LangiumDocument } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { Language } from 'certiref-language';
import { TEXTS } from './texts.js';

/**
 * Progress on stderr for runs that last over a second, on a terminal only (never in CI logs or
 * when stderr is redirected): how many files have been read, linked and checked.
 */
export class Progress {
    private readonly started = Date.now();
    private shown = false;
    private done = 0;
    private phase: 'read' | 'check' = 'read';
    private lastRender = 0;

    constructor(
        private readonly total: number,
        private readonly language: Language,
        private readonly stream: NodeJS.WriteStream = process.stderr,
        private readonly delay = 1000,
    ) {}

    /** Counts documents as the builder validates them. */
    follow(shared: LangiumSharedServices): void {
        shared.workspace.DocumentBuilder.onDocumentPhase(DocumentState.Validated, (_doc: LangiumDocument) => {
            if (this.phase !== 'check') this.done = 0;
            this.phase = 'check';
            this.done++;
            this.render();
        });
    }

    /** Files checked so far (worker threads report by batch). */
    checked(count: number): void {
        this.phase = 'check';
        this.done = count;
        this.render();
    }

    read(count: number): void {
        this.done = count;
        this.render();
    }

    /** Building is synchronous work: the display is refreshed from the events, at most every 100 ms. */
    private render(): void {
        if (!this.stream.isTTY) return;
        const now = Date.now();
        if (now - this.started < this.delay || now - this.lastRender < 100) return;
        this.lastRender = now;
        this.shown = true;
        const what = (this.phase === 'read' ? TEXTS.reading : TEXTS.checking)[this.language];
        this.stream.write(`\r\u001b[2Kcertiref: ${what} ${this.done}/${this.total} ${TEXTS.files[this.language]}…`);
    }

    end(): void {
        if (this.shown) this.stream.write('\r\u001b[2K');
    }
}
