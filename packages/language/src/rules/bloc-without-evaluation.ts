import { capital, optionName, t, type ModelRule } from './rule.js';

export const blocWithoutEvaluation: ModelRule = {
    id: 'bloc-without-evaluation',
    needsCompleteModel: true,
    defaultSeverity: 'error',
    title: t("Un bloc n'a aucune modalité d'évaluation", 'A bloc has no evaluation modality'),
    help: t(
        "Chaque bloc de compétences a ses propres modalités d'évaluation (article R6113-9 du Code du travail). Ajoutez une « modalité » au bloc (ou à chacune de ses options).",
        'Each bloc has its own evaluation modalities (Code du travail, R6113-9). Add a `modality` to the bloc (or to each of its options).',
    ),
    check(cert, report) {
        for (const bloc of cert.blocs) {
            if (bloc.duplicate) continue;
            if (bloc.options.length === 0) {
                if (bloc.modalities.length === 0) {
                    report(bloc.source, t(
                        `Le bloc ${bloc.id} n'a aucune modalité d'évaluation. Ajoutez une « modalité » qui évalue ses compétences.`,
                        `Bloc ${bloc.id} has no evaluation modality. Add a "modality" that evaluates its competencies.`,
                    ));
                }
                continue;
            }
            for (const option of bloc.options) {
                if (option.modalities.length > 0 || bloc.modalities.length > 0) continue;
                report(option.source, t(
                    `${capital(optionName(option).frThe)} du bloc ${bloc.id} n'a aucune modalité d'évaluation. Ajoutez-lui une « modalité ».`,
                    `${capital(optionName(option).en)} of bloc ${bloc.id} has no evaluation modality. Add a "modality" to it.`,
                ));
            }
        }
    },
};
