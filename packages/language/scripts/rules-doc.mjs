// Writes the rules section of the README from the rules' own metadata and examples/rules/*.ref,
// between the markers <!-- rules:start --> and <!-- rules:end -->. `--check` exits 1 if the README
// is not up to date (the test suite runs it).
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ALL_RULES } from '../out/index.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const readmePath = `${root}README.md`;

export function rulesSection() {
    const lines = ['| rule / règle | default / défaut | checks / vérifie |', '| --- | --- | --- |'];
    for (const r of ALL_RULES) {
        lines.push(`| [\`${r.id}\`](#${r.id}) | ${r.defaultSeverity}${r.configurable === false ? ' (fixed / fixe)' : ''} | ${r.title.en} / ${r.title.fr} |`);
    }
    for (const r of ALL_RULES) {
        lines.push('', `### \`${r.id}\``, '', `**${r.defaultSeverity}**${r.configurable === false ? ' (cannot be switched off / non désactivable)' : ''}`, '',
            `- **EN** ${r.help.en}`, `- **FR** ${r.help.fr}`, '');
        const file = `examples/rules/${r.id}.ref`;
        if (existsSync(`${root}${file}`)) {
            lines.push(`Example / exemple ([\`${file}\`](${file})):`, '', '```', readFileSync(`${root}${file}`, 'utf8').trimEnd(), '```');
        } else {
            // an example that needs several files: a folder
            const folder = `examples/rules/${r.id}`;
            lines.push(`Example / exemple ([\`${folder}/\`](${folder})):`);
            for (const name of readdirSync(`${root}${folder}`).sort()) {
                if (name.endsWith('.ref') && r.id === 'invalid-config') continue; // the starter référentiel, shown above
                lines.push('', `\`${name}\`:`, '', '```', readFileSync(`${root}${folder}/${name}`, 'utf8').trimEnd(), '```');
            }
        }
    }
    return lines.join('\n');
}

const readme = readFileSync(readmePath, 'utf8');
const start = '<!-- rules:start -->';
const end = '<!-- rules:end -->';
const i = readme.indexOf(start);
const j = readme.indexOf(end);
if (i < 0 || j < 0) {
    console.error('README.md: markers <!-- rules:start --> / <!-- rules:end --> not found');
    process.exit(1);
}
const updated = `${readme.slice(0, i + start.length)}\n${rulesSection()}\n${readme.slice(j)}`;
if (process.argv.includes('--check')) {
    if (updated !== readme) {
        console.error('README.md rules section is out of date: run `npm run docs`');
        process.exit(1);
    }
} else if (updated !== readme) {
    writeFileSync(readmePath, updated);
}
