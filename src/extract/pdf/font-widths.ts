/**
 * Glyph widths from font dictionaries (PDF 32000-1 §9.7.4.3, §9.6.2): a CIDFont's /W and /W2 arrays
 * (both forms: `c [w1 w2 …]` and `cfirst clast w`), /DW2, and a simple font's /Widths.
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
 * Walks a /W or /W2 array: `c [v…]` gives consecutive CIDs `stride` numbers each, `cfirst clast v…`
 * gives every CID in the range the same `stride` numbers. Stops at the first malformed entry.
 */
function walkCidArray(
  resolver: PdfResolver,
  value: PdfValue | undefined,
  stride: number,
  onCid: (cid: number, values: readonly number[]) => void,
  onRange: (low: number, high: number, values: readonly number[]) => void,
): void {
  const array = resolver.get(value);
  if (!Array.isArray(array)) return;
  let i = 0;
  while (i < array.length) {
    const first = numberAt(resolver, array, i);
    const next = resolver.get(array[i + 1]);
    if (first === undefined || next === undefined) return;
    if (Array.isArray(next)) {
      const values = next.map((v) => resolver.get(v));
      for (let k = 0; k + stride <= values.length; k += stride) {
        const group = values.slice(k, k + stride);
        if (!group.every(isNumber)) return;
        onCid(first + k / stride, group as number[]);
      }
      i += 2;
    } else if (isNumber(next)) {
      const group = Array.from({ length: stride }, (_, k) => numberAt(resolver, array, i + 2 + k));
      if (!group.every(isNumber)) return;
      onRange(first, next, group as number[]);
      i += 2 + stride;
    } else {
      return;
    }
  }
}

/** A CIDFont's /W: CID → horizontal width (glyph units). */
export function readCidWidths(resolver: PdfResolver, value: PdfValue | undefined): CidTable<number> {
  const table = new CidTable<number>();
  walkCidArray(resolver, value, 1, (cid, [w]) => table.set(cid, w!), (low, high, [w]) => table.setRange(low, high, w!));
  return table;
}

/** A CIDFont's /W2: CID → vertical metrics (w1y, vx, vy in glyph units). */
export function readCidVerticalMetrics(resolver: PdfResolver, value: PdfValue | undefined): CidTable<VerticalMetrics> {
  const table = new CidTable<VerticalMetrics>();
  const metrics = ([advance, vx, vy]: readonly number[]): VerticalMetrics => ({ advance: advance!, vx: vx!, vy: vy! });
  walkCidArray(
    resolver,
    value,
    3,
    (cid, values) => table.set(cid, metrics(values)),
    (low, high, values) => table.setRange(low, high, metrics(values)),
  );
  return table;
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
  const widths = array.map((v) => {
    const w = resolver.get(v);
    return isNumber(w) ? w : undefined;
  });
  return { firstChar: isNumber(first) ? Math.trunc(first) : 0, widths };
}
