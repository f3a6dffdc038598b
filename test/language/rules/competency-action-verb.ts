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

ruleTester('competency-action-verb', {
    valid: [
        { name: 'action verbs: plain, pronominal, unaccented capitals, after an id or a bullet, a recent verb', code: withCompetencies(
            'Analyser les besoins du client.', "S'informer sur la réglementation.", 'Se positionner sur le marché.', 'Etablir une recommandation.',
            'C1.1 Rechercher des informations techniques.', '- Piloter le projet.', 'Prototyper une interface.') },
        { name: 'a state (competency-state-verb), a placeholder (placeholder-text), an English text', code: withCompetencies('Maîtriser les outils.', 'À rédiger', "Management of the client's needs and the requirements.") },
    ],
    invalid: [
        { name: 'a nominal phrase, a noun of knowledge, a participle, a subject, an elided article', language: 'fr', code: withCompetencies(
            "Gestion des plannings de l'équipe.", 'Connaissance des outils', 'Élaboré un plan de formation.', 'Le candidat analyse les besoins.', "L'analyse des besoins du client."), errors: [
            { line: 9, column: 20, endLine: 9, endColumn: 27, message: "La compétence C1 est un groupe nominal («\u202FGestion …\u202F»)\u00A0: commencez-la par un verbe d'action à l'infinitif, par exemple «\u202FGérer les plannings de l'équipe\u202F», puis dites dans quel but." },
            { line: 10, column: 20, endLine: 10, endColumn: 32, message: /nomme un savoir/ },
            { line: 11, column: 20, endLine: 11, endColumn: 27, message: /écrivez «\u202FÉlaborer\u202F»/ },
            { line: 12, column: 20, endLine: 12, endColumn: 31, message: /sans sujet/ },
            { line: 13, column: 20, endLine: 13, endColumn: 29, message: /«\u202FAnalyser les besoins du client\u202F»/ },
        ] },
        { name: 'on the second line of a text, the word is underlined', code: `${HEAD}
bloc 1 "Bloc"
  activité A1 "Activité"
    compétence C1 "
      Gestion des plannings"
`, errors: [{ line: 10, column: 7, endLine: 10, endColumn: 14, message: 'Competency C1 is a nominal phrase ("Gestion …"): begin it with an action verb in the infinitive, for instance "Gérer les plannings", then say what for.', severity: 'warning' }] },
    ],
});
