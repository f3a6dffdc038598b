import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CLI, ROOT } from '../helpers.js';

const nvim = spawnSync('nvim', ['--version'], { encoding: 'utf8' });

describe('end to end in Neovim (headless) against certiref lsp --stdio', () => {
    it('shows the diagnostics, the hover and the definition of a seed référentiel', () => {
        // A missing editor is a failure, not a silent skip: `bash test/setup.sh` installs it.
        expect(nvim.status, 'Neovim is not installed: run `bash test/setup.sh` (apt-get install neovim)').toBe(0);
        const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'certiref-nvim-')), 'result.json');
        const dir = path.join(ROOT, 'referentials/manager-strategie-digitale');
        const file = path.join(dir, 'bloc-5.ref');
        const r = spawnSync('nvim', ['--headless', '--clean', '-u', 'NONE', '-c', `luafile ${path.join(ROOT, 'test/e2e/neovim.lua')}`], {
            env: { ...process.env, CERTIREF_CLI: CLI, CERTIREF_ROOT: dir, CERTIREF_FILE: file, CERTIREF_OUT: out, LANG: 'C' },
            encoding: 'utf8',
            timeout: 60_000,
        });
        const result = JSON.parse(fs.readFileSync(out, 'utf8'));
        expect(result.errors, r.stderr).toEqual([]);
        expect(r.status).toBe(0);
        expect(result.diagnostics.map((d: { line: number; code: string }) => `${d.line}:${d.code}`)).toEqual([
            '26:competency-purpose', '123:competency-purpose', '137:competency-without-criterion', '143:competency-without-criterion',
            '187:criterion-without-competency', '192:criterion-without-competency', '207:competency-purpose', '225:competency-purpose',
        ]);
        expect(result.hover).toMatch(/^\*\*CS1-1\*\* — Réaliser un audit du marché/);
        expect(result.definition).toEqual({ uri: pathToFileURL(file).toString(), line: expect.any(Number) });
        expect(fs.readFileSync(file, 'utf8').split('\n')[result.definition.line - 1]).toMatch(/compétence CS1-1 /);
    });
});
