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

const LONG = 'Analyser les besoins du client en identifiant ses objectifs, ses contraintes et ses ressources afin de cadrer le projet. '.repeat(3);

ruleTester('text-too-long', {
    valid: [{ name: 'within the limits', code: withCompetencies('Analyser les besoins.') }],
    invalid: [
        { name: "a bloc's competencies over 3,000 characters, its title over 255", language: 'fr', code: `${HEAD}
bloc 1 "${'Organiser '.repeat(30)}"
  activité A1 "Activité"
${Array.from({ length: 9 }, (_, i) => `    compétence C${i + 1} "${LONG}"`).join('\n')}
`, errors: [
            { line: 7, column: 6, endLine: 7, endColumn: 7, message: /«\u202Fliste des compétences du bloc 1\u202F» de la fiche compte 3\u202F3\d\d caractères, pour 3\u202F000 au plus/ },
            { line: 7, column: 8, endLine: 7, endColumn: 310, message: 'Le champ «\u202Fintitulé du bloc 1\u202F» de la fiche compte 299 caractères, pour 255 au plus\u00A0: raccourcissez-le de 44 caractères (ou réglez «\u202Flimits\u202F» dans certiref.json si la limite a changé).', data: { field: 'bloc-title', length: 299, limit: 255 } },
        ] },
        { name: 'a limit set in certiref.json', certirefJson: '{ "limits": { "bloc-title": 10 } }', code: `${HEAD}\nbloc 1 "Organiser le chantier"\n`, errors: [{ line: 7, column: 8, endLine: 7, endColumn: 31, message: /has 21 characters, for at most 10/ }] },
    ],
});
