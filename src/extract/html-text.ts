/**
 * Text of HTML nodes as a browser lays it out, for paragraphs and table cells: runs of ASCII whitespace
 * collapse to one space, `<br>` and block elements end a line, and `&nbsp;` (U+00A0) and the full-width
 * space (U+3000) stay as characters (the normalizer decides what counts as blank).
 */
import type { AnyNode, Element, Text } from 'domhandler';

/** Elements whose content is never document text. */
export const SKIPPED_TAGS: ReadonlySet<string> = new Set([
  'script', 'style', 'noscript', 'template', 'head', 'title', 'iframe', 'object', 'embed', 'svg', 'canvas',
  'select', 'button', 'textarea',
]);

/** Elements that start and end a line of text. */
export const BLOCK_TAGS: ReadonlySet<string> = new Set([
  'p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'table', 'thead', 'tbody',
  'tfoot', 'tr', 'td', 'th', 'caption', 'section', 'article', 'header', 'footer', 'main', 'aside', 'nav',
  'blockquote', 'pre', 'address', 'center', 'form', 'fieldset', 'figure', 'figcaption', 'hr', 'body', 'html',
]);

export function isElement(node: AnyNode): node is Element {
  return node.nodeType === 1 && 'attribs' in node;
}

export function isText(node: AnyNode): node is Text {
  return node.nodeType === 3;
}

/** Collapses ASCII whitespace runs (not U+00A0 / U+3000) to one space and trims them at both ends. */
export function collapseHtmlWhitespace(text: string): string {
  return text.replace(/[ \t\n\r\f]+/g, ' ').replace(/^ | $/g, '');
}

/** Collects lines: `text` appends to the open line, `breakLine` closes it (empty lines are dropped). */
class LineCollector {
  readonly lines: string[] = [];
  private current = '';

  text(s: string): void {
    this.current += s;
  }

  breakLine(): void {
    const line = collapseHtmlWhitespace(this.current);
    if (line.length > 0) this.lines.push(line);
    this.current = '';
  }
}

function collect(node: AnyNode, out: LineCollector): void {
  if (isText(node)) {
    out.text(node.data);
    return;
  }
  if (!isElement(node)) return;
  const name = node.name.toLowerCase();
  if (SKIPPED_TAGS.has(name)) return;
  if (name === 'br') {
    out.breakLine();
    return;
  }
  const block = BLOCK_TAGS.has(name);
  if (block) out.breakLine();
  for (const child of node.children) collect(child, out);
  if (block) out.breakLine();
}

/** The lines of text of several sibling nodes, as if they shared one parent. */
export function linesOfNodes(nodes: readonly AnyNode[]): string[] {
  const out = new LineCollector();
  for (const n of nodes) collect(n, out);
  out.breakLine();
  return out.lines;
}
