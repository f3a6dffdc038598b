import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { allActivities, allCompetencies, allCriteriaOf, containers, type CertificationModel } from 'certiref-language';
import { loadFiles, ROOT } from './helpers.js';

/**
 * The two source référentiels, encoded in referentials/. The expected figures are the counts made
 * by hand from the source text (see each folder's NOTES.md, which gives the source line of every
 * item), not figures read back from the encoding.
 */
const HAND_COUNTS = {
    CPD: {
        folder: 'chef-de-projet-digital',
        blocs: ['1', '2', '3', '4', '5', '6'],
        options: ['6A', '6B', '6C'],
        activities: 26,
        competencies: 30,
        modalities: 18,
        parts: 16,
        criteria: 123,
        // criteria per bloc or specialisation (bloc/option), in order: 1, 2, 3, 4, 5, 6A, 6B, 6C
        criteriaPerContainer: { '1': 14, '2': 19, '3': 12, '4': 20, '5': 18, '6': 0, '6/6A': 14, '6/6B': 12, '6/6C': 14 },
        competencyIds: ['C1.1', 'C1.2', 'C1.3', 'C1.4', 'C2.1', 'C2.2', 'C2.3', 'C2.4', 'C3.1', 'C3.2', 'C3.3', 'C3.4',
            'C4.1', 'C4.2', 'C4.3', 'C4.4', 'C4.5', 'C5.1', 'C5.2', 'C5.3', 'C6A.1', 'C6A.2', 'C6A.3', 'C6A.4',
            'C6B.1', 'C6B.2', 'C6B.3', 'C6C.1', 'C6C.2', 'C6C.3'],
    },
    MSD: {
        folder: 'manager-strategie-digitale',
        blocs: ['1', '2', '3', '4', '5'],
        options: ['1', '2', '3'],
        activities: 15,
        competencies: 35,
        modalities: 7,
        parts: 6,
        criteria: 33,
        // criteria per bloc or option: bloc 3 has CR11 à 13, CR14 and three without id; option 2
        // has CR2-1 à CR2-3 and the two without id of its individual part
        criteriaPerContainer: { '1': 4, '2': 6, '3': 5, '4': 4, '5': 0, '5/1': 6, '5/2': 3, '5/3': 5 },
        competencyIds: [
            ...Array.from({ length: 19 }, (_, i) => `C${i + 1}`),
            ...[1, 2, 3, 4, 5, 6].map((n) => `CS1-${n}`), ...[1, 2, 3, 4, 5].map((n) => `CS2-${n}`), ...[1, 2, 3, 4, 5].map((n) => `CS3-${n}`),
        ],
    },
} as const;

function refFiles(folder: string): string[] {
    const dir = path.join(ROOT, 'referentials', folder);
    return fs.readdirSync(dir).filter((f) => f.endsWith('.ref')).sort().map((f) => path.join(dir, f));
}

describe.each(Object.entries(HAND_COUNTS))('référentiel %s', (id, expected) => {
    let model: CertificationModel;
    let diagnostics: { rule: string }[];

    it('parses with no syntax error, as one certification over several files', async () => {
        const files = refFiles(expected.folder);
        expect(files.length).toBeGreaterThan(1);
        const loaded = await loadFiles(files);
        diagnostics = loaded.documents.flatMap((d) => (d.diagnostics ?? []).map((x) => x.data as { rule: string }));
        expect(diagnostics.filter((d) => d.rule === 'syntax-error')).toEqual([]);
        expect(loaded.documents.every((d) => d.parseResult.lexerErrors.length === 0 && d.parseResult.parserErrors.length === 0)).toBe(true);
        expect(loaded.models.map((m) => m.id)).toEqual([id]);
        model = loaded.models[0];
        expect(model.declared).toBe(true);
        expect(model.accessibility.length).toBeGreaterThan(0);
    });

    it('has the blocs, options, activities, competencies, modalities, parts and criteria counted by hand', () => {
        expect(model.blocs.map((b) => b.id)).toEqual(expected.blocs);
        expect(model.blocs.flatMap((b) => b.options.map((o) => o.id))).toEqual(expected.options);
        expect(allActivities(model)).toHaveLength(expected.activities);
        expect(allCompetencies(model).map((c) => c.id)).toEqual(expected.competencyIds);
        expect(allCompetencies(model)).toHaveLength(expected.competencies);
        const modalities = containers(model).flatMap((c) => c.modalities);
        expect(modalities).toHaveLength(expected.modalities);
        expect(modalities.flatMap((m) => m.parts)).toHaveLength(expected.parts);
        expect(allCriteriaOf(model)).toHaveLength(expected.criteria);
        const per = Object.fromEntries(containers(model).map((c) => [
            c.containerKind === 'option' ? `${c.bloc.id}/${c.id}` : c.id,
            c.modalities.flatMap((m) => [...m.criteria, ...m.parts.flatMap((p) => p.criteria)]).length,
        ]));
        expect(per).toEqual(expected.criteriaPerContainer);
    });

    it('has no empty text', () => {
        for (const c of allCompetencies(model)) expect(c.text.length, c.id).toBeGreaterThan(20);
        for (const cr of allCriteriaOf(model)) expect(cr.text.length, cr.label ?? cr.modality.title).toBeGreaterThan(10);
        for (const a of allActivities(model)) expect(a.title.length, a.id).toBeGreaterThan(3);
    });
});

/** Every référentiel of referentials/ (a folder of .ref files), whatever stands there. */
function allFolders(): string[] {
    const dir = path.join(ROOT, 'referentials');
    return fs.readdirSync(dir).filter((f) => fs.statSync(path.join(dir, f)).isDirectory() && fs.readdirSync(path.join(dir, f)).some((x) => x.endsWith('.ref'))).sort();
}

async function findingsOnReferentials(): Promise<{ folder: string; at: string; rule: string }[]> {
    const files = allFolders().flatMap((folder) => refFiles(folder));
    const { documents } = await loadFiles(files);
    return documents.flatMap((d) => (d.diagnostics ?? []).map((x) => {
        const rel = path.relative(path.join(ROOT, 'referentials'), d.uri.fsPath).split(path.sep).join('/');
        return { folder: rel.split('/')[0], at: `${rel}:${x.range.start.line + 1}`, rule: (x.data as { rule: string }).rule };
    }));
}

/** The counts table of the README: one row per référentiel, one column per rule that reports. */
function countsTable(findings: { folder: string; rule: string }[]): string {
    const rules = [...new Set(findings.map((f) => f.rule))].sort();
    const lines = [`| référentiel | ${rules.map((r) => `\`${r}\``).join(' | ')} | total |`, `| --- | ${rules.map(() => '---:').join(' | ')} | ---: |`];
    for (const folder of allFolders()) {
        const mine = findings.filter((f) => f.folder === folder);
        lines.push(`| \`${folder}\` | ${rules.map((r) => mine.filter((f) => f.rule === r).length).join(' | ')} | ${mine.length} |`);
    }
    return lines.join('\n');
}

describe('referentials/README.md', () => {
    it('explains every finding the checker reports on the référentiels, and no other', async () => {
        const actual = (await findingsOnReferentials()).map((f) => `${f.at} ${f.rule}`).sort();
        const readme = fs.readFileSync(path.join(ROOT, 'referentials/README.md'), 'utf8');
        const listed = [...readme.matchAll(/^\| `([^`]+):(\d+)` \| `([a-z-]+)` \|/gm)].map((m) => `${m[1]}:${m[2]} ${m[3]}`).sort();
        expect(listed).toEqual(actual);
        // each row says whether it is a real defect of the source
        for (const m of readme.matchAll(/^\| `[^`]+:\d+` \| `[a-z-]+` \|(.*)$/gm)) expect(m[1]).toMatch(/^ (real defect|défaut réel) \|/i);
    });

    it('records the counts by rule of every référentiel (CERTIREF_UPDATE_COUNTS=1 writes them)', async () => {
        const file = path.join(ROOT, 'referentials/README.md');
        const readme = fs.readFileSync(file, 'utf8');
        const start = '<!-- counts:start -->';
        const end = '<!-- counts:end -->';
        const table = countsTable(await findingsOnReferentials());
        const updated = `${readme.slice(0, readme.indexOf(start) + start.length)}\n${table}\n${readme.slice(readme.indexOf(end))}`;
        if (process.env.CERTIREF_UPDATE_COUNTS) fs.writeFileSync(file, updated);
        expect(readme.indexOf(start)).toBeGreaterThan(0);
        expect(readme, 'referentials/README.md: run CERTIREF_UPDATE_COUNTS=1 npx vitest run test/referentials.test.ts').toBe(updated);
    });
});
