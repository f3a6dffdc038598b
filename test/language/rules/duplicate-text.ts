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
/** One bloc with two competencies, whose criteria are the given texts. */
const withCriteria = (...texts: string[]) => `${HEAD}
bloc 1 "Bloc"
  activité A1 "Activité"
    compétence C1 "Analyser les besoins afin de cadrer le projet."
    compétence C2 "Rédiger le cahier des charges afin de lancer le projet."
  modalité E1 "Étude de cas"
    évalue C1, C2
${texts.map((t, i) => `    critère juge C${(i % 2) + 1} "${t}"`).join('\n')}
`;

ruleTester('duplicate-text', {
    valid: [
        { name: 'different texts', code: withCompetencies('Analyser les besoins.', 'Rédiger le cahier des charges.') },
        { name: 'the same competency in two blocs is competency-in-several-blocs', code: `${HEAD}
bloc 1 "Bloc"
  activité A1 "Activité"
    compétence C1 "Analyser les besoins afin de cadrer le projet."
bloc 2 "Autre"
  activité A2 "Activité"
    compétence C2 "Analyser les besoins afin de cadrer le projet."
` },
    ],
    invalid: [
        { name: 'two competencies of a bloc, case and punctuation aside', language: 'fr', code: withCompetencies('Analyser les besoins.', 'analyser les besoins'), errors: [
            { line: 10, column: 19, endLine: 10, endColumn: 41, message: 'La compétence C2 a le même texte que la compétence C1 (a.ref:9)\u00A0: fusionnez-les, ou écrivez ce qui les distingue.' },
        ] },
        { name: 'two criteria', language: 'fr', code: withCriteria('Le planning est remis.', 'Le planning est remis !'), errors: [
            { line: 14, column: 21, endLine: 14, endColumn: 46, message: /a le même texte que ce critère \(E1\) \(a\.ref:13\)/ },
        ] },
    ],
});
