import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { RefFile } from './write-ref.js';

/**
 * Writing an import's files into a folder, as every writer of certiref does: nothing is written
 * over an existing file unless asked (`force`), and then each file atomically — its content goes
 * to a temporary file created exclusively (a random name, `wx`: never an existing file or a
 * link), then renamed over the target, so a reader sees the old file or the new one, never half
 * of one. A file whose content is already the same is left alone: importing the same document
 * twice changes nothing. Every file is checked before the first is written, so a refusal writes
 * nothing.
 */
export interface WriteFilesOptions {
    /** Replace existing files whose content differs. */
    force?: boolean;
}

export interface WriteFilesResult {
    /** Absolute paths written (new or replaced), in the order given. */
    written: string[];
    /** Absolute paths left alone: same content already. */
    unchanged: string[];
}

/** Why nothing was written, with the files at fault; the message is in both languages. */
export class WriteFilesError extends Error {
    constructor(readonly reason: 'exists' | 'not-a-file' | 'outside' | 'io', readonly files: string[], message: string) {
        super(message);
        this.name = 'WriteFilesError';
    }
}

export function writeFiles(folder: string, files: RefFile[], options: WriteFilesOptions = {}): WriteFilesResult {
    const root = path.resolve(folder);
    const targets = files.map((f) => ({ file: f, target: path.resolve(root, f.path) }));
    const outside = targets.filter((t) => path.relative(root, t.target).startsWith('..') || path.isAbsolute(path.relative(root, t.target)));
    if (outside.length > 0) {
        throw new WriteFilesError('outside', outside.map((t) => t.target), `hors du dossier ${root} / outside the folder ${root}: ${outside.map((t) => t.file.path).join(', ')}`);
    }
    const existing: string[] = [];
    const notFiles: string[] = [];
    const same = new Set<string>();
    for (const { file, target } of targets) {
        let stat: fs.Stats;
        try {
            stat = fs.lstatSync(target);
        } catch {
            continue; // a new file
        }
        if (!stat.isFile()) {
            notFiles.push(target);
            continue;
        }
        if (fs.readFileSync(target).equals(Buffer.from(file.text, 'utf8'))) same.add(target);
        else existing.push(target);
    }
    if (notFiles.length > 0) {
        throw new WriteFilesError('not-a-file', notFiles, `${notFiles.join(', ')} : existe et n'est pas un fichier ordinaire / exists and is not a regular file`);
    }
    if (existing.length > 0 && !options.force) {
        throw new WriteFilesError('exists', existing,
            `${existing.join(', ')} : existe déjà, ajoutez --force pour remplacer / already exists, add --force to replace`);
    }
    const result: WriteFilesResult = { written: [], unchanged: [] };
    for (const { file, target } of targets) {
        if (same.has(target)) {
            result.unchanged.push(target);
            continue;
        }
        writeFileAtomic(target, file.text);
        result.written.push(target);
    }
    return result;
}

/** One file, atomically: a temporary file created exclusively beside it, then a rename. */
export function writeFileAtomic(target: string, content: string | Uint8Array): void {
    const dir = path.dirname(target);
    let tmp: string | undefined;
    try {
        fs.mkdirSync(dir, { recursive: true });
        let fd: number | undefined;
        for (let attempt = 0; fd === undefined; attempt++) {
            tmp = path.join(dir, `.${path.basename(target)}.${randomBytes(8).toString('hex')}.tmp`);
            try {
                fd = fs.openSync(tmp, 'wx', 0o666);
            } catch (e) {
                if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 5) throw e;
            }
        }
        try {
            fs.writeFileSync(fd, content);
            fs.fsyncSync(fd);
        } finally {
            fs.closeSync(fd);
        }
        try {
            fs.chmodSync(tmp!, fs.statSync(target).mode);
        } catch {
            // a new file: the default mode
        }
        fs.renameSync(tmp!, target);
        tmp = undefined;
    } catch (e) {
        if (tmp) {
            try {
                fs.rmSync(tmp, { force: true });
            } catch {
                // nothing left to clean
            }
        }
        const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
        throw new WriteFilesError('io', [target], `${target} : écriture impossible / cannot write (${code})`);
    }
}
