import * as path from 'node:path';
import { printable } from 'certiref-language';

/** A path as the CLI's reports show it: relative to the current folder, with `/` separators. */
export function relative(file: string): string {
    const rel = path.relative(process.cwd(), file);
    return (rel === '' ? '.' : rel).split(path.sep).join('/');
}

/** A path as a terminal shows it: relative, its control and invisible characters as `U+XXXX`. */
export function printablePath(file: string): string {
    return printable(relative(file));
}
