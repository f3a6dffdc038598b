/**
 * What a careful reader counts in every bloc of the six fiches of examples/rncp/, read by hand
 * from LISTE_COMPETENCES and MODALITES_EVALUATION before the splitter was written: the
 * competencies (their code when the fiche gives one, and their first words), the headings that
 * group detailed competencies (not competencies themselves), and the modalities.
 *
 * Reading notes, per fiche:
 * - RNCP34762: codes A1C1 … (one glued to its text, `A1C2.Apprécier`); bloc 5 opens with a
 *   sentence ending in « : » that frames all its competencies (a heading). Modalities are led
 *   by the codes they evaluate (`A2C2. et A2C3.`, `A3C3 à A3C6.`, `A2C10 Actions` without its
 *   dot); `NB` lines are notes, not modalities.
 * - RNCP39568: `- ` bullets; bloc 6's second competency has lost its bullet
 *   (`spécialisés   Définir et instruire`). Modalities: groups separated by four spaces, the
 *   lines of a group (épreuve, then its productions) by two.
 * - RNCP35625: `- ` bullets after runs of four spaces; runs of three spaces inside sentences are
 *   the source's line wraps. Blocs 5 and 9 each glue two competencies with a single space
 *   (`l'équipe artistique Participer aux réunions`, `projecteurs asservis Éprouver la
 *   conduite`). Each bloc has one modality (its `Objectif :` and jury lines belong to it).
 * - RNCP36490: numbered `1.1` headings group `1.1.1` competencies. One project per bloc.
 * - RNCP36612: no marker: sentences separated by runs of four spaces (one without its final
 *   dot). Modalities: one evaluation by company case studies on the situations listed, with the
 *   routes' provisions (`Pour les salariés : …`); a reader would check that reading.
 * - RNCP37674 (titre professionnel): no marker, items separated by two spaces. Modalities: the
 *   three épreuves of the titre (each `Name : 00 h 20 min` then its lines).
 */

export interface ReaderCompetency {
    /** The fiche's code for it, when it has one. */
    code?: string;
    /** The first words of its text (after the code or bullet). */
    starts: string;
    /** The heading (its first words) it is grouped under, when the bloc has headings. */
    under?: string;
}

export interface ReaderBloc {
    competencies: ReaderCompetency[];
    /** Headings grouping competencies (first words). */
    headings?: string[];
    /** Modalities (first words of each, after any competency codes). */
    modalities: string[];
    /** Codes each modality evaluates, when the fiche names them. */
    evaluates?: string[][];
}

export const CAREFUL_READER: Record<string, Record<string, ReaderBloc>> = {
    RNCP34762: {
        RNCP34762BC01: {
            competencies: [
                { code: 'A1C1', starts: 'Evaluer, depuis son périmètre et/ou son métier' },
                { code: 'A1C2', starts: 'Apprécier, depuis son périmètre d\'activité' },
                { code: 'A1C3', starts: 'Anticiper, quelque soit le service' },
                { code: 'A1C4', starts: 'Définir et défendre les choix' },
                { code: 'A1C5', starts: 'Anticiper et/ou apprécier les stratégies' },
                { code: 'A1C6', starts: 'Evaluer les enjeux opérationnels' },
                { code: 'A1C7', starts: 'Identifier, sur son périmètre' },
            ],
            modalities: ['Note d\'alerte', 'Note de veille stratégique', 'Mise en situation réelle ou fictive', 'Situation fictive ou réelle',
                'Note d\'évaluation d\'une stratégie', 'Dossier de recommandations', 'Analyse de risques'],
            evaluates: [['A1C1'], ['A1C2'], ['A1C3'], ['A1C4'], ['A1C5'], ['A1C6'], ['A1C7']],
        },
        RNCP34762BC02: {
            competencies: [
                { code: 'A2C1', starts: 'Evaluer, sur son périmètre d\'activité' },
                { code: 'A2C2', starts: 'Accompagner ses collaborateurs' },
                { code: 'A2C3', starts: 'Organiser les conditions du travail collaboratif' },
                { code: 'A2C4', starts: 'Conduire un projet' },
                { code: 'A2C5', starts: 'Mobiliser, à la mesure de son périmètre' },
                { code: 'A2C6', starts: 'Appliquer et respecter les règles' },
                { code: 'A2C7', starts: 'Analyser ses actions en situations professionnelles' },
                { code: 'A2C8', starts: 'Analyser l\'origine de son pouvoir' },
                { code: 'A2C9', starts: 'Adapter son style de leadership' },
                { code: 'A2C10', starts: 'Communiquer afin d\'informer' },
            ],
            modalities: ['Analyse d\'une situation managériale', 'Analyse de situations de travail', 'Réalisation d\'une conduite de projet',
                'Analyse d\'une situation de déclinaison', 'Retours d\'expérience', 'Journal d\'apprentissage', 'Actions de communication'],
            evaluates: [['A2C1'], ['A2C2', 'A2C3'], ['A2C4'], ['A2C5', 'A2C6'], ['A2C7'], ['A2C8', 'A2C9'], ['A2C10']],
        },
        RNCP34762BC03: {
            competencies: [
                { code: 'A3C1', starts: 'Optimiser, à l\'occasion' },
                { code: 'A3C2', starts: 'Définir (le cas échéant' },
                { code: 'A3C3', starts: 'Piloter son activité et effectuer' },
                { code: 'A3C4', starts: 'Participer au processus de décision' },
                { code: 'A3C5', starts: 'Piloter son activité en prenant' },
                { code: 'A3C6', starts: 'Contribuer à l’usage' },
                { code: 'A3C7', starts: 'Organiser le recueil' },
                { code: 'A3C8', starts: 'Mobiliser, face à un problème complexe' },
                { code: 'A3C9', starts: 'Décider en mobilisant' },
                { code: 'A3C10', starts: 'Décider en s\'appuyant' },
            ],
            modalities: ['Elaboration d\'un budget', 'Notes de préconisations', 'Choix argumenté d\'usage de données',
                'Analyse d\'un problème managérial', 'Note OU intervention orale', 'Analyse d\'un processus de décision'],
            evaluates: [['A3C1', 'A3C2'], ['A3C3', 'A3C4', 'A3C5', 'A3C6'], ['A3C7'], ['A3C8'], ['A3C9'], ['A3C10']],
        },
        RNCP34762BC04: {
            competencies: [
                { code: 'A4C1', starts: 'Réaliser une veille' },
                { code: 'A4C2', starts: 'Repérer les évènements' },
                { code: 'A4C3', starts: 'Déployer les processus' },
                { code: 'A4C4', starts: 'Proposer à sa direction' },
                { code: 'A4C5', starts: 'Produire une analyse' },
                { code: 'A4C6', starts: 'Evaluer les risques' },
                { code: 'A4C7', starts: 'Apprécier l\'intérêt' },
                { code: 'A4C8', starts: 'Maitriser les fondamentaux' },
            ],
            modalities: ['Préconisations des bonnes pratiques', 'Proposition d\'innovation(s)', 'Réalisation OU/ET Analyse',
                'Définition du potentiel', 'Note de préconisations juridiques', 'Situation d\'utilisation d\'outils'],
            evaluates: [['A4C1'], ['A4C2'], ['A4C3', 'A4C4'], ['A4C5'], ['A4C6', 'A4C7'], ['A4C8']],
        },
        RNCP34762BC05: {
            headings: ['En mobilisant une analyse du contexte'],
            competencies: [
                { code: 'A5.C1', starts: 'Réaliser un diagnostic', under: 'En mobilisant une analyse du contexte' },
                { code: 'A5.C2', starts: 'Valider – le cas échéant', under: 'En mobilisant une analyse du contexte' },
                { code: 'A5.C3', starts: 'Préconiser et/ou réaliser', under: 'En mobilisant une analyse du contexte' },
                { code: 'A5.C4', starts: 'Etre force de proposition', under: 'En mobilisant une analyse du contexte' },
                { code: 'A5.C5', starts: 'Organiser l’actualisation', under: 'En mobilisant une analyse du contexte' },
            ],
            modalities: ['Dossier(s) argumenté(s)'],
        },
    },
    RNCP39568: {
        RNCP39568BC01: {
            competencies: [{ starts: 'Evaluer les contextes économiques' }, { starts: 'Identifier les opportunités et menaces' }],
            modalities: ['Etude(s) de cas OU Mise(s) en situation'],
        },
        RNCP39568BC02: {
            competencies: [
                { starts: 'Piloter ou co-piloter' },
                { starts: 'Promouvoir les processus' },
                { starts: 'Intégrer dans la démarche d’innovation' },
                { starts: 'Piloter les performances financières' },
            ],
            modalities: ['Etude de cas simulation / mise en situation', 'Etude de cas/Simulation de type Challenge', 'Etude(s) de cas OU mise(s) en situation'],
        },
        RNCP39568BC03: {
            competencies: [
                { starts: 'Appréhender les objectifs' },
                { starts: 'Négocier avec ses équipes' },
                { starts: 'Développer des politiques et pratiques' },
                { starts: 'Développer une expertise métier' },
                { starts: 'Intégrer les normes et règles' },
            ],
            modalities: ['Contrôle continu (validation de l’orientation', 'Etude de cas OU simulation d’une action de négociation',
                'Contrôle continu (Validation de l’ensemble', 'Simulation / Etude de cas réelle'],
        },
        RNCP39568BC04: {
            competencies: [
                { starts: 'Développer la cohérence management' },
                { starts: 'Développer une connaissance de soi' },
                { starts: 'Définir et conduire un projet' },
            ],
            modalities: ['Mise(s) en situation professionnelle OU Etude(s) de cas', 'Constitution d’un portefeuille', 'Evaluation des connaissances'],
        },
        RNCP39568BC05: {
            competencies: [{ starts: 'Communiquer et convaincre' }, { starts: 'Défendre une opinion' }],
            modalities: ['Soutenance d’un livrable documenté'],
        },
        RNCP39568BC06: {
            competencies: [
                { starts: 'Identifier, sélectionner et analyser' },
                { starts: 'Définir et instruire une problématique' },
                { starts: 'Défendre, à l’écrit' },
            ],
            modalities: ['Livrable écrit de type mémoire'],
        },
    },
    RNCP35625: {
        RNCP35625BC01: {
            competencies: [{ starts: 'Identifier les usages numériques' }, { starts: 'Se servir de façon autonome' }],
            modalities: ['Chaque certificateur accrédité'],
        },
        RNCP35625BC02: {
            competencies: [
                { starts: 'Mobiliser des savoirs hautement spécialisés' },
                { starts: 'Développer une conscience critique' },
                { starts: 'Résoudre des problèmes' },
                { starts: 'Apporter des contributions novatrices' },
                { starts: 'Conduire une analyse réflexive' },
            ],
            modalities: ['Chaque certificateur accrédité'],
        },
        RNCP35625BC03: {
            competencies: [{ starts: 'Identifier, sélectionner et analyser' }, { starts: 'Communiquer à des fins de' }],
            modalities: ['Chaque certificateur accrédité'],
        },
        RNCP35625BC04: {
            competencies: [
                { starts: 'Gérer des contextes professionnels' },
                { starts: 'Prendre des responsabilités' },
                { starts: 'Conduire un projet' },
                { starts: 'Analyser ses actions' },
                { starts: 'Respecter les principes d’éthique' },
            ],
            modalities: ['Chaque certificateur accrédité'],
        },
        RNCP35625BC05: {
            competencies: [
                { starts: 'Comprendre et savoir-utiliser le langage dramaturgique' },
                { starts: 'Participer aux réunions collectives' },
                { starts: 'Réunir une iconographie' },
                { starts: 'Caractériser les principes' },
            ],
            modalities: ['Réaliser un dossier d’analyse dramaturgique'],
        },
        RNCP35625BC06: {
            competencies: [{ starts: 'Visualiser l’espace' }, { starts: 'Prendre connaissance de la fiche technique' }, { starts: 'Lister les contraintes' }],
            modalities: ['Réaliser une proposition de conception lumière'],
        },
        RNCP35625BC07: {
            competencies: [{ starts: 'Réaliser les plans de coupe' }, { starts: 'Tracer un plan 2D' }, { starts: 'Évaluer les problématiques' }],
            modalities: ['Réaliser le plan de feux'],
        },
        RNCP35625BC08: {
            competencies: [
                { starts: 'Employer les termes propres' },
                { starts: 'Présenter le plan lumière' },
                { starts: 'Savoir gérer l’activité' },
                { starts: 'Savoir régler et diriger' },
                { starts: 'Faire la conduite lumière' },
            ],
            modalities: ['Piloter l’implantation et le réglage'],
        },
        RNCP35625BC09: {
            competencies: [
                { starts: 'Connaître les possibilités' },
                { starts: 'Employer les termes propres' },
                { starts: 'Organiser l’intervention des poursuites' },
                { starts: 'Construire la partition' },
                { starts: 'Choisir les circuits' },
                { starts: 'Savoir créer des palettes' },
                { starts: 'Éprouver la conduite lumière' },
            ],
            modalities: ['Réalisation de la conduite lumière'],
        },
        RNCP35625BC10: {
            competencies: [
                { starts: 'Rédiger un relevé' },
                { starts: 'Analyser les conditions' },
                { starts: 'Adapter le plan de feu' },
                { starts: 'Planifier le travail de lumière' },
            ],
            modalities: ['Réaliser un dossier de reprise'],
        },
    },
    RNCP36490: {
        RNCP36490BC01: {
            headings: ['Recueillir, le besoin du client', 'Rédiger tout ou partie du cahier des charges', 'Modéliser la structure logicielle'],
            competencies: [
                { code: '1.1.1', starts: 'Auditer les parties prenantes', under: 'Recueillir, le besoin du client' },
                { code: '1.1.2', starts: 'Formaliser et répertorier', under: 'Recueillir, le besoin du client' },
                { code: '1.2.1', starts: 'Analyser le contexte du projet', under: 'Rédiger tout ou partie du cahier des charges' },
                { code: '1.2.2', starts: 'Traduire les besoins exprimés', under: 'Rédiger tout ou partie du cahier des charges' },
                { code: '1.3.1', starts: 'Concevoir la solution logicielle', under: 'Modéliser la structure logicielle' },
                { code: '1.3.2', starts: 'Schématiser la structure logicielle', under: 'Modéliser la structure logicielle' },
                { code: '1.3.3', starts: 'Contrôler la cohérence', under: 'Modéliser la structure logicielle' },
            ],
            modalities: ['Projet de conception d’application'],
        },
        RNCP36490BC02: {
            headings: ['Développer la solution informatique', 'Organiser les tests et la recette'],
            competencies: [
                { code: '2.1.1', starts: 'Créer les tables', under: 'Développer la solution informatique' },
                { code: '2.1.2', starts: 'Sélectionner les plateformes', under: 'Développer la solution informatique' },
                { code: '2.1.3', starts: 'Programmer les fonctionnalités', under: 'Développer la solution informatique' },
                { code: '2.1.4', starts: 'Elaborer la documentation technique', under: 'Développer la solution informatique' },
                { code: '2.2.1', starts: 'Elaborer des scénarii de tests', under: 'Organiser les tests et la recette' },
                { code: '2.2.2', starts: 'Définir la procédure de validation', under: 'Organiser les tests et la recette' },
                { code: '2.2.3', starts: 'Configurer les outils d’automatisation', under: 'Organiser les tests et la recette' },
            ],
            modalities: ['Projet de développement d’application'],
        },
        RNCP36490BC03: {
            headings: ['Organiser le déploiement', 'Assurer la maintenance', 'Assurer la sécurité'],
            competencies: [
                { code: '3.1.1', starts: 'Concevoir un plan de déploiement', under: 'Organiser le déploiement' },
                { code: '3.1.2', starts: 'Configurer l’environnement de déploiement', under: 'Organiser le déploiement' },
                { code: '3.1.3', starts: 'Déployer l’application', under: 'Organiser le déploiement' },
                { code: '3.2.1', starts: 'Analyser et synthétiser les demandes', under: 'Assurer la maintenance' },
                { code: '3.2.2', starts: 'Assurer les corrections', under: 'Assurer la maintenance' },
                { code: '3.2.3', starts: 'Réaliser le suivi des évolutions', under: 'Assurer la maintenance' },
                { code: '3.3.1', starts: 'Identifier les failles', under: 'Assurer la sécurité' },
                { code: '3.3.2', starts: 'Appliquer les bonnes pratiques', under: 'Assurer la sécurité' },
                { code: '3.3.3', starts: 'Elaborer le plan de sécurisation', under: 'Assurer la sécurité' },
            ],
            modalities: ['Projet de déploiement d’application'],
        },
        RNCP36490BC04: {
            headings: ['Encadrer et coordonner les équipes', 'Conduire un projet et accompagner le changement', 'Gérer le budget'],
            competencies: [
                { code: '4.1.1', starts: 'Présenter les informations utiles', under: 'Encadrer et coordonner les équipes' },
                { code: '4.1.2', starts: 'Clarifier les rôles', under: 'Encadrer et coordonner les équipes' },
                { code: '4.1.3', starts: 'Définir des objectifs clairs', under: 'Encadrer et coordonner les équipes' },
                { code: '4.1.4', starts: 'Animer l’équipe', under: 'Encadrer et coordonner les équipes' },
                { code: '4.2.1', starts: 'Intégrer toutes les étapes', under: 'Conduire un projet et accompagner le changement' },
                { code: '4.2.2', starts: 'Identifier les parties prenantes', under: 'Conduire un projet et accompagner le changement' },
                { code: '4.2.3', starts: 'Analyser les situations de changement', under: 'Conduire un projet et accompagner le changement' },
                { code: '4.3.1', starts: 'Elaborer le budget du projet', under: 'Gérer le budget' },
                { code: '4.3.2', starts: 'Elaborer les outils de reporting', under: 'Gérer le budget' },
            ],
            modalities: ['Application professionnelle de management'],
        },
    },
    RNCP36612: {
        RNCP36612BC01: {
            competencies: [
                { starts: 'Réaliser une veille règlementaire' },
                { starts: 'Rédiger les contrats de travail' },
                { starts: 'Assurer le suivi des contrats' },
                { starts: 'Gérer les dossiers administratifs' },
                { starts: 'Réaliser les attestations et déclarations' },
                { starts: 'Opérer le suivi des salariés' },
                { starts: 'Renseigner les tableaux de bord' },
                { starts: 'Mettre en œuvre les modalités' },
                { starts: 'Diffuser l’information sociale' },
            ],
            modalities: ['Rédaction et suivi d’un contrat de travail'],
        },
        RNCP36612BC02: {
            competencies: [
                { starts: 'Paramétrer le logiciel de paie' },
                { starts: 'Collecter les informations' },
                { starts: 'Analyser les informations collectées' },
                { starts: 'Etablir les bulletins de salaire' },
                { starts: 'Contrôler la validité et la conformité des bulletins' },
                { starts: 'Diffuser les bulletins de paie' },
                { starts: 'Saisir les données' },
                { starts: 'Etablir les déclarations sociales' },
                { starts: 'Vérifier la validité' },
            ],
            modalities: ['Paramétrage et réalisation d’un bulletin'],
        },
        RNCP36612BC03: {
            competencies: [
                { starts: 'Etablir le descriptif des postes' },
                { starts: 'Rédiger des annonces' },
                { starts: 'Contribuer à la recherche' },
                { starts: 'Opérer la présélection' },
                { starts: 'Organiser la mise en œuvre des tests' },
                { starts: 'Contribuer au traitement' },
                { starts: 'Préparer l’établissement' },
                { starts: 'Mettre en œuvre les procédures d’accueil' },
            ],
            modalities: ['Préparation de la sélection des candidats'],
        },
        RNCP36612BC04: {
            competencies: [
                { starts: 'Contribuer à la réalisation de la cartographie' },
                { starts: 'Organiser la réalisation des entretiens' },
                { starts: 'Etablir la synthèse' },
                { starts: 'Recenser les demandes' },
                { starts: 'Préparer la mise en œuvre du plan' },
                { starts: 'Organiser la mise en œuvre des actions' },
                { starts: 'Participer à la mise en œuvre de méthodes' },
            ],
            modalities: ['Réalisation d\'une cartographie des métiers'],
        },
    },
    RNCP37674: {
        RNCP37674BC01: {
            competencies: [
                { starts: 'Installer et configurer' },
                { starts: 'Maquetter des interfaces' },
                { starts: 'Réaliser des interfaces utilisateur statiques' },
                { starts: 'Développer la partie dynamique' },
            ],
            modalities: ['Présentation d\'un projet', 'Entretien technique', 'Questionnaire professionnel'],
        },
        RNCP37674BC02: {
            competencies: [
                { starts: 'Mettre en place une base de données' },
                { starts: 'Développer des composants d\'accès' },
                { starts: 'Développer des composants métier' },
                { starts: 'Documenter le déploiement' },
            ],
            modalities: ['Présentation d\'un projet', 'Entretien technique', 'Questionnaire professionnel'],
        },
    },
};

/**
 * Where the careful reader sees a boundary the text does not mark plainly; the splitter must say
 * it is unsure there (first words of the competency that starts at that boundary).
 */
export const UNSURE_COMPETENCIES: Record<string, string[]> = {
    RNCP39568BC06: ['Définir et instruire une problématique'],
    RNCP35625BC05: ['Participer aux réunions collectives'],
    RNCP35625BC09: ['Éprouver la conduite lumière'],
};
