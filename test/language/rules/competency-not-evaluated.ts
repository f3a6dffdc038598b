import { bloc, CLEAN, example, HEADER } from '../rule-cases.js';
import { ruleTester } from '../rule-tester.js';

ruleTester('competency-not-evaluated', {
    valid: [
        { name: 'a modality evaluates each competency', code: CLEAN },
        { name: 'without « évalue », what the criteria judge is evaluated', code: bloc('  modalité E1 "M"\n    critère CR1 "x"\n    critère CR2 "y"') },
    ],
    invalid: [
        { name: 'the example', code: example('competency-not-evaluated'), errors: [
                { line: 8, column: 16, endLine: 8, endColumn: 18, message: 'No modality evaluates competency C2. Add "evaluates C2" to a modality of bloc 1.', data: { competency: 'C2' } },
            ] },
        { name: 'the competencies of a specialisation with no modality, named with it', language: 'fr', code: `${HEADER}
bloc 6 "Bloc"
  spécialisation 6A "Première"
    activité A6A.1 "Activité"
      compétence C6A.1 "Première."
      compétence C6A.2 "Deuxième."
`, errors: [
                { line: 7, column: 18, endLine: 7, endColumn: 23, message: /compétence C6A\.1\b/, data: { competency: 'C6A.1' } },
                { line: 8, column: 18, endLine: 8, endColumn: 23, message: /compétence C6A\.2\b/, data: { competency: 'C6A.2' } },
            ] },
    ],
});
