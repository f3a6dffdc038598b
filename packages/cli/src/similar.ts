import * as fs from 'node:fs';
import * as path from 'node:path';
import { URI } from 'langium';
import { countBySeverity, REGISTRY_RULES } from 'certiref-language';
import { prepare, loadWorkspace, type CheckResult, type WorkspaceOptions } from './check.js';
import { compareDiagnostics, toCliDiagnostics } from './diagnostics.js';
import { UsageError } from './files.js';
import { relative } from './paths.js';

export interface SimilarOptions extends WorkspaceOptions {
    /** The RNCP open-data export (zip or XML); else certiref.json's `registry.export`. */
    registry?: string;
    /** The index's folder; else certiref.json's `registry.index`, else the cache folder. */
    index?: string;
    rebuild: boolean;
    threshold?: number;
    quiet: boolean;
    /** Where progress and the index's build are told (stderr). */
    log: NodeJS.WriteStream;
}

export interface SimilarResult extends CheckResult {
    registry: { export: string; index: string; built: boolean; fiches: number; blocs: number };
}

const RULE_IDS = new Set(REGISTRY_RULES.map((r) => r.id));

/**
 * `certiref similar`: the référentiels' competencies, blocs and modalities compared with the
 * blocs of every fiche of the registry's export, through its index (built first when there is
 * none or the export changed). Only the registry rules' findings are reported.
 */
export async function similar(options: SimilarOptions): Promise<SimilarResult> {
    const prepared = prepare(options);
    const { services, language } = prepared;
    const fr = language === 'fr';
    const first = URI.file([...prepared.requested][0] ?? path.resolve('certiref.ref')).toString();
    const settings = services.config.getConfig(first).registry;
    const exportFile = options.registry ?? settings?.export;
    if (!exportFile) {
        throw new UsageError('indiquez l\'export du RNCP : --registry EXPORT (zip ou XML), ou "registry": { "export": … } dans certiref.json / name the RNCP export: --registry EXPORT (zip or XML), or "registry": { "export": … } in certiref.json');
    }
    const engine = await import('certiref-similar');
    const indexFolder = options.index ?? settings?.index;
    const started = Date.now();
    let lastRender = 0;
    let opened: Awaited<ReturnType<typeof engine.openRegistryExport>>;
    try {
        opened = await engine.openRegistryExport(exportFile, {
            indexFolder,
            rebuild: options.rebuild,
            onBuild: (reason, file) => {
                const why = {
                    missing: fr ? 'pas encore d\'index' : 'no index yet',
                    'export-changed': fr ? 'l\'export a changé' : 'the export changed',
                    'certiref-changed': fr ? 'nouvelle version de certiref' : 'new version of certiref',
                    asked: '--rebuild',
                    damaged: fr ? 'l\'index était endommagé' : 'the index was damaged',
                }[reason];
                options.log.write(fr
                    ? `certiref : construction de l'index du registre (${why}) dans ${file}…\n`
                    : `certiref: building the registry's index (${why}) in ${file}…\n`);
            },
            onProgress: (p) => {
                if (!options.log.isTTY || Date.now() - lastRender < 200) return;
                lastRender = Date.now();
                const share = p.total > 0 ? Math.min(100, Math.round((100 * p.bytes) / p.total)) : 0;
                options.log.write(`\r\u001b[2Kcertiref: ${share} % — ${p.fiches} fiches`);
            },
        });
    } catch (e) {
        if (options.log.isTTY) options.log.write('\r\u001b[2K');
        const err = e as NodeJS.ErrnoException & { fr?: string; en?: string; format?: (language: 'fr' | 'en') => string };
        if (err.code === 'ENOENT' && !fs.existsSync(exportFile)) throw new UsageError(`${exportFile} : fichier introuvable / no such file`);
        if (err.code === 'EACCES' || err.code === 'EPERM' || err.code === 'EROFS' || err.code === 'ENOSPC' || err.code === 'ENOTDIR') {
            const where = engine.indexFileFor(exportFile, indexFolder);
            throw new UsageError(`${where} : l'index ne peut pas être écrit (${err.code}), choisissez un autre dossier avec --index / the index cannot be written (${err.code}), choose another folder with --index`);
        }
        // the RNCP reader's errors say where (file:line:column of the XML), in both languages
        if (typeof err.format === 'function' && err.fr && err.en) throw new UsageError(`${err.format('fr')} / ${err.en}`);
        throw new UsageError(`${exportFile} : ${err.message}`);
    }
    if (options.log.isTTY && opened.built) options.log.write('\r\u001b[2K');
    if (opened.built) {
        const seconds = ((Date.now() - started) / 1000).toFixed(1);
        options.log.write(fr
            ? `certiref : index construit en ${seconds} s (${opened.index.header.counts.fiches} fiches, ${opened.index.header.counts.blocs} blocs).\n`
            : `certiref: index built in ${seconds} s (${opened.index.header.counts.fiches} fiches, ${opened.index.header.counts.blocs} blocs).\n`);
    }
    const threshold = options.threshold ?? settings?.threshold;
    services.Certiref.referential.Similarity.use(engine, opened.index, threshold !== undefined ? { threshold } : {});
    try {
        const loaded = await loadWorkspace(options, prepared);
        const files = loaded.requested.map((d) => relative(URI.parse(d.uri.toString()).fsPath)).sort();
        const diagnostics = toCliDiagnostics(loaded.services, loaded.requested, options.quiet, (rule) => RULE_IDS.has(rule)).sort(compareDiagnostics);
        return {
            language: loaded.language,
            files,
            diagnostics,
            summary: countBySeverity(diagnostics),
            // the registry rules read only texts: no syntax error pauses them
            paused: [],
            rules: REGISTRY_RULES,
            registry: {
                export: path.resolve(exportFile), index: opened.file, built: opened.built,
                fiches: opened.index.header.counts.fiches, blocs: opened.index.header.counts.blocs,
            },
        };
    } finally {
        opened.index.close();
    }
}
