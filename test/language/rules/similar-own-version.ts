import { example } from '../rule-cases.js';
import { ruleTester } from '../rule-tester.js';

// compared with the six fiches of the extract (examples/rncp/)
ruleTester('similar-own-version', {
    valid: [
        { name: 'a certification that is not registered', code: example('similar-text/referentiel'), registry: true },
    ],
    invalid: [
        { name: 'the example: RNCP39568 takes up its own fiche and its previous version RNCP34762', code: example('similar-own-version/referentiel'), registry: true, errors: [
                { line: 5, column: 15, severity: 'info', message: /^The registry knows this certification: its texts take up its own fiche RNCP39568 \(1 competency of 2; blocs RNCP39568BC01\), its previous version \(as the registry says\) RNCP34762/ },
                { line: 11, column: 6, message: /^Bloc continuing bloc RNCP34762BC01 / },
                { line: 14, column: 16, message: /^Competency taken 97% from its previous version \(as the registry says\) RNCP34762/ },
            ] },
    ],
});
