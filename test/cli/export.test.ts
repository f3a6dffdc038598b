import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, describe, expect, it } from 'vitest';
import { cli } from '../helpers.js';

const temps: string[] = [];
const temp = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'certiref-export-'));
    temps.push(dir);
    return dir;
};
afterEach(() => {
    for (const d of temps.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

async function model(seed: string): Promise<ModelJson> {
    return JSON.parse((await cli(['export', `referentials/${seed}`])).stdout).certifications[0];
}

// the model as `certiref export` prints it (JSON): what every other format is checked against
interface CriterionJson { label: string | null; text: string; competencies: string[] }
interface ModalityJson { id: string | null; title: string; evaluates: string[]; criteria: CriterionJson[] }
interface BlocJson { id: string; activities: { id: string; title: string; competencies: { id: string; text: string }[] }[]; modalities: ModalityJson[] }
interface ModelJson { id: string; title: string; blocs: BlocJson[] }

const SEEDS = ['chef-de-projet-digital', 'manager-strategie-digitale'] as const;
/** Paragraph breaks and spaces as a reader sees them. */
const flat = (text: string) => text.replace(/\s+/g, ' ').trim();
/** A text as Word shows it: a list item's marker (`- `, `1. `) is the list's, not the text's. */
const unlisted = (text: string) => text.replace(/^\s*(?:[-•–*·▪◦]|\d{1,2}[.)])\s+/gm, '');
const competencies = (m: ModelJson) => m.blocs.flatMap((b) => b.activities.flatMap((a) => a.competencies));
const modalities = (m: ModelJson) => m.blocs.flatMap((b) => b.modalities);

/**
 * A jury grid as it must read: for each competency the modality evaluates, in order, each
 * criterion that judges it (or none), then the criteria that judge nothing it evaluates.
 */
function gridOf(m: ModalityJson): Array<{ competency: string; criterion?: CriterionJson }> {
    const rows: Array<{ competency: string; criterion?: CriterionJson }> = [];
    for (const id of m.evaluates) {
        const judging = m.criteria.filter((c) => c.competencies.includes(id));
        if (judging.length === 0) rows.push({ competency: id });
        for (const criterion of judging) rows.push({ competency: id, criterion });
    }
    for (const criterion of m.criteria.filter((c) => !c.competencies.some((id) => m.evaluates.includes(id)))) rows.push({ competency: criterion.competencies.join(', ') || '—', criterion });
    return rows;
}

/** The tables of mammoth's HTML, cells as text (paragraphs on their own lines), merged cells repeated. */
function tablesOf(html: string): string[][][] {
    const text = (cell: string) => cell.replace(/<\/(p|li)>/g, '\n').replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&').trim();
    return [...html.matchAll(/<table>(.*?)<\/table>/gs)].map(([, table]) => {
        const grid: string[][] = [];
        const spans: Array<{ text: string; left: number } | undefined> = [];
        for (const [, row] of table.matchAll(/<tr>(.*?)<\/tr>/gs)) {
            const cells: string[] = [];
            const found = [...row.matchAll(/<t[hd]([^>]*)>(.*?)<\/t[hd]>|<t[hd]([^>]*)\/>/gs)];
            let k = 0;
            for (let col = 0; k < found.length || spans[col]; col++) {
                const span = spans[col];
                if (span && span.left > 0) {
                    cells.push(span.text);
                    span.left--;
                    continue;
                }
                const [, attributes = '', content = ''] = found[k++];
                const rowspan = Number(/rowspan="(\d+)"/.exec(attributes)?.[1] ?? 1);
                cells.push(text(content));
                spans[col] = rowspan > 1 ? { text: text(content), left: rowspan - 1 } : undefined;
            }
            grid.push(cells);
        }
        return grid;
    });
}

describe('certiref export --format csv', () => {
    for (const seed of SEEDS) {
        it(`${seed}: UTF-8 with a BOM, RFC 4180 with semicolons in French, every competency and criterion in the order of the source`, async () => {
            const r = await cli(['export', `referentials/${seed}`, '--format', 'csv', '--lang', 'fr']);
            expect(r.status).toBe(0);
            expect(r.stdout.startsWith('\uFEFF')).toBe(true);
            expect(r.stdout).toMatch(/\r\n$/);
            // French spreadsheets split on semicolons: the header row has nine of them, no comma
            expect(r.stdout.slice(1).split('\r\n')[0]).toBe("Certification;Bloc;Option;Activité;Compétence;Intitulé de la compétence;Modalité;Partie;Critère;Critère d'évaluation");
            const rows: Record<string, string>[] = parse(r.stdout.slice(1), { columns: true, relax_column_count: false, delimiter: ';' });
            expect(Object.keys(rows[0])).toEqual(['Certification', 'Bloc', 'Option', 'Activité', 'Compétence', 'Intitulé de la compétence', 'Modalité', 'Partie', 'Critère', "Critère d'évaluation"]);
            // one row per criterion, with the competencies it judges, at the first of them; a row for
            // each competency no criterion judges; in the order of the source
            const m = await model(seed);
            const expected: string[] = [];
            for (const b of m.blocs) {
                const criteria = b.modalities.flatMap((mo) => mo.criteria);
                const own = b.activities.flatMap((a) => a.competencies.map((c) => c.id));
                const done = new Set<object>();
                for (const id of own) {
                    const judging = criteria.filter((c) => c.competencies.includes(id));
                    if (judging.length === 0) expected.push(`${id} |`);
                    for (const c of judging.filter((x) => !done.has(x))) {
                        done.add(c);
                        expected.push(`${c.competencies.join(', ')} | ${flat(c.text)}`);
                    }
                }
                for (const c of criteria.filter((x) => !x.competencies.some((id) => own.includes(id)))) expected.push(`${c.competencies.join(', ')} | ${flat(c.text)}`);
            }
            expect(rows.map((x) => `${x['Compétence']} |${x["Critère d'évaluation"] ? ` ${flat(x["Critère d'évaluation"])}` : ''}`)).toEqual(expected);
            // every criterion once, every competency, in order
            const allCriteria = m.blocs.flatMap((b) => b.modalities.flatMap((mo) => mo.criteria));
            expect(rows.filter((x) => x["Critère d'évaluation"] !== '')).toHaveLength(allCriteria.length);
            expect([...new Set(rows.flatMap((x) => x['Compétence'].split(', ')).filter(Boolean))]).toEqual(competencies(m).map((c) => c.id));
        });
    }

    it('neutralises cells a spreadsheet would run as a formula', async () => {
        const dir = temp();
        fs.writeFileSync(path.join(dir, 'a.ref'), `certification F "=HYPERLINK(\\"http://x\\")"
  accessibilité "a"
bloc 1 "+1"
  activité A1 "@SUM(A1)"
    compétence C1 "-2+3"
    compétence C2 "\ttab"
  modalité E1 "M"
    critère CR1 "=1+1"
    critère CR2 "ok"
`);
        const csv = (await cli(['export', '.', '--format', 'csv'], { cwd: dir })).stdout;
        const rows: string[][] = parse(csv.slice(1));
        for (const row of rows.slice(1)) for (const cell of row) expect(cell, cell).not.toMatch(/^[=+\-@\t\r]/);
        expect(rows[1]).toContain("'-2+3");
        expect(rows[1]).toContain("'=1+1");
    });

    it('neutralises them in the Excel workbook too, where only its own counts are formulas', async () => {
        const ExcelJS = (await import('exceljs')).default;
        const dir = temp();
        fs.writeFileSync(path.join(dir, 'a.ref'), `certification F "=HYPERLINK(\\"http://x\\")"
  accessibilité "a"
bloc 1 "+1"
  activité A1 "@SUM(A1)"
    compétence C1 "-2+3"
    compétence C2 "\ttab"
  modalité E1 "=M"
    partie 1 "@P"
      évalue C1, C2
      critère CR1 "=1+1"
      critère CR2 "+ok"
`);
        expect((await cli(['export', '.', '--format', 'xlsx', '-o', 'f.xlsx'], { cwd: dir })).status).toBe(0);
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.readFile(path.join(dir, 'f.xlsx'));
        const texts: string[] = [];
        for (const sheet of workbook.worksheets) {
            sheet.eachRow((row) => row.eachCell((c) => {
                const v = c.value as unknown;
                if (v && typeof v === 'object' && 'formula' in v) expect((v as { formula: string }).formula).toMatch(/^(COUNTIF|IF)\(/);
                else if (typeof v === 'string') texts.push(v);
            }));
        }
        for (const t of texts) expect(t, t).not.toMatch(/^[=+\-@\t\r]/);
        expect(texts).toEqual(expect.arrayContaining(["'-2+3", "'=1+1", "'+ok", "'=HYPERLINK(\"http://x\") — Bloc 1 — +1"]));
    });
});

describe('certiref export --format md', () => {
    it('shows a text as written: no link, emphasis or HTML can come from it', async () => {
        const dir = temp();
        fs.writeFileSync(path.join(dir, 'a.ref'), `certification M "Exemple"
  accessibilité "a"
bloc 1 "Bloc"
  activité A1 "Activité"
    compétence C1 "Voir [le site](javascript:alert(1)) et **ceci** ou <b>cela</b> | fin"
  modalité E1 "Étude"
    évalue C1
    critère CR1 "_souligné_ \\\`code\\\`"
`);
        const md = (await cli(['export', '.', '--format', 'md'], { cwd: dir })).stdout;
        expect(md).toContain('Voir \\[le site\\](javascript:alert(1)) et \\*\\*ceci\\*\\* ou &lt;b&gt;cela&lt;/b&gt; \\| fin');
        expect(md).not.toMatch(/[^\\]\[le site\]/);
    });

    it('a table per modality with the jury\'s columns, texts escaped', async () => {
        const md = (await cli(['export', 'referentials/manager-strategie-digitale', '--format', 'md', '--lang', 'fr'])).stdout;
        expect(md).toMatch(/^# Manager de la stratégie digitale \(MSD\)/);
        expect(md).toContain('### E3 — Mise en situation en groupe');
        expect(md).toContain('| Compétence | Critère | Acquis | Non acquis | Observations |');
        expect(md).toContain('| **C14** | **CR14** Les candidats ont démontré');
        expect(md.match(/^### /gm)).toHaveLength(7);
        expect(md).toContain('## Aménagements pour les candidats en situation de handicap');
    });

    for (const seed of SEEDS) {
        it(`${seed}: each modality's grid holds every competency it evaluates and every criterion, once, in order`, async () => {
            const md = (await cli(['export', `referentials/${seed}`, '--format', 'md', '--lang', 'fr'])).stdout;
            const m = await model(seed);
            // as a Markdown renderer shows the cell: line breaks, backslash escapes, HTML entities
            const unescape = (text: string) => flat(text.replace(/<br>/g, ' ').replace(/\\([\\`*_[\]|~#+-])/g, '$1').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'));
            const sections = md.split(/^### /m).slice(1);
            expect(sections).toHaveLength(modalities(m).length);
            sections.forEach((section, i) => {
                const rows = section.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Compétence') && !l.startsWith('| ---'))
                    .map((l) => l.split(/(?<!\\)\|/).slice(1, -1).map((c) => c.trim()));
                const expected = gridOf(modalities(m)[i]);
                const title = modalities(m)[i].title;
                expect(rows.map((r) => r[0].replace(/\*\*/g, '')), title).toEqual(expected.map((x) => x.competency));
                rows.forEach((r, k) => {
                    const c = expected[k].criterion;
                    // the criterion's text ends its cell, after its part and label
                    if (c) expect(unescape(r[1]).endsWith(flat(c.text)), `${title}: ${flat(c.text).slice(0, 40)}`).toBe(true);
                    else expect(r[1]).toBe('*aucun critère ne juge cette compétence*');
                    expect(r.slice(2)).toEqual(c ? ['☐', '☐', ''] : ['', '', '']);
                });
            });
        });
    }
});

describe('certiref export --format html', () => {
    it('the coverage matrix names each modality apart, with a legend, even where titles repeat', async () => {
        const html = (await cli(['export', 'referentials/chef-de-projet-digital', '--format', 'html', '--lang', 'fr'])).stdout;
        const matrix = /<table class="matrix">.*?<\/table>/s.exec(html)![0];
        const heads = [...matrix.matchAll(/<th scope="col">([^<]*)<\/th>/g)].map((x) => x[1]).slice(1);
        expect(heads.slice(0, 8)).toEqual(['Bloc 1', 'Bloc 2', 'Bloc 3.1', 'Bloc 3.2', 'Bloc 3.3', 'Bloc 3.4', 'Bloc 4', 'Bloc 5.1']);
        expect(new Set(heads).size).toBe(heads.length);
        expect(html).toContain('<li><strong>Bloc 3.2</strong> Mise en situation professionnelle</li>');
    });
});

describe('certiref export --out', () => {
    it('writes one file per certification, and replaces none without --force', async () => {
        const dir = temp();
        const first = await cli(['export', 'referentials', '--format', 'html', '--out', dir]);
        expect(first.status).toBe(0);
        expect(fs.readdirSync(dir).sort()).toEqual(['CPD.html', 'MSD.html']);
        fs.writeFileSync(path.join(dir, 'MSD.html'), 'mine');
        const again = await cli(['export', 'referentials', '--format', 'html', '--out', dir]);
        expect(again.status).toBe(2);
        expect(again.stderr).toMatch(/MSD\.html.*already exists, add --force to replace/);
        expect(fs.readFileSync(path.join(dir, 'MSD.html'), 'utf8')).toBe('mine');
        expect((await cli(['export', 'referentials', '--format', 'html', '--out', dir, '--force'])).status).toBe(0);
        expect(fs.readFileSync(path.join(dir, 'MSD.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/);
        expect(fs.readdirSync(dir).sort()).toEqual(['CPD.html', 'MSD.html']);
        // no temporary file left behind by the atomic writes
        expect(fs.readdirSync(dir).filter((f) => f.startsWith('.'))).toEqual([]);
    });

    it('refuses a file where a folder is expected, in both languages', async () => {
        const file = path.join(temp(), 'report.csv');
        fs.writeFileSync(file, 'mine');
        const r = await cli(['export', 'referentials', '--format', 'csv', '--out', file]);
        expect(r.status).toBe(2);
        expect(r.stderr).toMatch(/--out attend un dossier, pas un fichier .* \/ --out expects a folder, not a file/);
        expect(fs.readFileSync(file, 'utf8')).toBe('mine');
    });
});

/** A sheet's rows as text, a formula as `=…`. */
function sheetRows(sheet: import('exceljs').Worksheet): string[][] {
    const rows: string[][] = [];
    for (let r = 1; r <= sheet.rowCount; r++) {
        const values = (sheet.getRow(r).values as unknown[]) ?? [];
        rows.push(Array.from({ length: Math.max(7, values.length - 1) }, (_, k) => values[k + 1]).map((v) => (typeof v === 'object' && v && 'formula' in v ? `=${(v as { formula: string }).formula}` : String(v ?? ''))));
    }
    return rows;
}

describe('certiref export --format xlsx', () => {
    it('a jury workbook: a sheet per bloc with its grids, merged competencies, a computed result, one decision, signatures, printable on A4; a coverage sheet', async () => {
        const ExcelJS = (await import('exceljs')).default;
        const dir = temp();
        const file = path.join(dir, 'msd.xlsx');
        const r = await cli(['export', 'referentials/manager-strategie-digitale', '--format', 'xlsx', '-o', file, '--lang', 'fr']);
        expect(r.status, r.stderr).toBe(0);
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.readFile(file);
        expect(workbook.worksheets.map((s) => s.name)).toEqual(['Bloc 1', 'Bloc 2', 'Bloc 3', 'Bloc 4', 'Bloc 5 · option 1', 'Bloc 5 · option 2', 'Bloc 5 · option 3', 'Couverture']);
        const b3 = workbook.getWorksheet('Bloc 3')!;
        // A4, landscape, as wide as the page
        expect(b3.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
        const rows = sheetRows(b3);
        // the title over every column, wrapped, high enough for its lines: never clipped
        expect(b3.getCell('A1').value).toBe('Manager de la stratégie digitale — Bloc 3 — Déployer le projet digital de la marque');
        expect(b3.model.merges).toContain('A1:G1');
        expect(b3.getCell('A1').alignment).toMatchObject({ wrapText: true });
        // where to write the candidate, the date and the examiners
        expect(rows.slice(1, 4).map((x) => x[0])).toEqual(['Candidat (nom, prénom)\u00a0:', "Date de l'évaluation\u00a0:", 'Examinateurs\u00a0:']);
        for (const k of [2, 3, 4]) expect(b3.model.merges).toContain(`C${k}:G${k}`);
        const head = rows.findIndex((x) => x[1] === 'Intitulé') + 1;
        expect(rows[head - 1]).toEqual(['Compétence', 'Intitulé', 'Partie', 'Critère', "Critère d'évaluation", 'Décision', 'Observations']);
        // C11, C12, C13 each judged by the range criterion; C14 by CR14 and two criteria written `juge C14`: C14 merged over its three rows
        expect(rows.slice(head, head + 6).map((x) => `${x[0]}:${x[3]}`)).toEqual(['C11:CR11 à 13', 'C12:CR11 à 13', 'C13:CR11 à 13', 'C14:CR14', 'C14:', 'C14:']);
        const c14 = head + 4;
        expect(b3.model.merges).toEqual(expect.arrayContaining([`A${c14}:A${c14 + 2}`, `B${c14}:B${c14 + 2}`]));
        expect(b3.getRow(head + 1).getCell(6).dataValidation).toMatchObject({ type: 'list', formulae: ['"Acquis,Non acquis"'] });
        // the result, computed from the decisions: per competency, then for the bloc
        const counts = rows.filter((x) => x[2]?.startsWith('=COUNTIF('));
        expect(counts.map((x) => `${x[0]} ${x[1]} ${x[2]} ${x[3]}`)).toEqual([
            `C11 E3 =COUNTIF(F${head + 1}:F${head + 1},"Acquis") 1`, `C12 E3 =COUNTIF(F${head + 2}:F${head + 2},"Acquis") 1`,
            `C13 E3 =COUNTIF(F${head + 3}:F${head + 3},"Acquis") 1`, `C14 E3 =COUNTIF(F${c14}:F${c14 + 2},"Acquis") 3`,
        ]);
        const result = rows.find((x) => x[0].startsWith('Résultat calculé'))!;
        expect(result[4]).toMatch(/^=IF\(COUNTA\(F\d+:F\d+\).*"bloc validé","bloc non validé"\)\)$/);
        // one decision for the bloc, a drop-down, then the signatures
        const decisions = rows.map((x, i) => [x[0], i + 1] as const).filter(([x]) => x === 'Décision du jury\u00a0:');
        expect(decisions).toHaveLength(1);
        expect(b3.getRow(decisions[0][1]).getCell(3).dataValidation).toMatchObject({ type: 'list', formulae: ['"bloc validé,bloc non validé"'] });
        expect(rows.filter((x) => x[0] === 'Membre du jury (nom, prénom)')).toHaveLength(1);
        // an option is decided as an option
        const o2 = sheetRows(workbook.getWorksheet('Bloc 5 · option 2')!);
        expect(o2.find((x) => x[0].startsWith('Résultat calculé'))![4]).toContain('"option validée","option non validée"');
        // a competency evaluated without a criterion has its row, marked, without a decision to take, and no computed result
        const sheet52 = workbook.getWorksheet('Bloc 5 · option 2')!;
        const gap = sheet52.getRows(1, sheet52.rowCount)!.find((row) => row.getCell(1).value === 'CS2-4' && row.getCell(5).value === 'Aucun critère ne juge cette compétence')!;
        expect(gap.getCell(6).dataValidation?.type).toBeUndefined();
        expect((gap.getCell(1).fill as { fgColor: { argb: string } }).fgColor.argb).toBe('FFFFD7A0');
        expect(o2.find((x) => x[0] === 'CS2-4' && x[3] === '0')![4]).toBe('—');
        const coverage = workbook.getWorksheet('Couverture')!;
        expect(coverage.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 1 });
        expect(coverage.pageSetup).toMatchObject({ fitToPage: true, fitToWidth: 1, printTitlesRow: '1:1' });
        expect(coverage.getRow(1).values).toEqual([undefined, 'Compétence', 'E1', 'E2', 'E3', 'E4', 'E5 (1)', 'E5 (2)', 'E5 (3)']);
        const cs24 = coverage.getColumn(1).values.indexOf('CS2-4');
        expect((coverage.getRow(cs24).getCell(1).fill as { fgColor: { argb: string } }).fgColor.argb).toBe('FFFFD7A0');
        expect(coverage.getRow(cs24).getCell(7).value).toBe(0); // E5 (2) evaluates it, no criterion judges it
        const legend = (coverage.getColumn(1).values as unknown[]).findIndex((v) => String(v).startsWith('Nombre de critères'));
        expect(legend).toBe(coverage.rowCount - 7);
        expect([1, 2].map((k) => coverage.getRow(legend + 3).getCell(k).value)).toEqual(['E3', 'E3 — Mise en situation en groupe du pilotage d’un projet digital (type campagne de lancement, d’acquisition…), avec une présentation orale collective et un REX (retour d’expérience) individuel par écrit']);
    });
});

describe('certiref export --format docx', () => {
    for (const seed of SEEDS) it(`${seed}: title block, a three-column table per bloc, the jury grids with decision and signatures; every competency and criterion, in order`, async () => {
        const mammoth = (await import('mammoth')).default;
        const file = path.join(temp(), 'x.docx');
        const r = await cli(['export', `referentials/${seed}`, '--format', 'docx', '-o', file, '--lang', 'fr']);
        expect(r.status, r.stderr).toBe(0);
        const html = (await mammoth.convertToHtml({ path: file })).value;
        const text = (await mammoth.extractRawText({ path: file })).value;
        const m = await model(seed);
        expect(text.startsWith(m.title)).toBe(true);
        const tables = tablesOf(html);
        // the title block: every field France Compétences reads, « non renseigné » when the source does not give it
        expect(tables[0].map((row) => row[0])).toEqual(['Certification', 'Numéro RNCP', 'Niveau', 'Certificateur']);
        expect(tables[0][0][1]).toBe(`${m.title} (${m.id})`);
        expect(text).toContain('Candidats en situation de handicap');

        // per bloc (or option), the three-column table: each activity a row, each competency once and in order,
        // each criterion in the row of every activity whose competency it judges (else in a last row), once, in order
        const blocs = m.blocs.filter((b) => b.activities.length + b.modalities.length > 0);
        const three = tables.filter((t) => t[0][0] === "Référentiel d'activités");
        expect(three).toHaveLength(blocs.length);
        expect(html.match(/<h1>Bloc /g)).toHaveLength(blocs.length);
        expect(three[0][0]).toEqual(["Référentiel d'activités", 'Référentiel de compétences', "Référentiel d'évaluation (modalités et critères)"]);
        three.forEach((table, i) => {
            const b = blocs[i];
            const rows = table.slice(1);
            b.activities.forEach((a, k) => {
                expect(rows[k][0].split('\n')[0]).toBe(`${a.id} ${a.title}`);
                expect(flat(rows[k][1])).toBe(flat(unlisted(a.competencies.map((c) => `${c.id} ${c.text}`).join('\n'))));
                const ids = a.competencies.map((c) => c.id);
                let at = -1;
                for (const c of b.modalities.flatMap((mo) => mo.criteria).filter((x) => x.competencies.some((id) => ids.includes(id)))) {
                    const cell = flat(rows[k][2]);
                    const wanted = `${c.label ? `${c.label} — ` : ''}${flat(unlisted(c.text))}`;
                    expect(cell.split(wanted).length - 1, wanted.slice(0, 40)).toBe(1);
                    expect(cell.indexOf(wanted), wanted.slice(0, 40)).toBeGreaterThan(at);
                    at = cell.indexOf(wanted);
                }
            });
            const own = b.activities.flatMap((a) => a.competencies.map((c) => c.id));
            const unattached = b.modalities.flatMap((mo) => mo.criteria).filter((c) => !c.competencies.some((id) => own.includes(id)));
            expect(rows.length).toBe(b.activities.length + (unattached.length ? 1 : 0));
            for (const c of unattached) expect(flat(rows[rows.length - 1][2])).toContain(flat(unlisted(c.text)));
        });
        expect(flat(three.flatMap((t) => t.slice(1).map((row) => row[1])).join(' '))).toBe(flat(unlisted(competencies(m).map((c) => `${c.id} ${c.text}`).join('\n'))));

        // the jury's grids, one per modality in order: each competency evaluated, each criterion judging it,
        // acquis / non acquis / observations; then the decision line and the signatures
        const grids = tables.filter((t) => t[0][0] === 'Compétence');
        expect(grids).toHaveLength(modalities(m).length);
        grids.forEach((grid, i) => {
            const mo = modalities(m)[i];
            expect(grid[0]).toEqual(['Compétence', 'Critère', 'Acquis', 'Non acquis', 'Observations']);
            const expected = gridOf(mo);
            expect(grid.length - 1, mo.title).toBe(expected.length);
            expected.forEach((want, k) => {
                const row = grid[k + 1];
                expect(row[0].split(' ')[0], mo.title).toBe(want.competency.split(' ')[0]);
                if (want.criterion) expect(flat(row[1]).endsWith(flat(unlisted(want.criterion.text))), flat(want.criterion.text).slice(0, 40)).toBe(true);
                else expect(row[1]).toBe('aucun critère ne juge cette compétence');
                // boxes to tick only where there is a criterion to decide on
                expect(row.slice(2)).toEqual(want.criterion ? ['☐', '☐', ''] : ['', '', '']);
            });
        });
        // one decision per bloc (or option), after all its modalities, then its signatures: never one per modality
        const decided = m.blocs.filter((b) => b.modalities.length > 0);
        const signatures = tables.filter((t) => t[0][0] === 'Membre du jury (nom, prénom)');
        expect(signatures).toHaveLength(decided.length);
        for (const s of signatures) expect(s.slice(1)).toEqual([['', '', ''], ['', '', ''], ['', '', '']]);
        const decisions = [...text.matchAll(/Décision du jury\u00a0:\s+☐ (bloc|option) validée?\s+☐ \1 non validée?/g)].map((x) => x[1]);
        expect(decisions).toEqual(decided.map((b) => ((b as { option?: unknown }).option ? 'option' : 'bloc')));
        // each decision comes after the last grid of its bloc: the text between two decisions holds the grids of one bloc
        const between = text.split(/Décision du jury\u00a0:/).slice(0, -1);
        between.forEach((part, i) => {
            const own = decided[i].modalities;
            const last = own[own.length - 1];
            expect(part.lastIndexOf(flat(last.title).slice(0, 30)) >= 0 || part.includes(last.title.slice(0, 30)), last.title).toBe(true);
        });
    });
}, 60_000);

describe('certiref export --format xlsx, both seeds', () => {
    for (const seed of SEEDS) {
        it(`${seed}: a sheet per bloc with every modality's grid, every competency and criterion once, in order, one decision; every competency on the coverage sheet`, async () => {
            const ExcelJS = (await import('exceljs')).default;
            const file = path.join(temp(), 'x.xlsx');
            expect((await cli(['export', `referentials/${seed}`, '--format', 'xlsx', '-o', file, '--lang', 'fr'])).status).toBe(0);
            const workbook = new ExcelJS.Workbook();
            await workbook.xlsx.readFile(file);
            const m = await model(seed);
            const sheets = workbook.worksheets.slice(0, -1);
            const decided = m.blocs.filter((b) => b.modalities.length > 0);
            expect(sheets).toHaveLength(decided.length);
            sheets.forEach((sheet, i) => {
                const rows = sheetRows(sheet);
                // each grid: from its header row to the first empty row
                const grids: string[][] = [];
                rows.forEach((row, r) => {
                    if (row[1] !== 'Intitulé') return;
                    const grid: string[] = [];
                    for (let k = r + 1; k < rows.length && rows[k][0] !== ''; k++) {
                        const judged = rows[k][4] !== 'Aucun critère ne juge cette compétence';
                        expect(sheet.getRow(k + 1).getCell(6).dataValidation?.type, `${sheet.name} row ${k + 1}`).toBe(judged ? 'list' : undefined);
                        grid.push(`${rows[k][0]} | ${flat(rows[k][4])}`);
                    }
                    grids.push(grid);
                });
                expect(grids, sheet.name).toEqual(decided[i].modalities.map((mo) => gridOf(mo).map((x) => `${x.competency} | ${x.criterion ? flat(x.criterion.text) : 'Aucun critère ne juge cette compétence'}`)));
                expect(rows.filter((x) => x[0] === 'Décision du jury\u00a0:'), sheet.name).toHaveLength(1);
                expect(sheet.pageSetup).toMatchObject({ paperSize: 9, fitToWidth: 1, fitToHeight: 0 });
            });
            const coverage = workbook.worksheets[workbook.worksheets.length - 1];
            expect(coverage.name).toBe('Couverture');
            // each modality's column has a name of its own, even where several share a title
            const heads = (coverage.getRow(1).values as unknown[]).slice(2).map(String);
            expect(new Set(heads).size).toBe(modalities(m).length);
            const ids = (coverage.getColumn(1).values as unknown[]).slice(2, 2 + competencies(m).length);
            expect(ids).toEqual(competencies(m).map((c) => c.id));
        });
    }
});

describe('certiref export --bloc, --modality', () => {
    it('exports one bloc with its options, or one modality, and says when there is none', async () => {
        const bloc5 = JSON.parse((await cli(['export', 'referentials/manager-strategie-digitale', '--bloc', '5'])).stdout).certifications[0];
        expect(bloc5.blocs.map((b: { id: string; option: { id: string } }) => `${b.id}/${b.option.id}`)).toEqual(['5/1', '5/2', '5/3']);
        const e3 = (await cli(['export', 'referentials/manager-strategie-digitale', '--format', 'md', '--modality', 'E3'])).stdout;
        expect(e3.match(/^### /gm)).toEqual(['### ']);
        expect(e3).toContain('## Bloc 3');
        const none = await cli(['export', 'referentials', '--bloc', '9']);
        expect(none.status).toBe(2);
        expect(none.stderr).toMatch(/bloc 9\u00a0: introuvable \/ not found/);
    });
});
