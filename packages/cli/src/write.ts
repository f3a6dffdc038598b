import * as fs from 'node:fs';
import * as path from 'node:path';
import { UsageError } from './files.js';

/** Writes a file atomically: a temporary file beside it, then a rename (never a half-written file). */
export function writeAtomic(file: string, content: string | Uint8Array): void {
    const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
    try {
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(tmp, content);
        try {
            fs.chmodSync(tmp, fs.statSync(file).mode);
        } catch {
            // a new file: default mode
        }
        fs.renameSync(tmp, file);
    } catch (e) {
        try { fs.rmSync(tmp, { force: true }); } catch { /* nothing to clean */ }
        throw new UsageError(`${file}: écriture impossible / cannot write (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
}
