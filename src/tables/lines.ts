/** Words → text lines (by vertical centre, sort and sweep) and lines → text. */
import type { Box, Word } from '../extract/document.js';
import { boxHeight, midY, unionBoxes } from './geometry.js';

export type TextLine = { readonly words: readonly Word[]; readonly box: Box };

/**
 * Groups words into lines, top to bottom, each line's words left to right. A word joins the open
 * line when its vertical centre is within `overlapShare` of the smaller height from the line's
 * first word. Vertical words form lines of their own.
 */
export function groupLines(words: readonly Word[], overlapShare: number): TextLine[] {
  const sorted = [...words].sort(byMidYThenLeft);
  const lines: Word[][] = [];
  let open: Word[] = [];
  for (const w of sorted) {
    if (w.vertical === true) {
      lines.push([w]);
      continue;
    }
    const first = open[0];
    if (first && Math.abs(midY(w.box) - midY(first.box)) > overlapShare * Math.min(boxHeight(w.box), boxHeight(first.box))) {
      lines.push(open);
      open = [];
    }
    open.push(w);
  }
  if (open.length > 0) lines.push(open);
  const out: TextLine[] = [];
  for (const ws of lines) {
    const byX = ws.sort(byLeft);
    out.push({ words: byX, box: unionBoxes(byX.map(wordBox))! });
  }
  return out.sort(byTopThenLeft);
}

function byMidYThenLeft(a: Word, b: Word): number {
  return midY(a.box) - midY(b.box) || a.box.x0 - b.box.x0;
}

function byLeft(a: Word, b: Word): number {
  return a.box.x0 - b.box.x0;
}

function byTopThenLeft(a: TextLine, b: TextLine): number {
  return a.box.y0 - b.box.y0 || a.box.x0 - b.box.x0;
}

function wordBox(w: Word): Box {
  return w.box;
}

/** The words of one line joined: a space where the gap exceeds `spaceGapShare` of the text height. */
export function lineText(line: TextLine, spaceGapShare: number): string {
  let text = '';
  let prev: Word | null = null;
  for (const w of line.words) {
    if (prev) {
      const gap = w.box.x0 - prev.box.x1;
      const needsSpace = gap > spaceGapShare * Math.min(boxHeight(w.box), boxHeight(prev.box));
      if (needsSpace && !/\s$/.test(text) && !/^\s/.test(w.text)) text += ' ';
    }
    text += w.text;
    prev = w;
  }
  return text.trim();
}

/**
 * A cell's text: its lines joined with '\n' in reading order; a label set one character per line
 * (a vertical label such as 三、本年度办理结果) is read as one string without newlines.
 */
export function cellText(words: readonly Word[], overlapShare: number, spaceGapShare: number): string {
  const lines: string[] = [];
  for (const l of groupLines(words, overlapShare)) {
    const t = lineText(l, spaceGapShare);
    if (t !== '') lines.push(t);
  }
  if (lines.length > 1 && allSingleCharacters(lines)) return lines.join('');
  return lines.join('\n');
}

function allSingleCharacters(texts: readonly string[]): boolean {
  for (const t of texts) if ([...t].length !== 1) return false;
  return true;
}
