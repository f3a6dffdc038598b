// The web bundle's Buffer (the RNCP export's byte scan uses it): the `buffer` package, not Node's.
export { Buffer } from 'buffer';
