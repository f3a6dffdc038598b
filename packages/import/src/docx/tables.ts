import { cellParagraphs, isEmpty } from './cells.js';
import { leadingId } from './ids.js';
import type { DocCell, DocTable } from './read.js';

/**
 * What a table's columns hold, read from its header row(s): the référentiel d'activités, de
 * compétences, d'évaluation (modalities and criteria together), modalities alone, criteria
 * alone, a jury's decision (acquis / non acquis / observations), or something else.
 */
export type Role = 'activity' | 'competency' | 'evaluation' | 'modality' | 'criteria' | 'decision' | 'other';

export type TableKind = 'referential' | 'grid' | 'form' | 'unknown';

export interface Layout {
    kind: TableKind;
    /** One role per grid column. */
    roles: Role[];
    /** Rows before the body (headers, a title row). */
    headerRows: number;
    /** The header's words per column, for notes. */
    headers: string[];
}

function fold(text: string): string {
    return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[\u00a0\u202f]/g, ' ').trim();
}

const KEYS: Array<[Role, RegExp]> = [
    ['decision', /^(acquis|non acquis|en cours(?: d'acquisition)?|partiellement acquis|observations?|commentaires?|remarques?|appreciations?|note|points?|bareme|oui|non|a|na|ea|acquired|not acquired|comments?|score|decision du jury|valide|non valide)\b\s*(?:\(.*\))?$/],
    ['activity', /activite|situations? (?:de|professionnelles?) (?:de )?travail|taches? professionnelles?|^taches?$|activit(?:y|ies)/],
    ['competency', /competence|capacite|skills?|competenc(?:y|ies)/],
    ['criteria', /criteres?|indicateurs?|resultats? attendus|criteria|criterion/],
    ['modality', /modalites?|epreuves?|mises? en situation|assessment method|modalit(?:y|ies)/],
    ['evaluation', /evaluation|assessment/],
];

/** The role a header cell names: the first of the known words it contains (« Compétences évaluées » → competency). */
export function roleOfHeader(text: string): Role | undefined {
    const t = fold(text);
    if (t === '') return undefined;
    if (KEYS[0][1].test(t)) return 'decision';
    let best: { role: Role; at: number } | undefined;
    for (const [role, re] of KEYS.slice(1)) {
        const m = re.exec(t);
        if (m && (best === undefined || m.index < best.at)) best = { role, at: m.index };
    }
    if (!best) return undefined;
    // « Référentiel d'évaluation (modalités et critères) »: both in one column
    if ((best.role === 'evaluation' || best.role === 'modality') && /criter|indicateur/.test(t) && /modalit|epreuve|evaluation/.test(t)) return 'evaluation';
    return best.role;
}

export function cellText(cell: DocCell): string {
    return cellParagraphs(cell.blocks).map((p) => p.text.trim()).filter(Boolean).join('\n');
}

/** A row's cells as they stand on the grid (a cell merged down from above is not repeated). */
export function rowCells(table: DocTable, row: number): DocCell[] {
    return table.rows[row]?.cells ?? [];
}

/** The cell that covers a grid column on a row: its own, or one merged down or across. */
export function cellAt(table: DocTable, row: number, column: number): DocCell | undefined {
    for (let r = row; r >= 0; r--) {
        for (const c of table.rows[r].cells) {
            if (c.column <= column && column < c.column + c.colSpan && c.row + c.rowSpan > row) return c;
        }
    }
    return undefined;
}

/** A row made of one cell over the whole width (a bloc's title inside a table, a section heading). */
export function fullWidth(table: DocTable, row: number): DocCell | undefined {
    const cells = table.rows[row].cells;
    if (cells.length !== 1 || table.columns < 2) return undefined;
    const c = cells[0];
    return c.column === 0 && c.colSpan >= table.columns && c.rowSpan === 1 ? c : undefined;
}

/**
 * The roles a row names, if it is a header row: no cell reads as content (an id first, a long
 * text), and most cells name a role — every one for a second header row (`strict`).
 */
function headerRoles(table: DocTable, row: number, strict = false): Array<Role | undefined> | undefined {
    const roles: Array<Role | undefined> = new Array(table.columns).fill(undefined);
    const cells = table.rows[row].cells;
    if (cells.length === 0) return undefined;
    let named = 0;
    let unnamed = 0;
    for (const c of cells) {
        const text = cellText(c);
        if (text.length > 160 || leadingId(text) !== undefined) return undefined;
        const role = roleOfHeader(text);
        if (role) named++;
        else if (text !== '') unnamed++;
        for (let k = 0; k < c.colSpan; k++) roles[c.column + k] = role;
    }
    // a header names what most of its columns hold (« Compétences | Savoir-faire | Moyens | Résultats attendus »)
    if (named === 0) return undefined;
    if (table.rows[row].header) return roles;
    return (strict ? unnamed === 0 : named >= unnamed) ? roles : undefined;
}

/**
 * Reads a table's layout. Header rows are the first rows whose every cell names a role (a
 * title row over the whole width above them is skipped); a second header row refines the first
 * (« Référentiel d'évaluation » over « Modalités » and « Critères »).
 */
export function layoutOf(table: DocTable): Layout {
    const none: Layout = { kind: 'unknown', roles: new Array(table.columns).fill('other'), headerRows: 0, headers: [] };
    if (table.rows.length === 0) return none;
    let first = 0;
    while (first < table.rows.length - 1 && first < 2 && fullWidth(table, first) && !headerRoles(table, first)) first++;
    const top = headerRoles(table, first);
    if (!top) {
        // a table to fill in (signatures …): a heading row at most, nothing else written
        const empty = table.rows.slice(table.rows.length > 1 ? 1 : 0).every((r) => r.cells.every((c) => cellParagraphs(c.blocks).every(isEmpty)));
        return { ...none, kind: empty ? 'form' : 'unknown' };
    }
    let roles = top;
    let headerRows = first + 1;
    // a second header row refines the first; a row over the whole width (a bloc's title) never does
    const second = headerRows < table.rows.length && !fullWidth(table, headerRows) ? headerRoles(table, headerRows, true) : undefined;
    if (second && second.some((r, i) => r !== undefined && r !== roles[i])) {
        roles = roles.map((r, i) => second[i] ?? r);
        headerRows++;
    }
    const final: Role[] = roles.map((r) => r ?? 'other');
    const headers = Array.from({ length: table.columns }, (_, i) => {
        const c = cellAt(table, headerRows - 1, i);
        return c ? cellText(c) : '';
    });
    if (final.includes('criteria') && final.includes('evaluation')) {
        // a column of criteria apart: the evaluation column holds the modalities
        for (let i = 0; i < final.length; i++) if (final[i] === 'evaluation') final[i] = 'modality';
    }
    const body = table.rows.slice(headerRows);
    const bodyEmpty = body.every((r) => r.cells.every((c) => cellParagraphs(c.blocks).every(isEmpty)));
    if (bodyEmpty) return { kind: 'form', roles: final, headerRows, headers };
    const content = final.filter((r) => r !== 'decision' && r !== 'other');
    if (content.length === 0) return { kind: 'unknown', roles: final, headerRows, headers };
    const kind: TableKind = final.includes('decision') && (final.includes('criteria') || final.includes('evaluation')) ? 'grid' : 'referential';
    return { kind, roles: final, headerRows, headers };
}
