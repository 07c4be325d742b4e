/**
 * The tables stage: every page of a document gets its tables as blocks. How depends on the format only:
 * PDF pages are laid out from their words and rulings (lattice, then stream) and tables are stitched across
 * page breaks; text dumps and .doc bodies get tables from runs of tab-separated lines; DOCX and HTML blocks
 * already hold their markup tables. Pure: the input document is not changed.
 */
import type { Document, Format, Page } from '../extract/document.js';
import { layoutPdfPage } from './find.js';
import { stitchAcrossPages } from './stitch.js';
import { linesToTables, DEFAULT_TEXT_GRID_SETTINGS, type TextGridSettings } from './text-grid.js';
import { DEFAULT_STITCH_SETTINGS, DEFAULT_TABLE_SETTINGS, type StitchSettings, type TableSettings } from './settings.js';

/** The settings of each step of the stage (resolve each with its own `resolve…Settings`). */
export type TablesStageSettings = {
  /** Finding tables on PDF pages (lattice/stream). */
  readonly table: TableSettings;
  /** Joining PDF tables that continue across a page break. */
  readonly stitch: StitchSettings;
  /** Reading tab-separated runs of text dumps. */
  readonly textGrid: TextGridSettings;
};

export const DEFAULT_TABLES_STAGE_SETTINGS: TablesStageSettings = Object.freeze({
  table: DEFAULT_TABLE_SETTINGS,
  stitch: DEFAULT_STITCH_SETTINGS,
  textGrid: DEFAULT_TEXT_GRID_SETTINGS,
});

/** Returns the document with every page's blocks holding its tables (see the module comment). */
export function buildTables(doc: Document, settings: Partial<TablesStageSettings> = {}): Document {
  const s: TablesStageSettings = { ...DEFAULT_TABLES_STAGE_SETTINGS, ...settings };
  return { ...doc, pages: pagesWithTables(doc.format, doc.pages, s) };
}

function pagesWithTables(format: Format, pages: readonly Page[], s: TablesStageSettings): readonly Page[] {
  switch (format) {
    case 'pdf':
      return stitchAcrossPages(
        pages.map((p) => layoutPdfPage(p, s.table)),
        s.stitch,
      );
    case 'text':
    case 'doc':
      return pages.map((p) => ({ ...p, blocks: linesToTables(p.blocks, s.textGrid) }));
    case 'docx':
    case 'html':
      return pages;
    default: {
      const unknown: never = format;
      throw new Error(`buildTables: unknown format ${String(unknown)}`);
    }
  }
}
