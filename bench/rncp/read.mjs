// One reading of an export by certiref-rncp, for the benchmark:
//   node bench/rncp/read.mjs EXPORT fiche RNCPnnnnn   the fiche asked (bytes scanned, one fiche parsed)
//   node bench/rncp/read.mjs EXPORT list              every fiche's number and title (the editor's completion)
//   node bench/rncp/read.mjs EXPORT all               every fiche parsed, every bloc's lists split
import { listFiches, readFiches, splitCompetencies, splitModalities } from 'certiref-rncp';

const [file, mode, number] = process.argv.slice(2);
if (mode === 'fiche') {
    let found = 0;
    for await (const fiche of readFiches(file, { numbers: [number] })) found += fiche.number === number ? 1 : 0;
    if (found !== 1) throw new Error(`${number} not read`);
} else if (mode === 'list') {
    console.log((await listFiches(file)).length);
} else if (mode === 'all') {
    let fiches = 0;
    let items = 0;
    for await (const fiche of readFiches(file)) {
        fiches++;
        for (const bloc of fiche.blocs) {
            const competencies = splitCompetencies(bloc.competencies ?? '');
            items += competencies.items.length + splitModalities(bloc.modalities ?? '', competencies.items.flatMap((i) => i.codes)).items.length;
        }
    }
    console.log(fiches, items);
} else {
    throw new Error('usage: read.mjs EXPORT fiche RNCPnnnnn | list | all');
}
