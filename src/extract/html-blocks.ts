/**
 * Walks an HTML tree into Document blocks: paragraphs (p, div text, h1–h6 with their level, li, …) and
 * tables, in document order. The caller says how a `<table>` becomes a Table and whether source whitespace
 * is layout (hand-written HTML) or text (HTML generated from another format).
 */
import type { AnyNode, Element } from 'domhandler';
import { paragraph, tableBlock, type Block } from './document.js';
import { BLOCK_TAGS, collapseHtmlWhitespace, isElement, isText, SKIPPED_TAGS } from './html-text.js';
import type { Table } from '../tables/table.js';

/** What to do with a `<table>`: emit this table, emit nothing, or walk into it as layout. */
export type TableDecision = Table | null | 'descend';

export type BlockWalkOptions = {
  readonly onTable: (tableEl: Element) => TableDecision;
  /** true for HTML (whitespace in the source is layout); false for generated HTML where every space is text. */
  readonly collapseWhitespace: boolean;
};

const HEADING = /^h([1-6])$/;

/** Gathers inline text into paragraphs and places tables between them. */
class BlockCollector {
  readonly blocks: Block[] = [];
  private lines: string[] = [];
  private current = '';

  constructor(private readonly collapse: boolean) {}

  text(s: string): void {
    this.current += s;
  }

  /** A `<br>`: the paragraph goes on, on a new line. */
  lineBreak(): void {
    this.lines.push(this.current);
    this.current = '';
  }

  /** Ends the open paragraph; its lines are joined with '\n'. Blank paragraphs are dropped. */
  flush(heading?: number): void {
    this.lineBreak();
    const lines = this.collapse ? this.lines.map(collapseHtmlWhitespace) : this.lines;
    const text = lines.filter((l) => l.length > 0).join('\n');
    this.lines = [];
    if (!/\S/u.test(text)) return;
    this.blocks.push(heading === undefined ? paragraph(text) : paragraph(text, { heading }));
  }

  table(t: Table): void {
    this.flush();
    this.blocks.push(tableBlock(t));
  }
}

function walk(node: AnyNode, out: BlockCollector, options: BlockWalkOptions): void {
  if (isText(node)) return out.text(node.data);
  if (!isElement(node)) return;
  const name = node.name.toLowerCase();
  if (SKIPPED_TAGS.has(name)) return;
  if (name === 'br') return out.lineBreak();
  if (name === 'table') {
    const decision = options.onTable(node);
    if (decision !== 'descend') {
      out.flush();
      if (decision) out.table(decision);
      return;
    }
  }
  const heading = HEADING.exec(name);
  const block = heading !== null || BLOCK_TAGS.has(name);
  if (block) out.flush();
  for (const child of node.children) walk(child, out, options);
  if (block) out.flush(heading ? Number(heading[1]) : undefined);
}

/** The blocks under a root node (an element or a parsed document/fragment), in document order. */
export function blocksOfHtml(root: AnyNode, options: BlockWalkOptions): Block[] {
  const out = new BlockCollector(options.collapseWhitespace);
  const top = isElement(root) || !('children' in root) ? [root] : root.children;
  for (const node of top) walk(node, out, options);
  out.flush();
  return out.blocks;
}

/** True when the element holds a `<table>` anywhere below it. */
export function containsTable(el: Element): boolean {
  return el.children.some((c) => isElement(c) && (c.name.toLowerCase() === 'table' || containsTable(c)));
}
