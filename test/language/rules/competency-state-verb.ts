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

ruleTester('competency-state-verb', {
    valid: [{ name: 'action verbs', code: withCompetencies('Analyser les besoins.', 'Utiliser un tableur pour calculer un budget.') }],
    invalid: [
        { name: 'a verb of state, « Être capable de » before the action', language: 'fr', code: withCompetencies('Maîtriser les outils de PAO.', 'Être capable de rédiger un cahier des charges.', 'Connaître la réglementation.'), errors: [
            { line: 9, column: 20, endLine: 9, endColumn: 29, message: /«\u202FUtiliser\u202F», «\u202FMettre en œuvre\u202F»/ },
            { line: 10, column: 20, endLine: 10, endColumn: 35, message: "La compétence C2 commence par «\u202FÊtre capable de\u202F», qui n'ajoute rien d'observable\u00A0: commencez-la par le verbe d'action, «\u202FRédiger …\u202F»." },
            { line: 11, column: 20, endLine: 11, endColumn: 29, message: /dit un état/ },
        ] },
    ],
});
