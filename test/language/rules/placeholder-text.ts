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

ruleTester('placeholder-text', {
    valid: [{ name: 'written texts', code: withCriteria('Le planning couvre les chantiers.') }],
    invalid: [
        { name: '« À compléter », an empty title, « À rédiger », TODO, ok, …', language: 'fr', code: `${HEAD}
bloc 1 "À compléter"
  activité A1 ""
    compétence C1 "À rédiger"
    compétence C2 "Analyser les besoins TODO préciser."
  modalité E1 "Étude de cas"
    évalue C1, C2
    critère CR1 "ok"
    critère CR2 "…"
`, errors: [
            { line: 7, column: 9, endLine: 7, endColumn: 20, message: 'Le titre du bloc 1 contient «\u202FÀ compléter\u202F», qui tient la place du texte\u00A0: écrivez le titre avant de livrer le référentiel.' },
            { line: 8, column: 15, endLine: 8, endColumn: 17, message: "Le titre de l'activité A1 est vide\u00A0: écrivez le titre." },
            { line: 9, column: 20, endLine: 9, endColumn: 29, message: /La compétence C1 contient «\u202FÀ rédiger\u202F»/ },
            { line: 10, column: 41, endLine: 10, endColumn: 45, message: /«\u202FTODO\u202F»/ },
            { line: 13, column: 18, endLine: 13, endColumn: 20, message: /Le critère CR1 contient «\u202Fok\u202F»/ },
            { line: 14, column: 18, endLine: 14, endColumn: 19, message: /«\u202F…\u202F»/ },
        ] },
    ],
});
