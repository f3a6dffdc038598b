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

ruleTester('required-themes', {
    valid: [
        { name: 'each theme named somewhere', code: withCompetencies('Planifier les interventions avec un logiciel afin de tenir les délais.', 'Organiser le chantier dans le respect de la santé et sécurité au travail et du développement durable.') },
        { name: 'disability without any provision is missing-accessibility-provision\'s', code: 'certification R "Exemple"\nbloc 1 "B"\n  activité A1 "A"\n    compétence C1 "Planifier avec un logiciel, dans le respect de la santé et sécurité au travail et du développement durable."\n' },
    ],
    invalid: [
        { name: 'one finding per theme the certification says nothing of', language: 'fr', code: withCompetencies('Planifier les interventions afin de tenir les délais.'), errors: [
            { line: 1, column: 15, message: /ne dit rien de «\u202Ftransition écologique\u202F»/, data: { theme: 'ecological transition' } },
            { line: 1, column: 15, message: /«\u202Ftransformation numérique\u202F»/ },
            { line: 1, column: 15, message: /«\u202Fsanté et sécurité au travail\u202F»/ },
        ] },
        { name: 'the themes of certiref.json', certirefJson: '{ "themes": [ { "name": "sobriété", "words": ["sobriété"] } ] }', code: withCompetencies('Planifier les interventions afin de tenir les délais.'), errors: [
            { line: 1, column: 15, message: 'Certification R says nothing of "sobriété", which référentiels must take into account (décret n° 2025-500 of 6 June 2025): say where its competencies, activities or evaluation modalities do.' },
        ] },
    ],
});
