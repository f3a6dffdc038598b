import { ruleTester } from '../rule-tester.js';

const HEAD = `certification R "Exemple"
  niveau 6
  certificateur "École"
  version "1"
  accessibilité "Aménagements pour les candidats en situation de handicap."
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

ruleTester('vague-criterion', {
    valid: [{ name: 'observable or measured; « bonnes pratiques »', code: withCriteria('Le planning couvre les 5 chantiers de la semaine.', 'Le rapport est bien structuré, conforme au modèle fourni.', 'Les bonnes pratiques sont citées.') }],
    invalid: [
        { name: 'the vague word is underlined', language: 'fr', code: withCriteria('Le planning est bien fait.', 'Bonne communication.'), errors: [
            { line: 13, column: 38, endLine: 13, endColumn: 42, message: /s'appuie sur «\u202Fbien\u202F» sans rien à observer ni à mesurer/ },
            { line: 14, column: 22, endLine: 14, endColumn: 27, message: /«\u202Fbonne\u202F»/ },
        ] },
    ],
});
