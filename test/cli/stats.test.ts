import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers.js';

describe('stats: two certifications that share an id', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'certiref-stats-'));
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
    it('each bloc under its own certification\'s total, once', () => {
        const ref = (title: string, bloc: string) => `certification R "${title}"\n  accessibilité "A."\nbloc ${bloc} "B"\n  activité A${bloc} "A"\n    compétence C${bloc}.1 "Un."\n    compétence C${bloc}.2 "Deux."\n  modalité E${bloc} "E"\n    évalue C${bloc}.1, C${bloc}.2\n    critère CR${bloc}.1 "Un."\n    critère CR${bloc}.2 "Deux."\n`;
        fs.mkdirSync(path.join(dir, 'v1'));
        fs.mkdirSync(path.join(dir, 'v2'));
        fs.writeFileSync(path.join(dir, 'v1/a.ref'), ref('Version 1', '1'));
        fs.writeFileSync(path.join(dir, 'v2/a.ref'), ref('Version 2', '2'));
        const r = runCli(['stats', dir]);
        expect(r.status, r.stderr).toBe(0);
        const rows = r.stdout.trim().split('\n').slice(1).map((l) => l.split(/\s{2,}/).slice(0, 2).join(' '));
        expect(rows).toEqual(['R 1', 'R total', 'R 2', 'R total']);
    });
});
