import { bloc, CLEAN, example } from '../rule-cases.js';
import { ruleTester } from '../rule-tester.js';

ruleTester('syntax-error', {
    valid: [
        { name: 'a text that follows the grammar', code: CLEAN },
    ],
    invalid: [
        { name: 'the example: a text left open', code: example('syntax-error'), errors: [
                { line: 11, column: 17, endLine: 11, endColumn: 18, message: 'Unterminated text: this " opens a text that is never closed. Add the closing quote (or write \\" for a quote inside the text).' },
            ] },
        { name: 'an unexpected character', code: bloc('  modalité E1 "M"\n    évalue C1, C2\n    critère CR1 "x" §\n    critère CR2 "y"'), errors: [
                { line: 10, column: 21, endLine: 10, endColumn: 22, message: 'Unexpected character "§" (§ U+00A7). Texts are written between quotes "…", ids with letters, digits, ".", "-" and "_".' },
            ] },
        { name: 'a misspelt keyword', code: bloc('  modalité E1 "M"\n    évalue C1, C2\n    critère CR1 "x"\n    critére CR2 "y"'), errors: [
                { line: 11, column: 5, endLine: 11, endColumn: 12, message: '"critére" is not a keyword. Did you mean "critère"?' },
            ] },
    ],
});
