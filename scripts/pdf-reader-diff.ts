/**
 * How far two readings of one PDF page agree: words matched by text and box, rulings matched by
 * their ends. Used by scripts/compare-pdf-readers.ts and by the page reader's tests (nianbao's
 * reader against the pdf.js path).
 */
import type { Box, Ruling, Word } from '../src/extract/document.js';

export type PageReading = { readonly words: readonly Word[]; readonly rulings: readonly Ruling[] };

export type DiffTolerances = {
  /** Largest difference (pt) of any box side for two words of the same text to match. Default 1. */
  readonly wordBox: number;
  /** Largest difference (pt) of any end for two rulings to match. Default 0.5. */
  readonly ruling: number;
};

export const DEFAULT_DIFF_TOLERANCES: DiffTolerances = Object.freeze({ wordBox: 1, ruling: 0.5 });

export type PageDiff = {
  readonly wordsMatched: number;
  /** In the reference reading, not in ours. */
  readonly wordsMissing: Word[];
  /** In ours, not in the reference. */
  readonly wordsExtra: Word[];
  /** Largest box difference over the matched words (pt). */
  readonly maxBoxDiff: number;
  /** Both readings give the same text when words are sorted by position (line, then x). */
  readonly sameTextInOrder: boolean;
  readonly rulingsMatched: number;
  readonly rulingsMissing: Ruling[];
  readonly rulingsExtra: Ruling[];
};

export function boxDiff(a: Box, b: Box): number {
  return Math.max(Math.abs(a.x0 - b.x0), Math.abs(a.y0 - b.y0), Math.abs(a.x1 - b.x1), Math.abs(a.y1 - b.y1));
}

/** Compares `ours` with `reference` (the pdf.js path). */
export function diffPage(reference: PageReading, ours: PageReading, tol: DiffTolerances = DEFAULT_DIFF_TOLERANCES): PageDiff {
  const words = matchAll(reference.words, ours.words, (a, b) => (a.text === b.text ? boxDiff(a.box, b.box) : Infinity), tol.wordBox);
  const rulings = matchAll(reference.rulings, ours.rulings, boxDiff, tol.ruling);
  return {
    wordsMatched: words.pairs.length,
    wordsMissing: words.unmatchedA,
    wordsExtra: words.unmatchedB,
    maxBoxDiff: words.pairs.reduce((m, [a, b]) => Math.max(m, boxDiff(a.box, b.box)), 0),
    sameTextInOrder: textInOrder(reference.words) === textInOrder(ours.words),
    rulingsMatched: rulings.pairs.length,
    rulingsMissing: rulings.unmatchedA,
    rulingsExtra: rulings.unmatchedB,
  };
}

type Matching<T> = { pairs: [T, T][]; unmatchedA: T[]; unmatchedB: T[] };

/** Greedy one-to-one matching: each item of `a` takes the closest free item of `b` within `limit`. */
function matchAll<T>(a: readonly T[], b: readonly T[], distance: (x: T, y: T) => number, limit: number): Matching<T> {
  const taken = new Array<boolean>(b.length).fill(false);
  const pairs: [T, T][] = [];
  const unmatchedA: T[] = [];
  for (const x of a) {
    let best = -1;
    let bestDistance = Infinity;
    b.forEach((y, i) => {
      const d = taken[i] ? Infinity : distance(x, y);
      if (d <= limit && d < bestDistance) {
        best = i;
        bestDistance = d;
      }
    });
    if (best < 0) unmatchedA.push(x);
    else {
      taken[best] = true;
      pairs.push([x, b[best]!]);
    }
  }
  return { pairs, unmatchedA, unmatchedB: b.filter((_, i) => !taken[i]) };
}

/** Line tolerance (pt) when sorting words into reading order. */
const LINE_SNAP = 2;

/** The page's text with words sorted by line (top first), then from the left. */
export function textInOrder(words: readonly Word[]): string {
  const sorted = [...words].sort((p, q) => {
    const dy = p.box.y1 - q.box.y1;
    return Math.abs(dy) > LINE_SNAP ? dy : p.box.x0 - q.box.x0;
  });
  return sorted.map((w) => w.text).join('|');
}
