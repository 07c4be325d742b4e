/**
 * Text outside tables → paragraphs. A paragraph ends at extra vertical space, after a line that
 * stops well short of the right margin (a paragraph's last line, a heading), before an indented
 * line (a first-line indent) and where the text size changes.
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

export function linesToParagraphs(lines: readonly TextLine[], s: ParagraphSettings): Paragraph[] {
  if (lines.length === 0) return [];
  const right = Math.max(...lines.map((l) => l.box.x1));
  const groups: TextLine[][] = [];
  let current: TextLine[] = [];
  for (const line of lines) {
    const prev = current[current.length - 1];
    if (prev && breaksBetween(prev, line, right, s)) {
      groups.push(current);
      current = [];
    }
    current.push(line);
  }
  groups.push(current);
  return groups.map((g) => paragraph(joinLines(g.map((l) => lineText(l, s.spaceGapShare))), { box: unionBoxes(g.map((l) => l.box))! }));
}

function breaksBetween(prev: TextLine, next: TextLine, right: number, s: ParagraphSettings): boolean {
  const h = boxHeight(prev.box);
  const hNext = boxHeight(next.box);
  if (next.box.y0 - prev.box.y1 > s.paragraphGap * h) return true;
  if (prev.box.x1 < right - s.paragraphShortLine * h) return true;
  if (next.box.x0 > prev.box.x0 + INDENT_HEIGHTS * h) return true;
  return Math.max(h, hNext) > SIZE_CHANGE * Math.min(h, hNext);
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
