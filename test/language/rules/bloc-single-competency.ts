import { CLEAN, example, HEADER } from '../rule-cases.js';
import { ruleTester } from '../rule-tester.js';

ruleTester('bloc-single-competency', {
    valid: [
        { name: 'a bloc of two competencies', code: CLEAN },
    ],
    invalid: [
        { name: 'a bloc repeated (duplicate-id\'s finding): told once, at its first declaration', code: `${HEADER}
bloc 1 "Un"
  activité A1 "a"
    compétence C1 "x"
  modalité E1 "M"
    évalue C1
    critère CR1 "x"
bloc 1 "Encore"
  activité A2 "a"
    compétence C2 "y"
  modalité E2 "M"
    évalue C2
    critère CR2 "x"`, errors: [
                { line: 4, column: 6, endLine: 4, endColumn: 7, message: 'Bloc 1 holds a single competency. A bloc groups several: complete it or merge it.' },
            ] },
        { name: 'in French: the bloc, and an option named as the référentiel names it', language: 'fr', code: `${HEADER}
bloc 1 "Un"
  activité A1 "a"
    compétence C1 "x"
  modalité E1 "M"
    évalue C1
    critère CR1 "x"
bloc 5
  option 1 "Un"
    activité AS1-1 "a"
      compétence CS1-1 "x"
    modalité E5 "M"
      évalue CS1-1
      critère CR1-1 "a"`, errors: [
                { line: 4, column: 6, message: 'Le bloc 1 ne compte qu\'une compétence. Un bloc en regroupe plusieurs\u00A0: complétez-le ou fusionnez-le.' },
                { line: 11, column: 10, message: 'L\'option 1 du bloc 5 ne compte qu\'une compétence. Un bloc en regroupe plusieurs\u00A0: complétez-le ou fusionnez-le.' },
            ] },
        { name: 'the example', code: example('bloc-single-competency'), errors: [
                { line: 4, column: 6, endLine: 4, endColumn: 7, message: 'Bloc 1 holds a single competency. A bloc groups several: complete it or merge it.' },
            ] },
        { name: 'an option of a single competency, with none from its bloc', code: `${HEADER}
bloc 5
  option 1 "Un"
    activité AS1-1 "a"
      compétence CS1-1 "x"
    modalité E5 "M"
      évalue CS1-1
      critère CR1-1 "a"`, errors: [
                { line: 5, column: 10, endLine: 5, endColumn: 11, message: 'Option 1 of bloc 5 holds a single competency. A bloc groups several: complete it or merge it.' },
            ] },
    ],
});
