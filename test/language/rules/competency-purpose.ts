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

ruleTester('competency-purpose', {
    valid: [{ name: 'a purpose; nothing on what is not yet an action', code: withCompetencies('Analyser les besoins afin de cadrer le projet.', 'Planifier les tâches pour tenir les délais.', 'Gestion des plannings.', 'Être capable de planifier.') }],
    invalid: [
        { name: 'no purpose: the whole text is underlined', code: withCompetencies("Planifier les tâches de l'équipe."), errors: [
            { line: 9, column: 19, endLine: 9, endColumn: 54, severity: 'info', message: 'Competency C1 does not say what for: add its purpose (« afin de … », « pour » + infinitive, « en vue de … »), which gives the jury the context of the evaluation.' },
        ] },
    ],
});
