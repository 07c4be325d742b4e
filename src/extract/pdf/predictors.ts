/**
 * Predictors of FlateDecode and LZWDecode (PDF 32000-1 §7.4.4.4): PNG row filters (10–15) and
 * TIFF predictor 2. Xref streams use PNG Up almost always; the rest is there for images' sake
 * and for odd producers.
 */
import { UnsupportedPdfError } from './objects.js';

export type PredictorParams = {
  readonly predictor: number;
  readonly colors: number;
  readonly bitsPerComponent: number;
  readonly columns: number;
};

/** §7.4.4.4 Table 8 defaults. */
export const DEFAULT_PREDICTOR_PARAMS: PredictorParams = Object.freeze({
  /** 1: no prediction. */
  predictor: 1,
  /** Interleaved colour components per sample. */
  colors: 1,
  /** Bits per colour component. */
  bitsPerComponent: 8,
  /** Samples per row. */
  columns: 1,
});

/** Largest values a real file uses; anything above is damage (and would make huge rows). */
const MAX_COLORS = 32;
const MAX_COLUMNS = 1 << 24;

/** Undoes the predictor; data without one is returned as is. */
export function undoPredictor(data: Uint8Array, params: PredictorParams): Uint8Array {
  const { predictor, colors, bitsPerComponent: bpc, columns } = params;
  if (predictor <= 1) return data;
  if (colors < 1 || colors > MAX_COLORS || columns < 1 || columns > MAX_COLUMNS || ![1, 2, 4, 8, 16].includes(bpc)) {
    throw new UnsupportedPdfError(`unsupported predictor parameters (Colors ${colors}, Columns ${columns}, BitsPerComponent ${bpc})`);
  }
  const pixelBytes = Math.max(1, Math.ceil((colors * bpc) / 8));
  const rowBytes = Math.ceil((columns * colors * bpc) / 8);
  if (predictor === 2) return undoTiff(data, rowBytes, colors, bpc);
  if (predictor >= 10) return undoPng(data, rowBytes, pixelBytes);
  throw new UnsupportedPdfError(`unsupported predictor ${predictor}`);
}

/** PNG: every row starts with its filter type (0 None, 1 Sub, 2 Up, 3 Average, 4 Paeth). */
function undoPng(data: Uint8Array, rowBytes: number, pixelBytes: number): Uint8Array {
  const rows = Math.floor(data.length / (rowBytes + 1));
  const out = new Uint8Array(rows * rowBytes);
  let prior = -rowBytes; // start of the previous output row (none for the first)
  for (let r = 0; r < rows; r++) {
    const src = r * (rowBytes + 1) + 1;
    const dst = r * rowBytes;
    const type = data[src - 1]!;
    for (let i = 0; i < rowBytes; i++) {
      const raw = data[src + i]!;
      const left = i >= pixelBytes ? out[dst + i - pixelBytes]! : 0;
      const up = prior >= 0 ? out[prior + i]! : 0;
      const upLeft = prior >= 0 && i >= pixelBytes ? out[prior + i - pixelBytes]! : 0;
      out[dst + i] = raw + pngPrediction(type, left, up, upLeft);
    }
    prior = dst;
  }
  return out;
}

function pngPrediction(type: number, left: number, up: number, upLeft: number): number {
  switch (type) {
    case 1:
      return left;
    case 2:
      return up;
    case 3:
      return (left + up) >> 1;
    case 4: {
      const p = left + up - upLeft;
      const pa = Math.abs(p - left);
      const pb = Math.abs(p - up);
      const pc = Math.abs(p - upLeft);
      return pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
    }
    default:
      return 0;
  }
}

/** TIFF predictor 2: each component is the difference from the same component of the pixel before. */
function undoTiff(data: Uint8Array, rowBytes: number, colors: number, bpc: number): Uint8Array {
  const out = data.slice(0, Math.floor(data.length / rowBytes) * rowBytes);
  if (bpc === 8) {
    for (let row = 0; row < out.length; row += rowBytes) {
      for (let i = colors; i < rowBytes; i++) out[row + i] = out[row + i]! + out[row + i - colors]!;
    }
    return out;
  }
  if (bpc === 16) {
    const step = 2 * colors;
    for (let row = 0; row < out.length; row += rowBytes) {
      for (let i = step; i + 1 < rowBytes; i += 2) {
        const sum = ((out[row + i]! << 8) | out[row + i + 1]!) + ((out[row + i - step]! << 8) | out[row + i - step + 1]!);
        out[row + i] = (sum >> 8) & 0xff;
        out[row + i + 1] = sum & 0xff;
      }
    }
    return out;
  }
  throw new UnsupportedPdfError(`unsupported TIFF predictor with ${bpc} bits per component`);
}
