/**
 * Where the lexicon's text comes from under Node: `french-lexicon.txt` beside this module — in
 * `out/drafting/` (written by scripts/french-lexicon.mjs), or beside the bundle that inlined this
 * module (the CLI's and the desktop server's `dist/`, where their build copies it). The Web
 * Worker's bundle replaces this module by one that holds the text (packages/extension/esbuild.mjs).
 */
import { readFileSync } from 'node:fs';

export function readLexiconText(): string {
    const url = new URL('./french-lexicon.txt', import.meta.url);
    try {
        return readFileSync(url, 'utf8');
    } catch (e) {
        throw new Error(`certiref: the French lexicon (${url.pathname}) cannot be read — run \`npm run build\`: ${(e as Error).message}`);
    }
}
