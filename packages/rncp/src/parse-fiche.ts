import { SaxesParser } from 'saxes';
import { RncpExportError } from './errors.js';
import type {
    AccessRoute, AccessRouteCode, Certifier, CodeLabel, Correspondence, Fiche, FicheBloc, Level, OtherElement, Partner,
    PromotionStatistics, Publication, PublicationKind, SourcePosition,
} from './types.js';

/** An element of one fiche: its name and its content (texts and elements, in order). */
interface Node {
    name: string;
    attributes: Record<string, string>;
    content: Array<Node | string>;
    line: number;
    column: number;
}

/**
 * Parses one `<FICHE>…</FICHE>` of the export (its text, decoded) into a `Fiche`. `start` is
 * where its `<FICHE>` tag is in the export, so that an error names the export's line and column.
 */
export function parseFiche(xml: string, start: SourcePosition, file: string): Fiche {
    const root = parseTree(xml, start, file);
    if (root.name !== 'FICHE') {
        throw new RncpExportError(file, root.line, root.column,
            `un élément <FICHE> était attendu ici, pas <${root.name}>.`,
            `a <FICHE> element was expected here, not <${root.name}>.`);
    }
    return readFiche(root, start, file);
}

/** The position in the export of the fragment's line/column (1-based line, 1-based column). */
function globalPosition(start: SourcePosition, line: number, column: number): SourcePosition {
    return line === 1 ? { line: start.line, column: start.column - 1 + column } : { line: start.line + line - 1, column };
}

/** An `&` that does not start an entity or a character reference. */
const BARE_AMPERSAND = /&(?!(?:[A-Za-z_][\w.-]*|#\d+|#x[0-9a-fA-F]+);)/;

/** The position in the export of an offset in the fiche's text. */
function offsetPosition(text: string, offset: number, start: SourcePosition): SourcePosition {
    const lines = text.slice(0, offset).split('\n');
    return globalPosition(start, lines.length, [...lines[lines.length - 1]!].length + 1);
}

function parseTree(xml: string, start: SourcePosition, file: string): Node {
    const parser = new SaxesParser({ fragment: true, position: true });
    const stack: Node[] = [];
    let root: Node | undefined;
    const here = () => globalPosition(start, parser.line, Math.max(parser.column, 1));
    parser.on('error', (error) => {
        // a bare `&` (`R&D`): the XML parser reads on to the next `;` and reports far from it
        const ampersand = xml.slice(0, parser.position).search(BARE_AMPERSAND);
        if (ampersand !== -1) {
            const where = offsetPosition(xml, ampersand, start);
            throw new RncpExportError(file, where.line, where.column,
                'XML mal formé : « & » seul (il s’écrit &amp; en XML).',
                'malformed XML: a bare « & » (XML writes it &amp;).');
        }
        const where = here();
        const message = error.message.replace(/^\d+:\d+: /, '').replace(/\.$/, '');
        throw new RncpExportError(file, where.line, where.column, `XML mal formé : ${message}.`, `malformed XML: ${message}.`);
    });
    parser.on('opentag', (tag) => {
        const where = here();
        const node: Node = { name: tag.name, attributes: tag.attributes as Record<string, string>, content: [], line: where.line, column: where.column };
        const parent = stack[stack.length - 1];
        if (parent) {
            parent.content.push(node);
        } else if (!root) {
            root = node;
        } else {
            throw new RncpExportError(file, where.line, where.column,
                `un seul élément <FICHE> était attendu ici ; <${tag.name}> le suit.`,
                `one <FICHE> element was expected here; <${tag.name}> follows it.`);
        }
        stack.push(node);
    });
    parser.on('closetag', () => {
        stack.pop();
    });
    const addText = (text: string) => {
        const parent = stack[stack.length - 1];
        if (!parent) return;
        const last = parent.content[parent.content.length - 1];
        if (typeof last === 'string') parent.content[parent.content.length - 1] = last + text;
        else parent.content.push(text);
    };
    parser.on('text', addText);
    parser.on('cdata', addText);
    parser.write(xml).close();
    if (!root) {
        throw new RncpExportError(file, start.line, start.column, 'cette fiche ne contient aucun élément.', 'this fiche holds no element.');
    }
    return root;
}

/** The text of an element: its texts, and the markup of any element inside it (old exports' HTML), as written. */
function textOf(node: Node): string {
    return node.content.map((part) => typeof part === 'string' ? part : markupOf(part)).join('');
}

function markupOf(node: Node): string {
    const attributes = Object.entries(node.attributes).map(([name, value]) => ` ${name}="${value.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`).join('');
    return node.content.length === 0 ? `<${node.name}${attributes}/>` : `<${node.name}${attributes}>${textOf(node)}</${node.name}>`;
}

function children(node: Node): Node[] {
    return node.content.filter((part): part is Node => typeof part !== 'string');
}

/**
 * Reads a fiche's elements into the typed fiche. Every element is either read into a field or
 * kept in `other` with its path, so that an element this reader does not know is not lost.
 */
function readFiche(root: Node, start: SourcePosition, file: string): Fiche {
    const other: OtherElement[] = [];
    const keep = (node: Node, path: string) => {
        const inner = children(node);
        const ownText = node.content.some((part) => typeof part === 'string' && part.trim() !== '');
        if (inner.length === 0 || ownText) {
            other.push({ path, text: textOf(node) });
        } else {
            for (const child of inner) keep(child, `${path}/${child.name}`);
        }
    };
    /** Reads the children of `node` with `fields` (child name → reader); keeps the others. */
    const read = (node: Node, path: string, fields: Record<string, (child: Node) => void>) => {
        for (const child of children(node)) {
            const reader = fields[child.name];
            if (reader) reader(child);
            else keep(child, `${path}/${child.name}`);
        }
    };
    const yesNo = (node: Node, path: string): boolean | undefined => {
        const text = textOf(node).trim().toLowerCase();
        if (text === 'oui') return true;
        if (text === 'non') return false;
        other.push({ path, text: textOf(node) });
        return undefined;
    };
    const codeLabel = (node: Node, path: string): CodeLabel => {
        const value: CodeLabel = { code: '' };
        read(node, path, {
            CODE: (c) => { value.code = textOf(c); },
            LIBELLE: (c) => { value.label = textOf(c); },
        });
        return value;
    };
    const list = <T>(node: Node, path: string, item: string, readItem: (child: Node, path: string) => T): T[] => {
        const values: T[] = [];
        read(node, path, { [item]: (child) => values.push(readItem(child, `${path}/${item}`)) });
        return values;
    };

    const fiche: Fiche = {
        number: '',
        title: '',
        dates: {},
        nsf: [],
        rome: [],
        formacodes: [],
        certifiers: [],
        partners: [],
        texts: {},
        accessRoutes: [],
        previous: [],
        next: [],
        blocs: [],
        correspondences: [],
        statistics: [],
        promotionYearsAtLevel: [],
        publications: [],
        other,
        source: start,
    };
    const text = (set: (value: string) => void) => (node: Node) => set(textOf(node));
    const jury = (route: AccessRouteCode) => (node: Node) => {
        const value: AccessRoute = { route };
        read(node, `SI_JURY_${route}`, {
            ACTIF: (c) => { value.open = yesNo(c, `SI_JURY_${route}/ACTIF`); },
            COMPOSITION: text((t) => { value.jury = t; }),
            DATE_DERNIERE_MODIFICATION: text((t) => { value.lastModified = t; }),
        });
        fiche.accessRoutes.push(value);
    };
    const publications = (kind: PublicationKind, element: string) => (node: Node) => {
        fiche.publications.push(...list(node, element, 'PUBLICATION_JO', (child, path) => {
            const value: Publication = { kind, title: '' };
            read(child, path, {
                TITRE: text((t) => { value.title = t; }),
                DATE_PUBLICATION_JO: text((t) => { value.date = t; }),
            });
            return value;
        }));
    };
    /** ANCIENNES_CERTIFICATIONS/ANCIENNE_CERTIFICATION/ID_FICHE_ANCIENNE_CERTIFICATION, and NOUVELLES_… */
    const ficheNumbers = (node: Node, which: 'ANCIENNE' | 'NOUVELLE') =>
        list(node, `${which}S_CERTIFICATIONS`, `${which}_CERTIFICATION`, (child, path) => {
            let number = '';
            read(child, path, { [`ID_FICHE_${which}_CERTIFICATION`]: text((t) => { number = t.trim(); }) });
            return number;
        });
    const blocCodes = (node: Node, path: string) => list(node, path, 'BLOC_COMPETENCES', (child, childPath) => {
        let code = '';
        read(child, childPath, { CODE: text((t) => { code = t; }) });
        return code;
    });

    read(root, 'FICHE', {
        ID_FICHE: text((t) => { fiche.id = t; }),
        NUMERO_FICHE: text((t) => { fiche.number = t.trim(); }),
        INTITULE: text((t) => { fiche.title = t; }),
        ABREGE: (n) => { fiche.abbreviation = codeLabel(n, 'ABREGE'); },
        ETAT_FICHE: text((t) => { fiche.state = t; }),
        ACTIF: (n) => { fiche.active = yesNo(n, 'ACTIF'); },
        TYPE_ENREGISTREMENT: text((t) => { fiche.registrationType = t; }),
        NOMENCLATURE_EUROPE: (n) => {
            const level: Level = { code: '' };
            read(n, 'NOMENCLATURE_EUROPE', {
                NIVEAU: text((t) => { level.code = t.trim(); }),
                LIBELLE: text((t) => { level.label = t; }),
            });
            const value = level.code.match(/^NIV(\d)$/i);
            if (value) level.value = Number(value[1]);
            fiche.level = level;
        },
        DATE_DECISION: text((t) => { fiche.dates.decision = t; }),
        DATE_EFFET: text((t) => { fiche.dates.effect = t; }),
        DATE_FIN_ENREGISTREMENT: text((t) => { fiche.dates.endOfRegistration = t; }),
        DATE_DE_PUBLICATION: text((t) => { fiche.dates.publication = t; }),
        DATE_LIMITE_DELIVRANCE: text((t) => { fiche.dates.deliveryLimit = t; }),
        DATE_DERNIER_JO: text((t) => { fiche.dates.lastOfficialJournal = t; }),
        DUREE_ENREGISTREMENT: text((t) => { fiche.registrationDuration = t; }),
        CODES_NSF: (n) => { fiche.nsf.push(...list(n, 'CODES_NSF', 'NSF', codeLabel)); },
        CODES_ROME: (n) => { fiche.rome.push(...list(n, 'CODES_ROME', 'ROME', codeLabel)); },
        FORMACODES: (n) => { fiche.formacodes.push(...list(n, 'FORMACODES', 'FORMACODE', codeLabel)); },
        CERTIFICATEURS: (n) => {
            fiche.certifiers.push(...list(n, 'CERTIFICATEURS', 'CERTIFICATEUR', (child, path) => {
                const value: Certifier = { name: '' };
                read(child, path, {
                    SIRET_CERTIFICATEUR: text((t) => { value.siret = t; }),
                    NOM_CERTIFICATEUR: text((t) => { value.name = t; }),
                    ETAT_CERTIFICATEUR: text((t) => { value.state = t; }),
                    DATE_DERNIERE_MODIFICATION_ETAT: text((t) => { value.stateDate = t; }),
                });
                return value;
            }));
        },
        EXISTENCE_PARTENAIRES: (n) => { fiche.hasPartners = yesNo(n, 'EXISTENCE_PARTENAIRES'); },
        PARTENAIRES: (n) => {
            fiche.partners.push(...list(n, 'PARTENAIRES', 'PARTENAIRE', (child, path) => {
                const value: Partner = { name: '' };
                read(child, path, {
                    SIRET_PARTENAIRE: text((t) => { value.siret = t; }),
                    NOM_PARTENAIRE: text((t) => { value.name = t; }),
                    HABILITATION_PARTENAIRE: text((t) => { value.habilitation = t; }),
                    ETAT_HABILITATION: text((t) => { value.state = t; }),
                    DATE_ACTIF: text((t) => { value.activeDate = t; }),
                    DATE_DERNIERE_MODIFICATION_ETAT: text((t) => { value.stateDate = t; }),
                });
                return value;
            }));
        },
        ACTIVITES_VISEES: text((t) => { fiche.texts.activities = t; }),
        CAPACITES_ATTESTEES: text((t) => { fiche.texts.capacities = t; }),
        SECTEURS_ACTIVITE: text((t) => { fiche.texts.sectors = t; }),
        TYPE_EMPLOI_ACCESSIBLES: text((t) => { fiche.texts.jobs = t; }),
        OBJECTIFS_CONTEXTE: text((t) => { fiche.texts.objectives = t; }),
        REGLEMENTATIONS_ACTIVITES: text((t) => { fiche.texts.regulations = t; }),
        PREREQUIS_ENTREE_FORMATION: text((t) => { fiche.texts.prerequisites = t; }),
        SI_JURY_FI: jury('FI'),
        SI_JURY_CA: jury('CA'),
        SI_JURY_FC: jury('FC'),
        SI_JURY_CQ: jury('CQ'),
        SI_JURY_CL: jury('CL'),
        SI_JURY_VAE: jury('VAE'),
        ACCESSIBLE_NOUVELLE_CALEDONIE: (n) => { fiche.accessibleNewCaledonia = yesNo(n, 'ACCESSIBLE_NOUVELLE_CALEDONIE'); },
        ACCESSIBLE_POLYNESIE_FRANCAISE: (n) => { fiche.accessibleFrenchPolynesia = yesNo(n, 'ACCESSIBLE_POLYNESIE_FRANCAISE'); },
        ANCIENNES_CERTIFICATIONS: (n) => { fiche.previous.push(...ficheNumbers(n, 'ANCIENNE')); },
        NOUVELLES_CERTIFICATIONS: (n) => { fiche.next.push(...ficheNumbers(n, 'NOUVELLE')); },
        BLOCS_COMPETENCES: (n) => {
            fiche.blocs.push(...list(n, 'BLOCS_COMPETENCES', 'BLOC_COMPETENCES', (child, path) => {
                const bloc: FicheBloc = { code: '', title: '' };
                read(child, path, {
                    CODE: text((t) => { bloc.code = t.trim(); }),
                    LIBELLE: text((t) => { bloc.title = t; }),
                    LISTE_COMPETENCES: text((t) => { bloc.competencies = t; }),
                    MODALITES_EVALUATION: text((t) => { bloc.modalities = t; }),
                });
                return bloc;
            }));
        },
        CORRESPONDANCES: (n) => {
            fiche.correspondences.push(...list(n, 'CORRESPONDANCES', 'CORRESPONDANCE', (child, path) => {
                const value: Correspondence = { source: [], destination: [] };
                read(child, path, {
                    SOURCE: (s) => { value.source.push(...blocCodes(s, `${path}/SOURCE`).map((c) => c.trim())); },
                    DESTINATION: (d) => read(d, `${path}/DESTINATION`, {
                        NUMERO_FICHE: text((t) => { value.fiche = t.trim(); }),
                        BLOC_COMPETENCES: (b) => read(b, `${path}/DESTINATION/BLOC_COMPETENCES`, {
                            CODE: text((t) => { value.destination.push(t.trim()); }),
                        }),
                    }),
                });
                return value;
            }));
        },
        STATISTIQUES_PROMOTIONS: (n) => {
            fiche.statistics.push(...list(n, 'STATISTIQUES_PROMOTIONS', 'STATISTIQUES_PROMOTION', (child, path) => {
                const value: PromotionStatistics = {};
                read(child, path, {
                    ANNEE: text((t) => { value.year = t; }),
                    NOMBRE_CERTIFIES: text((t) => { value.certified = t; }),
                    NOMBRE_CERTIFIES_VAE: text((t) => { value.certifiedByVae = t; }),
                    TAUX_INSERTION_GLOBAL_6MOIS: text((t) => { value.employmentRate6Months = t; }),
                    TAUX_INSERTION_METIER_2ANS: text((t) => { value.jobRate2Years = t; }),
                });
                return value;
            }));
        },
        ANNEES_PROMOTIONS_NIVEAU: (n) => {
            fiche.promotionYearsAtLevel.push(...list(n, 'ANNEES_PROMOTIONS_NIVEAU', 'ANNEE', (child) => textOf(child)));
        },
        PUBLICATION_DECRET_GENERAL: publications('general', 'PUBLICATION_DECRET_GENERAL'),
        PUBLICATION_DECRET_CREATION: publications('creation', 'PUBLICATION_DECRET_CREATION'),
        PUBLICATION_DECRET_AUTRE: publications('other', 'PUBLICATION_DECRET_AUTRE'),
        LIEN_URL_DESCRIPTION: text((t) => { fiche.url = t; }),
    });
    if (!fiche.number) {
        throw new RncpExportError(file, start.line, start.column,
            'cette fiche n’a pas de numéro (élément <NUMERO_FICHE>).',
            'this fiche has no number (<NUMERO_FICHE> element).');
    }
    return fiche;
}
