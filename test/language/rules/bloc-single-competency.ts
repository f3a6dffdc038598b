import { CLEAN, example, HEADER } from '../rule-cases.js';
import { ruleTester } from '../rule-tester.js';

ruleTester('bloc-single-competency', {
    valid: [
        { name: 'a bloc of two competencies', code: CLEAN },
    ],
    invalid: [
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
