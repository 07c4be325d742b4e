/**
 * Reading WordprocessingML (word/document.xml) directly, for what mammoth loses in tables.
 * Content controls (w:sdt), custom XML and smart tags only wrap content, so the walkers look through them;
 * mc:AlternateContent is read through its mc:Fallback, as mammoth does, so both see the same tables.
 */
import * as cheerio from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { isElement, isText } from './html-text.js';

/** Elements that only wrap block- or row-level content. */
const WRAPPERS = new Set(['w:sdt', 'w:sdtContent', 'w:customXml', 'w:smartTag', 'mc:Fallback']);
/** Elements whose text is not document text (deleted or moved-away runs, properties, the unused choice). */
const SKIPPED = new Set(['w:del', 'w:moveFrom', 'w:pPr', 'w:rPr', 'w:tblPr', 'w:trPr', 'w:tcPr', 'mc:Choice', 'w:sdtPr', 'w:instrText', 'w:delText']);

export function parseWordXml(xml: string): AnyNode {
  const $ = cheerio.load(xml, { xml: { xmlMode: true, decodeEntities: true } });
  const root = $.root().get(0);
  if (!root) throw new Error('empty XML part');
  return root;
}

export function attr(el: Element, name: string): string | undefined {
  return el.attribs[name];
}

/** An element's integer `w:val`, or null. */
export function intVal(el: Element | undefined): number | null {
  if (!el) return null;
  const n = Number.parseInt(attr(el, 'w:val') ?? '', 10);
  return Number.isFinite(n) ? n : null;
}

function elementChildren(node: AnyNode): Element[] {
  return 'children' in node ? node.children.filter(isElement) : [];
}

/** Children named `name`, looking through wrapper elements (w:sdt → w:sdtContent → …). */
export function childrenNamed(node: AnyNode, name: string): Element[] {
  const out: Element[] = [];
  for (const el of elementChildren(node)) {
    if (el.name === name) out.push(el);
    else if (WRAPPERS.has(el.name) || el.name === 'mc:AlternateContent') out.push(...childrenNamed(el, name));
  }
  return out;
}

export function firstChild(node: AnyNode, name: string): Element | undefined {
  return elementChildren(node).find((el) => el.name === name);
}

/** Tables of the body in reading order, not those nested inside another table's cells. */
export function topLevelTables(node: AnyNode): Element[] {
  const out: Element[] = [];
  for (const el of elementChildren(node)) {
    if (el.name === 'w:tbl') out.push(el);
    else if (!SKIPPED.has(el.name)) out.push(...topLevelTables(el));
  }
  return out;
}

/** Accumulates the text of runs into lines: each paragraph (and each w:br) ends a line. */
class RunText {
  readonly lines: string[] = [];
  private current = '';

  add(s: string): void {
    this.current += s;
  }

  endLine(): void {
    if (this.current.length > 0) this.lines.push(this.current);
    this.current = '';
  }
}

/** Run-level elements that stand for a character. */
const RUN_CHARS: Readonly<Record<string, string>> = { 'w:tab': '\t', 'w:ptab': '\t', 'w:noBreakHyphen': '-' };

function collectText(node: AnyNode, out: RunText): void {
  if (isText(node)) return; // text lives only in w:t; whitespace between tags is formatting
  if (!isElement(node) || SKIPPED.has(node.name)) return;
  const name = node.name;
  if (name === 'w:t') {
    for (const c of node.children) if (isText(c)) out.add(c.data);
    return;
  }
  const ch = RUN_CHARS[name];
  if (ch !== undefined) return out.add(ch);
  if (name === 'w:br' || name === 'w:cr') return out.endLine();
  const paragraphLike = name === 'w:p';
  if (paragraphLike) out.endLine();
  for (const child of node.children) collectText(child, out);
  if (paragraphLike) out.endLine();
}

/** Text of a table cell: its paragraphs (and line breaks) joined with '\n', empty paragraphs dropped. */
export function cellText(tc: Element): string {
  const out = new RunText();
  collectText(tc, out);
  out.endLine();
  return out.lines.join('\n');
}
