import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { URI } from 'langium';
import {
    diffReferentials, diffSide, diffToJson, diffToMarkdown, diffToText, printable, renewalFile, renewalToMarkdown, renewalToText, summarize, type CertificationModel,
    type DiffPaths, type DiffSide, type Language, type ReferentialDiff, type RenewalFile, type SeveritySetting,
} from 'certiref-language';
import { loadWorkspace } from './check.js';
import { UsageError } from './files.js';
import { relative } from './paths.js';

export type DiffFormat = 'text' | 'markdown' | 'json' | 'docx' | 'xlsx';

export interface DiffOptions {
    /** OLD and NEW (files or folders), or with `git` the paths to compare (default: the current folder). */
    paths: string[];
    /** Compare the working tree with this revision. */
    git?: string;
    format: DiffFormat;
    language?: Language;
    defaultLanguage: Language;
    rules?: Record<string, SeveritySetting>;
    version: string;
    /**
     * Compare as a renewal: the previous and the new version of one certification, under two
     * RNCP numbers, their blocs paired by correspondence. Taken when each side holds one
     * certification and their RNCP numbers differ; `true` asks for it, `false` refuses it.
     */
    renewal?: boolean;
}

export interface DiffResult {
    text: string | Buffer;
    diff: ReferentialDiff;
    /** The renewal file, when the two versions were compared as a renewal. */
    renewal?: RenewalFile;
    language: Language;
    /** Errors the new version has that the old one had not. */
    introducedErrors: number;
}

/**
 * `certiref diff OLD NEW` and `certiref diff --git REV [paths…]`: both versions are loaded and
 * checked as `certiref check` would (each with its own certiref.json), then compared as models.
 */
export async function diff(options: DiffOptions): Promise<DiffResult> {
    const settings = { language: options.language, defaultLanguage: options.defaultLanguage, rules: options.rules, allowEmpty: true };
    let oldSide: DiffSide;
    let newSide: DiffSide;
    let language: Language;
    let paths: DiffPaths;
    let labels: { old: string; new: string };
    if (options.git === undefined) {
        if (options.paths.length !== 2) throw new UsageError('diff : donnez ANCIEN et NOUVEAU, ou --git RÉVISION [chemins…] / diff: give OLD and NEW, or --git REV [paths…]');
        const [oldPath, newPath] = options.paths;
        const before = await loadWorkspace({ ...settings, paths: [oldPath] });
        const after = await loadWorkspace({ ...settings, paths: [newPath] });
        oldSide = diffSide(before.services, before.documents);
        newSide = diffSide(after.services, after.documents);
        language = after.language;
        const shown = (uri: string) => relative(URI.parse(uri).fsPath);
        paths = { old: shown, new: shown };
        labels = { old: oldPath, new: newPath };
    } else {
        const inputs = options.paths.length > 0 ? options.paths : ['.'];
        const revision = materializeRevision(options.git, inputs);
        try {
            // a path deleted since the revision: everything in it was removed
            const missing = inputs.filter((p) => !fs.existsSync(p) && !revision.found.has(p));
            if (missing.length > 0) throw new UsageError(`${missing.join(', ')} : introuvable ici comme en ${options.git} / not found here nor at ${options.git}`);
            const load = async (paths: string[]) => {
                if (paths.length === 0) return { side: { models: [], findings: [] }, language: undefined };
                const loaded = await loadWorkspace({ ...settings, paths });
                return { side: diffSide(loaded.services, loaded.documents), language: loaded.language };
            };
            const after = await load(inputs.filter((p) => fs.existsSync(p)));
            const before = await load(revision.paths);
            [oldSide, newSide] = [before.side, after.side];
            language = after.language ?? before.language ?? options.language ?? options.defaultLanguage;
        } finally {
            fs.rmSync(revision.root, { recursive: true, force: true });
        }
        // git's own notation: the revision, then the path from the top of the repository
        const fromRevision = (uri: string) => `${options.git}:${path.relative(revision.root, URI.parse(uri).fsPath).split(path.sep).join('/')}`;
        paths = { old: fromRevision, new: (uri) => relative(URI.parse(uri).fsPath) };
        labels = { old: options.git, new: inputs.join(' ') };
    }
    const result = diffReferentials(oldSide, newSide);
    const introducedErrors = summarize(result).introduced.errors;
    const declared = (m: CertificationModel) => m.declared;
    const [oldModels, newModels] = [oldSide.models.filter(declared), newSide.models.filter(declared)];
    // a renewal registers the certification under a new RNCP number
    const rncp = (m: CertificationModel) => m.rncp?.replace(/^RNCP\s*/i, '').toUpperCase();
    const renewal = options.renewal
        ?? (oldModels.length === 1 && newModels.length === 1 && rncp(oldModels[0]!) !== undefined && rncp(newModels[0]!) !== undefined && rncp(oldModels[0]!) !== rncp(newModels[0]!));
    if (renewal) {
        if (oldModels.length !== 1 || newModels.length !== 1) {
            throw new UsageError(`--renewal : une certification de chaque côté, pas ${oldModels.length} et ${newModels.length} / one certification on each side, not ${oldModels.length} and ${newModels.length}`);
        }
        const file = renewalFile(oldModels[0]!, newModels[0]!);
        const text = options.format === 'docx' ? await (await import('certiref-language/office')).renewalToDocx(file, language)
            : options.format === 'xlsx' ? await (await import('certiref-language/office')).renewalToXlsx(file, language)
                : options.format === 'json' ? JSON.stringify({ tool: { name: 'certiref', version: options.version }, renewal: file }, null, 2) + '\n'
                    : options.format === 'markdown' ? renewalToMarkdown(file, language) : printable(renewalToText(file, language), { lines: true });
        return { text, diff: result, renewal: file, language, introducedErrors };
    }
    if (options.format === 'docx' || options.format === 'xlsx') {
        throw new UsageError(`${options.format} : les tableaux Word et Excel sont ceux d'un renouvellement (deux certifications, ou --renewal) / ${options.format}: the Word and Excel tables are a renewal's (two certifications, or --renewal)`);
    }
    const report = { language, paths, labels };
    const text = options.format === 'json'
        ? JSON.stringify(diffToJson(result, { ...report, tool: { name: 'certiref', version: options.version } }), null, 2) + '\n'
        : options.format === 'markdown' ? diffToMarkdown(result, report) : printable(diffToText(result, report), { lines: true }); // text for a terminal: no escape sequence from a title
    return { text, diff: result, language, introducedErrors };
}

function git(args: string[], cwd: string, input?: string): Buffer {
    const run = spawnSync('git', args, { cwd, input, maxBuffer: 1 << 30 });
    if (run.error) throw new UsageError(`git : ${(run.error as NodeJS.ErrnoException).code === 'ENOENT' ? 'introuvable / not found' : run.error.message}`);
    if (run.status !== 0) throw new UsageError(`git ${args[0]} : ${run.stderr.toString().trim().split('\n')[0]}`);
    return run.stdout;
}

/**
 * The .ref files (and certiref.json files) of a revision, written under a temporary folder with
 * their paths in the repository, so that the old version is read exactly as the working tree is:
 * the same folders make the same certifications, with the settings of that revision. `paths`
 * are the given paths' counterparts in that folder (those that exist at the revision).
 */
function materializeRevision(revision: string, inputs: string[]): { root: string; top: string; paths: string[]; found: Set<string> } {
    const top = git(['rev-parse', '--show-toplevel'], process.cwd()).toString().trim();
    if (revision.startsWith('-')) throw new UsageError(`--git ${revision} : révision invalide / invalid revision`);
    const commit = spawnSync('git', ['rev-parse', '--verify', '--quiet', `${revision}^{commit}`], { cwd: top });
    if (commit.status !== 0) throw new UsageError(`--git ${revision} : révision inconnue / unknown revision`);
    const sha = commit.stdout.toString().trim();
    const listed = git(['ls-tree', '-r', '-z', '--full-tree', '--name-only', sha], top).toString().split('\0').filter(Boolean);
    const wanted = listed.filter((f) => {
        const parts = f.split('/');
        if (parts.some((p) => p.startsWith('.') || p === 'node_modules')) return false;
        const name = parts[parts.length - 1];
        return name.toLowerCase().endsWith('.ref') || name === 'certiref.json';
    });
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'certiref-diff-'));
    // the top of the materialized tree, as a repository's: a certification is never looked for above it
    fs.mkdirSync(path.join(root, '.git'));
    if (wanted.length > 0) {
        const out = git(['cat-file', '--batch'], top, wanted.map((f) => `${sha}:${f}\n`).join(''));
        let offset = 0;
        for (const file of wanted) {
            const headerEnd = out.indexOf(0x0a, offset);
            const header = out.subarray(offset, headerEnd).toString();
            const size = Number(/ blob (\d+)$/.exec(header)?.[1]);
            if (!Number.isFinite(size)) throw new UsageError(`git cat-file : ${file} : ${header}`);
            const target = path.join(root, file);
            fs.mkdirSync(path.dirname(target), { recursive: true });
            fs.writeFileSync(target, out.subarray(headerEnd + 1, headerEnd + 1 + size));
            offset = headerEnd + 1 + size + 1;
        }
    }
    const paths: string[] = [];
    const found = new Set<string>();
    for (const input of inputs) {
        const inRepository = path.relative(top, path.resolve(input));
        if (inRepository.startsWith('..') || path.isAbsolute(inRepository)) throw new UsageError(`${input} : hors du dépôt git / outside the git repository`);
        const counterpart = path.join(root, inRepository);
        const isFile = wanted.includes(inRepository.split(path.sep).join('/'));
        const isFolder = inRepository === '' || wanted.some((f) => f.startsWith(`${inRepository.split(path.sep).join('/')}/`) && f.toLowerCase().endsWith('.ref'));
        if (isFile || isFolder) {
            paths.push(counterpart);
            found.add(input);
        }
    }
    return { root, top, paths, found };
}
