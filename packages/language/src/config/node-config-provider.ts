import * as fs from 'node:fs';
import * as path from 'node:path';
import { URI } from 'langium';
import { RULES_BY_ID } from '../rules/index.js';
import { CONFIG_FILE_NAME, parseConfig, VersionedSettings, type ConfigProblem, type ConfigProvider, type ResolvedConfig } from './config.js';

/**
 * Reads `certiref.json`: the nearest one in the document's folder or above it (so the file at a
 * workspace root applies to every référentiel below). Used by the Node language server and the
 * CLI, which add their own overrides (`--rule`, `--lang`, the client's locale).
 */
export class NodeConfigProvider extends VersionedSettings implements ConfigProvider {
    private readonly byFolder = new Map<string, { file?: string; config: ReturnType<typeof parseConfig> } >();

    getConfig(documentUri: string): ResolvedConfig {
        const uri = URI.parse(documentUri);
        const found = uri.scheme === 'file' ? this.lookup(path.dirname(uri.fsPath)) : { config: { config: {}, problems: [] } };
        const registry = found.config.config.registry;
        const base = found.file ? path.dirname(found.file) : process.cwd();
        return {
            language: this.forcedLanguage ?? found.config.config.language ?? this.defaultLanguage,
            rules: { ...(found.config.config.rules ?? {}), ...this.overrides },
            themes: found.config.config.themes,
            limits: found.config.config.limits,
            ...(registry ? { registry: {
                ...registry,
                ...(registry.export ? { export: path.resolve(base, registry.export) } : {}),
                ...(registry.index ? { index: path.resolve(base, registry.index) } : {}),
            } } : {}),
            file: found.file,
            problems: found.config.problems,
        };
    }

    /** Problems of every config file read so far. */
    problems(): ConfigProblem[] {
        const seen = new Set<string>();
        const out: ConfigProblem[] = [];
        for (const entry of this.byFolder.values()) {
            if (!entry.file || seen.has(entry.file)) continue;
            seen.add(entry.file);
            out.push(...entry.config.problems);
        }
        return out;
    }

    /** Forget what was read (the file changed). */
    clear(): void {
        this.byFolder.clear();
        this.changed();
    }

    private lookup(folder: string): { file?: string; config: ReturnType<typeof parseConfig> } {
        const cached = this.byFolder.get(folder);
        if (cached) return cached;
        const candidate = path.join(folder, CONFIG_FILE_NAME);
        let result: { file?: string; config: ReturnType<typeof parseConfig> };
        let text: string | undefined;
        try {
            text = fs.readFileSync(candidate, 'utf8');
        } catch (e) {
            const code = (e as NodeJS.ErrnoException).code;
            if (code !== 'ENOENT' && code !== 'ENOTDIR') {
                result = { file: candidate, config: { config: {}, problems: [{ file: candidate, line: 1, column: 1, message: `lecture impossible / cannot read: ${(e as Error).message}` }] } };
                this.byFolder.set(folder, result);
                return result;
            }
        }
        if (text !== undefined) {
            result = { file: candidate, config: parseConfig(text, candidate, RULES_BY_ID) };
        } else {
            const parent = path.dirname(folder);
            result = parent === folder ? { config: { config: {}, problems: [] } } : this.lookup(parent);
        }
        this.byFolder.set(folder, result);
        return result;
    }
}
