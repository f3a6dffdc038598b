/**
 * Arrays of any length. A spread into a call (`list.push(...items)`, `Math.max(...values)`)
 * puts every item on the stack, and about 100,000 of them overflow it: a document of that many
 * findings, lines or list items must not end in `Maximum call stack size exceeded`.
 */

/** Appends `items` to `target`, in order; returns `target`. */
export function append<T>(target: T[], items: readonly T[]): T[] {
    for (const item of items) target.push(item);
    return target;
}

/** The largest of `values`, or `empty` when there is none. */
export function largest(values: Iterable<number>, empty = -Infinity): number {
    let out = empty;
    let first = true;
    for (const v of values) {
        if (first || v > out) out = v;
        first = false;
    }
    return out;
}

/** The smallest of `values`, or `empty` when there is none. */
export function smallest(values: Iterable<number>, empty = Infinity): number {
    let out = empty;
    let first = true;
    for (const v of values) {
        if (first || v < out) out = v;
        first = false;
    }
    return out;
}
