/**
 * Text outside tables → paragraphs. A paragraph ends at extra vertical space, after a line that
 * stops well short of the right margin (a paragraph's last line, a heading), before an indented
 * line (a first-line indent) and where the text size changes. A centred line under a line centred on
 * the same axis continues it (a title wrapped over two lines), unless the line above ends a sentence.
 */
import type { Paragraph } from '../extract/document.js';
import { paragraph } from '../extract/document.js';
import { boxHeight, unionBoxes } from './geometry.js';
import { lineText, type TextLine } from './lines.js';

export type ParagraphSettings = {
  readonly paragraphGap: number;
  readonly paragraphShortLine: number;
  readonly spaceGapShare: number;
};

/** Text size change (ratio of line heights) that starts a new paragraph. */
const SIZE_CHANGE = 1.25;
/** A line starting this many text heights right of the previous one is indented. */
const INDENT_HEIGHTS = 1;
/** Two lines are centred on one axis when their centres differ by at most this many text heights. */
const SAME_CENTRE_HEIGHTS = 0.5;
/** A centred line's centre lies within this many text heights of the text column's centre. */
const COLUMN_CENTRE_HEIGHTS = 1;
/** A line that ends a sentence, so the next line starts something new even when centred under it. */
const SENTENCE_END = /[。！？；：.!?;:]$/u;
/** A line that opens a list item (一、 （二） 3． 7 …) starts something new, however it is centred. */
const OPENS_ITEM = /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d{1,2}(?!\d)\s*[、.．\s])/u;

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
  return groups.map((g) => paragraph(joinLines(g.map((l) => lineText(l, s.spaceGapShare))), { box: unionBoxes(g.map((l) => l.box))! }));
}

/** The text column of a page: the leftmost start and the rightmost end of its lines outside tables. */
type Column = { readonly left: number; readonly right: number };

function breaksBetween(prev: TextLine, next: TextLine, column: Column, s: ParagraphSettings): boolean {
  const h = boxHeight(prev.box);
  const hNext = boxHeight(next.box);
  if (next.box.y0 - prev.box.y1 > s.paragraphGap * h) return true;
  if (Math.max(h, hNext) > SIZE_CHANGE * Math.min(h, hNext)) return true;
  if (continuesCentred(prev, next, column, s)) return false;
  if (prev.box.x1 < column.right - s.paragraphShortLine * h) return true;
  return next.box.x0 > prev.box.x0 + INDENT_HEIGHTS * h;
}

const centreOf = (l: TextLine): number => (l.box.x0 + l.box.x1) / 2;

/**
 * `next` is centred in the column (indented on both sides) on the axis of `prev`, and `prev` does not end a
 * sentence: the two lines are one centred heading wrapped by the layout (示例县…政府信息公开工 | 作年度报告,
 * 洪泽区人民政府 | 2023 年政府信息公开工作年度报告).
 */
export function continuesCentred(prev: TextLine, next: TextLine, column: Column, s: ParagraphSettings): boolean {
  const h = Math.min(boxHeight(prev.box), boxHeight(next.box));
  const middle = (column.left + column.right) / 2;
  const indented = INDENT_HEIGHTS * h;
  if (next.box.x0 < column.left + indented || next.box.x1 > column.right - indented) return false;
  if (Math.abs(centreOf(next) - middle) > COLUMN_CENTRE_HEIGHTS * h) return false;
  if (Math.abs(centreOf(prev) - centreOf(next)) > SAME_CENTRE_HEIGHTS * h) return false;
  return !SENTENCE_END.test(lineText(prev, s.spaceGapShare)) && !OPENS_ITEM.test(lineText(next, s.spaceGapShare));
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
