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

/**
 * A theme a référentiel must take into account (`required-themes`), and the words that show it
 * does: matched at the start of words, regardless of case and accents (« écolog » finds
 * « écologique », « Écologie »).
 */
export interface ThemeSetting {
    /** Its name in French and English, as the findings and the checklist say it. */
    name: { fr: string; en: string };
    words: string[];
}

/** The registry's limits on the texts of a certification (`text-too-long`), in characters. */
export interface TextLimits {
    /** The certification's title (« intitulé »). */
    'certification-title': number;
    /** A bloc's title (« intitulé du bloc »). */
    'bloc-title': number;
    /** A bloc's list of competencies, as the registry's « liste de compétences » field holds it. */
    'bloc-competencies': number;
    /** A bloc's evaluation modalities, as the registry's « modalités d'évaluation » field holds it. */
    'bloc-evaluation': number;
}

export const TEXT_LIMIT_FIELDS: readonly (keyof TextLimits)[] = ['certification-title', 'bloc-title', 'bloc-competencies', 'bloc-evaluation'];

export interface CertirefConfig {
    language?: Language;
    rules?: Record<string, SeveritySetting>;
    registry?: RegistrySettings;
    /** Replaces the default list of required themes. */
    themes?: ThemeSetting[];
    /** Changes some of the registry's limits. */
    limits?: Partial<TextLimits>;
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
    /** From certiref.json; the rules' defaults otherwise. */
    themes?: ThemeSetting[];
    limits?: Partial<TextLimits>;
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
    /**
     * Grows whenever any setting may have changed (a setter, a config file read again), so that
     * what was computed from the settings can be kept until then. A provider without it may
     * change at any time.
     */
    readonly version?: number;
}

/** The settings a client sets (the editor's, the CLI's options); each change counts in `version`. */
export class VersionedSettings {
    private changes = 0;
    private languageForced?: Language;
    private languageByDefault: Language = 'en';
    private ruleOverrides: Record<string, SeveritySetting> = {};

    get version(): number {
        return this.changes;
    }

    protected changed(): void {
        this.changes++;
    }

    /** Overrides that win over any file (CLI `--rule`, the editor's `certiref.rules`). */
    get overrides(): Record<string, SeveritySetting> {
        return this.ruleOverrides;
    }

    set overrides(value: Record<string, SeveritySetting>) {
        this.ruleOverrides = value;
        this.changed();
    }

    /** Forces the language (CLI `--lang`, the editor's `certiref.language`). */
    get forcedLanguage(): Language | undefined {
        return this.languageForced;
    }

    set forcedLanguage(value: Language | undefined) {
        this.languageForced = value;
        this.changed();
    }

    /** Language when nothing else names one. */
    get defaultLanguage(): Language {
        return this.languageByDefault;
    }

    set defaultLanguage(value: Language) {
        this.languageByDefault = value;
        this.changed();
    }
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
    let keys: Map<string, number> | undefined;
    /** At a key (`['rules', 'id-pattern']`), where JSON.parse read it: its last occurrence. */
    const at = (key: string[] | undefined, message: string) => {
        keys ??= keyOffsets(text);
        const index = key ? keys.get(key.join('\u0000')) ?? -1 : -1;
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
        if (key !== 'language' && key !== 'rules' && key !== 'registry' && key !== 'themes' && key !== 'limits' && key !== '$schema') {
            at([key], `clé inconnue « ${key} » (attendu : language, rules, registry, themes, limits) / unknown key "${key}" (expected: language, rules, registry, themes, limits)`);
        }
    }
    if (obj.language !== undefined) {
        if (obj.language === 'fr' || obj.language === 'en') config.language = obj.language;
        else at(['language'], 'language doit valoir "fr" ou "en" / language must be "fr" or "en"');
    }
    if (obj.registry !== undefined) {
        const registry = obj.registry as Record<string, unknown>;
        if (typeof registry !== 'object' || registry === null || Array.isArray(registry)) {
            at(['registry'], 'registry doit être un objet / registry must be an object');
        } else {
            config.registry = {};
            for (const [key, value] of Object.entries(registry)) {
                if (key === 'export' || key === 'index') {
                    if (typeof value === 'string' && value.trim() !== '') config.registry[key] = value;
                    else at(['registry', key], `registry.${key} doit être un chemin / must be a path`);
                } else if (key === 'threshold') {
                    if (typeof value === 'number' && value > 0 && value <= 1) config.registry.threshold = value;
                    else at(['registry', 'threshold'], 'registry.threshold doit être un nombre entre 0 et 1 (0.5 = 50 %) / must be a number between 0 and 1');
                } else {
                    at(['registry', key], `clé inconnue « ${key} » dans registry (attendu : export, index, threshold) / unknown key "${key}" in registry (expected: export, index, threshold)`);
                }
            }
        }
    }
    if (obj.rules !== undefined) {
        if (typeof obj.rules !== 'object' || obj.rules === null || Array.isArray(obj.rules)) {
            at(['rules'], 'rules doit être un objet / rules must be an object');
        } else {
            config.rules = {};
            for (const [rule, severity] of Object.entries(obj.rules as Record<string, unknown>)) {
                if (knownRules && !knownRules.has(rule)) {
                    at(['rules', rule], `règle inconnue « ${rule} » / unknown rule "${rule}"`);
                    continue;
                }
                if (knownRules?.get(rule)?.configurable === false) {
                    at(['rules', rule], `la règle ${rule} ne se règle pas / rule ${rule} cannot be configured`);
                    continue;
                }
                if (!SEVERITY_SETTINGS.includes(severity as SeveritySetting)) {
                    at(['rules', rule], `sévérité invalide pour ${rule} : ${JSON.stringify(severity)} (attendu : ${SEVERITY_SETTINGS.join(', ')}) / invalid severity for ${rule}`);
                    continue;
                }
                config.rules[rule] = severity as SeveritySetting;
            }
        }
    }
    if (obj.themes !== undefined) {
        const themes = parseThemes(obj.themes);
        if (typeof themes === 'string') at(['themes'], themes);
        else config.themes = themes;
    }
    if (obj.limits !== undefined) {
        if (typeof obj.limits !== 'object' || obj.limits === null || Array.isArray(obj.limits)) {
            at(['limits'], 'limits doit être un objet / limits must be an object');
        } else {
            config.limits = {};
            for (const [field, value] of Object.entries(obj.limits as Record<string, unknown>)) {
                if (!TEXT_LIMIT_FIELDS.includes(field as keyof TextLimits)) {
                    at(['limits', field], `limite inconnue « ${field} » (attendu : ${TEXT_LIMIT_FIELDS.join(', ')}) / unknown limit "${field}"`);
                } else if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) {
                    at(['limits', field], `la limite ${field} doit être un nombre entier de caractères / limit ${field} must be a whole number of characters`);
                } else {
                    config.limits[field as keyof TextLimits] = value;
                }
            }
        }
    }
    return { config, problems };
}

/**
 * Where each key of a JSON text stands, by its path (`rules` › `id-pattern`, joined by U+0000):
 * the offset of its opening quote, at its last occurrence — the one JSON.parse keeps when a key
 * is written twice. The text is known to parse.
 */
function keyOffsets(text: string): Map<string, number> {
    const out = new Map<string, number>();
    // one frame per open object or array: the path to it, and the last key read in it
    const frames: Array<{ path: string[]; key?: string; object: boolean }> = [];
    let i = 0;
    while (i < text.length) {
        const c = text[i];
        if (c === '"') {
            const start = i;
            for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
            i++;
            const frame = frames[frames.length - 1];
            let j = i;
            while (j < text.length && /\s/.test(text[j])) j++;
            if (frame?.object && text[j] === ':') {
                const key = JSON.parse(text.slice(start, i)) as string;
                frame.key = key;
                out.set([...frame.path, key].join('\u0000'), start);
            }
            continue;
        }
        if (c === '{' || c === '[') {
            const parent = frames[frames.length - 1];
            const path = parent ? (parent.object && parent.key !== undefined ? [...parent.path, parent.key] : [...parent.path, '[]']) : [];
            frames.push({ path, object: c === '{' });
        } else if (c === '}' || c === ']') frames.pop();
        i++;
    }
    return out;
}

/** `themes`: a list of `{ "name": "…" or { "fr": "…", "en": "…" }, "words": ["…"] }`; a message when it is not. */
function parseThemes(raw: unknown): ThemeSetting[] | string {
    const expected = 'themes doit être une liste de { "name": …, "words": [ … ] } / themes must be a list of { "name": …, "words": [ … ] }';
    if (!Array.isArray(raw)) return expected;
    const out: ThemeSetting[] = [];
    for (const item of raw) {
        if (typeof item !== 'object' || item === null) return expected;
        const { name, words } = item as { name?: unknown; words?: unknown };
        const bilingual = typeof name === 'string' ? { fr: name, en: name }
            : typeof name === 'object' && name !== null && typeof (name as { fr?: unknown }).fr === 'string' && typeof (name as { en?: unknown }).en === 'string'
                ? { fr: (name as { fr: string }).fr, en: (name as { en: string }).en } : undefined;
        if (!bilingual || !Array.isArray(words) || words.length === 0 || !words.every((w) => typeof w === 'string' && w.trim().length > 0)) return expected;
        out.push({ name: bilingual, words: words as string[] });
    }
    return out;
}

/** Settings from the editor only (the Web Worker server, which reads no file of its own). */
export class EditorConfigProvider extends VersionedSettings implements ConfigProvider {
    getConfig(): ResolvedConfig {
        return { language: this.forcedLanguage ?? this.defaultLanguage, rules: { ...this.overrides }, problems: [] };
    }
}
