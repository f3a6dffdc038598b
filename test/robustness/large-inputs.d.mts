// Types of large-inputs.mjs (plain JavaScript, so that `npm run edges` runs it without a build).
export declare const HEADER: string;
export declare function bloc(n: number | string, sep?: string): string;
export interface LargeInput {
    name: string;
    what(scale: number): string;
    make(scale: number): string;
    expect: 'clean' | 'findings' | 'too-large';
}
export declare const LARGE_INPUTS: LargeInput[];
