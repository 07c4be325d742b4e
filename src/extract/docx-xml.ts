/**
 * Reading WordprocessingML parts (word/document.xml, styles.xml, …) parsed with htmlparser2 in XML mode.
 * Content controls (w:sdt), custom XML and smart tags only wrap content, so the walkers look through them.
 * mc:AlternateContent offers the same content twice: a reader takes the first mc:Choice, as Word does,
 * and mc:Fallback only when there is no choice (LibreOffice writes an empty w:pict as the fallback of
 * its text boxes, so the fallback alone would lose their text).
 */
import { parseDocument } from 'htmlparser2';
import type { AnyNode, Document, Element } from 'domhandler';
import { isElement, isText } from './html-text.js';

/** Elements that only wrap block- or row-level content. */
const WRAPPERS = new Set(['w:sdt', 'w:sdtContent', 'w:customXml', 'w:smartTag']);
/** Elements whose text is not document text (deleted or moved-away runs, properties, field codes). */
const SKIPPED = new Set(['w:del', 'w:moveFrom', 'w:pPr', 'w:rPr', 'w:tblPr', 'w:trPr', 'w:tcPr', 'w:sdtPr', 'w:instrText', 'w:delText']);
const ALTERNATE_CONTENT = 'mc:AlternateContent';

export function parseWordXml(xml: string): Document {
  return parseDocument(xml, { xmlMode: true, decodeEntities: true });
}

/** Decodes an XML part: UTF-8 (a BOM dropped), or UTF-16 when a byte-order mark says so. */
export function decodeXml(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  return new TextDecoder('utf-8').decode(bytes);
}

/** The branch of an mc:AlternateContent that is read: its first mc:Choice, else its mc:Fallback. */
export function alternateBranch(el: Element): Element | undefined {
  return firstChild(el, 'mc:Choice') ?? firstChild(el, 'mc:Fallback');
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

export function elementChildren(node: AnyNode): Element[] {
  return 'children' in node ? node.children.filter(isElement) : [];
}

/** Children named `name`, looking through wrapper elements (w:sdt → w:sdtContent → …). */
export function childrenNamed(node: AnyNode, name: string): Element[] {
  const out: Element[] = [];
  for (const el of elementChildren(node)) {
    if (el.name === name) out.push(el);
    else if (WRAPPERS.has(el.name)) out.push(...childrenNamed(el, name));
    else if (el.name === ALTERNATE_CONTENT) {
      const branch = alternateBranch(el);
      if (branch) out.push(...childrenNamed(branch, name));
    }
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
    else if (el.name === ALTERNATE_CONTENT) {
      const branch = alternateBranch(el);
      if (branch) out.push(...topLevelTables(branch));
    } else if (!SKIPPED.has(el.name)) out.push(...topLevelTables(el));
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
  if (name === ALTERNATE_CONTENT) {
    const branch = alternateBranch(node);
    return branch ? collectText(branch, out) : undefined;
  }
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
