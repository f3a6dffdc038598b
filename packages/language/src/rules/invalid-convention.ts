import { compileConvention } from '../model/ids.js';
import { t, type ModelRule } from './rule.js';

export const invalidConvention: ModelRule = {
    id: 'invalid-convention',
    defaultSeverity: 'error',
    title: t("Une convention d'identifiants est mal écrite", 'An id convention is malformed'),
    help: t(
        'Une convention relie un motif de critère à un motif de compétence avec des marques {n} : « convention "CR{n}" juge "C{n}" ». Chaque marque du motif de compétence doit figurer dans celui du critère.',
        'A convention ties a criterion pattern to a competency pattern with {n} placeholders: `convention "CR{n}" judges "C{n}"`. Every placeholder of the competency pattern must appear in the criterion pattern.',
    ),
    check(cert, report) {
        for (const c of cert.conventions) {
            if (!c.declared || !c.source) continue;
            const compiled = compileConvention(c);
            if ('regex' in compiled) continue;
            report(c.source, t(
                `La convention « ${c.criterion} » → « ${c.competency} » est ignorée : ${compiled.fr}. Écrivez par exemple « convention "CR{n}" juge "C{n}" ».`,
                `Convention "${c.criterion}" → "${c.competency}" is ignored: ${compiled.en}. Write for example \`convention "CR{n}" judges "C{n}"\`.`,
            ));
        }
    },
};
