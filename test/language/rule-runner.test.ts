import { describe, expect, it } from 'vitest';
import { checkTexts } from '../helpers.js';

const files = (n: number): Record<string, string> => {
    const out: Record<string, string> = { 'main.ref': 'certification R "Exemple"\n    niveau 6\n' };
    for (let i = 1; i <= n; i++) {
        // each bloc of a single competency, evaluated by nothing: findings in every file
        out[`bloc-${i}.ref`] = `partie de R\nbloc B${i} "Bloc ${i}"\n    activité A${i} "Activité"\n        compétence C${i} "Analyser le besoin afin de le traduire."\n`;
    }
    return out;
};

describe('the rule runner', () => {
    it('reads the settings of a certification once per settings version, not once per document', async () => {
        const n = 30;
        const { services, models, documents } = await checkTexts(files(n));
        const config = services.referential.Config as unknown as { getConfig(uri: string): unknown; version: number };
        const model = models.find((m) => m.id === 'R')!;
        let reads = 0;
        const getConfig = config.getConfig.bind(config);
        config.getConfig = (uri: string) => {
            reads++;
            return getConfig(uri);
        };
        const runner = services.referential.Rules;
        const before = runner.run(model);
        for (const d of documents) runner.forDocument(model, d.uri.toString());
        // already computed under this version during the build: nothing read again
        expect(reads).toBe(0);
        // each file gets its own findings, and together they are every finding
        const perFile = documents.map((d) => runner.forDocument(model, d.uri.toString()));
        expect(perFile.flat().length).toBe(before.length);
        expect(perFile.every((list, i) => list.every((f) => f.uri === documents[i].uri.toString()))).toBe(true);
        expect(perFile.filter((l) => l.some((f) => f.rule === 'bloc-without-evaluation')).length).toBe(n);
    });

    it('runs again under settings changed since: a rule switched off is no longer found', async () => {
        const { services, models, documents } = await checkTexts(files(3));
        const model = models.find((m) => m.id === 'R')!;
        const runner = services.referential.Rules;
        const uri = documents[1].uri.toString();
        expect(runner.forDocument(model, uri).map((f) => f.rule)).toContain('bloc-without-evaluation');
        const config = services.referential.Config as unknown as { overrides: Record<string, string> };
        config.overrides = { ...config.overrides, 'bloc-without-evaluation': 'off' };
        expect(runner.forDocument(model, uri).map((f) => f.rule)).not.toContain('bloc-without-evaluation');
        config.overrides = { ...config.overrides, 'bloc-without-evaluation': 'error' };
        expect(runner.forDocument(model, uri).map((f) => f.rule)).toContain('bloc-without-evaluation');
    });
});
