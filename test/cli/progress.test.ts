import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, runCli } from '../helpers.js';
import { WRITING_RULES_OFF_CONFIG } from '../helpers.js';

/** Enough files for a run of more than a second. */
function bigWorkspace(dir: string): void {
    for (let f = 0; f < 300; f++) {
        let s = `certification X${f} "T"\n  accessibilité "a"\n`;
        for (let b = 0; b < 5; b++) {
            s += `bloc ${b} "B"\n  activité A${b} "a"\n`;
            for (let c = 0; c < 10; c++) s += `    compétence C${b * 10 + c} "Texte de la compétence ${c} du bloc ${b}, d'une longueur réaliste pour un référentiel."\n`;
            s += `  modalité E${b} "M"\n`;
            for (let c = 0; c < 10; c++) s += `    critère CR${b * 10 + c} "Critère ${c}."\n`;
        }
        fs.writeFileSync(path.join(dir, `f${f}.ref`), s);
    }
    // what is measured is the progress, not how the generated texts are written
    fs.writeFileSync(path.join(dir, 'certiref.json'), WRITING_RULES_OFF_CONFIG);
}

describe('progress on stderr', () => {
    let dir: string;
    beforeAll(() => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), 'certiref-progress-'));
        bigWorkspace(dir);
    });
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('is silent when stderr is not a terminal', () => {
        const r = runCli(['check', dir, '--format', 'json']);
        expect(r.status).toBe(0);
        expect(r.stderr).toBe('');
    });

    it('shows on a terminal for a run over a second, then clears its line', () => {
        const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;
        expect(hasScript, 'the `script` command (util-linux) gives the test a terminal; it is missing').toBe(true);
        const r = spawnSync('script', ['-qec', `${process.execPath} ${CLI} check ${dir} --format json -o ${path.join(dir, 'out.json')}`, '/dev/null'], { encoding: 'utf8', env: { ...process.env, LANG: 'C' } });
        expect(r.status).toBe(0);
        expect(r.stdout).toMatch(/certiref: (reading|checking) \d+\/300 files…/);
        expect(r.stdout.endsWith('\r\u001b[2K')).toBe(true);
    });
});
