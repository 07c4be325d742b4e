/**
 * Stitching across pages (Camelot's stack_contiguous as the model, a step of its own after finding):
 * a table that ends a page and a table that starts the next page, on the same column boundaries
 * (or one's boundaries a subset of the other's), are one table. A repeated header is dropped, a
 * label or row cut by the break is rejoined, every cell keeps its page, and the table carries a
 * `table_split` info message.
 */
import type { Block, Page } from '../extract/document.js';
import { tableBlock } from '../extract/document.js';
import { compactText } from '../normalize/text.js';
import { message } from '../report/flags.js';
import { table as makeTable, type Table } from './table.js';
import { DEFAULT_STITCH_SETTINGS, type StitchSettings } from './settings.js';
import { clusterValues } from './cluster.js';
import {
  boundariesFit,
  columnBoundaries,
  dropLeadingRows,
  rejoinAtSeam,
  remapCells,
  repeatedHeaderRows,
} from './stitch-join.js';

/** Page numbers, headers and footers: short paragraphs in the top or bottom margin band. */
function isFurniture(block: Block, page: Page, s: StitchSettings): boolean {
  if (block.kind !== 'paragraph') return false;
  if ([...compactText(block.text)].length > s.furnitureMaxChars) return false;
  const height = page.size?.height;
  if (height === undefined || !block.box) return true;
  return block.box.y1 <= s.marginShare * height || block.box.y0 >= (1 - s.marginShare) * height;
}

function contentIndices(page: Page, s: StitchSettings): number[] {
  const indices: number[] = [];
  for (let i = 0; i < page.blocks.length; i++) if (!isFurniture(page.blocks[i]!, page, s)) indices.push(i);
  return indices;
}

/** The two parts continue each other: same outer edges, and one part's column boundaries lie on the other's. */
export function continues(first: Table, next: Table, s: StitchSettings): boolean {
  const a = columnBoundaries(first, s.xTolerance);
  const b = columnBoundaries(next, s.xTolerance);
  return boundariesFit(b, a, s.xTolerance) || boundariesFit(a, b, s.xTolerance);
}

/** Joins a continuation to the table it continues. */
export function joinTables(first: Table, next: Table, s: StitchSettings = DEFAULT_STITCH_SETTINGS): Table {
  const xs = clusterValues([...columnBoundaries(first, s.xTolerance), ...columnBoundaries(next, s.xTolerance)], s.xTolerance);
  const top = remapCells(first, xs, 0);
  let rest = remapCells(next, xs, 0);
  if (s.dropRepeatedHeader) rest = dropLeadingRows(rest, repeatedHeaderRows(top, rest, next.rows));
  const seam = first.rows;
  let cells = [...top];
  for (const c of rest) cells.push({ ...c, row: c.row + seam });
  if (s.rejoinCutRows) cells = rejoinAtSeam(cells, seam);
  const pages = [...new Set([...first.pages, ...next.pages])];
  const weight = first.cells.length + next.cells.length;
  const accuracy = weight === 0 ? 1 : (first.quality.accuracy * first.cells.length + next.quality.accuracy * next.cells.length) / weight;
  const text = `table continues from page ${pages.slice(0, -1).join(', ')} to page ${pages[pages.length - 1]}`;
  // Pages are 1-based: a continuation whose page is unknown gets no page rather than 0.
  const where = next.pages[0] === undefined ? undefined : { page: next.pages[0] };
  const split = message('table_split', text, where, 'info');
  const messages = [...first.quality.messages, ...next.quality.messages, split];
  return makeTable(cells, first.method, { pages, quality: { accuracy, messages } });
}

type Slot = { readonly page: number; readonly block: number };

/**
 * Pages with tables that continue across page breaks joined: the joined table stays where its first
 * part was, the continuation leaves its page's blocks.
 */
export function stitchAcrossPages(pages: readonly Page[], settings: StitchSettings = DEFAULT_STITCH_SETTINGS): Page[] {
  const blocks = pages.map((p) => [...p.blocks]);
  const removed = new Set<string>();
  let open: Slot | null = null;
  pages.forEach((page, p) => {
    const content = contentIndices(page, settings);
    const headIndex = content[0];
    const joined = open !== null && headIndex !== undefined && tryJoin(blocks, open, { page: p, block: headIndex }, settings);
    if (joined) removed.add(`${p},${headIndex}`);
    if (joined && content.length === 1) return; // the continuation filled the page: the same table stays open
    const lastIndex = content[content.length - 1];
    open = lastIndex !== undefined && blocks[p]![lastIndex]!.kind === 'table' ? { page: p, block: lastIndex } : null;
  });
  return pages.map((page, p) => ({ ...page, blocks: keptBlocks(blocks[p]!, p, removed) }));
}

function keptBlocks(blocks: readonly Block[], page: number, removed: ReadonlySet<string>): Block[] {
  const kept: Block[] = [];
  for (let i = 0; i < blocks.length; i++) if (!removed.has(`${page},${i}`)) kept.push(blocks[i]!);
  return kept;
}

function tryJoin(blocks: Block[][], open: Slot, head: Slot, settings: StitchSettings): boolean {
  const a = blocks[open.page]![open.block];
  const b = blocks[head.page]![head.block];
  if (a?.kind !== 'table' || b?.kind !== 'table' || !continues(a.table, b.table, settings)) return false;
  blocks[open.page]![open.block] = tableBlock(joinTables(a.table, b.table, settings));
  return true;
}
