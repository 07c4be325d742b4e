/**
 * DOCX → Document: one page whose blocks are paragraphs (headings from h1–h6) and tables, in reading order.
 * mammoth gives the paragraphs and where each table sits; the tables themselves are read from
 * word/document.xml (docx-tables.ts), because mammoth drops gridBefore/gridAfter and hMerge. If the two
 * disagree on how many tables there are, mammoth's tables are used and a warning says so.
 * Every XML part is inflated with a size cap first, each on its own and all together, so a zip bomb fails fast
 * with FileTooLargeError, whether it hides in one part or spreads over many.
 */
import mammoth from 'mammoth';
import * as cheerio from 'cheerio';
import type { Element } from 'domhandler';
import { page, type Document } from './document.js';
import { blocksOfHtml, type TableDecision } from './html-blocks.js';
import { parseWordXml, topLevelTables } from './docx-xml.js';
import { DEFAULT_DOCX_TABLE_SETTINGS, tableFromWordXml, type DocxTableSettings } from './docx-tables.js';
import { inflateEntry, megabytes, readZipDirectory, type ZipEntry } from './zip-directory.js';
import { tableFromHtml } from '../tables/markup.js';
import type { Table } from '../tables/table.js';
import { message, type Message } from '../report/flags.js';
import { FileTooLargeError, InvalidFileError, NianbaoError, WrongFormatError } from '../errors.js';

export type DocxSettings = {
  /** Largest inflated size of one XML part (bytes). Default 50 MB: real document.xml files stay far below. */
  readonly maxPartBytes: number;
  /**
   * Largest inflated size of all XML parts together (bytes). Default `DEFAULT_DOCX_MAX_TOTAL_BYTES` (100 MB):
   * the XML of a real report (document, styles, numbering, headers, footers) totals a few MB, while a bomb of
   * many parts, each under `maxPartBytes`, would otherwise fill memory part by part.
   */
  readonly maxTotalBytes: number;
  /**
   * Paragraph style names read as headings, level = position + 1, besides mammoth's own "heading N". Default
   * `DOCX_HEADING_STYLES` (标题 1 … 标题 6): Word's built-in heading styles as WPS and Chinese Word name them.
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

const MAIN_PART = 'word/document.xml';
const PACKAGE_RELS = '_rels/.rels';
const OFFICE_DOCUMENT_REL = /<Relationship\b[^>]*Type="[^"]*\/officeDocument"[^>]*Target="\/?([^"]+)"/;
const XML_PART = /\.(xml|rels)$/i;
const NOT_WORD = `zip archive, but not a Word document (no ${MAIN_PART})`;

/** Inflates one part under the per-part cap and what is left of the total; running out of the latter says so. */
function inflateWithin(bytes: Uint8Array, entry: ZipEntry, settings: DocxSettings, used: number): Uint8Array {
  const left = settings.maxTotalBytes - used;
  if (left >= settings.maxPartBytes) return inflateEntry(bytes, entry, settings.maxPartBytes);
  try {
    return inflateEntry(bytes, entry, Math.max(0, left));
  } catch (e) {
    if (!(e instanceof FileTooLargeError)) throw e;
    const text = `too large: the XML parts inflate to more than ${megabytes(settings.maxTotalBytes)} in total (limit), at ${entry.name}`;
    throw new FileTooLargeError(text, { cause: e });
  }
}

/** Inflates every XML part (what mammoth will read) under the per-part and total caps, keyed by name. */
function inflateXmlParts(bytes: Uint8Array, entries: readonly ZipEntry[], settings: DocxSettings): Map<string, Uint8Array> {
  const parts = new Map<string, Uint8Array>();
  let used = 0;
  for (const e of entries) {
    if (!XML_PART.test(e.name)) continue;
    const part = inflateWithin(bytes, e, settings, used);
    used += part.length;
    parts.set(e.name, part);
  }
  return parts;
}

/** The main document part named by the package relationships (word/document.xml in practice). */
function mainPartName(parts: ReadonlyMap<string, Uint8Array>): string {
  const rels = parts.get(PACKAGE_RELS);
  const target = rels ? OFFICE_DOCUMENT_REL.exec(new TextDecoder().decode(rels))?.[1] : undefined;
  return target && parts.has(target) ? target : MAIN_PART;
}

/** Maps mammoth's and JSZip's plain Errors to typed errors with plain messages. */
export function docxError(e: unknown): NianbaoError {
  if (e instanceof NianbaoError) return e;
  const text = e instanceof Error ? e.message : String(e);
  if (/Could not find main document part/i.test(text)) return new WrongFormatError(NOT_WORD, { cause: e });
  if (/end of central directory|corrupted zip|invalid zip|zip file/i.test(text)) {
    return new InvalidFileError(`not a valid DOCX (zip) file: ${text}`, { cause: e });
  }
  return new InvalidFileError(`could not read the DOCX file: ${text}`, { cause: e });
}

/** mammoth style-map rules for heading styles it does not know (it knows only "heading N"). */
function headingStyleMap(styles: readonly string[]): string[] {
  return styles.map((name, i) => `p[style-name='${name}'] => h${i + 1}:fresh`);
}

async function mammothHtml(bytes: Uint8Array, headingStyles: readonly string[]): Promise<{ html: string; messages: Message[] }> {
  const result = await mammoth.convertToHtml(
    { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
    // Images are never read: their bytes would only bloat the HTML.
    { styleMap: headingStyleMap(headingStyles), convertImage: mammoth.images.imgElement(async () => ({ src: '' })) },
  );
  // Style warnings ("Unrecognised paragraph style") are noise for every WPS file; errors are kept.
  const messages = result.messages
    .filter((m) => m.type === 'error')
    .map((m) => message('extractor_warning', `mammoth: ${m.message}`));
  return { html: result.value, messages };
}

/** The tables mammoth placed, in order, replaced by the XML reading when the counts agree. */
function tableChooser(mammothTables: readonly Element[], xmlTables: readonly (Table | null)[], messages: Message[]): (el: Element) => TableDecision {
  const useXml = mammothTables.length === xmlTables.length;
  if (!useXml) {
    const text = `mammoth found ${mammothTables.length} tables, the XML ${xmlTables.length}: used mammoth's (gridBefore/hMerge not applied)`;
    messages.push(message('extractor_warning', text));
  }
  return (el) => {
    const i = mammothTables.indexOf(el);
    if (i < 0) return null; // a table nested in a cell: its text is already in the cell
    return useXml ? (xmlTables[i] ?? null) : tableFromHtml(el);
  };
}

function isNested(el: Element): boolean {
  for (let p = el.parent; p; p = p.parent) if ('name' in p && p.name === 'table') return true;
  return false;
}

async function readDocx(bytes: Uint8Array, settings: DocxSettings): Promise<Document> {
  const entries = readZipDirectory(bytes);
  if (!entries) throw new InvalidFileError('not a valid DOCX (zip) file: no zip directory (truncated, or not a zip file)');
  const parts = inflateXmlParts(bytes, entries, settings);
  const main = parts.get(mainPartName(parts));
  if (!main) throw new WrongFormatError(NOT_WORD);
  const xmlTables = topLevelTables(parseWordXml(new TextDecoder().decode(main))).map((t) => tableFromWordXml(t, settings.tables));
  const { html, messages } = await mammothHtml(bytes, settings.headingStyles);
  const $ = cheerio.load(html, null, false);
  const mammothTables = $('table').toArray().filter((el) => !isNested(el));
  const onTable = tableChooser(mammothTables, xmlTables, messages);
  const root = $.root().get(0);
  const blocks = root ? blocksOfHtml(root, { collapseWhitespace: false, onTable }) : [];
  return { format: 'docx', pages: [page(1, blocks)], messages };
}

/** Reads a DOCX file into the document model. */
export async function extractDocx(bytes: Uint8Array, settings: DocxSettings = DEFAULT_DOCX_SETTINGS): Promise<Document> {
  try {
    return await readDocx(bytes, settings);
  } catch (e) {
    throw docxError(e);
  }
}
