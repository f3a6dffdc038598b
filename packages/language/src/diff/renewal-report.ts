import type { Language } from '../config/config.js';
import { escapeMarkdownText } from '../export/tables.js';
import type { RenewalBloc, RenewalChange, RenewalCorrespondence, RenewalFile, RenewalVersion } from './renewal.js';

/**
 * The renewal file's two tables as rows, in French or English: what the text and Markdown
 * reports of `certiref diff` print, and what the Word and Excel files hold
 * (`export/renewal-office.ts`).
 */

export function renewalWords(language: Language) {
    return language === 'fr'
        ? {
            title: 'Dossier de renouvellement', colon: ' : ', versions: 'Les deux versions', previous: 'Version précédente', next: 'Nouvelle version', inPrevious: 'version précédente',
            certification: 'Intitulé', rncp: 'Numéro RNCP', version: 'Version', date: 'Date', missing: 'non renseigné',
            correspondence: 'Tableau de correspondance des blocs de compétences', changes: 'Tableau des modifications',
            correspondenceColumn: 'Correspondance', originColumn: 'Origine', observations: 'Observations',
            element: 'Élément', natureColumn: 'Nature de la modification', justification: 'Justification',
            declared: 'déclarée', proposed: 'proposée d’après le contenu, à confirmer', score: 'score',
            strong: 'forte', likely: 'probable', weak: 'faible',
            supported: 'le contenu la confirme', weakCheck: 'les blocs ont peu en commun : à vérifier', better: (id: string, s: string) => `${id} lui ressemble davantage (score ${s}) : à vérifier`,
            none: 'aucune correspondance', newBloc: 'bloc nouveau', removedBloc: 'bloc supprimé',
            nature: { added: 'ajout', removed: 'suppression', reworded: 'reformulation', retitled: 'nouvel intitulé', changed: 'modification' } as Record<RenewalChange['nature'], string>,
            kind: { certification: 'Certification', bloc: 'Bloc', competency: 'Compétence', modality: 'Modalité' } as Record<RenewalChange['kind'], string>,
            field: { title: 'intitulé', level: 'niveau', certifier: 'certificateur' } as Record<string, string>,
            unchanged: (n: number) => `${n} compétence${n > 1 ? 's' : ''} reprise${n > 1 ? 's' : ''} mot pour mot (non listée${n > 1 ? 's' : ''}).`,
            page: 'page', sheetCorrespondence: 'Correspondance des blocs', sheetChanges: 'Modifications',
        }
        : {
            title: 'Renewal file', colon: ': ', versions: 'The two versions', previous: 'Previous version', next: 'New version', inPrevious: 'previous version',
            certification: 'Title', rncp: 'RNCP number', version: 'Version', date: 'Date', missing: 'not given',
            correspondence: 'Correspondence of the blocs de compétences', changes: 'Table of changes',
            correspondenceColumn: 'Correspondence', originColumn: 'Origin', observations: 'Observations',
            element: 'Element', natureColumn: 'Nature of the change', justification: 'Justification',
            declared: 'declared', proposed: 'proposed from content, to confirm', score: 'score',
            strong: 'strong', likely: 'likely', weak: 'weak',
            supported: 'the content confirms it', weakCheck: 'the blocs have little in common: to check', better: (id: string, s: string) => `${id} is closer to it (score ${s}): to check`,
            none: 'no correspondence', newBloc: 'new bloc', removedBloc: 'bloc removed',
            nature: { added: 'added', removed: 'removed', reworded: 'reworded', retitled: 'new title', changed: 'changed' } as Record<RenewalChange['nature'], string>,
            kind: { certification: 'Certification', bloc: 'Bloc', competency: 'Competency', modality: 'Modality' } as Record<RenewalChange['kind'], string>,
            field: { title: 'title', level: 'level', certifier: 'certifier' } as Record<string, string>,
            unchanged: (n: number) => `${n} competenc${n > 1 ? 'ies' : 'y'} kept word for word (not listed).`,
            page: 'page', sheetCorrespondence: 'Bloc correspondence', sheetChanges: 'Changes',
        };
}

type Words = ReturnType<typeof renewalWords>;

/** A version's heading: `RNCP34762 — Programme Grande École … (version 2020, 23/07/2020)`. */
export function versionHeading(v: RenewalVersion): string {
    const number = v.rncp ? `RNCP${v.rncp.replace(/^RNCP\s*/i, '')}` : v.id;
    const when = [v.version, v.date].filter(Boolean).join(', ');
    return `${number} — ${v.title || v.id}${when ? ` (${when})` : ''}`;
}

const blocLabel = (b: RenewalBloc) => `${b.id}${b.title ? ` ${b.title}` : ''}`;

/** The rows of the correspondence table: blocs of each side, correspondence, origin, observations. */
export function correspondenceRows(file: RenewalFile, L: Words): string[][] {
    const score = (x: number) => x.toFixed(2);
    const rows = file.correspondences.map((c: RenewalCorrespondence) => {
        const origin = c.origin === 'declared' ? L.declared : `${L.proposed} (${L.score} ${score(c.score)}, ${L[c.strength ?? 'weak']})`;
        const observation = c.check
            ? c.check.verdict === 'supported' ? `${L.supported} (${L.score} ${score(c.score)})`
                : c.check.verdict === 'weak' ? `${L.weakCheck} (${L.score} ${score(c.score)})`
                    : L.better(c.check.better!.old, score(c.check.better!.score))
            : '';
        return [c.old.map(blocLabel).join('\n'), c.new.map(blocLabel).join('\n'), `${c.old.map((b) => b.id).join(', ')} → ${c.new.map((b) => b.id).join(', ')}`, origin, observation];
    });
    for (const b of file.unmatchedOld) rows.push([blocLabel(b), '', L.none, '', L.removedBloc]);
    for (const b of file.unmatchedNew) rows.push(['', blocLabel(b), L.none, '', L.newBloc]);
    return rows;
}

/** The rows of the table of changes: element, previous, new, nature, justification (empty). */
export function changeRows(file: RenewalFile, L: Words): string[][] {
    return file.changes.map((c) => [
        `${L.kind[c.kind]} ${c.kind === 'certification' ? L.field[c.element] ?? c.element : c.element}${c.bloc && c.kind !== 'bloc' ? ` (${c.bloc}${c.nature === 'removed' ? `, ${L.inPrevious}` : ''})` : c.kind === 'bloc' && c.nature === 'removed' ? ` (${L.inPrevious})` : ''}`,
        c.old ?? '',
        c.new ?? '',
        `${L.nature[c.nature]}${c.score !== undefined ? ` (${c.score.toFixed(2)})` : ''}`,
        '',
    ]);
}

export function versionRows(file: RenewalFile, L: Words): string[][] {
    return [
        [L.certification, file.old.title || file.old.id, file.new.title || file.new.id],
        [L.rncp, file.old.rncp ? `RNCP${file.old.rncp.replace(/^RNCP\s*/i, '')}` : L.missing, file.new.rncp ? `RNCP${file.new.rncp.replace(/^RNCP\s*/i, '')}` : L.missing],
        [`${L.version} / ${L.date}`, [file.old.version, file.old.date].filter(Boolean).join(', ') || L.missing, [file.new.version, file.new.date].filter(Boolean).join(', ') || L.missing],
    ];
}


/** The renewal file as text: the versions, then each table, one row per paragraph. */
export function renewalToText(file: RenewalFile, language: Language): string {
    const L = renewalWords(language);
    const out: string[] = [`${L.title}`, `  ${L.previous}${L.colon}${versionHeading(file.old)}`, `  ${L.next}${L.colon}${versionHeading(file.new)}`, '', L.correspondence];
    for (const [old, next, correspondence, origin, observation] of correspondenceRows(file, L)) {
        out.push(`  ${correspondence}${origin ? ` — ${origin}` : ''}${observation ? ` — ${observation}` : ''}`);
        if (old) out.push(`      − ${old.replace(/\n/g, '\n        ')}`);
        if (next) out.push(`      + ${next.replace(/\n/g, '\n        ')}`);
    }
    out.push('', L.changes);
    const indent = (text: string) => text.replace(/\n+/g, '\n        ');
    for (const [element, old, next, nature] of changeRows(file, L)) {
        out.push(`  ${element} — ${nature}`);
        if (old) out.push(`      − ${indent(old)}`);
        if (next) out.push(`      + ${indent(next)}`);
    }
    if (file.unchanged > 0) out.push('', L.unchanged(file.unchanged));
    return out.join('\n') + '\n';
}

/** The renewal file as Markdown tables. */
export function renewalToMarkdown(file: RenewalFile, language: Language): string {
    const L = renewalWords(language);
    const cell = (t: string) => escapeMarkdownText(t).replace(/\|/g, '\\|').replace(/\n/g, '<br>');
    const table = (head: string[], rows: string[][]) => [`| ${head.map(cell).join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n');
    const previous = `${L.previous}${L.colon}${versionHeading(file.old)}`;
    const next = `${L.next}${L.colon}${versionHeading(file.new)}`;
    return [
        `# ${cell(L.title)}`, '',
        table(['', L.previous, L.next], versionRows(file, L)), '',
        `## ${cell(L.correspondence)}`, '',
        table([previous, next, L.correspondenceColumn, L.originColumn, L.observations], correspondenceRows(file, L)), '',
        `## ${cell(L.changes)}`, '',
        table([L.element, previous, next, L.natureColumn, L.justification], changeRows(file, L)),
        ...(file.unchanged > 0 ? ['', `_${cell(L.unchanged(file.unchanged))}_`] : []),
    ].join('\n') + '\n';
}
