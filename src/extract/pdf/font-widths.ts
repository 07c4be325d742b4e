/**
 * Glyph widths from font dictionaries (PDF 32000-1 §9.7.4.3, §9.6.2): a CIDFont's /W and /W2 arrays
 * (both forms: `c [w1 w2 …]` and `cfirst clast w`), /DW2, and a simple font's /Widths.
 * Per-entry work is done in loops and module-level functions, so V8 keeps its optimized code across GCs.
 */
import type { FontSettings } from './font-settings.js';
import type { VerticalMetrics } from './font-glyphs.js';
import { isNumber, type Dict, type PdfResolver, type PdfValue } from './objects.js';

/** `cfirst clast` ranges up to this many CIDs are stored one CID at a time; longer ones stay ranges. */
const RANGE_EXPAND_LIMIT = 0x1000;

/** CID → value, with long ranges kept as ranges (a later entry wins over an earlier one). */
export class CidTable<T> {
  private readonly single = new Map<number, T>();
  private readonly ranges: Array<{ readonly low: number; readonly high: number; readonly value: T }> = [];

  set(cid: number, value: T): void {
    this.single.set(cid, value);
  }

  setRange(low: number, high: number, value: T): void {
    if (high < low) return;
    if (high - low >= RANGE_EXPAND_LIMIT) this.ranges.push({ low, high, value });
    else for (let cid = low; cid <= high; cid++) this.single.set(cid, value);
  }

  get(cid: number): T | undefined {
    const value = this.single.get(cid);
    if (value !== undefined) return value;
    for (let i = this.ranges.length - 1; i >= 0; i--) {
      const r = this.ranges[i]!;
      if (cid >= r.low && cid <= r.high) return r.value;
    }
    return undefined;
  }
}

function numberAt(resolver: PdfResolver, array: readonly PdfValue[], i: number): number | undefined {
  const v = resolver.get(array[i]);
  return isNumber(v) ? v : undefined;
}

/**
 * Walks a /W or /W2 array into `table`: `c [v…]` gives consecutive CIDs `stride` numbers each, `cfirst clast v…`
 * gives every CID in the range the same `stride` numbers; `valueOf` turns each group of numbers into the
 * table's value. Stops at the first malformed entry.
 */
function walkCidArray<T>(
  resolver: PdfResolver,
  value: PdfValue | undefined,
  stride: number,
  table: CidTable<T>,
  valueOf: (values: readonly number[]) => T,
): void {
  const array = resolver.get(value);
  if (!Array.isArray(array)) return;
  let i = 0;
  while (i < array.length) {
    const first = numberAt(resolver, array, i);
    const next = resolver.get(array[i + 1]);
    if (first === undefined || next === undefined) return;
    if (Array.isArray(next)) {
      const values = resolvedAll(resolver, next);
      for (let k = 0; k + stride <= values.length; k += stride) {
        const group = values.slice(k, k + stride);
        if (!group.every(isNumber)) return;
        table.set(first + k / stride, valueOf(group as number[]));
      }
      i += 2;
    } else if (isNumber(next)) {
      const group: (number | undefined)[] = [];
      for (let k = 0; k < stride; k++) group.push(numberAt(resolver, array, i + 2 + k));
      if (!group.every(isNumber)) return;
      table.setRange(first, next, valueOf(group as number[]));
      i += 2 + stride;
    } else {
      return;
    }
  }
}

/** The array's items with references followed. */
function resolvedAll(resolver: PdfResolver, array: readonly PdfValue[]): (PdfValue | undefined)[] {
  const out: (PdfValue | undefined)[] = [];
  for (const v of array) out.push(resolver.get(v));
  return out;
}

/** A CIDFont's /W: CID → horizontal width (glyph units). */
export function readCidWidths(resolver: PdfResolver, value: PdfValue | undefined): CidTable<number> {
  const table = new CidTable<number>();
  walkCidArray(resolver, value, 1, table, widthOfGroup);
  return table;
}

function widthOfGroup([w]: readonly number[]): number {
  return w!;
}

/** A CIDFont's /W2: CID → vertical metrics (w1y, vx, vy in glyph units). */
export function readCidVerticalMetrics(resolver: PdfResolver, value: PdfValue | undefined): CidTable<VerticalMetrics> {
  const table = new CidTable<VerticalMetrics>();
  walkCidArray(resolver, value, 3, table, verticalMetricsOfGroup);
  return table;
}

function verticalMetricsOfGroup([advance, vx, vy]: readonly number[]): VerticalMetrics {
  return { advance: advance!, vx: vx!, vy: vy! };
}

/** /DW2 [vy w1y], or the default [880 −1000]. */
export function readDefaultVertical(resolver: PdfResolver, value: PdfValue | undefined, settings: FontSettings): readonly [number, number] {
  const array = resolver.get(value);
  if (Array.isArray(array)) {
    const vy = numberAt(resolver, array, 0);
    const w1y = numberAt(resolver, array, 1);
    if (vy !== undefined && w1y !== undefined) return [vy, w1y];
  }
  return settings.defaultVerticalMetrics;
}

/** A simple font's /FirstChar and /Widths; undefined when it has no /Widths array. */
export function readSimpleWidths(resolver: PdfResolver, dict: Dict): { readonly firstChar: number; readonly widths: readonly (number | undefined)[] } | undefined {
  const array = resolver.lookup(dict, 'Widths');
  if (!Array.isArray(array)) return undefined;
  const first = resolver.lookup(dict, 'FirstChar');
  const widths: (number | undefined)[] = [];
  for (const v of array) {
    const w = resolver.get(v);
    widths.push(isNumber(w) ? w : undefined);
  }
  return { firstChar: isNumber(first) ? Math.trunc(first) : 0, widths };
}
