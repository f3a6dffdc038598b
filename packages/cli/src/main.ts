import * as fs from 'node:fs';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { ALL_RULES, languageOfLocale, printable, RULES_BY_ID, type Language, type SeveritySetting } from 'certiref-language';
import { check, type CheckResult } from './check.js';
import { exportModels, stats, type ExportFormat } from './export.js';
import { workerMain, type ShardSettings } from './shard.js';
import { UsageError } from './files.js';
import { format } from './format.js';
import { diff, type DiffFormat } from './diff.js';
import { writeAtomic } from './write.js';
import { stylish, useColor } from './formatters/stylish.js';
import { json } from './formatters/json.js';
import { sarif } from './formatters/sarif.js';
import { junit } from './formatters/junit.js';
import { github } from './formatters/github.js';

declare const CERTIREF_VERSION: string;
const VERSION = typeof CERTIREF_VERSION === 'string' ? CERTIREF_VERSION : '0.0.0-dev';

/** Commander's usage errors, said in French as well. */
export function usageMessage(text: string): string {
    const message = text.replace(/^error: /, '').trim();
    // our own argument parsers already say why in both languages: say it once
    const own = /^option '([^']+)' argument '([^']*)' is invalid\. (.* \/ .*)$/.exec(message);
    if (own) return `certiref: ${own[1]} : ${own[3]}\n`;
    const rules: Array<[RegExp, (...m: string[]) => string]> = [
        [/^unknown option '([^']+)'/, (o) => `option inconnue ${o}`],
        [/^unknown command '([^']+)'/, (c) => `commande inconnue ${c} (check, export, stats, diff, format, lsp)`],
        [/^option '([^']+)' argument '([^']*)' is invalid\. Allowed choices are (.*)\.$/, (o, v, c) => `${o} : valeur « ${v} » invalide, valeurs possibles : ${c}`],
        [/^option '([^']+)' argument '([^']*)' is invalid\. (.*)$/, (o, v, why) => `${o} : valeur « ${v} » invalide : ${why}`],
        [/^option '([^']+)' argument missing/, (o) => `${o} : valeur manquante`],
        [/^too many arguments/, () => 'trop d\'arguments'],
        [/^missing required argument '([^']+)'/, (a) => `argument manquant ${a}`],
    ];
    for (const [re, fr] of rules) {
        const m = re.exec(message);
        if (m) return `certiref: ${fr(...m.slice(1))} / ${message}\n`;
    }
    return `certiref: ${message}\n`;
}

function parseRule(value: string, previous: Record<string, SeveritySetting> = {}): Record<string, SeveritySetting> {
    const m = /^([a-z0-9-]+)=(off|hint|info|warning|error)$/.exec(value);
    if (!m) throw new InvalidArgumentError(`attendu ID=off|hint|info|warning|error / expected ID=off|hint|info|warning|error, got "${value}"`);
    const rule = RULES_BY_ID.get(m[1]);
    if (!rule) throw new InvalidArgumentError(`règle inconnue / unknown rule "${m[1]}" (${ALL_RULES.map((r) => r.id).join(', ')})`);
    if (rule.configurable === false) throw new InvalidArgumentError(`la règle ${m[1]} ne se règle pas / rule ${m[1]} cannot be configured`);
    return { ...previous, [m[1]]: m[2] as SeveritySetting };
}

/** A report never replaces a référentiel: `-o bloc-1.ref` is a slip of the keyboard, refused before any work. */
function refuseSourceOutput(output: string | undefined): void {
    if (output !== undefined && /\.ref$/i.test(output)) {
        throw new UsageError(`${output} : un rapport ne remplace pas un fichier .ref, choisissez un autre nom / a report does not replace a .ref file, choose another name`);
    }
}

/** A regular file is there (through a link too). */
function isFile(file: string): boolean {
    try {
        return fs.statSync(file).isFile();
    } catch {
        return false;
    }
}

function parseCount(value: string): number {
    if (!/^\d+$/.test(value)) throw new InvalidArgumentError(`nombre entier attendu / expected a whole number, got "${value}"`);
    return Number(value);
}

const FORMATTERS: Record<string, (r: CheckResult, color: boolean) => string> = {
    stylish: (r, color) => stylish(r, color),
    json: (r) => json(r, VERSION),
    sarif: (r) => sarif(r, VERSION),
    junit: (r) => junit(r),
    github: (r) => github(r),
};

export async function main(argv: string[]): Promise<number> {
    const program = new Command('certiref')
        .description('certiref — vérifie les référentiels RNCP (.ref) / checks RNCP référentiels (.ref)')
        .version(VERSION, '-v, --version', 'affiche la version / print the version')
        .helpOption('-h, --help', 'affiche l\'aide / show help')
        .helpCommand('help [command]', 'affiche l\'aide d\'une commande / show help for a command')
        .exitOverride()
        .configureOutput({ writeErr: (s) => process.stderr.write(s), outputError: (s, write) => write(usageMessage(s)) });
    let exitCode = 0;
    program.command('check')
        .description('vérifie des fichiers ou dossiers .ref / check .ref files or folders (défaut/default: .)')
        .argument('[paths...]', 'fichiers ou dossiers / files or folders')
        .addOption(new Option('-f, --format <format>', 'format de sortie / output format').choices(Object.keys(FORMATTERS)).default('stylish'))
        .option('-o, --output <file>', 'écrit le rapport dans un fichier / write the report to a file')
        .option('--max-warnings <n>', 'échoue au-delà de n avertissements / fail above n warnings', parseCount)
        .option('--quiet', 'erreurs seulement / errors only')
        .option('--rule <id=severity>', 'sévérité d\'une règle : off, hint, info, warning, error (répétable) / a rule\'s severity (repeatable)', parseRule)
        .addOption(new Option('--lang <lang>', 'langue des messages / language of messages').choices(['fr', 'en']))
        .action(async (paths: string[], opts: { format: string; output?: string; maxWarnings?: number; quiet?: boolean; rule?: Record<string, SeveritySetting>; lang?: Language }) => {
            refuseSourceOutput(opts.output);
            const result = await check({
                paths, language: opts.lang, rules: opts.rule ?? {}, quiet: opts.quiet ?? false, workerScript: bundlePath(),
                defaultLanguage: languageOfLocale(process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG),
            });
            const language = result.language;
            // colour for a terminal only: never in a file written with -o
            const report = FORMATTERS[opts.format](result, !opts.output && useColor(process.stdout));
            if (opts.output) writeAtomic(opts.output, report, { report: true });
            else process.stdout.write(report);
            const tooManyWarnings = opts.maxWarnings !== undefined && result.summary.warnings > opts.maxWarnings;
            if (tooManyWarnings) {
                process.stderr.write(language === 'fr'
                    ? `certiref : trop d'avertissements (${result.summary.warnings}, maximum ${opts.maxWarnings}).\n`
                    : `certiref: too many warnings (${result.summary.warnings}, maximum ${opts.maxWarnings}).\n`);
            }
            exitCode = result.summary.errors > 0 || tooManyWarnings ? 1 : 0;
        });
    const envLanguage = () => languageOfLocale(process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG);
    program.command('export')
        .description('exporte le modèle des référentiels / export the référentiels\' model')
        .argument('[paths...]', 'fichiers ou dossiers / files or folders')
        .addOption(new Option('-f, --format <format>', 'format').choices(['json', 'html', 'md', 'csv', 'xlsx', 'docx']).default('json'))
        .option('-o, --output <file>', 'écrit dans un fichier / write to a file')
        .option('--out <dir>', 'un fichier par certification dans ce dossier / one file per certification in this folder')
        .option('--force', 'remplace les fichiers existants / replace existing files', false)
        .option('--bloc <id>', 'ce bloc seulement / this bloc only')
        .option('--modality <id>', 'cette modalité seulement (id ou titre) / this modality only (id or title)')
        .addOption(new Option('--lang <lang>', 'langue des messages / language of messages').choices(['fr', 'en']))
        .action(async (paths: string[], opts: { format: ExportFormat; output?: string; out?: string; force: boolean; bloc?: string; modality?: string; lang?: Language }) => {
            if (opts.output && opts.out) throw new UsageError('-o et --out s\'excluent / -o and --out exclude each other');
            refuseSourceOutput(opts.output);
            const result = await exportModels({ paths, language: opts.lang, defaultLanguage: envLanguage(), format: opts.format, out: opts.out, force: opts.force, bloc: opts.bloc, modality: opts.modality });
            if (result.text !== undefined) {
                if (opts.output && opts.output !== '-') {
                    // a file is replaced only when asked; a device or a pipe (/dev/stdout) is written to
                    if (isFile(opts.output) && !opts.force) throw new UsageError(`${opts.output} : existe déjà, ajoutez --force pour remplacer / already exists, add --force to replace`);
                    writeAtomic(opts.output, result.text, { report: true });
                } else if (typeof result.text !== 'string' && process.stdout.isTTY) {
                    throw new UsageError(`${opts.format} : ajoutez -o fichier ou --out dossier / ${opts.format}: add -o file or --out folder`);
                } else process.stdout.write(result.text);
            } else {
                process.stdout.write(result.written.map((f) => `${printable(f)}\n`).join(''));
            }
            if (result.syntaxErrors > 0) {
                process.stderr.write(result.language === 'fr'
                    ? `certiref : ${result.syntaxErrors} erreur(s) de syntaxe, l'export peut être incomplet (voir certiref check).\n`
                    : `certiref: ${result.syntaxErrors} syntax error(s), the export may be incomplete (see certiref check).\n`);
            }
        });
    program.command('stats')
        .description('compte et couverture par certification et bloc / counts and coverage per certification and bloc')
        .argument('[paths...]', 'fichiers ou dossiers / files or folders')
        .addOption(new Option('-f, --format <format>', 'format').choices(['table', 'json']).default('table'))
        .option('-o, --output <file>', 'écrit dans un fichier / write to a file')
        .addOption(new Option('--lang <lang>', 'langue des messages / language of messages').choices(['fr', 'en']))
        .action(async (paths: string[], opts: { format: 'table' | 'json'; output?: string; lang?: Language }) => {
            refuseSourceOutput(opts.output);
            const result = await stats({ paths, language: opts.lang, defaultLanguage: envLanguage() }, opts.format);
            if (opts.output) writeAtomic(opts.output, result.text, { report: true });
            else process.stdout.write(result.text);
        });
    program.command('diff')
        .description('compare deux versions d\'un référentiel, en blocs, compétences et critères / compare two versions of a référentiel as a model')
        .usage('ANCIEN NOUVEAU | --git RÉVISION [chemins...]  /  OLD NEW | --git REV [paths...]')
        .argument('[paths...]', 'ANCIEN et NOUVEAU (fichiers ou dossiers), ou avec --git les chemins à comparer / OLD and NEW (files or folders), or with --git the paths to compare')
        .option('--git <rev>', 'compare les fichiers de travail à cette révision git / compare the working tree with this git revision')
        .addOption(new Option('-f, --format <format>', 'format du rapport / report format').choices(['text', 'markdown', 'json']).default('text'))
        .option('-o, --output <file>', 'écrit le rapport dans un fichier / write the report to a file')
        .option('--fail-on-new-errors', 'code 1 si le changement introduit des erreurs / exit 1 when the change introduces errors', false)
        .option('--rule <id=severity>', 'sévérité d\'une règle (répétable) / a rule\'s severity (repeatable)', parseRule, {})
        .addOption(new Option('--lang <lang>', 'langue du rapport / language of the report').choices(['fr', 'en']))
        .action(async (paths: string[], opts: { git?: string; format: DiffFormat; output?: string; failOnNewErrors: boolean; rule: Record<string, SeveritySetting>; lang?: Language }) => {
            refuseSourceOutput(opts.output);
            const result = await diff({ paths, git: opts.git, format: opts.format, language: opts.lang, defaultLanguage: envLanguage(), rules: opts.rule, version: VERSION });
            if (opts.output) writeAtomic(opts.output, result.text, { report: true });
            else process.stdout.write(result.text);
            exitCode = opts.failOnNewErrors && result.introducedErrors > 0 ? 1 : 0;
        });
    program.command('format')
        .description('met les fichiers .ref au format canonique / puts .ref files in the canonical layout')
        .argument('[paths...]', 'fichiers ou dossiers / files or folders')
        .option('--check', 'liste les fichiers à formater, code 1 s\'il y en a / lists the files to format, exit 1 if any', false)
        .option('--write', 'réécrit les fichiers (atomiquement) / rewrites the files (atomically)', false)
        .addOption(new Option('--lang <lang>', 'langue des messages / language of messages').choices(['fr', 'en']))
        .action((paths: string[], opts: { check: boolean; write: boolean; lang?: Language }) => {
            const result = format({ paths, check: opts.check, write: opts.write, language: opts.lang ?? envLanguage() });
            process.stdout.write(result.output);
            process.stderr.write(result.errors);
            exitCode = result.exitCode;
        });
    program.command('lsp')
        .description('démarre le serveur de langage / start the language server (LSP)')
        .option('--stdio', 'communique par stdin/stdout / talk over stdin/stdout')
        // clients add their own arguments (`--clientProcessId=…`): the server reads what it knows
        .allowUnknownOption(true)
        .allowExcessArguments(true)
        .action(async () => {
            const { startNodeServer } = await import('certiref-language/server');
            startNodeServer();
            exitCode = -1;
        });
    try {
        await program.parseAsync(argv, { from: 'user' });
    } catch (e) {
        if (e instanceof CommanderError) {
            return e.exitCode === 0 ? 0 : 2;
        }
        // file names and texts in messages: no escape sequence reaches the terminal
        if (e instanceof UsageError) {
            process.stderr.write(`certiref: ${printable(e.message, { lines: true })}\n`);
            return 2;
        }
        const err = e as NodeJS.ErrnoException;
        process.stderr.write(`certiref: ${err.code ? `${err.code}: ` : ''}${printable(err.message, { lines: true })}\n`);
        return 2;
    }
    return exitCode;
}

/** The bundle itself, when running bundled (worker threads run it again); undefined from sources. */
function bundlePath(): string | undefined {
    return typeof __filename === 'string' && __filename.endsWith('.cjs') ? __filename : undefined;
}

// A reader that goes away (`certiref … | head`) is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
});

if (!isMainThread && (workerData as { certirefCheckWorker?: boolean } | undefined)?.certirefCheckWorker) {
    void workerMain((workerData as { settings: ShardSettings }).settings, parentPort!);
} else {
    main(process.argv.slice(2)).then((code) => {
        if (code >= 0) process.exitCode = code;
    });
}
