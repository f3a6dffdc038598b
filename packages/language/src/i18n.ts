/**
 * The two languages of certiref's users, in one place: the bilingual text every message,
 * title and label is written as (`t('…', '…')`, read with `text[language]`), the words several
 * places share, and the choice of a language from a locale (the environment's `LANG`, the
 * editor's display language). No dependency: the VS Code extension reads it too
 * (`certiref-language/i18n`).
 */
export type Language = 'fr' | 'en';

export const LANGUAGES: readonly Language[] = ['fr', 'en'];

/** Text in both languages of certiref's users. */
export interface Bilingual {
    fr: string;
    en: string;
}

export function t(fr: string, en: string): Bilingual {
    return { fr, en };
}

/** The text in one language. */
export function inLanguage(text: Bilingual, language: Language): string {
    return text[language];
}

/**
 * The language a locale names (`fr_FR.UTF-8`, `fr-CA`, `fr`, VS Code's `fr` …): French for a
 * French locale, English otherwise. Every place that turns a locale into a language asks here.
 */
export function languageOfLocale(locale: string | undefined): Language {
    return locale && /^fr\b|^fr[_-]/i.test(locale) ? 'fr' : 'en';
}

/** The language of a process's environment, as POSIX orders its variables: LC_ALL, LC_MESSAGES, LANG. */
export function languageOfEnvironment(env: Record<string, string | undefined>): Language {
    return languageOfLocale(env.LC_ALL || env.LC_MESSAGES || env.LANG);
}

/** A title in quotes: « … » in French (no-break spaces inside), “…” in English. */
export function quoted(text: string, language: Language): string {
    return language === 'fr' ? `« ${text} »` : `“${text}”`;
}

/** A noun's singular and plural in each language. */
export interface Noun {
    fr: [string, string];
    en: [string, string];
}

export function noun(frOne: string, frMany: string, enOne: string, enMany: string): Noun {
    return { fr: [frOne, frMany], en: [enOne, enMany] };
}

/**
 * `n` and a noun in its singular or plural form: French takes the plural above one (0 and 1
 * are singular), English for any number but one.
 */
export function counted(n: number, word: Noun, language: Language): string {
    const [one, many] = word[language];
    return `${n} ${(language === 'fr' ? n > 1 : n !== 1) ? many : one}`;
}

/** The four severities in words, as reports print them. */
export const SEVERITY_WORDS: Readonly<Record<'error' | 'warning' | 'info' | 'hint', Bilingual>> = {
    error: t('erreur', 'error'),
    warning: t('avertissement', 'warning'),
    info: t('info', 'info'),
    hint: t('indice', 'hint'),
};

/** The first letter in capitals. */
export function capital(text: string): string {
    return text.charAt(0).toUpperCase() + text.slice(1);
}
