import { addNote, note, type DraftCertification } from '../draft.js';
import { readDocx, DocxError, type DocxProblem } from './read.js';
import { readReferential, type ReadSummary } from './referential.js';

export { DocxError, type DocxProblem, type ReadSummary };

export interface DocxImport {
    draft: DraftCertification;
    summary: ReadSummary;
    /** What mammoth said of the document (unknown styles …), for a verbose output. */
    warnings: string[];
}

/**
 * A Word référentiel as a draft: its certification header (title, fields, sections, accessibility),
 * its blocs from their headings, and from its tables — whatever their usual layout — every
 * activity, competency, modality, part and criterion, texts verbatim, ids as written. `name` (the
 * file's name) titles a document that has no title. Throws a DocxError for a file that is not a
 * Word document, is encrypted or is damaged.
 */
export async function importDocx(bytes: Uint8Array, name = 'referentiel.docx'): Promise<DocxImport> {
    const { blocks, warnings, shiftedRows } = await readDocx(bytes);
    const { draft, summary } = readReferential(blocks, name);
    if (shiftedRows) {
        addNote(draft, note(
            "des lignes de tableau du document commencent après des colonnes vides (retrait de ligne, «\u00a0w:gridBefore\u00a0»), que l'import lit à partir de la première colonne\u00a0: vérifiez les éléments de ces lignes.",
            'some table rows of the document start after empty columns (a row indent, "w:gridBefore"), which the import reads from the first column: check the elements of those rows.',
        ));
    }
    return { draft, summary, warnings };
}
