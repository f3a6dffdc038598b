import type { Severity } from '../finding.js';
import type { Language } from '../i18n.js';

/**
 * Settings shared by the editor and the CLI: a `certiref.json` file (the nearest one above a
 * .ref file, usually at the workspace root) sets rule severities and the language of messages.
 *
 *   { "language": "fr", "rules": { "competency-without-criterion": "error", "id-pattern": "off" } }
 */
export type { Language } from '../i18n.js';
export { languageOfLocale } from '../i18n.js';
export type SeveritySetting = Severity | 'off';

export const SEVERITY_SETTINGS: readonly SeveritySetting[] = ['off', 'hint', 'info', 'warning', 'error'];
export const CONFIG_FILE_NAME = 'certiref.json';

export interface CertirefConfig {
    language?: Language;
    rules?: Record<string, SeveritySetting>;
    registry?: RegistrySettings;
}

/**
 * The RNCP registry the similarity rules compare with: `"registry": { "export": "…zip",
 * "index": "…", "threshold": 0.5 }` (paths relative to certiref.json).
 */
export interface RegistrySettings {
    /** The open-data export (zip or XML). */
    export?: string;
    /** The folder of its index (default: certiref's cache folder). */
    index?: string;
    /** Findings from this score up (0 … 1). */
    threshold?: number;
}

export interface ResolvedConfig {
    language: Language;
    rules: Record<string, SeveritySetting>;
    /** The registry to compare with (paths absolute), if certiref.json names one. */
    registry?: RegistrySettings;
    /** The file the settings came from, if any. */
    file?: string;
    /** What is wrong with that file (unknown rule, bad severity, bad JSON), with its place. */
    problems: ConfigProblem[];
}

export interface ConfigProblem {
    file: string;
    line: number;
    column: number;
    message: string;
}

export interface ConfigProvider {
    /** The settings that apply to a document. */
    getConfig(documentUri: string): ResolvedConfig;
}

/** Settings given in code: the CLI's overrides, tests, or a client without a config file. */
export class StaticConfigProvider implements ConfigProvider {
    language: Language = 'en';
    rules: Record<string, SeveritySetting> = {};

    getConfig(): ResolvedConfig {
        return { language: this.language, rules: { ...this.rules }, problems: [] };
    }
}

/**
 * Parses the text of a certiref.json. Problems are reported with their line and column; known
 * rule ids are checked when given.
 */
export function parseConfig(text: string, file: string, knownRules?: ReadonlyMap<string, { configurable?: boolean }>): { config: CertirefConfig; problems: ConfigProblem[] } {
    const problems: ConfigProblem[] = [];
    const at = (needle: string | undefined, message: string) => {
        const index = needle ? text.indexOf(needle) : -1;
        const before = index >= 0 ? text.slice(0, index) : '';
        const line = before.split('\n').length;
        const column = index >= 0 ? index - before.lastIndexOf('\n') : 1;
        problems.push({ file, line, column, message });
    };
    let raw: unknown;
    try {
        raw = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch (e) {
        const m = /position (\d+)/.exec(String((e as Error).message));
        const index = m ? Number(m[1]) : 0;
        const before = text.slice(0, index);
        problems.push({
            file, line: before.split('\n').length, column: index - before.lastIndexOf('\n'),
            message: `JSON invalide / invalid JSON: ${(e as Error).message}`,
        });
        return { config: {}, problems };
    }
    const config: CertirefConfig = {};
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
        at(undefined, 'certiref.json doit contenir un objet / must contain an object');
        return { config, problems };
    }
    const obj = raw as Record<string, unknown>;
    for (const key of Object.keys(obj)) {
        if (key !== 'language' && key !== 'rules' && key !== 'registry' && key !== '$schema') {
            at(`"${key}"`, `clé inconnue « ${key} » (attendu : language, rules, registry) / unknown key "${key}" (expected: language, rules, registry)`);
        }
    }
    if (obj.language !== undefined) {
        if (obj.language === 'fr' || obj.language === 'en') config.language = obj.language;
        else at('"language"', 'language doit valoir "fr" ou "en" / language must be "fr" or "en"');
    }
    if (obj.registry !== undefined) {
        const registry = obj.registry as Record<string, unknown>;
        if (typeof registry !== 'object' || registry === null || Array.isArray(registry)) {
            at('"registry"', 'registry doit être un objet / registry must be an object');
        } else {
            config.registry = {};
            for (const [key, value] of Object.entries(registry)) {
                if (key === 'export' || key === 'index') {
                    if (typeof value === 'string' && value.trim() !== '') config.registry[key] = value;
                    else at(`"${key}"`, `registry.${key} doit être un chemin / must be a path`);
                } else if (key === 'threshold') {
                    if (typeof value === 'number' && value > 0 && value <= 1) config.registry.threshold = value;
                    else at('"threshold"', 'registry.threshold doit être un nombre entre 0 et 1 (0.5 = 50 %) / must be a number between 0 and 1');
                } else {
                    at(`"${key}"`, `clé inconnue « ${key} » dans registry (attendu : export, index, threshold) / unknown key "${key}" in registry (expected: export, index, threshold)`);
                }
            }
        }
    }
    if (obj.rules !== undefined) {
        if (typeof obj.rules !== 'object' || obj.rules === null || Array.isArray(obj.rules)) {
            at('"rules"', 'rules doit être un objet / rules must be an object');
        } else {
            config.rules = {};
            for (const [rule, severity] of Object.entries(obj.rules as Record<string, unknown>)) {
                if (knownRules && !knownRules.has(rule)) {
                    at(`"${rule}"`, `règle inconnue « ${rule} » / unknown rule "${rule}"`);
                    continue;
                }
                if (knownRules?.get(rule)?.configurable === false) {
                    at(`"${rule}"`, `la règle ${rule} ne se règle pas / rule ${rule} cannot be configured`);
                    continue;
                }
                if (!SEVERITY_SETTINGS.includes(severity as SeveritySetting)) {
                    at(`"${rule}"`, `sévérité invalide pour ${rule} : ${JSON.stringify(severity)} (attendu : ${SEVERITY_SETTINGS.join(', ')}) / invalid severity for ${rule}`);
                    continue;
                }
                config.rules[rule] = severity as SeveritySetting;
            }
        }
    }
    return { config, problems };
}

/** Settings from the editor only (the Web Worker server, which reads no file of its own). */
export class EditorConfigProvider implements ConfigProvider {
    overrides: Record<string, SeveritySetting> = {};
    forcedLanguage?: Language;
    defaultLanguage: Language = 'en';

    getConfig(): ResolvedConfig {
        return { language: this.forcedLanguage ?? this.defaultLanguage, rules: { ...this.overrides }, problems: [] };
    }
}
