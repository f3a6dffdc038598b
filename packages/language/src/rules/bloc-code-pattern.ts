import { t } from '../i18n.js';
import type { BlocModel } from '../model/types.js';
import { BLOC_CODE, RNCP_NUMBER } from './missing-certification-field.js';
import { type ModelRule } from './rule.js';

/** The code a bloc carries in the registry: its id today (a `code` field would be read here first). */
export function blocCode(bloc: BlocModel): string {
    return (bloc as BlocModel & { code?: string }).code ?? bloc.id;
}

/** RNCP34826BC04 for the fourth bloc of RNCP34826 (the bloc's own number when its id is one). */
export function expectedBlocCode(rncpDigits: string, bloc: BlocModel, index: number): string {
    const own = /^\d{1,2}$/.test(bloc.id) ? Number(bloc.id) : index + 1;
    return `RNCP${rncpDigits}BC${String(own).padStart(2, '0')}`;
}

export const blocCodePattern: ModelRule = {
    id: 'bloc-code-pattern',
    defaultSeverity: 'warning',
    title: t("Le code d'un bloc ne suit pas le motif RNCPnnnnnBCnn", "A bloc's code does not follow the RNCPnnnnnBCnn pattern"),
    help: t(
        "Une fois la certification enregistrée, chacun de ses blocs a un code RNCP : le numéro de la certification, « BC » et le numéro du bloc sur deux chiffres (RNCP34826BC04). Le bloc s'écrit alors « bloc RNCP34826BC04 \"…\" ». Sans numéro RNCP, seul un code déjà écrit sous cette forme est vérifié.",
        'Once the certification is registered, each of its blocs has an RNCP code: the certification number, "BC" and the bloc number on two digits (RNCP34826BC04). The bloc is then written `bloc RNCP34826BC04 "…"`. Without an RNCP number, only a code already written in that form is checked.',
    ),
    check(cert, report) {
        const digits = cert.rncp ? RNCP_NUMBER.exec(cert.rncp.trim())?.[1] : undefined;
        cert.blocs.forEach((bloc, index) => {
            if (bloc.duplicate) return;
            const code = blocCode(bloc);
            const m = BLOC_CODE.exec(code);
            if (digits) {
                const expected = expectedBlocCode(digits, bloc, index);
                if (!m) {
                    report(bloc.source, t(
                        `Le bloc ${bloc.id} n'a pas de code RNCP : la certification est enregistrée (RNCP${digits}), ses blocs s'appellent RNCP${digits}BC01, RNCP${digits}BC02 … Écrivez « bloc ${expected} ».`,
                        `Bloc ${bloc.id} has no RNCP code: the certification is registered (RNCP${digits}), its blocs are called RNCP${digits}BC01, RNCP${digits}BC02 … Write \`bloc ${expected}\`.`,
                    ), { expected });
                } else if (m[1] !== digits) {
                    report(bloc.source, t(
                        `Le code ${code} du bloc ne porte pas le numéro de la certification (RNCP${digits}) : écrivez RNCP${digits}BC${m[2]}.`,
                        `The bloc's code ${code} does not carry the certification's number (RNCP${digits}): write RNCP${digits}BC${m[2]}.`,
                    ), { expected: `RNCP${digits}BC${m[2]}` });
                }
            } else if (/^RNCP/i.test(code) && !m) {
                report(bloc.source, t(
                    `Le code ${code} du bloc ne suit pas le motif RNCPnnnnnBCnn (numéro de la certification, « BC », numéro du bloc sur deux chiffres : RNCP34826BC04).`,
                    `The bloc's code ${code} does not follow the RNCPnnnnnBCnn pattern (certification number, "BC", bloc number on two digits: RNCP34826BC04).`,
                ));
            }
        });
    },
};
