/** Synonyms by stem (see the README: what the similarity counts as a synonym). */
export const SYNONYMS_VERSION = 0;

const table = new Map<string, readonly string[]>();

export function synonymsOf(stem: string): readonly string[] | undefined {
    return table.get(stem);
}
