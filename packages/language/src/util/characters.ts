/**
 * Text from a référentiel or a file name, safe to print to a terminal or a CI log: every control
 * character (C0 but the line break and the tab where `lines` allows them, DEL, C1 — which holds
 * CSI, the start of an escape sequence), and the characters that reorder or hide text (bidi
 * controls, zero-width spaces, U+2028/U+2029) are shown as `U+XXXX`. So a title holding
 * `ESC[2J` or `ESC]0;…BEL` or an OSC 8 link neither clears the screen, nor renames the window,
 * nor hides a link: it is printed as written, escapes visible.
 */
export function printable(text: string, options: { lines?: boolean } = {}): string {
    const pattern = options.lines ? UNPRINTABLE_IN_LINES : UNPRINTABLE;
    return text.replace(pattern, (c) => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}

const UNPRINTABLE = /[\u0000-\u001F\u007F-\u009F\u200B-\u200F\u2028-\u202E\u2060-\u2069\uFEFF]/g;
const UNPRINTABLE_IN_LINES = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200B-\u200F\u2028-\u202E\u2060-\u2069\uFEFF]/g;

/** Letters a French or English id may hold and a reader recognises: not worth a code point. */
const FAMILIAR = /[\p{ASCII}àâäçéèêëîïôöùûüÿœæÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸŒÆ«»’]/u;

/**
 * The characters of a name that a reader cannot tell by sight — a Cyrillic С for a Latin C, a
 * dotless ı, a combining accent after its letter (é written e + U+0301), an invisible space —
 * each with its code point, for a message: `С U+0421, ◌́ U+0301`. Empty when there is none.
 */
export function unusualCharacters(name: string): string {
    const seen = new Set<string>();
    const out: string[] = [];
    for (const ch of name) {
        if (FAMILIAR.test(ch) || seen.has(ch)) continue;
        seen.add(ch);
        const code = `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
        const shown = /\p{M}/u.test(ch) ? `◌${ch}` : /[\p{C}\p{Z}]/u.test(ch) ? '' : ch;
        out.push(shown ? `${shown} ${code}` : code);
    }
    return out.join(', ');
}
