/**
 * HTML (as saved from government sites) → Document: one page of paragraphs and tables in document order.
 * Decoding: byte-order mark, then `<meta charset>` / http-equiv Content-Type, else detection (UTF-8 vs
 * GB18030). A table that contains other tables is page layout, not data: the walk descends into it.
 */
import * as cheerio from 'cheerio';
import type { Element } from 'domhandler';
import { page, type Block, type Document } from './document.js';
import { decodeBytes, DEFAULT_ENCODING_SETTINGS, type EncodingSettings } from './encoding.js';
import { blocksOfHtml, containsTable, type TableDecision } from './html-blocks.js';
import { DEFAULT_MARKUP_SETTINGS, ownCellCount, tableFromHtml, type MarkupSettings } from '../tables/markup.js';

export type HtmlSettings = {
  /** Bytes at the start searched for a charset declaration. Default 8 KiB: saved pages often have long heads. */
  readonly charsetScanBytes: number;
  readonly encoding: EncodingSettings;
  readonly markup: MarkupSettings;
};

export const DEFAULT_HTML_SETTINGS: HtmlSettings = Object.freeze({
  charsetScanBytes: 8 * 1024,
  encoding: DEFAULT_ENCODING_SETTINGS,
  markup: DEFAULT_MARKUP_SETTINGS,
});

/** `<meta charset=x>`, `<meta http-equiv content="text/html; charset=x">`. */
const META_CHARSET = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([\w.:-]+)/i;
/** `<?xml version="1.0" encoding="x"?>` (XHTML). */
const XML_ENCODING = /^\s*<\?xml\b[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i;

/** The charset the page declares in its first bytes, if any. */
export function declaredCharset(bytes: Uint8Array, scanBytes: number = DEFAULT_HTML_SETTINGS.charsetScanBytes): string | undefined {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, scanBytes)).toString('latin1');
  return (META_CHARSET.exec(head) ?? XML_ENCODING.exec(head))?.[1];
}

/**
 * Layout tables are walked into: those holding other tables, and single-cell frames around an article
 * (one cell carries no tabular information). Other tables become Tables.
 */
function decideTable(tableEl: Element, settings: HtmlSettings): TableDecision {
  return containsTable(tableEl) || ownCellCount(tableEl) === 1 ? 'descend' : tableFromHtml(tableEl, settings.markup);
}

/** Parses decoded HTML into blocks (pure; extractHtml adds decoding). */
export function htmlToBlocks(html: string, settings: HtmlSettings = DEFAULT_HTML_SETTINGS): Block[] {
  const $ = cheerio.load(html);
  const root = $('body').get(0) ?? $.root().get(0);
  if (!root) return [];
  return blocksOfHtml(root, { collapseWhitespace: true, onTable: (el) => decideTable(el, settings) });
}

/** Reads an HTML file into the document model. */
export async function extractHtml(bytes: Uint8Array, settings: HtmlSettings = DEFAULT_HTML_SETTINGS): Promise<Document> {
  const decoded = decodeBytes(bytes, declaredCharset(bytes, settings.charsetScanBytes), settings.encoding);
  return { format: 'html', pages: [page(1, htmlToBlocks(decoded.text, settings))], messages: decoded.messages };
}
