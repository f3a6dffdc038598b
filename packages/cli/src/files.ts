import * as fs from 'node:fs';
import * as path from 'node:path';
import { globSync } from 'tinyglobby';
import { certificationHeaderOfText, nearestAncestor } from 'certiref-language';
import { describeProblem, notRegularFile, readProblem, readSource } from 'certiref-language/node';

export class UsageError extends Error {}

const SKIP = new Set(['node_modules', '.git']);

/**
 * .ref files of a folder and its subfolders (not node_modules nor hidden folders), links followed
 * once. A .ref entry that cannot be a source (a link that loops or leads nowhere, a pipe …) goes
 * to `problems` when given: the caller stops with it rather than skip a file unseen.
 */
function walk(dir: string, out: Set<string>, visited: Set<string>, problems?: string[]): void {
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
        } catch (e) {
            if (isRef(entry.name)) problems?.push(describeProblem(readProblem(full, e)));
            continue;
        }
        if (stat.isDirectory()) walk(full, out, visited, problems);
        else if (isRef(entry.name)) {
            if (stat.isFile()) out.add(full);
            else problems?.push(describeProblem(notRegularFile(full)));
        }
    }
}

function isLink(file: string): boolean {
    try {
        return fs.lstatSync(file).isSymbolicLink();
    } catch {
        return false;
    }
}

function isRef(name: string): boolean {
    return name.toLowerCase().endsWith('.ref');
}

/**
 * The .ref files named by the command line: files as given, folders searched recursively
 * (skipping node_modules and hidden folders), globs expanded, symlink loops cut; a file reached
 * twice (through a link) counts once. Sorted, absolute.
 */
export function collectFiles(inputs: string[], options: { allowEmpty?: boolean } = {}): string[] {
    const found = new Set<string>();
    const visited = new Set<string>();
    const problems: string[] = [];
    for (const input of inputs) {
        if (/[*?[\]{}]/.test(input) && !fs.existsSync(input)) {
            const matches = globSync(input, { cwd: process.cwd(), absolute: true, dot: false, ignore: ['**/node_modules/**'], followSymbolicLinks: false })
                .filter(isRef);
            if (matches.length === 0) throw new UsageError(`${input}: aucun fichier .ref ne correspond / no .ref file matches`);
            for (const m of matches) found.add(m);
            continue;
        }
        let stat: fs.Stats;
        try {
            stat = fs.statSync(input);
        } catch (e) {
            // a link that loops or leads nowhere is a file at fault; a name that is not there, a typo
            if (!isLink(input)) throw new UsageError(`${input}: fichier ou dossier introuvable / no such file or folder`);
            problems.push(describeProblem(readProblem(input, e)));
            continue;
        }
        if (stat.isDirectory()) {
            const before = found.size;
            const count = problems.length;
            walk(input, found, visited, problems);
            if (found.size === before && problems.length === count && !options.allowEmpty) throw new UsageError(`${input}: aucun fichier .ref dans ce dossier / no .ref file in this folder`);
        } else if (!isRef(input)) {
            throw new UsageError(`${input}: pas un fichier .ref / not a .ref file`);
        } else if (!stat.isFile()) {
            problems.push(describeProblem(notRegularFile(input)));
        } else found.add(input);
    }
    if (problems.length > 0) throw new UsageError(problems.map((p) => relativeProblem(p)).join('\n'));
    // one entry per real file
    const byReal = new Map<string, string>();
    for (const f of [...found].map((f) => path.resolve(f)).sort()) {
        let real = f;
        try {
            real = fs.realpathSync(f);
        } catch {
            // unreadable: reported when read
        }
        if (!byReal.has(real)) byReal.set(real, f);
    }
    return [...byReal.values()].sort();
}

/** A problem's path, relative to the current folder as the reports show paths. */
function relativeProblem(line: string): string {
    const cwd = process.cwd() + path.sep;
    return line.startsWith(cwd) ? line.slice(cwd.length) : line;
}

/**
 * The header of a .ref file, as the language server reads it: the certification it declares or
 * continues. A file that cannot be read (a pipe is never opened) has none here; the check says
 * why when it reads it.
 */
export function headerOf(file: string): { id: string; main: boolean } | undefined {
    const read = readSource(file);
    return 'text' in read ? certificationHeaderOfText(read.text) : undefined;
}

/** A folder as the membership rules compare folders: with its separator at the end. */
const asFolder = (folder: string) => (folder.endsWith(path.sep) ? folder : folder + path.sep);

/**
 * The other files of the certifications the given files belong to, so that checking one file
 * of a référentiel (a pre-commit hook passes only the changed ones) sees its declaration and its
 * sibling files: the declaration is looked for in the file's folder and the folders above it,
 * then every .ref file below the declaration's folder that names the same certification joins.
 * Findings are reported on the given files only.
 */
export function contextFiles(files: string[]): string[] {
    const given = new Set(files);
    const extra = new Set<string>();
    const scanned = new Map<string, string[]>(); // folder → .ref files directly in it
    const refsIn = (folder: string) => {
        let list = scanned.get(folder);
        if (!list) {
            try {
                list = fs.readdirSync(folder).filter(isRef).map((n) => path.join(folder, n));
            } catch {
                list = [];
            }
            scanned.set(folder, list);
        }
        return list;
    };
    const headers = new Map<string, ReturnType<typeof headerOf>>();
    const header = (file: string) => {
        if (!headers.has(file)) headers.set(file, headerOf(file));
        return headers.get(file);
    };
    const roots = new Map<string, Set<string>>(); // declaration folder → certification ids
    for (const file of files) {
        const own = header(file);
        if (!own) continue;
        let folder = path.dirname(file);
        let root: string | undefined;
        for (;;) {
            if (refsIn(folder).some((f) => { const h = header(f); return h?.main && h.id === own.id; })) {
                root = folder;
                break;
            }
            if (own.main) break;
            const parent = path.dirname(folder);
            if (parent === folder || fs.existsSync(path.join(folder, '.git'))) break;
            folder = parent;
        }
        if (root) roots.set(root, new Set([...(roots.get(root) ?? []), own.id]));
    }
    // a continuing file joins the nearest declaration of its certification above it (the
    // language server's rule, `nearestAncestor`): not a main file below, nor the files of another
    // declaration further down
    const declares = (folder: string, id: string) => refsIn(folder).some((r) => { const h = header(r); return h?.main && h.id === id; });
    const nearestDeclaration = (folder: string, id: string): string | undefined => {
        const above: string[] = [];
        for (let f = folder; ; f = path.dirname(f)) {
            if (declares(f, id)) above.push(asFolder(f));
            if (path.dirname(f) === f) break;
        }
        return nearestAncestor(asFolder(folder), above);
    };
    for (const [root, ids] of roots) {
        const below = new Set<string>();
        walk(root, below, new Set());
        for (const f of below) {
            const abs = path.resolve(f);
            if (given.has(abs)) continue;
            const h = header(abs);
            if (!h || !ids.has(h.id)) continue;
            // the declaration itself (and a second one beside it, which duplicate-id reports), and
            // the continuing files whose nearest declaration is this one
            if (h.main ? path.dirname(abs) === path.resolve(root) : nearestDeclaration(path.dirname(abs), h.id) === asFolder(root)) extra.add(abs);
        }
    }
    return [...extra].sort();
}
