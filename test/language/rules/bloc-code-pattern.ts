import { ruleTester } from '../rule-tester.js';

const HEAD = `certification R "Exemple"
  niveau 6
  certificateur "École"
  version "1"
  accessibilité "Aménagements pour les candidats en situation de handicap."
`;

/** One bloc whose competencies are the given texts (C1, C2 …), each judged by one criterion. */
const withCompetencies = (...texts: string[]) => `${HEAD}
bloc 1 "Bloc"
  activité A1 "Activité"
${texts.map((t, i) => `    compétence C${i + 1} "${t}"`).join('\n')}
  modalité E1 "Étude de cas"
${texts.map((_, i) => `    critère CR${i + 1} "Le livrable ${i + 1} est remis."`).join('\n')}
`;

ruleTester('bloc-code-pattern', {
    valid: [
        { name: 'coded blocs of a registered certification', code: `${HEAD}  rncp RNCP34826\nbloc RNCP34826BC01 "Bloc"\nbloc RNCP34826BC02 "Autre"\n` },
        { name: 'any bloc id before registration', code: `${HEAD}\nbloc 1 "Bloc"\n` },
    ],
    invalid: [
        { name: "an uncoded bloc, another certification's number", language: 'fr', code: `${HEAD}  rncp RNCP34826\nbloc 1 "Bloc"\nbloc RNCP11111BC02 "Autre"\n`, errors: [
            { line: 7, column: 6, endLine: 7, endColumn: 7, message: /Écrivez «\u202Fbloc RNCP34826BC01\u202F»/, data: { expected: 'RNCP34826BC01' } },
            { line: 8, column: 6, endLine: 8, endColumn: 19, message: /écrivez RNCP34826BC02/ },
        ] },
        { name: 'a broken code', language: 'fr', code: `${HEAD}\nbloc RNCP348BC1 "Bloc"\n`, errors: [{ line: 7, column: 6, message: /ne suit pas le motif RNCPnnnnnBCnn/ }] },
    ],
});
