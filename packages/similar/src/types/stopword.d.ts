// The `stopword` package ships no types: the one list certiref reads.
declare module 'stopword' {
    /** French function words (Snowball's list). */
    export const fra: string[];
}
