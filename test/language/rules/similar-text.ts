import { CLEAN, example } from '../rule-cases.js';
import { ruleTester } from '../rule-tester.js';

// compared with the six fiches of the extract (examples/rncp/)
ruleTester('similar-text', {
    valid: [
        { name: 'a référentiel in its own words', code: CLEAN, registry: true },
        { name: 'the example, without the registry: the rule does not run', code: example('similar-text/referentiel') },
    ],
    invalid: [
        { name: 'the example: clauses moved and a verb changed, still 89 %', code: example('similar-text/referentiel'), registry: true, errors: [
                { line: 14, column: 16, severity: 'info', message: /^Competency 89% similar to bloc RNCP39568BC01 .*\(shared passage: "contextes économiques et géopolitiques/ },
            ] },
        { name: 'in French, with French typography', code: example('similar-text/referentiel'), registry: true, language: 'fr', errors: [
                { line: 14, column: 16, message: /^Compétence proche à 89\u202f% du bloc RNCP39568BC01/ },
            ] },
    ],
});
