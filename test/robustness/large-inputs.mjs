// Référentiels shaped to make a super-linear path show: many hidden tokens, long digit runs,
// long lists, many ranges, many unknown names, many findings on one line, many stray tokens,
// many lines, a file too large to hold. Each takes a scale (1: the sizes of the report that
// found them; the test catalogue runs smaller ones) and returns the text of one file.
// Used by `npm run edges` (test/robustness/edges.mjs) and the bad-input catalogue.

export const HEADER = 'certification R "Référentiel"\n  accessibilité "Aménagements pour les candidats en situation de handicap."\n';

/** One bloc that every rule accepts. */
export function bloc(n, sep = '\n') {
    return [
        `bloc ${n} "Bloc ${n}"`,
        `  activité A${n} "Activité ${n}"`,
        `    compétence C${n}.1 "Analyser la demande ${n}."`,
        `    compétence C${n}.2 "Concevoir la réponse ${n}."`,
        `  modalité E${n} "Étude de cas ${n}"`,
        `    évalue C${n}.1, C${n}.2`,
        `    critère CR${n}.1 "La demande ${n} est analysée."`,
        `    critère CR${n}.2 "La réponse ${n} est conçue."`,
    ].join(sep) + sep;
}

const count = (n, scale) => Math.max(1, Math.round(n * scale));
const range = (n) => Array.from({ length: n }, (_, i) => i + 1);

/** A bloc of `n` competencies C1…Cn (one activity), evaluated by one modality, each judged by CR{i}. */
function wideBloc(n, { evaluates = `C1 à C${n}`, criteria = true } = {}) {
    const out = ['bloc 1 "Bloc"\n  activité A1 "Activité"\n'];
    for (let i = 1; i <= n; i++) out.push(`    compétence C${i} "Compétence ${i}."\n`);
    out.push(`  modalité E1 "Étude de cas"\n    évalue ${evaluates}\n`);
    if (criteria) for (let i = 1; i <= n; i++) out.push(`    critère CR${i} "Critère ${i}."\n`);
    return out.join('');
}

/**
 * The inputs, by name: `what` says it as the results table does; `make(scale)` gives the text;
 * `expect` what a check says (`clean`: no finding; `findings`: some, exit 1; `too-large`: the
 * file is refused with its size and the limit, exit 2).
 */
export const LARGE_INPUTS = [
    {
        name: 'comments-one-line',
        what: (s) => `${count(100_000, s).toLocaleString('en')} block comments \`/**/\` on one line, between the header and the first bloc`,
        make: (s) => `${HEADER}${'/**/ '.repeat(count(100_000, s))}\n${bloc(1)}`,
        expect: 'clean',
    },
    {
        name: 'comments-lines',
        what: (s) => `${count(100_000, s).toLocaleString('en')} line comments \`// …\`, one per line, before the header`,
        make: (s) => `${'// une note\n'.repeat(count(100_000, s))}${HEADER}${bloc(1)}`,
        expect: 'clean',
    },
    {
        name: 'comments-in-list',
        what: (s) => `${count(100_000, s).toLocaleString('en')} block comments inside an \`évalue\` list`,
        make: (s) => `${HEADER}${bloc(1).replace('évalue C1.1, C1.2', `évalue C1.1, ${'/* … */ '.repeat(count(100_000, s))}C1.2`)}`,
        expect: 'clean',
    },
    {
        name: 'digit-run-ranges',
        what: (s) => `an id of ${count(20_000, s).toLocaleString('en')} digits then \`A\`, and ${count(1_000, s).toLocaleString('en')} ranges`,
        make: (s) => `${HEADER}bloc 1 "Bloc"\n  activité A1 "Activité"\n    compétence C1 "Un."\n    compétence C2 "Deux."\n    compétence ${'1'.repeat(count(20_000, s))}A "Trois."\n`
            + `  modalité E1 "Étude"\n    évalue ${Array.from({ length: count(1_000, s) }, () => 'C1 à C2').join(', ')}\n    critère CR1 "Un."\n    critère CR2 "Deux."\n`,
        expect: 'findings',
    },
    {
        name: 'references-one-line',
        what: (s) => `a list of ${count(262_000, s).toLocaleString('en')} references on one line (10 competencies, each named many times)`,
        make: (s) => {
            const n = 10;
            const refs = Array.from({ length: count(262_000, s) }, (_, i) => `C${(i % n) + 1}`).join(', ');
            return `${HEADER}${wideBloc(n, { evaluates: refs })}`;
        },
        expect: 'clean',
    },
    {
        name: 'ranges',
        what: (s) => `${count(20_000, s).toLocaleString('en')} ranges \`C1 à C${count(10_000, s)}\` over ${count(10_000, s).toLocaleString('en')} competencies`,
        make: (s) => {
            const n = count(10_000, s);
            return `${HEADER}${wideBloc(n, { evaluates: Array.from({ length: count(20_000, s) }, () => `C1 à C${n}`).join(', ') })}`;
        },
        expect: 'clean',
    },
    {
        name: 'unresolved',
        what: (s) => `${count(10_000, s).toLocaleString('en')} unknown ids (each with a « did you mean ») against ${count(10_000, s).toLocaleString('en')} competencies`,
        make: (s) => {
            const n = count(10_000, s);
            return `${HEADER}${wideBloc(n, { evaluates: `C1 à C${n}, ${range(n).map((i) => `K${i}`).join(', ')}` })}`;
        },
        expect: 'findings',
    },
    {
        name: 'findings-one-line',
        what: (s) => `${count(100_000, s).toLocaleString('en')} findings on one line (competencies without criterion)`,
        make: (s) => `${HEADER}bloc 1 "Bloc" activité A1 "Activité" ${range(count(50_000, s)).map((i) => `compétence C${i} "C."`).join(' ')} modalité E1 "Étude" évalue C1 critère CR1 "Un."\n`,
        expect: 'findings',
    },
    {
        name: 'stray-comment-ends',
        what: (s) => `${count(100_000, s).toLocaleString('en')} stray \`*/\``,
        make: (s) => `${HEADER}${'*/ '.repeat(count(100_000, s))}\n${bloc(1)}`,
        expect: 'findings',
    },
    {
        name: 'keywords',
        what: (s) => `${count(100_000, s).toLocaleString('en')} \`bloc\` keywords in a row`,
        make: (s) => `${HEADER}${'bloc '.repeat(count(100_000, s))}\n`,
        expect: 'findings',
    },
    {
        name: 'million-lines',
        what: (s) => `${count(1_000_000, s).toLocaleString('en')} lines (${count(500_000, s).toLocaleString('en')} competencies and their criteria)`,
        make: (s) => {
            // 20 lines a bloc: 10 competencies, 6 criteria (4 of them ranges)
            const blocs = count(50_000, s);
            const out = [HEADER];
            for (let b = 1; b <= blocs; b++) {
                out.push(`bloc ${b} "B"\n  activité A${b} "A"\n`);
                for (let c = 1; c <= 10; c++) out.push(`    compétence C${b}.${c} "Compétence ${c} du bloc ${b}."\n`);
                out.push(`  modalité E${b} "E"\n    évalue C${b}.1 à C${b}.10\n`);
                for (const [from, to] of [[1, 2], [3, 4], [5, 6], [7, 8], [9], [10]]) out.push(`    critère CR${b}.${from}${to ? ` à ${to}` : ''} "R."\n`);
            }
            return out.join('');
        },
        expect: 'too-large',
    },
    {
        name: 'largest-accepted',
        what: (s) => `${count(260_000, s).toLocaleString('en')} lines (${count(130_000, s).toLocaleString('en')} competencies): just under the limit of 2 million tokens`,
        make: (s) => LARGE_INPUTS.find((i) => i.name === 'million-lines').make(0.26 * s),
        expect: 'clean',
    },
    {
        name: 'fifty-megabytes',
        what: (s) => `a file of about ${Math.round(50 * s)} MB (${count(145_000, s).toLocaleString('en')} blocs)`,
        make: (s) => {
            const out = [HEADER];
            for (let n = 1; n <= count(145_000, s); n++) out.push(`\n${bloc(n)}`);
            return out.join('');
        },
        expect: 'too-large',
    },
];
