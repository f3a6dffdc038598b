import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { UsageError } from './files.js';

export interface WriteOptions {
    /** A report (`-o`): refused when the path leads, through links, to a `.ref` file. */
    report?: boolean;
}

const { O_CREAT, O_EXCL, O_WRONLY, O_NOFOLLOW } = fs.constants;
/** A new file, never one that exists, never through a link (O_NOFOLLOW is 0 where unknown). */
const EXCLUSIVE = O_CREAT | O_EXCL | O_WRONLY | (O_NOFOLLOW ?? 0);

/**
 * Writes `content` to `file`:
 *
 * - `-`: standard output;
 * - a device, a pipe or a socket (`/dev/null`, a FIFO), or a link to one, and whatever stands
 *   under /dev or /proc (`/dev/stdout` when the output goes to a file): written as a stream,
 *   never replaced by a file;
 * - a regular file, new or existing (or the regular file a link leads to, the link kept):
 *   atomically, through a temporary file beside it (a rename needs the same file system) made
 *   exclusively under a random name, never through a link planted there, readable by its owner
 *   only until it takes the place of the file (with that file's mode); removed if anything
 *   fails, or if a signal comes while it is written.
 */
export function writeAtomic(file: string, content: string | Uint8Array, options: WriteOptions = {}): void {
    // standard output (`-`, /dev/stdout, /dev/fd/1 …), which may be a socket no path opens
    const fd = file === '-' ? 1 : ownDescriptor(path.resolve(file));
    if (fd !== undefined) {
        writeStream(fd, content, file);
        return;
    }
    let target = file;
    let existing: fs.Stats | undefined;
    try {
        existing = fs.lstatSync(file);
        if (existing.isSymbolicLink()) {
            // written through: to what it leads to (a device or a pipe as a stream; a regular file
            // replaced where it is, the link kept). A link to nowhere: nothing created through it.
            existing = fs.statSync(file);
            if (existing.isFile()) target = fs.realpathSync(file);
        }
    } catch (e) {
        if (existing || (e as NodeJS.ErrnoException).code !== 'ENOENT') fail(file, e);
        existing = undefined;
    }
    if (existing?.isDirectory()) throw new UsageError(`${file}: c'est un dossier / this is a folder`);
    if (options.report && target !== file && /\.ref$/i.test(target)) {
        throw new UsageError(`${file} : mène à ${target}, un rapport ne remplace pas un fichier .ref / leads to ${target}, a report does not replace a .ref file`);
    }
    // /dev/stdout, /dev/fd/3, /proc/self/fd/1 …: the descriptor's own file, even a regular one
    const descriptor = /^\/(?:dev|proc)\//.test(path.resolve(file));
    if (existing && (!existing.isFile() || descriptor)) {
        let fd: number | undefined;
        try {
            fd = fs.openSync(file, 'w');
            writeStream(fd, content, file);
        } catch (e) {
            fail(file, e);
        } finally {
            if (fd !== undefined) fs.closeSync(fd);
        }
        return;
    }
    replaceFile(target, content, existing, file);
}

/** The descriptor of this process a path names: /dev/stdout, /dev/stderr, /dev/fd/N, /proc/self/fd/N. */
function ownDescriptor(file: string): number | undefined {
    if (file === '/dev/stdout') return 1;
    if (file === '/dev/stderr') return 2;
    const m = /^\/(?:dev|proc\/self|proc\/thread-self)\/fd\/(\d+)$/.exec(file);
    return m ? Number(m[1]) : undefined;
}

/** All of `content` to an open descriptor (a pipe may take it in parts, or be full for a while). */
function writeStream(fd: number, content: string | Uint8Array, shown: string): void {
    const bytes = typeof content === 'string' ? Buffer.from(content) : content;
    let done = 0;
    while (done < bytes.length) {
        try {
            done += fs.writeSync(fd, bytes, done, bytes.length - done);
        } catch (e) {
            if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') fail(shown, e);
            Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10); // a full pipe: let its reader read
        }
    }
}

const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
let deferring = false;

/**
 * Without a handler, Ctrl-C (or a kill) stops the process at once, in the middle of a write,
 * and leaves its temporary file behind. With one, the signal waits for the synchronous write
 * to end (renamed or removed); it is then sent again, and does what it would have done.
 */
function deferSignals(): void {
    if (deferring) return;
    deferring = true;
    for (const signal of SIGNALS) {
        const handler = () => {
            for (const s of SIGNALS) process.removeAllListeners(s);
            process.kill(process.pid, signal);
        };
        process.on(signal, handler);
    }
}

function replaceFile(target: string, content: string | Uint8Array, existing: fs.Stats | undefined, shown: string): void {
    const dir = path.dirname(target);
    let tmp: string | undefined;
    deferSignals();
    try {
        fs.mkdirSync(dir, { recursive: true });
        let fd: number | undefined;
        for (let attempt = 0; fd === undefined; attempt++) {
            const name = path.join(dir, `.${path.basename(target)}.${randomBytes(8).toString('hex')}.tmp`);
            try {
                fd = fs.openSync(name, EXCLUSIVE, 0o600);
                tmp = name;
            } catch (e) {
                if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 8) throw e;
            }
        }
        try {
            fs.writeFileSync(fd, content);
            fs.fchmodSync(fd, existing ? existing.mode & 0o7777 : 0o666 & ~currentUmask());
            fs.fsyncSync(fd);
        } finally {
            fs.closeSync(fd);
        }
        fs.renameSync(tmp!, target);
        tmp = undefined;
    } catch (e) {
        if (tmp) fs.rmSync(tmp, { force: true });
        fail(shown, e);
    }
}

let umask: number | undefined;
function currentUmask(): number {
    if (umask === undefined) {
        // process.umask() without an argument is deprecated; setting it back at once is the way
        umask = process.umask(0o022);
        process.umask(umask);
    }
    return umask;
}

function fail(file: string, e: unknown): never {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`${file}: écriture impossible / cannot write (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
}
