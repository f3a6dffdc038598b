// `npm run generate`: Langium's generator, quiet when it succeeds (its progress lines would
// otherwise come before the findings of `npm run check`); on a failure its output is shown.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const cli = `${root}node_modules/langium-cli/bin/langium.js`;
const run = spawnSync(process.execPath, [cli, 'generate', '--mode=production', ...process.argv.slice(2)], { cwd: root, encoding: 'utf8' });
if (run.status !== 0 || run.error) {
    process.stdout.write(run.stdout ?? '');
    process.stderr.write(run.stderr ?? String(run.error ?? ''));
    process.exit(run.status ?? 1);
}
