/**
 * A cheap test, on the words alone, of whether a page can hold a table: only such pages pay
 * for the operator list (~11 ms/page of the ~30 ms pdf.js spends on a page). Body-text pages
 * set each line as one run or as runs that touch; a table row puts a gap between its cells.
 */
import type { Word } from '../document.js';
import { boxHeight, midY } from '../../tables/geometry.js';

export type TableHintSettings = {
  /** A gap wider than this many text heights between two runs on one line suggests cells. Default 1.5. */
  readonly gapInHeights: number;
  /** Runs whose vertical centres differ by less than this share of their height share a line. Default 0.5. */
  readonly sameLineShare: number;
};

export const DEFAULT_TABLE_HINT_SETTINGS: TableHintSettings = Object.freeze({ gapInHeights: 1.5, sameLineShare: 0.5 });

/** Two or more spaces inside one run: the producer laid out columns with spaces. */
const SPACED_COLUMNS = /\S\s{2,}\S/;

export function mayHoldTable(words: readonly Word[], settings: TableHintSettings = DEFAULT_TABLE_HINT_SETTINGS): boolean {
  if (words.some((w) => w.vertical === true || SPACED_COLUMNS.test(w.text))) return true;
  const sorted = [...words].sort((a, b) => midY(a.box) - midY(b.box) || a.box.x0 - b.box.x0);
  let line: Word[] = [];
  for (const w of sorted) {
    const first = line[0];
    if (first && Math.abs(midY(w.box) - midY(first.box)) > settings.sameLineShare * boxHeight(first.box)) {
      if (lineHasGap(line, settings)) return true;
      line = [];
    }
    line.push(w);
  }
  return lineHasGap(line, settings);
}

function lineHasGap(line: readonly Word[], settings: TableHintSettings): boolean {
  const byX = [...line].sort((a, b) => a.box.x0 - b.box.x0);
  for (let i = 1; i < byX.length; i++) {
    const prev = byX[i - 1]!;
    const cur = byX[i]!;
    if (cur.box.x0 - prev.box.x1 > settings.gapInHeights * Math.max(boxHeight(prev.box), boxHeight(cur.box))) return true;
  }
  return false;
}

