import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checklist, type CertificationModel } from 'certiref-language';
import { loadFiles, loadFilesWithRegistry, ROOT } from '../helpers.js';

// The dossier checklist counts what the registry's similarity found, bloc by bloc (issue: a
// référentiel must not reproduce a registered certification), and says when it was not compared.
const EXAMPLE = path.join(ROOT, 'examples/rules/similar-text/referentiel.ref');

function blocOriginal(model: CertificationModel, registry: boolean, services: { referential: { Findings: { ofModel(m: CertificationModel): never[] } } }) {
    const list = checklist(model, services.referential.Findings.ofModel(model), { registry });
    return list.blocs.map((b) => b.items.find((i) => i.id === 'bloc-original')!);
}

describe('the checklist and the registry', () => {
    it('a bloc whose competency resembles a registered bloc: « no text taken » unmet, with the similar-text finding and its place', async () => {
        const { services } = await loadFilesWithRegistry([EXAMPLE]);
        const models = services.referential.Models.all() as CertificationModel[];
        const [item] = blocOriginal(models[0], true, services as never);
        expect(item.status).toBe('unmet');
        expect(item.findings.map((f) => `${f.rule}:${f.range.start.line + 1}`)).toEqual(['similar-text:14']);
        expect(item.label.fr).toBe('Aucun texte repris d\'une certification enregistrée');
    });

    it('not compared with the registry: not applicable, and it says how to compare', async () => {
        const { services, models } = await loadFiles([EXAMPLE]);
        const [item] = blocOriginal(models[0], services.referential.Similarity.active, services as never);
        expect(item.status).toBe('not-applicable');
        expect(item.findings).toEqual([]);
        expect(item.detail?.en).toMatch(/certiref similar/);
    });
});
