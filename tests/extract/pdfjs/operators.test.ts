import { describe, expect, it } from 'vitest';
import { OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { readOperatorList } from '../../../src/extract/pdfjs/operators.js';
import type { Matrix } from '../../../src/extract/pdf/matrix.js';

/** A page viewport for an A4 page at scale 1: PDF y up → top-left y down. */
const VIEWPORT: Matrix = [1, 0, 0, -1, 0, 842];

describe('readOperatorList', () => {
  it('tracks the transform through save/restore and form XObjects, in both encodings', () => {
    const line = Float32Array.from([0, 0, 0, 1, 100, 0]);
    const list = {
      fnArray: [
        OPS.save, OPS.transform, OPS.constructPath, OPS.restore,
        OPS.paintFormXObjectBegin, OPS.constructPath, OPS.paintFormXObjectEnd,
        OPS.constructPath, OPS.stroke,
      ],
      argsArray: [
        null, [1, 0, 0, 1, 50, 100], [OPS.stroke, [line], null], null,
        [[2, 0, 0, 2, 0, 0], null], [OPS.stroke, [line], null], null,
        [[OPS.moveTo, OPS.lineTo], [0, 10, 0, 60], null], null,
      ],
    };
    const { rulings } = readOperatorList(list, OPS, VIEWPORT, new Set());
    expect(rulings).toEqual([
      { x0: 50, y0: 742, x1: 150, y1: 742 }, // translated by the saved transform
      { x0: 0, y0: 842, x1: 200, y1: 842 }, // scaled by the form matrix
      { x0: 0, y0: 782, x1: 0, y1: 832 }, // after both were undone
    ]);
  });
});
