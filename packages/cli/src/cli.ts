import * as fs from 'node:fs';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { ALL_RULES, EXPORT_FORMATS, exportFormat, frenchTypography, languageOfEnvironment, printable, RULES_BY_ID, type Language, type SeveritySetting } from 'certiref-language';
import { check } from './check.js';
import type { CheckResult } from './result.js';
import { exportModels, stats } from './export.js';
import { UsageError } from './files.js';
import { format } from './format.js';
import { diff, type DiffFormat } from './diff.js';
import type { SimilarOptions } from './similar.js';
import { writeAtomic } from './write.js';
import { stylish, useColor } from './formatters/stylish.js';
import { json } from './formatters/json.js';
import { sarif } from './formatters/sarif.js';
import { junit } from './formatters/junit.js';
import { github } from './formatters/github.js';
import { TEXTS } from './texts.js';

declare const CERTIREF_VERSION: string;
/** The bundle's version (esbuild writes it in); run from the sources (the tests), the package's. */
const VERSION = typeof CERTIREF_VERSION === 'string' ? CERTIREF_VERSION : sourceVersion();

function sourceVersion(): string {
    try {
        return (JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
    } catch {
        return '0.0.0-dev';
    }
}

/** Commander's usage errors, said in French as well. */
export function usageMessage(text: string): string {
    const message = text.replace(/^error: /, '').trim();
    // our own argument parsers already say why in both languages: say it once
    const own = /^option '([^']+)' argument '([^']*)' is invalid\. (.* \/ .*)$/.exec(message);
    if (own) return `certiref: ${frenchTypography(`${own[1]} : ${own[3]}`)}\n`;
    const rules: Array<[RegExp, (...m: string[]) => string]> = [
        [/^unknown option '([^']+)'/, (o) => `option inconnue ${o}`],
        [/^unknown command '([^']+)'/, (c) => `commande inconnue ${c} (check, similar, export, stats, diff, format, import, lsp)`],
        [/^option '([^']+)' argument '([^']*)' is invalid\. Allowed choices are (.*)\.$/, (o, v, c) => `${o} : valeur « ${v} » invalide, valeurs possibles : ${c}`],
        [/^option '([^']+)' argument '([^']*)' is invalid\. (.*)$/, (o, v, why) => `${o} : valeur « ${v} » invalide : ${why}`],
        [/^option '([^']+)' argument missing/, (o) => `${o} : valeur manquante`],
        [/^too many arguments/, () => 'trop d\'arguments'],
        [/^missing required argument '([^']+)'/, (a) => `argument manquant ${a}`],
    ];
    for (const [re, fr] of rules) {
        const m = re.exec(message);
        if (m) return `certiref: ${frenchTypography(fr(...m.slice(1)))} / ${message}\n`;
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

function parseThreshold(value: string): number {
    const n = Number(value.replace(/\s*%$/, ''));
    const share = /%$/.test(value.trim()) || n > 1 ? n / 100 : n;
    if (!Number.isFinite(n) || share <= 0 || share > 1) throw new InvalidArgumentError(`un score entre 0 et 1, ou un pourcentage / a score between 0 and 1, or a percentage, got "${value}"`);
    return share;
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

/**
 * The command line, without the process: `argv` (after `certiref`) to an exit code, the reports
 * written to process.stdout and process.stderr. main.ts runs it as a process; the tests run it
 * in theirs.
 */
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
                defaultLanguage: languageOfEnvironment(process.env),
            });
            const language = result.language;
            // colour for a terminal only: never in a file written with -o
            const report = FORMATTERS[opts.format](result, !opts.output && useColor(process.stdout));
            if (opts.output) writeAtomic(opts.output, report, { report: true });
            else process.stdout.write(report);
            const tooManyWarnings = opts.maxWarnings !== undefined && result.summary.warnings > opts.maxWarnings;
            if (tooManyWarnings) {
                process.stderr.write(`${TEXTS.tooManyWarnings(result.summary.warnings, opts.maxWarnings!)[language]}\n`);
            }
            exitCode = result.summary.errors > 0 || tooManyWarnings ? 1 : 0;
        });
    const envLanguage = () => languageOfEnvironment(process.env);
    program.command('similar')
        .description('compare les compétences, blocs et modalités aux blocs des fiches du RNCP / compare competencies, blocs and modalities with the blocs of the RNCP\'s fiches')
        .argument('[paths...]', 'fichiers ou dossiers / files or folders')
        .option('--registry <export>', 'l\'export open data du RNCP (zip ou XML) / the RNCP open-data export (zip or XML)')
        .option('--index <dir>', 'dossier de l\'index (défaut\u202f: cache de certiref) / the index\'s folder (default: certiref\'s cache)')
        .option('--rebuild', 'reconstruit l\'index / build the index again')
        .option('--threshold <score>', 'score minimal, 0–1 ou % (défaut 40\u202f%) / minimum score, 0–1 or % (default 40%)', parseThreshold)
        .addOption(new Option('-f, --format <format>', 'format de sortie / output format').choices(Object.keys(FORMATTERS)).default('stylish'))
        .option('-o, --output <file>', 'écrit le rapport dans un fichier / write the report to a file')
        .option('--rule <id=severity>', 'sévérité d\'une règle (répétable) / a rule\'s severity (repeatable)', parseRule)
        .addOption(new Option('--lang <lang>', 'langue des messages / language of messages').choices(['fr', 'en']))
        .action(async (paths: string[], opts: { registry?: string; index?: string; rebuild?: boolean; threshold?: number; format: string; output?: string; rule?: Record<string, SeveritySetting>; lang?: Language }) => {
            refuseSourceOutput(opts.output);
            const { similar } = await import('./similar.js');
            const options: SimilarOptions = {
                paths, language: opts.lang, defaultLanguage: envLanguage(), rules: opts.rule ?? {}, quiet: false,
                registry: opts.registry, index: opts.index, rebuild: opts.rebuild === true, threshold: opts.threshold, log: process.stderr,
            };
            const result = await similar(options);
            const report = FORMATTERS[opts.format](result, !opts.output && useColor(process.stdout));
            if (opts.output) writeAtomic(opts.output, report);
            else process.stdout.write(report);
            exitCode = result.summary.errors > 0 ? 1 : 0;
        });
    program.command('export')
        .description('exporte le modèle des référentiels / export the référentiels\' model')
        .argument('[paths...]', 'fichiers ou dossiers / files or folders')
        .addOption(new Option('-f, --format <format>', 'format').choices(EXPORT_FORMATS.map((f) => f.id)).default('json'))
        .option('-o, --output <file>', 'écrit dans un fichier / write to a file')
        .option('--out <dir>', 'un fichier par certification dans ce dossier / one file per certification in this folder')
        .option('--force', 'remplace les fichiers existants / replace existing files', false)
        .option('--bloc <id>', 'ce bloc seulement / this bloc only')
        .option('--modality <id>', 'cette modalité seulement (id ou titre) / this modality only (id or title)')
        .option('--with-findings', 'les constats du vérificateur dans le livrable (HTML) / the checker\'s findings in the deliverable (HTML)', false)
        .option('--candidates <file.csv>', 'grilles par candidat (nom ; date ; examinateurs) : Word, un document chacun ; Excel, une feuille chacun / grids per candidate (name, date, examiners): Word, a document each; Excel, a sheet each')
        .option('--separator <char>', 'séparateur du CSV (défaut : « ; » en français, « , » en anglais ; tab) / CSV separator (default: ";" in French, "," in English; tab)')
        .addOption(new Option('--lang <lang>', 'langue des messages / language of messages').choices(['fr', 'en']))
        .action(async (paths: string[], opts: { format: string; output?: string; out?: string; force: boolean; bloc?: string; modality?: string; lang?: Language; withFindings: boolean; candidates?: string; separator?: string }) => {
            if (opts.output && opts.out) throw new UsageError('-o et --out s\'excluent / -o and --out exclude each other');
            refuseSourceOutput(opts.output);
            const result = await exportModels({ paths, language: opts.lang, defaultLanguage: envLanguage(), format: opts.format, out: opts.out, force: opts.force, bloc: opts.bloc, modality: opts.modality,
                withFindings: opts.withFindings, candidates: opts.candidates, separator: opts.separator,
            });
            if (result.text !== undefined) {
                if (opts.output && opts.output !== '-') {
                    // a file is replaced only when asked; a device or a pipe (/dev/stdout) is written to
                    if (isFile(opts.output) && !opts.force) throw new UsageError(`${opts.output} : existe déjà, ajoutez --force pour remplacer / already exists, add --force to replace`);
                    writeAtomic(opts.output, result.text, { report: true });
                } else if (exportFormat(opts.format)?.binary && process.stdout.isTTY) {
                    throw new UsageError(`${opts.format} : ajoutez -o fichier ou --out dossier / ${opts.format}: add -o file or --out folder`);
                } else process.stdout.write(result.text);
            } else {
                process.stdout.write(result.written.map((f) => `${printable(f)}\n`).join(''));
            }
            if (result.syntaxErrors > 0) {
                process.stderr.write(`${TEXTS.exportSyntaxErrors(result.syntaxErrors)[result.language]}\n`);
            }
        });
    program.command('stats')
        .description('compte et couverture par certification et bloc ; en HTML, la liste de contrôle du dossier France Compétences / counts and coverage per certification and bloc; as HTML, the France Compétences dossier checklist')
        .argument('[paths...]', 'fichiers ou dossiers / files or folders')
        .addOption(new Option('-f, --format <format>', 'format').choices(['table', 'json', 'html']).default('table'))
        .option('-o, --output <file>', 'écrit dans un fichier / write to a file')
        .addOption(new Option('--lang <lang>', 'langue des messages / language of messages').choices(['fr', 'en']))
        .action(async (paths: string[], opts: { format: 'table' | 'json' | 'html'; output?: string; lang?: Language }) => {
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
        .addOption(new Option('-f, --format <format>', 'format du rapport (docx, xlsx : les tableaux d\'un renouvellement) / report format (docx, xlsx: a renewal\'s tables)').choices(['text', 'markdown', 'json', 'docx', 'xlsx']).default('text'))
        .option('-o, --output <file>', 'écrit le rapport dans un fichier / write the report to a file')
        .option('--renewal', 'compare en renouvellement : blocs appariés par correspondance / compare as a renewal: blocs paired by correspondence')
        .option('--no-renewal', 'jamais en renouvellement / never as a renewal')
        .option('--fail-on-new-errors', 'code 1 si le changement introduit des erreurs / exit 1 when the change introduces errors', false)
        .option('--rule <id=severity>', 'sévérité d\'une règle (répétable) / a rule\'s severity (repeatable)', parseRule, {})
        .addOption(new Option('--lang <lang>', 'langue du rapport / language of the report').choices(['fr', 'en']))
        .action(async (paths: string[], opts: { git?: string; format: DiffFormat; output?: string; failOnNewErrors: boolean; rule: Record<string, SeveritySetting>; lang?: Language; renewal?: boolean }) => {
            refuseSourceOutput(opts.output);
            const result = await diff({ paths, git: opts.git, format: opts.format, language: opts.lang, defaultLanguage: envLanguage(), rules: opts.rule, version: VERSION, renewal: opts.renewal });
            if (opts.output) writeAtomic(opts.output, result.text, { report: true });
            else if (typeof result.text !== 'string' && process.stdout.isTTY) throw new UsageError(`${opts.format} : ajoutez -o fichier / ${opts.format}: add -o file`);
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
    const importCommand = program.command('import')
        .description('importe un référentiel existant en fichiers .ref / import an existing référentiel as .ref files');
    importCommand.command('docx')
        .description('lit un référentiel Word (.docx) et écrit ses fichiers .ref / read a Word référentiel (.docx) and write its .ref files')
        .argument('<file>', 'le document Word / the Word document')
        .option('--out <dir>', 'dossier des fichiers .ref (défaut : le nom du document) / folder for the .ref files (default: the document\'s name)')
        .option('--force', 'remplace les fichiers existants / replace existing files', false)
        .addOption(new Option('--lang <lang>', 'langue des messages / language of messages').choices(['fr', 'en']))
        .action(async (file: string, opts: { out?: string; force: boolean; lang?: Language }) => {
            const { importWord } = await import('./import.js');
            const result = await importWord({ file, out: opts.out, force: opts.force, language: opts.lang ?? envLanguage() });
            // titles and notes from the document: no escape sequence reaches the terminal
            process.stdout.write(printable(result.output, { lines: true }));
        });
    importCommand.command('rncp')
        .description('lit des fiches de l\'export du RNCP (zip ou XML) et écrit leurs fichiers .ref / read fiches of the RNCP export (zip or XML) and write their .ref files')
        .argument('<export>', 'l\'export de France Compétences, tel que téléchargé (.zip) ou son XML / France Compétences\' export, as downloaded (.zip) or its XML')
        .option('--fiche <RNCPnnnnn>', 'une fiche à importer (répétable) / a fiche to import (repeatable)', (value: string, previous: string[]) => [...previous, value], [])
        .option('--all', 'toutes les fiches de l\'export / every fiche of the export', false)
        .option('--out <dir>', 'dossier où écrire un dossier par fiche (défaut : le dossier courant) / folder to write one folder per fiche into (default: the current folder)')
        .option('--force', 'remplace les fichiers existants / replace existing files', false)
        .addOption(new Option('--lang <lang>', 'langue des messages / language of messages').choices(['fr', 'en']))
        .action(async (file: string, opts: { fiche: string[]; all: boolean; out?: string; force: boolean; lang?: Language }) => {
            const { importRncp } = await import('./import-rncp.js');
            const result = await importRncp({ file, fiches: opts.fiche, all: opts.all, out: opts.out, force: opts.force, language: opts.lang ?? envLanguage() });
            (result.exitCode === 0 ? process.stdout : process.stderr).write(printable(result.output, { lines: true }));
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
        if (e instanceof UsageError) {
            // "fr / en": the French part in French typography
            // file names and texts in messages: no escape sequence reaches the terminal
            process.stderr.write(`certiref: ${printable(frenchTypography(e.message), { lines: true })}\n`);
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

