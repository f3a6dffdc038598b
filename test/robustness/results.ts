import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const RESULTS = path.join(__dirname, 'RESULTS.md');

/** The machine, as the results name it (no host name: cores, memory, Node). */
export function machine(): string {
    return `${os.cpus().length} cores (${os.cpus()[0]?.model.trim() ?? 'unknown CPU'}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.versions.node}, ${os.platform()}`;
}

/**
 * Replaces the section `name` of RESULTS.md (between `<!-- name:start -->` and
 * `<!-- name:end -->`) with `markdown`: the figures of the last recorded run.
 */
export function recordResults(name: string, markdown: string): void {
    const text = fs.readFileSync(RESULTS, 'utf8');
    const start = `<!-- ${name}:start -->`;
    const end = `<!-- ${name}:end -->`;
    const from = text.indexOf(start);
    const to = text.indexOf(end);
    if (from < 0 || to < from) throw new Error(`${RESULTS}: no ${start} … ${end} section`);
    fs.writeFileSync(RESULTS, `${text.slice(0, from + start.length)}\n${markdown.trim()}\n${text.slice(to)}`);
}
