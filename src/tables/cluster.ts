/**
 * One-dimensional clustering by sort and sweep (single link): linear after the sort.
 * Hot callbacks in src/tables are module-level functions, so V8 keeps their optimized code across GCs.
 */

/** Groups items whose keys chain together with gaps of at most `tolerance`; groups come in key order. */
export function clusterBy<T>(items: readonly T[], key: (item: T) => number, tolerance: number): T[][] {
  const keyed: Keyed<T>[] = [];
  for (const item of items) keyed.push({ item, key: key(item) });
  keyed.sort(byKey);
  const groups: T[][] = [];
  let current: T[] = [];
  let last = Number.NEGATIVE_INFINITY;
  for (const { item, key: k } of keyed) {
    if (current.length > 0 && k - last > tolerance) {
      groups.push(current);
      current = [];
    }
    current.push(item);
    last = k;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

type Keyed<T> = { readonly item: T; readonly key: number };

function byKey<T>(a: Keyed<T>, b: Keyed<T>): number {
  return a.key - b.key;
}

/** The number itself, as the key of a list of numbers. */
export function identity(v: number): number {
  return v;
}

/** Sorted distinct representatives (means) of values that chain within `tolerance`. */
export function clusterValues(values: readonly number[], tolerance: number): number[] {
  return clusterBy(values, identity, tolerance).map(mean);
}

export function mean(values: readonly number[]): number {
  let sum = 0;
  for (const v of values) sum += v;
  return values.length === 0 ? Number.NaN : sum / values.length;
}

/** Index of the representative nearest to `value` in a sorted list (binary search). */
export function nearestIndex(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] ?? 0) < value) lo = mid + 1;
    else hi = mid;
  }
  const prev = lo - 1;
  if (prev >= 0 && Math.abs((sorted[prev] ?? 0) - value) <= Math.abs((sorted[lo] ?? 0) - value)) return prev;
  return lo;
}

/** First index whose value is ≥ `value` in a sorted list (binary search). */
export function lowerBound<T>(sorted: readonly T[], value: number, key: (item: T) => number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(sorted[mid]!) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
