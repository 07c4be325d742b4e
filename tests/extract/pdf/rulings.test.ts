import { describe, expect, it } from 'vitest';
import { OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { decodeDrawPath, decodeLegacyPath, DEFAULT_RULING_SETTINGS, subpathsToRulings } from '../../../src/extract/pdf/rulings.js';
import { IDENTITY } from '../../../src/extract/pdf/matrix.js';

/** pdf.js ≥ 5.1 path codes: 0 moveTo, 1 lineTo, 4 closePath. */
const rect = (x: number, y: number, w: number, h: number): number[] => [0, x, y, 1, x + w, y, 1, x + w, y + h, 1, x, y + h, 4];

describe('path decoding', () => {
  it('reads a stroked rectangle as four rulings', () => {
    const subpaths = decodeDrawPath(Float32Array.from(rect(10, 20, 100, 50)), IDENTITY);
    const rulings = subpathsToRulings(subpaths, { stroke: true, fill: false }, DEFAULT_RULING_SETTINGS);
    expect(rulings).toEqual([
      { x0: 10, y0: 20, x1: 110, y1: 20 },
      { x0: 110, y0: 20, x1: 110, y1: 70 },
      { x0: 10, y0: 70, x1: 110, y1: 70 },
      { x0: 10, y0: 20, x1: 10, y1: 70 },
    ]);
  });

  it('reads a thin filled rectangle as its centre line and ignores wide fills and curves', () => {
    const fill = { stroke: false, fill: true };
    expect(subpathsToRulings(decodeDrawPath(rect(10, 20, 100, 0.5), IDENTITY), fill, DEFAULT_RULING_SETTINGS)).toEqual([{ x0: 10, y0: 20.25, x1: 110, y1: 20.25 }]);
    expect(subpathsToRulings(decodeDrawPath(rect(10, 20, 100, 30), IDENTITY), fill, DEFAULT_RULING_SETTINGS)).toEqual([]);
    const curve = [0, 0, 0, 2, 10, 10, 20, 10, 30, 0];
    expect(subpathsToRulings(decodeDrawPath(curve, IDENTITY), { stroke: true, fill: false }, DEFAULT_RULING_SETTINGS)).toEqual([]);
  });

  it('reads the pre-5.1 encoding (separate ops and arguments, re as one op)', () => {
    const ops = [OPS.rectangle, OPS.moveTo, OPS.lineTo];
    const subpaths = decodeLegacyPath(ops, [0, 0, 50, 1, 0, 100, 200, 100], IDENTITY);
    const rulings = subpathsToRulings(subpaths, { stroke: false, fill: true }, DEFAULT_RULING_SETTINGS);
    expect(rulings).toEqual([{ x0: 0, y0: 0.5, x1: 50, y1: 0.5 }]);
    expect(subpathsToRulings(subpaths, { stroke: true, fill: false }, DEFAULT_RULING_SETTINGS)).toContainEqual({ x0: 0, y0: 100, x1: 200, y1: 100 });
  });
});
