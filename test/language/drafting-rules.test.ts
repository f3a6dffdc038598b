import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkTexts, ROOT, WRITING_RULES } from '../helpers.js';

/**
 * The drafting and dossier rules, one by one, in the manner of ESLint's RuleTester: valid texts
 * give no finding of the rule, invalid ones give the finding at the place it underlines
 * (line:column-endColumn, 1-based), and the message says what to write instead.
 */
type Severity = 'off' | 'error' | 'warning' | 'info' | 'hint';

async function findingsOf(rule: string, files: Record<string, string>, language: 'fr' | 'en' = 'fr') {
    // the rule under test on, the other writing rules off: each test sees its own rule's findings
    const rules: Record<string, Severity> = Object.fromEntries(WRITING_RULES.map((r) => [r, r === rule ? 'warning' : 'off']));
    const { documents } = await checkTexts(files, { language, rules, writingRules: true });
    return documents.flatMap((d) => (d.diagnostics ?? []).filter((x) => x.code === rule).map((x) => ({
        at: `${d.uri.path.split('/').pop()}:${x.range.start.line + 1}:${x.range.start.character + 1}-${x.range.end.line === x.range.start.line ? x.range.end.character + 1 : `${x.range.end.line + 1}:${x.range.end.character + 1}`}`,
        message: x.message,
    })));
}

const HEAD = `certification R "Exemple"
  niveau 6
  certificateur "École"
  version "1"
  accessibilité "Aménagements pour les candidats en situation de handicap."
`;

/** One bloc whose competencies are the given texts (C1, C2 …), each judged by one criterion. */
function withCompetencies(...texts: string[]): string {
    return `${HEAD}
bloc 1 "Bloc"
  activité A1 "Activité"
${texts.map((t, i) => `    compétence C${i + 1} "${t}"`).join('\n')}
  modalité E1 "Étude de cas"
${texts.map((_, i) => `    critère CR${i + 1} "Le livrable ${i + 1} est remis."`).join('\n')}
`;
}

/** One bloc with two competencies, whose criteria are the given texts. */
function withCriteria(...texts: string[]): string {
    return `${HEAD}
bloc 1 "Bloc"
  activité A1 "Activité"
    compétence C1 "Analyser les besoins afin de cadrer le projet."
    compétence C2 "Rédiger le cahier des charges afin de lancer le projet."
  modalité E1 "Étude de cas"
    évalue C1, C2
${texts.map((t, i) => `    critère juge C${(i % 2) + 1} "${t}"`).join('\n')}
`;
}

describe('competency-action-verb', () => {
    const rule = 'competency-action-verb';
    it('valid: action verbs, pronominal, unaccented capitals, ids and bullets before them', async () => {
        expect(await findingsOf(rule, { 'a.ref': withCompetencies(
            'Analyser les besoins du client.',
            "S'informer sur la réglementation.",
            'Se positionner sur le marché.',
            'Etablir une recommandation.',
            'C1.1 Rechercher des informations techniques.',
            '- Piloter le projet.',
            'Prototyper une interface.',
            // a state is competency-state-verb's, a placeholder placeholder-text's
            'Maîtriser les outils.',
            'À rédiger',
        ) })).toEqual([]);
    });

    it('invalid: a nominal phrase, a noun of knowledge, a participle, a subject', async () => {
        const found = await findingsOf(rule, { 'a.ref': withCompetencies(
            'Gestion des plannings de l\'équipe.',
            'Connaissance des outils',
            'Élaboré un plan de formation.',
            'Le candidat analyse les besoins.',
            "L'analyse des besoins du client.",
        ) });
        expect(found.map((f) => f.at)).toEqual(['a.ref:9:20-27', 'a.ref:10:20-32', 'a.ref:11:20-27', 'a.ref:12:20-31', 'a.ref:13:20-29']);
        expect(found[0].message).toBe('La compétence C1 est un groupe nominal («\u00A0Gestion …\u00A0»)\u202F: commencez-la par un verbe d\'action à l\'infinitif, par exemple «\u00A0Gérer les plannings de l\'équipe\u00A0», puis dites dans quel but.');
        expect(found[1].message).toContain('nomme un savoir');
        expect(found[2].message).toContain('écrivez «\u00A0Élaborer\u00A0»');
        expect(found[3].message).toContain('sans sujet');
        expect(found[4].message).toContain('«\u00A0Analyser les besoins du client\u00A0»');
    });

    it('invalid: on a second line of a long text, the place is still the word', async () => {
        const text = `${HEAD}
bloc 1 "Bloc"
  activité A1 "Activité"
    compétence C1 "
      Gestion des plannings"
`;
        expect((await findingsOf(rule, { 'a.ref': text })).map((f) => f.at)).toEqual(['a.ref:10:7-14']);
    });

    it('speaks English too', async () => {
        const [f] = await findingsOf(rule, { 'a.ref': withCompetencies('Gestion des plannings.') }, 'en');
        expect(f.message).toBe('Competency C1 is a nominal phrase ("Gestion …"): begin it with an action verb in the infinitive, for instance "Gérer les plannings", then say what for.');
    });

    it('leaves English texts alone', async () => {
        expect(await findingsOf(rule, { 'a.ref': withCompetencies("Management of the client's needs and the requirements.") })).toEqual([]);
    });
});

describe('competency-state-verb', () => {
    const rule = 'competency-state-verb';
    it('valid: action verbs', async () => {
        expect(await findingsOf(rule, { 'a.ref': withCompetencies('Analyser les besoins.', 'Utiliser un tableur pour calculer un budget.') })).toEqual([]);
    });

    it('invalid: a verb of state, or « Être capable de » before the action', async () => {
        const found = await findingsOf(rule, { 'a.ref': withCompetencies('Maîtriser les outils de PAO.', 'Être capable de rédiger un cahier des charges.', 'Connaître la réglementation.') });
        expect(found.map((f) => f.at)).toEqual(['a.ref:9:20-29', 'a.ref:10:20-35', 'a.ref:11:20-29']);
        expect(found[0].message).toContain('«\u00A0Utiliser\u00A0», «\u00A0Mettre en œuvre\u00A0»');
        expect(found[1].message).toBe('La compétence C2 commence par «\u00A0Être capable de\u00A0», qui n\'ajoute rien d\'observable\u202F: commencez-la par le verbe d\'action, «\u00A0Rédiger …\u00A0».');
    });
});

describe('competency-purpose', () => {
    const rule = 'competency-purpose';
    it('valid: a purpose, and no finding on what is not yet an action', async () => {
        expect(await findingsOf(rule, { 'a.ref': withCompetencies('Analyser les besoins afin de cadrer le projet.', 'Planifier les tâches pour tenir les délais.', 'Gestion des plannings.') })).toEqual([]);
    });

    it('invalid: no purpose; the whole text is underlined', async () => {
        const found = await findingsOf(rule, { 'a.ref': withCompetencies('Planifier les tâches de l\'équipe.') });
        expect(found.map((f) => f.at)).toEqual(['a.ref:9:19-54']);
        expect(found[0].message).toContain('ne dit pas dans quel but');
    });
});

describe('vague-criterion', () => {
    const rule = 'vague-criterion';
    it('valid: observable or measured', async () => {
        expect(await findingsOf(rule, { 'a.ref': withCriteria('Le planning couvre les 5 chantiers de la semaine.', 'Le rapport est bien structuré, conforme au modèle fourni.', 'Les bonnes pratiques sont citées.') })).toEqual([]);
    });

    it('invalid: the vague word is underlined', async () => {
        const found = await findingsOf(rule, { 'a.ref': withCriteria('Le planning est bien fait.', 'Bonne communication.') });
        expect(found.map((f) => f.at)).toEqual(['a.ref:13:38-42', 'a.ref:14:22-27']);
        expect(found[0].message).toContain('«\u00A0bien\u00A0»');
        expect(found[0].message).toContain('un seuil');
    });
});

describe('placeholder-text', () => {
    const rule = 'placeholder-text';
    it('valid: written texts', async () => {
        expect(await findingsOf(rule, { 'a.ref': withCriteria('Le planning couvre les chantiers.') })).toEqual([]);
    });

    it('invalid: « À rédiger », TODO, ok, an empty text — wherever they stand', async () => {
        const text = `${HEAD}
bloc 1 "À compléter"
  activité A1 ""
    compétence C1 "À rédiger"
    compétence C2 "Analyser les besoins TODO préciser."
  modalité E1 "Étude de cas"
    évalue C1, C2
    critère CR1 "ok"
    critère CR2 "…"
`;
        const found = await findingsOf(rule, { 'a.ref': text });
        expect(found.map((f) => f.at)).toEqual(['a.ref:7:9-20', 'a.ref:8:15-17', 'a.ref:9:20-29', 'a.ref:10:41-45', 'a.ref:13:18-20', 'a.ref:14:18-19']);
        expect(found.map((f) => f.message)).toEqual([
            'Le titre du bloc 1 contient «\u00A0À compléter\u00A0», qui tient la place du texte\u202F: écrivez le titre avant de livrer le référentiel.',
            'Le titre de l\'activité A1 est vide\u202F: écrivez le titre.',
            'La compétence C1 contient «\u00A0À rédiger\u00A0», qui tient la place du texte\u202F: écrivez la compétence (verbe d\'action à l\'infinitif + objet + finalité) avant de livrer le référentiel.',
            'La compétence C2 contient «\u00A0TODO\u00A0», qui tient la place du texte\u202F: écrivez la compétence (verbe d\'action à l\'infinitif + objet + finalité) avant de livrer le référentiel.',
            'Le critère CR1 contient «\u00A0ok\u00A0», qui tient la place du texte\u202F: écrivez ce que le jury observe ou mesure avant de livrer le référentiel.',
            'Le critère CR2 contient «\u00A0…\u00A0», qui tient la place du texte\u202F: écrivez ce que le jury observe ou mesure avant de livrer le référentiel.',
        ]);
    });
});

describe('duplicate-text', () => {
    const rule = 'duplicate-text';
    it('valid: different texts; the same competency in two blocs is competency-in-several-blocs', async () => {
        const text = `${HEAD}
bloc 1 "Bloc"
  activité A1 "Activité"
    compétence C1 "Analyser les besoins afin de cadrer le projet."
bloc 2 "Autre"
  activité A2 "Activité"
    compétence C2 "Analyser les besoins afin de cadrer le projet."
`;
        expect(await findingsOf(rule, { 'a.ref': text })).toEqual([]);
    });

    it('invalid: two competencies of a bloc, two criteria of the certification (case and punctuation aside)', async () => {
        const found = await findingsOf(rule, { 'a.ref': withCompetencies('Analyser les besoins.', 'analyser les besoins') });
        expect(found.map((f) => f.at)).toEqual(['a.ref:10:19-41']);
        expect(found[0].message).toBe('La compétence C2 a le même texte que la compétence C1 (a.ref:9)\u202F: fusionnez-les, ou écrivez ce qui les distingue.');
        const criteria = await findingsOf(rule, { 'a.ref': withCriteria('Le planning est remis.', 'Le planning est remis !') });
        expect(criteria.map((f) => f.at)).toEqual(['a.ref:14:21-46']);
        expect(criteria[0].message).toContain('a le même texte que ce critère (E1) (a.ref:13)');
    });
});

describe('missing-certification-field', () => {
    const rule = 'missing-certification-field';
    it('valid: a complete header; an unregistered certification needs no RNCP number', async () => {
        expect(await findingsOf(rule, { 'a.ref': withCompetencies('Analyser les besoins.') })).toEqual([]);
    });

    it('invalid: each missing field, at the certification; an ill-formed level or number', async () => {
        const found = await findingsOf(rule, { 'a.ref': 'certification R "Exemple"\n  accessibilité "Aménagements."\n' });
        expect(found.map((f) => f.at)).toEqual(['a.ref:1:15-16', 'a.ref:1:15-16', 'a.ref:1:15-16']);
        expect(found.map((f) => f.message)).toEqual([
            'La certification R n\'a pas de niveau. Ajoutez «\u00A0niveau 6\u00A0» (ou le niveau visé, de 1 à 8) à son en-tête.',
            'La certification R n\'a pas de certificateur. Ajoutez «\u00A0certificateur "…"\u00A0» (l\'organisme qui délivre la certification) à son en-tête.',
            'La certification R n\'a ni version ni date. Ajoutez «\u00A0version "…"\u00A0» ou «\u00A0date "…"\u00A0» à son en-tête, pour que le jury et France Compétences sachent quel texte ils lisent.',
        ]);
        const ill = await findingsOf(rule, { 'a.ref': 'certification R "Exemple"\n  niveau III\n  rncp X12\n  certificateur "É"\n  date "2026"\n' });
        expect(ill.map((f) => f.message)).toEqual([
            expect.stringContaining('le niveau «\u00A0III\u00A0» n\'est pas un niveau du cadre national'),
            expect.stringContaining('«\u00A0X12\u00A0» n\'a pas la forme d\'un numéro RNCP'),
        ]);
    });

    it('invalid: blocs coded RNCP…BC… but no RNCP number', async () => {
        const found = await findingsOf(rule, { 'a.ref': `${HEAD}\nbloc RNCP34826BC01 "Bloc"\n` });
        expect(found.map((f) => f.message)).toEqual([expect.stringContaining("n'a pas de numéro RNCP")]);
    });
});

describe('bloc-code-pattern', () => {
    const rule = 'bloc-code-pattern';
    it('valid: coded blocs of a registered certification; any bloc id before registration', async () => {
        expect(await findingsOf(rule, { 'a.ref': `${HEAD}  rncp RNCP34826\nbloc RNCP34826BC01 "Bloc"\nbloc RNCP34826BC02 "Autre"\n` })).toEqual([]);
        expect(await findingsOf(rule, { 'a.ref': `${HEAD}\nbloc 1 "Bloc"\n` })).toEqual([]);
    });

    it('invalid: an uncoded bloc, another certification\'s number, a broken code', async () => {
        const found = await findingsOf(rule, { 'a.ref': `${HEAD}  rncp RNCP34826\nbloc 1 "Bloc"\nbloc RNCP11111BC02 "Autre"\n` });
        expect(found.map((f) => f.at)).toEqual(['a.ref:7:6-7', 'a.ref:8:6-19']);
        expect(found[0].message).toContain('Écrivez «\u00A0bloc RNCP34826BC01\u00A0»');
        expect(found[1].message).toContain('écrivez RNCP34826BC02');
        const broken = await findingsOf(rule, { 'a.ref': `${HEAD}\nbloc RNCP348BC1 "Bloc"\n` });
        expect(broken.map((f) => f.message)).toEqual([expect.stringContaining('ne suit pas le motif RNCPnnnnnBCnn')]);
    });
});

describe('text-too-long', () => {
    const rule = 'text-too-long';
    it('valid: within the limits', async () => {
        expect(await findingsOf(rule, { 'a.ref': withCompetencies('Analyser les besoins.') })).toEqual([]);
    });

    it('invalid: a title over 255 characters, a bloc whose competencies pass 3,000', async () => {
        const long = 'Analyser les besoins du client en identifiant ses objectifs, ses contraintes et ses ressources afin de cadrer le projet. '.repeat(3);
        const text = `${HEAD}
bloc 1 "${'Organiser '.repeat(30)}"
  activité A1 "Activité"
${Array.from({ length: 9 }, (_, i) => `    compétence C${i + 1} "${long}"`).join('\n')}
`;
        const found = await findingsOf(rule, { 'a.ref': text });
        expect(found.map((f) => f.at)).toEqual(['a.ref:7:6-7', 'a.ref:7:8-310']);
        expect(found[1].message).toBe('Le champ «\u00A0intitulé du bloc 1\u00A0» de la fiche compte 299 caractères, pour 255 au plus\u202F: raccourcissez-le de 44 caractères (ou réglez «\u00A0limits\u00A0» dans certiref.json si la limite a changé).');
        expect(found[0].message).toMatch(/«\u00A0liste des compétences du bloc 1\u00A0» de la fiche compte 3\u202F3\d\d caractères, pour 3\u202F000 au plus/);
    });
});

describe('required-themes', () => {
    const rule = 'required-themes';
    it('valid: each theme named somewhere', async () => {
        expect(await findingsOf(rule, { 'a.ref': withCompetencies(
            'Planifier les interventions avec un logiciel afin de tenir les délais.',
            'Organiser le chantier dans le respect de la santé et sécurité au travail et du développement durable.',
        ) })).toEqual([]);
    });

    it('invalid: one finding per theme the certification says nothing of, at the certification', async () => {
        const found = await findingsOf(rule, { 'a.ref': withCompetencies('Planifier les interventions afin de tenir les délais.') });
        expect(found.map((f) => f.at)).toEqual(['a.ref:1:15-16', 'a.ref:1:15-16', 'a.ref:1:15-16']);
        expect(found.map((f) => f.message.match(/«\u00A0([^»]+)\u00A0»/)?.[1])).toEqual(['transition écologique', 'transformation numérique', 'santé et sécurité au travail']);
    });

    it('leaves disability to missing-accessibility-provision when the header has no provision', async () => {
        const text = 'certification R "Exemple"\nbloc 1 "B"\n  activité A1 "A"\n    compétence C1 "Planifier les interventions avec un logiciel, dans le respect de la santé et sécurité au travail et du développement durable."\n';
        expect(await findingsOf(rule, { 'a.ref': text })).toEqual([]);
    });
});

describe('what a reviewer would say', () => {
    it('of a skeleton: no niveau, no certificateur, « Connaissance des outils », « À rédiger », a criterion « ok »', async () => {
        const SKELETON = fs.readFileSync(path.join(ROOT, 'examples/skeleton/referentiel.ref'), 'utf8');
        const { findings } = await checkTexts({ 'sk.ref': SKELETON }, { language: 'fr', writingRules: true });
        expect(findings.map((f) => `${f.line} ${f.rule}`).sort()).toEqual([
            '10 placeholder-text', '13 placeholder-text', '14 placeholder-text',
            '4 missing-certification-field', '4 missing-certification-field', '4 missing-certification-field',
            '4 required-themes', '4 required-themes', '4 required-themes',
            '8 placeholder-text', '9 competency-action-verb',
        ]);
        expect(findings.find((f) => f.rule === 'competency-action-verb')!.message).toContain('elle nomme un savoir, pas ce que le candidat fait');
    });

    it("of the README's example of the language: two competencies without a purpose, two themes missing", async () => {
        const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
        const section = readme.slice(readme.indexOf('## The language by example'));
        const example = /```\n([\s\S]*?)```/.exec(section)![1];
        const { findings } = await checkTexts({ 'demo.ref': example }, { language: 'en', writingRules: true });
        expect(findings.map((f) => `${f.rule} ${f.message.slice(0, 60)}`).sort()).toEqual([
            'competency-purpose Competency C2 does not say what for: add its purpose (« afin',
            'competency-purpose Competency C3 does not say what for: add its purpose (« afin',
            'required-themes Certification DEMO says nothing of "ecological transition", ',
            'required-themes Certification DEMO says nothing of "health and safety at wor',
        ]);
    });
});
