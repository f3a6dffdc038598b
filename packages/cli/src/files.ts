import * as fs from 'node:fs';
import * as path from 'node:path';
import { globSync } from 'tinyglobby';

export class UsageError extends Error {}

const SKIP = new Set(['node_modules', '.git']);

/**
 * The .ref files named by the command line: files as given, folders searched recursively
 * (skipping node_modules and hidden folders), symlink loops cut. Sorted, without duplicates.
 */
export function collectFiles(inputs: string[]): string[] {
    const out = new Set<string>();
    const visited = new Set<string>();
    const walk = (dir: string) => {
        let real: string;
        try {
            real = fs.realpathSync(dir);
        } catch {
            return;
        }
        if (visited.has(real)) return;
        visited.add(real);
        let entries: fs.Dirent[];
        try {
            entries = fs.readdirSync(dir, { withFileTypes: true });
        } catch (e) {
            throw new UsageError(`${dir}: dossier illisible / cannot read folder (${(e as NodeJS.ErrnoException).code})`);
        }
        for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
            if (entry.name.startsWith('.') || SKIP.has(entry.name)) continue;
            const full = path.join(dir, entry.name);
            let stat: fs.Stats;
            try {
                stat = fs.statSync(full);
            } catch {
                continue; // dangling link
            }
            if (stat.isDirectory()) walk(full);
            else if (stat.isFile() && entry.name.toLowerCase().endsWith('.ref')) out.add(path.resolve(full));
        }
    };
    for (const input of inputs) {
        if (/[*?[\]{}]/.test(input) && !fs.existsSync(input)) {
            const matches = globSync(input, { cwd: process.cwd(), absolute: true, dot: false, ignore: ['**/node_modules/**'], followSymbolicLinks: false })
                .filter((f) => f.toLowerCase().endsWith('.ref'));
            if (matches.length === 0) throw new UsageError(`${input}: aucun fichier .ref ne correspond / no .ref file matches`);
            for (const m of matches) out.add(path.resolve(m));
            continue;
        }
        let stat: fs.Stats;
        try {
            stat = fs.statSync(input);
        } catch (e) {
            const code = (e as NodeJS.ErrnoException).code;
            throw new UsageError(code === 'ELOOP'
                ? `${input}: boucle de liens symboliques / symbolic link loop`
                : `${input}: fichier ou dossier introuvable / no such file or folder`);
        }
        if (stat.isDirectory()) walk(input);
        else out.add(path.resolve(input));
    }
    return [...out].sort();
}
