/**
 * 2-D affine matrices in PDF order [a, b, c, d, e, f]: x' = a·x + c·y + e, y' = b·x + d·y + f.
 * Shared by both readers (nianbao's and pdfjs/) to carry coordinates through the current transform
 * and the viewport. Per-element checks use no inner closures, so V8 keeps their optimized code across GCs.
 */
export type Matrix = readonly [number, number, number, number, number, number];

export const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** The matrix that applies `first`, then `second` (PDF's `cm` is multiply(cm, ctm)). */
export function multiply(first: Matrix, second: Matrix): Matrix {
  // Indexed, not destructured: V8 destructured these through the array iterator, one allocation per element.
  const a1 = first[0], b1 = first[1], c1 = first[2], d1 = first[3], e1 = first[4], f1 = first[5];
  const a2 = second[0], b2 = second[1], c2 = second[2], d2 = second[3], e2 = second[4], f2 = second[5];
  return [
    a1 * a2 + b1 * c2,
    a1 * b2 + b1 * d2,
    c1 * a2 + d1 * c2,
    c1 * b2 + d1 * d2,
    e1 * a2 + f1 * c2 + e2,
    e1 * b2 + f1 * d2 + f2,
  ];
}

export function applyMatrix(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/** Reads six numbers from an operator argument (a plain array or a typed array); null if malformed. */
export function toMatrix(value: unknown): Matrix | null {
  if (!isNumberList(value) || value.length < 6) return null;
  const m = [value[0], value[1], value[2], value[3], value[4], value[5]] as const;
  for (const n of m) if (!Number.isFinite(n)) return null;
  return m as unknown as Matrix;
}

export function isNumberList(value: unknown): value is ArrayLike<number> {
  if (ArrayBuffer.isView(value)) return !(value instanceof DataView);
  return Array.isArray(value) && value.every(isNumberValue);
}

function isNumberValue(n: unknown): boolean {
  return typeof n === 'number';
}
