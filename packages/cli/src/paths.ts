import * as path from 'node:path';

/** A path as the CLI's reports show it: relative to the current folder, with `/` separators. */
export function relative(file: string): string {
    const rel = path.relative(process.cwd(), file);
    return (rel === '' ? '.' : rel).split(path.sep).join('/');
}
