/**
 * Label normalisation and matching (DOMAIN.md §4.4): printed labels vary in width, spacing, enumerators,
 * quotes and typos, so both sides are normalised and matched exactly, then by a distinctive substring, then
 * by a small edit distance. Knows no label itself: the candidates come from layouts.ts.
 * Per-entry scoring is done by module-level functions, so their optimized code outlives a GC.
 */

import { LIST_MARKER } from '../normalize/enumerators.js';
import { compactText, stripArtefacts } from '../normalize/text.js';

export type MatchHow = 'exact' | 'distinctive' | 'fuzzy';

/** One thing a label can name: a row, a column, a block, a header word. */
export type LabelEntry<T> = {
  readonly target: T;
  /** Normalised full labels (canonical wording and variants): matched exactly or by edit distance. */
  readonly names: readonly string[];
  /** Normalised substrings that identify the target on their own. */
  readonly distinctive: readonly string[];
};

export type LabelMatch<T> = { readonly target: T; readonly how: MatchHow };

export type MatchSettings = {
  /** Largest edit distance (in characters) of a fuzzy match. Default 2 (catches 本年度止件数 for 本年废止件数). */
  readonly maxEditDistance: number;
  /**
   * Largest edit distance as a share of the candidate's length. Default 0.34: two-character labels
   * (规章, 其他) never match each other, six-character ones tolerate two edits.
   */
  readonly maxEditRatio: number;
};

export const DEFAULT_MATCH_SETTINGS: MatchSettings = Object.freeze({ maxEditDistance: 2, maxEditRatio: 0.34 });

/** Markdown left in cells beyond the shared artefacts: code-span backticks and a heading's leading hashes. */
const BACKTICKS = /`/gu;
const LEADING_HASHES = /^#+/u;
/** Enumerators are stripped this many times at most ("三、(一)" in one cell). */
const MAX_ENUMERATORS = 2;
const QUOTES: Readonly<Record<string, string>> = { '“': '"', '”': '"', '‘': "'", '’': "'", '「': '"', '」': '"' };

/**
 * The form labels are compared in: NFKC, artefacts and all whitespace removed, curly quotes made plain,
 * leading enumerators stripped.
 */
export function normalizeLabel(text: string): string {
  let s = compactLabel(text);
  for (let i = 0; i < MAX_ENUMERATORS; i++) {
    const m = LIST_MARKER.exec(s);
    if (m === null || m[0].length === s.length) break;
    s = s.slice(m[0].length);
  }
  return s;
}

/** Like normalizeLabel but keeps enumerators: for markers such as 第二十条第(九)项. */
export function compactLabel(text: string): string {
  return stripArtefacts(compactText(text))
    .replace(BACKTICKS, '')
    .replace(LEADING_HASHES, '')
    .replace(/[“”‘’「」]/gu, plainQuote);
}

function plainQuote(q: string): string {
  return QUOTES[q] ?? q;
}

/** Latin letters and digits: the only characters a space between them keeps apart in a displayed label. */
const LATIN_OR_DIGIT = /[A-Za-z0-9]/u;

/**
 * A printed label as users read it (row_label, col_label): the characters as printed, but whitespace dropped
 * except between two Latin letters or digits. Spaces and line breaks inside Chinese labels come from cell
 * wrapping and letter-spacing (商业\n企业, 总 计), not from the wording.
 */
export function displayLabel(text: string): string {
  const parts = text.trim().split(/\s+/u);
  let out = parts[0] ?? '';
  for (const part of parts.slice(1)) {
    const keep = LATIN_OR_DIGIT.test(out.slice(-1)) && LATIN_OR_DIGIT.test(part.charAt(0));
    out += keep ? ` ${part}` : part;
  }
  return out;
}

/** Levenshtein distance over code points. */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  return boundedDistance(x, [...b], Math.max(x.length, b.length));
}

/**
 * The edit distance of two code-point lists when it is at most `limit`; otherwise some number above `limit`
 * (the row minimum only grows, so the rows stop as soon as it passes the limit).
 */
function boundedDistance(x: readonly string[], y: readonly string[], limit: number): number {
  if (Math.abs(x.length - y.length) > limit) return limit + 1;
  let prev = new Int32Array(y.length + 1);
  let cur = new Int32Array(y.length + 1);
  for (let j = 0; j <= y.length; j++) prev[j] = j;
  for (let i = 1; i <= x.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      const d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > limit) return limit + 1;
    [prev, cur] = [cur, prev];
  }
  return prev[y.length]!;
}

/** Builds an entry, normalising its names and substrings. */
export function labelEntry<T>(target: T, names: readonly string[], distinctive: readonly string[] = []): LabelEntry<T> {
  return {
    target,
    names: unique(names.map(normalizeLabel).filter((n) => n !== '')),
    distinctive: unique(distinctive.map(compactLabel).filter((d) => d !== '')),
  };
}

/** Matches a printed label: exactly, else by the longest distinctive substring, else by edit distance. */
export function matchLabel<T>(
  text: string,
  entries: readonly LabelEntry<T>[],
  settings: MatchSettings = DEFAULT_MATCH_SETTINGS,
): LabelMatch<T> | null {
  const prepared = preparedList(entries);
  const memo = memoOf(prepared, settings);
  const known = memo.get(text);
  if (known !== undefined) return known;
  const found = matchPrepared(normalizeLabel(text), prepared, settings);
  remember(memo, text, found);
  return found;
}

function matchPrepared<T>(label: string, list: PreparedList<T>, settings: MatchSettings): LabelMatch<T> | null {
  if (label === '') return null;
  const exact = list.exact.get(label);
  if (exact !== undefined) return { target: exact.target, how: 'exact' };
  const byPart = matchDistinctive(label, list.entries);
  if (byPart !== null) return { target: byPart, how: 'distinctive' };
  const byDistance = matchFuzzy(label, list, settings);
  return byDistance === null ? null : { target: byDistance, how: 'fuzzy' };
}

/**
 * A list of entries made ready for matching, once per list: the first entry holding each name, and each
 * name's code points. Matching the same printed label against the same list again is remembered: reports
 * repeat their labels on every page and from one report to the next.
 */
type PreparedList<T> = {
  readonly entries: readonly LabelEntry<T>[];
  readonly exact: ReadonlyMap<string, LabelEntry<T>>;
  readonly points: readonly (readonly (readonly string[])[])[];
  readonly memos: WeakMap<MatchSettings, Map<string, LabelMatch<T> | null>>;
};

/** Labels longer than this are not remembered (running text in a label cell does not repeat). */
const MEMO_MAX_TEXT = 200;
/** Remembered labels per list and settings; the memory starts over beyond this. */
const MEMO_MAX_ENTRIES = 20_000;

const prepared = new WeakMap<readonly LabelEntry<unknown>[], PreparedList<unknown>>();

function preparedList<T>(entries: readonly LabelEntry<T>[]): PreparedList<T> {
  const known = prepared.get(entries) as PreparedList<T> | undefined;
  if (known !== undefined) return known;
  const exact = new Map<string, LabelEntry<T>>();
  for (const e of entries) for (const n of e.names) if (!exact.has(n)) exact.set(n, e);
  const points = entries.map((e) => e.names.map((n) => [...n]));
  const list: PreparedList<T> = { entries, exact, points, memos: new WeakMap() };
  prepared.set(entries, list as PreparedList<unknown>);
  return list;
}

function memoOf<T>(list: PreparedList<T>, settings: MatchSettings): Map<string, LabelMatch<T> | null> {
  let memo = list.memos.get(settings);
  if (memo === undefined) {
    memo = new Map();
    list.memos.set(settings, memo);
  }
  return memo;
}

function remember<T>(memo: Map<string, LabelMatch<T> | null>, text: string, found: LabelMatch<T> | null): void {
  if (text.length > MEMO_MAX_TEXT) return;
  if (memo.size >= MEMO_MAX_ENTRIES) memo.clear();
  memo.set(text, found);
}

/** The entry whose distinctive substring found in the label is longest; null when two entries tie. */
function matchDistinctive<T>(label: string, entries: readonly LabelEntry<T>[]): T | null {
  const scores: (number | null)[] = [];
  for (const e of entries) scores.push(distinctiveScore(label, e));
  return bestUnique(entries, scores);
}

/** Minus the length of the entry's longest distinctive substring in the label; null when none is in it. */
function distinctiveScore(label: string, entry: LabelEntry<unknown>): number | null {
  let best: number | null = null;
  for (const d of entry.distinctive) if (label.includes(d) && (best === null || -d.length < best)) best = -d.length;
  return best;
}

/** The entry with the smallest allowed edit distance to the label; null when two entries tie. */
function matchFuzzy<T>(label: string, list: PreparedList<T>, settings: MatchSettings): T | null {
  const chars = [...label];
  const scores: (number | null)[] = [];
  for (const [i, e] of list.entries.entries()) scores.push(fuzzyScore(chars, e.names, list.points[i]!, settings));
  return bestUnique(list.entries, scores);
}

/** The smallest allowed edit distance from the label's code points to one of the names; null when none is allowed. */
function fuzzyScore(
  chars: readonly string[],
  names: readonly string[],
  points: readonly (readonly string[])[],
  settings: MatchSettings,
): number | null {
  let best: number | null = null;
  for (const [k, n] of names.entries()) {
    // A distance is allowed up to both limits; it is a whole number, so the lower limit rounds down.
    const limit = Math.floor(Math.min(settings.maxEditDistance, n.length * settings.maxEditRatio));
    const d = boundedDistance(chars, points[k]!, limit);
    if (d <= limit && (best === null || d < best)) best = d;
  }
  return best;
}

/** The entry with the lowest score (null = not a candidate, scores by entry index); null when the lowest is shared. */
function bestUnique<T>(entries: readonly LabelEntry<T>[], scores: readonly (number | null)[]): T | null {
  let best: { target: T; score: number } | null = null;
  let tied = false;
  for (const [i, e] of entries.entries()) {
    const s = scores[i] ?? null;
    if (s === null) continue;
    if (best === null || s < best.score) {
      best = { target: e.target, score: s };
      tied = false;
    } else if (s === best.score) tied = true;
  }
  return best === null || tied ? null : best.target;
}

function unique(items: readonly string[]): string[] {
  return [...new Set(items)];
}
