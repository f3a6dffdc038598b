import { describe, expect, it } from 'vitest';
import { analyseHead, frenchLexicon, looksEnglish, placeholderIn, purposeOf, QUICK_FIX_PLACEHOLDER, vagueParts, verbOfNoun } from 'certiref-language';

/**
 * The text analysis behind the drafting rules, on competencies and criteria as real référentiels
 * write them (the seeds, the BTS and the Bac pro of the Journal officiel, people's Word tables).
 */
const lexicon = frenchLexicon();
const head = (text: string) => {
    const h = analyseHead(text, lexicon);
    return { kind: h.kind, word: h.word, infinitive: h.infinitive, suggestion: h.suggestion };
};

describe('the lexicon', () => {
    it('is the Lefff: thousands of verbs, not a hand list', () => {
        expect(lexicon.size).toBeGreaterThan(7000);
        for (const v of ['analyser', 'élaborer', 'établir', 'concevoir', 'diagnostiquer', 'câbler', 'dépanner', 'superviser', 'segmenter', 'vulgariser', 'recenser']) {
            expect(lexicon.infinitive(v), v).toBe(v);
        }
    });

    it('finds an infinitive written in capitals or without its accents', () => {
        expect(lexicon.infinitive('Etablir')).toBe('établir');
        expect(lexicon.infinitive('ELABORER')).toBe('élaborer');
        expect(lexicon.infinitive('Emettre')).toBe('émettre');
        expect(lexicon.infinitive('Gestion')).toBeUndefined();
    });

    it('leads an inflected form back to its verb, regular or not', () => {
        expect(lexicon.forms('élaborées')).toEqual([{ kind: 'K', infinitive: 'élaborer' }]);
        expect(lexicon.forms('organisant')).toEqual([{ kind: 'G', infinitive: 'organiser' }]);
        expect(lexicon.forms('suivi').map((f) => f.infinitive)).toContain('suivre');
        expect(lexicon.forms('mise').map((f) => f.infinitive)).toContain('mettre');
        expect(lexicon.forms('Elabore')).toEqual([{ kind: 'P', infinitive: 'élaborer' }]);
        expect(lexicon.forms('gestion')).toEqual([]);
    });

    it('knows nouns that end like infinitives', () => {
        expect(lexicon.isNounLikeVerb('dossier')).toBe(true);
        expect(lexicon.isNounLikeVerb('cadre')).toBe(true);
        expect(lexicon.isNounLikeVerb('prototyper')).toBe(false);
    });
});

describe('the head of a competency', () => {
    it('an action verb in the infinitive, after an id, a bullet or a number', () => {
        expect(head('Rechercher et structurer des informations techniques.')).toMatchObject({ kind: 'action', infinitive: 'rechercher' });
        expect(head('C1.1 Rechercher et structurer des informations techniques.')).toMatchObject({ kind: 'action', word: 'Rechercher' });
        expect(head('C11 - Rechercher, sélectionner, décoder l\'information')).toMatchObject({ kind: 'action', word: 'Rechercher' });
        expect(head('- Piloter le projet')).toMatchObject({ kind: 'action', word: 'Piloter' });
        expect(head('• Piloter le projet')).toMatchObject({ kind: 'action', word: 'Piloter' });
        expect(head('1. Organiser les opérations')).toMatchObject({ kind: 'action', word: 'Organiser' });
        expect(head('a) Organiser les opérations')).toMatchObject({ kind: 'action', word: 'Organiser' });
        expect(head('CP3 : Organiser les opérations')).toMatchObject({ kind: 'action', word: 'Organiser' });
    });

    it('capitals and missing accents', () => {
        expect(head('Etablir une recommandation stratégique digitale')).toMatchObject({ kind: 'action', infinitive: 'établir' });
        expect(head('ELABORER LE BUDGET')).toMatchObject({ kind: 'action', infinitive: 'élaborer' });
    });

    it('pronominal verbs, elided or not', () => {
        expect(head("S'informer")).toMatchObject({ kind: 'action', word: "S'informer", infinitive: 'informer' });
        expect(head('S’entretenir d’une problématique professionnelle.')).toMatchObject({ kind: 'action', infinitive: 'entretenir' });
        expect(head('Se positionner sur le marché')).toMatchObject({ kind: 'action', word: 'Se positionner', infinitive: 'positionner' });
    });

    it('a state: connaître, maîtriser, être capable de … (with the verb to write instead when there is one)', () => {
        expect(head('Maîtriser les outils de PAO')).toMatchObject({ kind: 'state', infinitive: 'maîtriser' });
        expect(head('Connaître la réglementation')).toMatchObject({ kind: 'state', infinitive: 'connaître' });
        expect(head('Comprendre les enjeux')).toMatchObject({ kind: 'state', infinitive: 'comprendre' });
        expect(head('Appréhender son secteur')).toMatchObject({ kind: 'state', infinitive: 'appréhender' });
        expect(head('Être capable de rédiger un cahier des charges')).toMatchObject({ kind: 'state', word: 'Être capable de', suggestion: 'Rédiger' });
        expect(head("Etre capable d'analyser une demande")).toMatchObject({ kind: 'state', suggestion: 'Analyser' });
        expect(head('Être en mesure de planifier')).toMatchObject({ kind: 'state', suggestion: 'Planifier' });
        expect(head('Savoir utiliser un tableur')).toMatchObject({ kind: 'state', suggestion: 'Utiliser' });
        expect(head('Capable de travailler en équipe')).toMatchObject({ kind: 'state', suggestion: 'Travailler' });
    });

    it('a nominal phrase, with the verb of its noun when there is one', () => {
        expect(head('Gestion des plannings')).toMatchObject({ kind: 'nominal', word: 'Gestion', suggestion: 'Gérer' });
        expect(head('Élaboration du budget')).toMatchObject({ kind: 'nominal', suggestion: 'Élaborer' });
        expect(head('Définition des besoins')).toMatchObject({ kind: 'nominal', suggestion: 'Définir' });
        expect(head('Développement commercial')).toMatchObject({ kind: 'nominal', suggestion: 'Développer' });
        expect(head('Mise en œuvre du projet')).toMatchObject({ kind: 'nominal', suggestion: 'Mettre' });
        expect(head('Suivi des chantiers')).toMatchObject({ kind: 'nominal', suggestion: 'Suivre' });
        expect(head('Analyse des besoins')).toMatchObject({ kind: 'nominal', suggestion: 'Analyser' });
        expect(head("L'analyse des besoins")).toMatchObject({ kind: 'nominal', word: "L'analyse", suggestion: 'Analyser' });
        expect(head('La communication interne')).toMatchObject({ kind: 'nominal', word: 'La communication' });
        expect(head('Dossier technique')).toMatchObject({ kind: 'nominal', word: 'Dossier' });
        expect(analyseHead('Connaissance des outils', lexicon)).toMatchObject({ kind: 'nominal', stateNoun: true });
        expect(analyseHead('Compréhension des enjeux', lexicon)).toMatchObject({ kind: 'nominal', stateNoun: true });
    });

    it('a participle or a conjugated verb, with its infinitive', () => {
        expect(head('Élaboré un plan de formation')).toMatchObject({ kind: 'inflected', suggestion: 'Élaborer' });
        expect(head('Organisant les équipes')).toMatchObject({ kind: 'inflected', suggestion: 'Organiser' });
        expect(head('Élabore les plans')).toMatchObject({ kind: 'inflected', suggestion: 'Élaborer' });
        expect(head('Elabore les plans')).toMatchObject({ kind: 'inflected', suggestion: 'Élaborer' });
    });

    it('a subject', () => {
        expect(head('Le candidat analyse les besoins')).toMatchObject({ kind: 'subject', word: 'Le candidat', suggestion: 'Analyser' });
    });

    it('a recent verb the lexicon does not know is taken for a verb, not reported', () => {
        expect(analyseHead('Prototyper une interface', lexicon)).toMatchObject({ kind: 'action', unknownVerb: true });
        expect(head('Co-construire un projet')).toMatchObject({ kind: 'action' });
    });

    it('nothing but an id', () => {
        expect(head('C1.1')).toMatchObject({ kind: 'empty' });
    });
});

describe('the verb of a noun', () => {
    it('by its suffix, checked in the lexicon, or by the few irregular ones', () => {
        expect(verbOfNoun(lexicon, 'réalisation')).toBe('réaliser');
        expect(verbOfNoun(lexicon, 'planification')).toBe('planifier');
        expect(verbOfNoun(lexicon, 'recrutement')).toBe('recruter');
        expect(verbOfNoun(lexicon, 'pilotage')).toBe('piloter');
        expect(verbOfNoun(lexicon, 'gestion')).toBe('gérer');
        expect(verbOfNoun(lexicon, 'rédaction')).toBe('rédiger');
        expect(verbOfNoun(lexicon, 'chaise')).toBeUndefined();
    });
});

describe('purpose', () => {
    it('is found after « afin de », « en vue de », « de façon à », « pour » + infinitive …', () => {
        const p = (t: string) => purposeOf(t, lexicon)?.marker;
        expect(p('Analyser les données afin d’améliorer les campagnes')).toMatch(/^afin d/);
        expect(p('Analyser les données en vue de les présenter')).toMatch(/^en vue de/);
        expect(p('Analyser les données de façon à orienter les choix')).toMatch(/^de façon à/);
        expect(p('Analyser les besoins de manière à comprendre leurs attentes')).toMatch(/^de manière à/);
        expect(p('Analyser les données pour évaluer la performance')).toBe('pour évaluer');
        expect(p('Concevoir des outils pour mieux accompagner les publics')).toBe('pour mieux accompagner');
        expect(p('Mettre en place un tableau de bord pour s’assurer du suivi')).toBe('pour s’assurer');
        expect(p('Rédiger des process permettant de résoudre les incidents')).toMatch(/^permettant de/);
    });

    it('is not a « pour » followed by a noun', () => {
        expect(purposeOf('Négocier pour le compte du client les tarifs', lexicon)).toBeUndefined();
        expect(purposeOf('Rédiger un cahier des charges pour l’entreprise', lexicon)).toBeUndefined();
        expect(purposeOf('Assurer la traçabilité.', lexicon)).toBeUndefined();
    });
});

describe('vague criteria', () => {
    it('a vague word with nothing to judge it by', () => {
        expect(vagueParts('Le planning est bien fait.').map((v) => v.word)).toEqual(['bien']);
        expect(vagueParts('Bonne communication avec le client').map((v) => v.word)).toEqual(['Bonne']);
        expect(vagueParts('Le storytelling est utilisé de manière efficace pour engager les utilisateurs.').map((v) => v.word)).toEqual(['de manière efficace']);
        expect(vagueParts('La tâche est réalisée correctement.').map((v) => v.word)).toEqual(['correctement']);
    });

    it('not with a threshold, a number or a reference', () => {
        expect(vagueParts('Le planning est correctement tenu : au moins 3 révisions par semaine.')).toEqual([]);
        expect(vagueParts('Le rapport est bien structuré, conforme au cahier des charges.')).toEqual([]);
        expect(vagueParts('Les choix sont pertinents au regard des objectifs du client.')).toEqual([]);
        expect(vagueParts('La recette est faite correctement, sans erreur.')).toEqual([]);
        expect(vagueParts('Le taux de clic dépasse 2 %.')).toEqual([]);
    });

    it('not « bonnes pratiques » nor « bon fonctionnement »', () => {
        expect(vagueParts("Les bonnes pratiques d'éco-conception sont respectées.")).toEqual([]);
        expect(vagueParts("La recette vérifie le bon fonctionnement de l'application.")).toEqual([]);
    });
});

describe('placeholders', () => {
    it('a text that holds a place', () => {
        for (const t of ['À rédiger', 'A rédiger', 'à compléter', 'TODO', 'todo :', 'TBD', 'xxx', 'XXXX', 'ok', 'OK.', '…', '...', '?', '-', '', '   ', 'To be written', 'Lorem ipsum dolor sit amet', 'Titre']) {
            expect(placeholderIn(t), JSON.stringify(t)).toBeDefined();
        }
    });

    it('what certiref\'s quick fixes write, in both languages', () => {
        expect(placeholderIn(QUICK_FIX_PLACEHOLDER.fr)?.text).toBe('À rédiger');
        expect(placeholderIn(QUICK_FIX_PLACEHOLDER.en)?.text).toBe('To be written');
    });

    it('a placeholder inside a text', () => {
        expect(placeholderIn('Analyser les besoins TODO préciser')?.text).toBe('TODO');
        expect(placeholderIn('Analyser les besoins [à compléter]')?.text).toBe('[à compléter]');
        expect(placeholderIn('Analyser les besoins (à définir)')?.text).toBe('(à définir)');
    });

    it('not a real text', () => {
        for (const t of ['Analyser les besoins du client.', 'Le plan est validé ; les écarts sont expliqués.', 'Étude de cas', 'Tokyo', 'Oksana a rédigé le rapport']) {
            expect(placeholderIn(t), t).toBeUndefined();
        }
    });
});

describe('English texts', () => {
    it('are told apart (the drafting rules read French)', () => {
        expect(looksEnglish("Analyse the client's needs and write the requirements.")).toBe(true);
        expect(looksEnglish('Analyser les besoins du client et rédiger le cahier des charges.')).toBe(false);
        expect(looksEnglish('Piloter le projet.')).toBe(false);
    });
});
