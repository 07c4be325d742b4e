/**
 * Text outside tables → paragraphs. A paragraph ends at extra vertical space, after a line that
 * stops well short of the right margin (a paragraph's last line, a heading), before an indented
 * line (a first-line indent) and where the text size changes. A centred line under a line centred on
 * the same axis continues it (a title wrapped over two lines), unless the line above ends a sentence.
 */
import type { Box, Paragraph } from '../extract/document.js';
import { paragraph } from '../extract/document.js';
import { boxHeight, midX, unionBoxes } from './geometry.js';
import { LIST_MARKER } from '../normalize/enumerators.js';
import { lineText, type TextLine } from './lines.js';

/** The TableSettings fields that split lines into paragraphs (see settings.ts for their meaning). */
export type ParagraphSettings = {
  readonly paragraphGap: number;
  readonly paragraphShortLine: number;
  readonly paragraphSizeChange: number;
  readonly paragraphIndent: number;
  readonly spaceGapShare: number;
};
/** Two lines are centred on one axis when their centres differ by at most this many text heights. */
const SAME_CENTRE_HEIGHTS = 0.5;
/** A centred line's centre lies within this many text heights of the text column's centre. */
const COLUMN_CENTRE_HEIGHTS = 1;
/** A line that ends a sentence, so the next line starts something new even when centred under it. */
const SENTENCE_END = /[。！？；：.!?;:]$/u;
/** A line number set apart by a space (7 …), which opens an item in a PDF line as a list marker does. */
const SPACED_NUMBER = /^\d{1,2}\s/u;

export function linesToParagraphs(lines: readonly TextLine[], s: ParagraphSettings): Paragraph[] {
  if (lines.length === 0) return [];
  const column: Column = { left: Math.min(...lines.map((l) => l.box.x0)), right: Math.max(...lines.map((l) => l.box.x1)) };
  const groups: TextLine[][] = [];
  let current: TextLine[] = [];
  for (const line of lines) {
    const prev = current[current.length - 1];
    if (prev && breaksBetween(prev, line, column, s)) {
      groups.push(current);
      current = [];
    }
    current.push(line);
  }
  groups.push(current);
  const out: Paragraph[] = [];
  for (const g of groups) out.push(groupToParagraph(g, s.spaceGapShare));
  return out;
}

function groupToParagraph(lines: readonly TextLine[], spaceGapShare: number): Paragraph {
  const texts: string[] = [];
  for (const l of lines) texts.push(lineText(l, spaceGapShare));
  return paragraph(joinLines(texts), { box: unionBoxes(lines.map(lineBox))! });
}

function lineBox(l: TextLine): Box {
  return l.box;
}

/** The text column of a page: the leftmost start and the rightmost end of its lines outside tables. */
type Column = { readonly left: number; readonly right: number };

function breaksBetween(prev: TextLine, next: TextLine, column: Column, s: ParagraphSettings): boolean {
  const h = boxHeight(prev.box);
  const hNext = boxHeight(next.box);
  if (next.box.y0 - prev.box.y1 > s.paragraphGap * h) return true;
  if (Math.max(h, hNext) > s.paragraphSizeChange * Math.min(h, hNext)) return true;
  if (continuesCentred(prev, next, column, s)) return false;
  if (prev.box.x1 < column.right - s.paragraphShortLine * h) return true;
  return next.box.x0 > prev.box.x0 + s.paragraphIndent * h;
}

/**
 * `next` is centred in the column (indented on both sides) on the axis of `prev`, and `prev` does not end a
 * sentence: the two lines are one centred heading wrapped by the layout (示例县…政府信息公开工 | 作年度报告,
 * 洪泽区人民政府 | 2023 年政府信息公开工作年度报告).
 */
export function continuesCentred(prev: TextLine, next: TextLine, column: Column, s: ParagraphSettings): boolean {
  const h = Math.min(boxHeight(prev.box), boxHeight(next.box));
  const middle = (column.left + column.right) / 2;
  const indented = s.paragraphIndent * h;
  if (next.box.x0 < column.left + indented || next.box.x1 > column.right - indented) return false;
  if (Math.abs(midX(next.box) - middle) > COLUMN_CENTRE_HEIGHTS * h) return false;
  if (Math.abs(midX(prev.box) - midX(next.box)) > SAME_CENTRE_HEIGHTS * h) return false;
  return !SENTENCE_END.test(lineText(prev, s.spaceGapShare)) && !opensItem(lineText(next, s.spaceGapShare));
}

/** A line that opens a list item (一、 （二） 3． 7 …) starts something new, however it is centred. */
function opensItem(text: string): boolean {
  return LIST_MARKER.test(text) || SPACED_NUMBER.test(text);
}

/** Lines of one paragraph: a space only between two Latin letters or digits, else nothing (CJK wraps anywhere). */
function joinLines(texts: readonly string[]): string {
  let out = '';
  for (const t of texts) {
    if (t === '') continue;
    if (out !== '' && /[A-Za-z0-9]$/.test(out) && /^[A-Za-z0-9]/.test(t)) out += ' ';
    out += t;
  }
  return out;
}
