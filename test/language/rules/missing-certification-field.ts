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

ruleTester('missing-certification-field', {
    valid: [{ name: 'a complete header; no RNCP number asked before registration', code: withCompetencies('Analyser les besoins.') }],
    invalid: [
        { name: 'each missing field, at the certification', language: 'fr', code: 'certification R "Exemple"\n  accessibilité "Aménagements."\n', errors: [
            { line: 1, column: 15, message: "La certification R n'a pas de niveau. Ajoutez «\u202Fniveau 6\u202F» (ou le niveau visé, de 1 à 8) à son en-tête.", data: { field: 'level' } },
            { line: 1, column: 15, message: /n'a pas de certificateur/, data: { field: 'certifier' } },
            { line: 1, column: 15, message: /n'a ni version ni date/, data: { field: 'version-or-date' } },
        ] },
        { name: 'an ill-formed level and RNCP number', language: 'fr', code: 'certification R "Exemple"\n  niveau III\n  rncp X12\n  certificateur "É"\n  date "2026"\n', errors: [
            { line: 1, column: 15, message: /le niveau «\u202FIII\u202F» n'est pas un niveau du cadre national/ },
            { line: 1, column: 15, message: /«\u202FX12\u202F» n'a pas la forme d'un numéro RNCP/ },
        ] },
        { name: 'blocs coded RNCP…BC… but no RNCP number', language: 'fr', code: `${HEAD}\nbloc RNCP34826BC01 "Bloc"\n`, errors: [{ line: 1, column: 15, message: /n'a pas de numéro RNCP/ }] },
    ],
});
