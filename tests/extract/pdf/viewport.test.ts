import { describe, expect, it } from 'vitest';
import { applyMatrix } from '../../../src/extract/pdf/matrix.js';
import { normalizeRotation, pageViewport } from '../../../src/extract/pdf/viewport.js';

const A4: [number, number, number, number] = [0, 0, 595, 842];

describe('pageViewport', () => {
  it('flips an upright A4 page: origin top-left, y down', () => {
    const v = pageViewport({ cropBox: A4, rotate: 0 });
    expect(v.transform).toEqual([1, 0, 0, -1, 0, 842]);
    expect(v.size).toEqual({ width: 595, height: 842 });
    expect(applyMatrix(v.transform, 72, 800)).toEqual([72, 42]);
  });

  it('turns a /Rotate 90 page a quarter turn clockwise: width and height swap', () => {
    const v = pageViewport({ cropBox: A4, rotate: 90 });
    expect(v.size).toEqual({ width: 842, height: 595 });
    // user space's bottom-left corner goes to the top-left, its bottom-right to the bottom-left
    expect(applyMatrix(v.transform, 0, 0)).toEqual([0, 0]);
    expect(applyMatrix(v.transform, 595, 0)).toEqual([0, 595]);
    expect(applyMatrix(v.transform, 0, 842)).toEqual([842, 0]);
  });

  it('measures from the crop box, not the media box origin, for every rotation', () => {
    const cropBox: [number, number, number, number] = [10, 20, 310, 420];
    const corners = (rotate: number) => {
      const v = pageViewport({ cropBox, rotate });
      return [applyMatrix(v.transform, 10, 20), applyMatrix(v.transform, 310, 420), [v.size.width, v.size.height]];
    };
    expect(corners(0)).toEqual([[0, 400], [300, 0], [300, 400]]);
    expect(corners(90)).toEqual([[0, 0], [400, 300], [400, 300]]);
    expect(corners(180)).toEqual([[300, 0], [0, 400], [300, 400]]);
    expect(corners(270)).toEqual([[400, 300], [0, 0], [400, 300]]);
  });

  it('gives pdf.js’s numbers for an offset crop box at every rotation', () => {
    // page.getViewport({ scale: 1 }).transform in pdf.js 5.6 for MediaBox [0 0 595 842], CropBox [10 20 310 420]
    const pdfjs: Record<number, number[]> = {
      0: [1, 0, 0, -1, -10, 420],
      90: [0, 1, 1, 0, -20, -10],
      180: [-1, 0, 0, 1, 310, -20],
      270: [0, -1, -1, 0, 420, 310],
    };
    for (const [rotate, transform] of Object.entries(pdfjs)) {
      expect(pageViewport({ cropBox: [10, 20, 310, 420], rotate: Number(rotate) }).transform).toEqual(transform);
    }
  });

  it('folds rotations as pdf.js does', () => {
    expect([0, 90, 180, 270, 360, 450, -90, -270, 45, Number.NaN].map(normalizeRotation)).toEqual([0, 90, 180, 270, 0, 90, 270, 90, 0, 0]);
  });
});
