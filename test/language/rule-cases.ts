import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from '../helpers.js';

import { bloc, HEADER } from '../helpers.js';

export { bloc, HEADER } from '../helpers.js';

/** The example of a rule, as examples/rules/ has it (the README shows it). */
export function example(rule: string): string {
    return fs.readFileSync(path.join(ROOT, 'examples/rules', `${rule}.ref`), 'utf8');
}

/** Competencies C{from} … of one activity, one a line. */
export const seq = (n: number, from = 11) => Array.from({ length: n }, (_, i) => `    compétence C${from + i} "c${from + i}"`).join('\n');

/** A certification with one bloc (3) and one activity (A6): its competencies, then its modality. */
export const cert = (competencies: string, modality: string) => `${HEADER}
bloc 3 "B"
  activité A6 "a"
${competencies}
${modality}`;

/** A one-bloc référentiel on which no rule reports anything. */
export const CLEAN = bloc('  modalité E1 "M"\n    évalue C1, C2\n    critère CR1 "x"\n    critère CR2 "y"');
