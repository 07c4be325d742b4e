/**
 * DOCX → Document: one page whose blocks are paragraphs (with heading levels) and tables, in reading order,
 * read from the package's own XML: the body (docx-body.ts) with tables as docx-tables.ts reads them, heading
 * levels from styles.xml (docx-styles.ts), and the footnotes and endnotes the body references, after it.
 * Parts are inflated under size caps, each on its own and all together (docx-package.ts), so a zip bomb
 * fails fast with FileTooLargeError, whether it hides in one part or spreads over several.
 */
import type { Element } from 'domhandler';
import { page, type Block, type Document } from './document.js';
import { notesById, readNotes, readWordBody, type BodyContext, type NoteKind, type NoteReference } from './docx-body.js';
import { openDocxPackage, type DocxPackage } from './docx-package.js';
import { readDocxStyles } from './docx-styles.js';
import { DEFAULT_DOCX_TABLE_SETTINGS, type DocxTableSettings } from './docx-tables.js';
import { InvalidFileError, NianbaoError } from '../errors.js';

export type DocxSettings = {
  /** Largest inflated size of one XML part (bytes). Default 50 MB: real document.xml files stay far below. */
  readonly maxPartBytes: number;
  /**
   * Largest inflated size of all XML parts read, together (bytes). Default `DEFAULT_DOCX_MAX_TOTAL_BYTES`
   * (100 MB): the parts of a real report that are read (document, styles, notes, relationships) total a few
   * MB, while a bomb spread over several parts, each under `maxPartBytes`, would otherwise fill memory part by part.
   */
  readonly maxTotalBytes: number;
  /**
   * Paragraph style names read as headings, level = position + 1, besides Word's own "heading N" (and
   * outline levels, docx-styles.ts). Default `DOCX_HEADING_STYLES` (标题 1 … 标题 6): Word's built-in heading
   * styles as WPS and Chinese Word name them.
   */
  readonly headingStyles: readonly string[];
  readonly tables: DocxTableSettings;
};

/** Word's built-in heading styles, levels 1–6, as WPS and Chinese Word name them. */
export const DOCX_HEADING_STYLES: readonly string[] = Object.freeze(['标题 1', '标题 2', '标题 3', '标题 4', '标题 5', '标题 6']);

/** Default of `DocxSettings.maxTotalBytes`: 100 MB of inflated XML in all, twice the per-part cap. */
export const DEFAULT_DOCX_MAX_TOTAL_BYTES = 100_000_000;

export const DEFAULT_DOCX_SETTINGS: DocxSettings = Object.freeze({
  maxPartBytes: 50_000_000,
  maxTotalBytes: DEFAULT_DOCX_MAX_TOTAL_BYTES,
  headingStyles: DOCX_HEADING_STYLES,
  tables: DEFAULT_DOCX_TABLE_SETTINGS,
});

/** Maps a plain Error met while reading (none is expected) to a typed error with a plain message. */
export function docxError(e: unknown): NianbaoError {
  if (e instanceof NianbaoError) return e;
  const text = e instanceof Error ? e.message : String(e);
  return new InvalidFileError(`could not read the DOCX file: ${text}`, { cause: e });
}

/** The notes part of each kind, read (and indexed by id) only when the body references such a note. */
function noteLookup(pkg: DocxPackage): (kind: NoteKind) => ReadonlyMap<string, Element> {
  const parts = new Map<NoteKind, ReadonlyMap<string, Element>>();
  return (kind) => {
    let notes = parts.get(kind);
    if (!notes) {
      const root = pkg.related(kind === 'footnote' ? 'footnotes' : 'endnotes');
      notes = root ? notesById(root, kind) : new Map<string, Element>();
      parts.set(kind, notes);
    }
    return notes;
  };
}

function noteBlocks(pkg: DocxPackage, references: readonly NoteReference[], context: BodyContext): Block[] {
  return references.length === 0 ? [] : readNotes(references, noteLookup(pkg), context);
}

function readDocx(bytes: Uint8Array, settings: DocxSettings): Document {
  const pkg = openDocxPackage(bytes, settings);
  const context: BodyContext = { styles: readDocxStyles(pkg.related('styles'), settings.headingStyles), tables: settings.tables };
  const body = readWordBody(pkg.main, context);
  const blocks = [...body.blocks, ...noteBlocks(pkg, body.notes, context)];
  return { format: 'docx', pages: [page(1, blocks)], messages: [] };
}

/** Reads a DOCX file into the document model. */
export async function extractDocx(bytes: Uint8Array, settings: DocxSettings = DEFAULT_DOCX_SETTINGS): Promise<Document> {
  try {
    return readDocx(bytes, settings);
  } catch (e) {
    throw docxError(e);
  }
}
