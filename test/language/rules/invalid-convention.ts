import { example, HEADER } from '../rule-cases.js';
import { ruleTester } from '../rule-tester.js';

const withConvention = (convention: string) => `${HEADER}  convention ${convention}
bloc 1 "Bloc"
  activité A1 "a"
    compétence C1 "x"
    compétence C2 "y"
  modalité E1 "M"
    évalue C1, C2
    critère CR1 "a"
    critère CR2 "b"
`;

ruleTester('invalid-convention', {
    valid: [
        { name: 'a convention with its placeholder on both sides', code: withConvention('"CR{n}" juge "C{n}"') },
    ],
    invalid: [
        { name: 'the example: no placeholder in the criterion pattern', code: example('invalid-convention'), errors: [
                { line: 4, column: 3, endLine: 4, endColumn: 13, message: 'Convention "K" → "C{n}" is ignored: the criterion pattern has no placeholder such as {n}. Write for example `convention "CR{n}" judges "C{n}"`.' },
            ] },
        { name: 'a placeholder twice', code: withConvention('"CR{n}-{n}" juge "C{n}"'), errors: [
                { line: 3, column: 3, endLine: 3, endColumn: 13, message: 'Convention "CR{n}-{n}" → "C{n}" is ignored: placeholder {n} appears twice. Write for example `convention "CR{n}" judges "C{n}"`.' },
            ] },
        { name: 'a competency placeholder the criterion pattern lacks', code: withConvention('"CR{n}" juge "C{o}-{n}"'), errors: [
                { line: 3, column: 3, endLine: 3, endColumn: 13, message: 'Convention "CR{n}" → "C{o}-{n}" is ignored: placeholder {o} is not in the criterion pattern. Write for example `convention "CR{n}" judges "C{n}"`.' },
            ] },
    ],
});
