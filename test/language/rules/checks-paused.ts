import { HEADER } from '../rule-cases.js';
import { ruleTester } from '../rule-tester.js';

const MAIN = `${HEADER}\nbloc 1 "Bloc"\n  activité A1 "a"\n    compétence C1 "x"\n    compétence C2 "y"\n  modalité E1 "M"\n    évalue C1, C2\n    critère CR1 "x"\n`;
const BROKEN = 'partie de R\nbloc 2 "B"\n  activité A2 "a"\n    compétence C3 "Troisième."\n  modalité E2 "M"\n    évalue C3\n    critère CR3 "pas fermé\n';

ruleTester('checks-paused', {
    valid: [
        { name: 'the syntax error fixed: the checks resume, nothing paused', code: { 'main.ref': MAIN, 'sub/b.ref': BROKEN.replace('fermé\n', 'fermé"\n') } },
    ],
    invalid: [
        { name: 'a file of the certification with a syntax error', language: 'fr', code: { 'main.ref': MAIN, 'sub/b.ref': BROKEN }, errors: [
                { file: 'main.ref', line: 1, column: 15, message: "Vérifications de complétude suspendues pour la certification R\u00a0: sub/b.ref contient une erreur de syntaxe. Tant qu'elle n'est pas corrigée, ce qui manque (compétence sans critère ou sans évaluation, bloc sans évaluation …) n'est pas signalé." },
            ] },
    ],
});
