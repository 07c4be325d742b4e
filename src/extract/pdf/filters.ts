/**
 * Stream filters (PDF 32000-1 §7.4): the chain of /Filter with its /DecodeParms undone in order.
 * Image codecs (DCT, JPX, CCITT, JBIG2) are not read: nobody here needs image data, and a content
 * stream encoded with one is not something this reader supports.
 */
import { constants, inflateRawSync, inflateSync } from 'node:zlib';
import { DEFAULT_PREDICTOR_PARAMS, undoPredictor, type PredictorParams } from './predictors.js';
import { ascii85Decode, asciiHexDecode, lzwDecode, runLengthDecode, streamTooLarge } from './simple-filters.js';
import { Dict, isDict, isName, UnsupportedPdfError, type PdfValue } from './objects.js';

/** Follows references (the file's resolver). */
export type Getter = (value: PdfValue | undefined) => PdfValue | undefined;

/** One filter of a stream's chain with its parameters. */
export type FilterStep = { readonly name: string; readonly params: Dict | undefined };

/** Abbreviated names (inline images, §8.9.7 Table 94) and full names of the filters read here. */
const FILTER_NAMES: Readonly<Record<string, string>> = {
  Fl: 'FlateDecode',
  LZW: 'LZWDecode',
  AHx: 'ASCIIHexDecode',
  A85: 'ASCII85Decode',
  RL: 'RunLengthDecode',
  DCT: 'DCTDecode',
  CCF: 'CCITTFaxDecode',
};

const IMAGE_FILTERS = new Set(['DCTDecode', 'JPXDecode', 'CCITTFaxDecode', 'JBIG2Decode']);

/** The filter chain of a stream dictionary (/Filter and /DecodeParms, single or arrays). */
export function filterSteps(dict: Dict, get: Getter): FilterStep[] {
  const filter = get(dict.raw('Filter') ?? dict.raw('F'));
  const parms = get(dict.raw('DecodeParms') ?? dict.raw('DP'));
  const names = Array.isArray(filter) ? filter.map((f) => get(f)) : filter === undefined || filter === null ? [] : [filter];
  return names.map((name, i) => {
    if (!isName(name)) throw new UnsupportedPdfError('a stream filter that is not a name');
    const p = get(Array.isArray(parms) ? parms[i] : i === 0 ? parms : undefined);
    return { name: FILTER_NAMES[name.name] ?? name.name, params: isDict(p) ? p : undefined };
  });
}

/**
 * What one stream may decode to. The largest stream in the corpus decodes to 4.4 MB (a font program); a stream
 * that would decode to more than this is a decompression bomb (a few KB of zeros can inflate to gigabytes), and
 * it would fill memory outside the worker's heap limit.
 */
export const MAX_STREAM_BYTES = 64_000_000;

/**
 * Undoes the steps in order. Throws UnsupportedPdfError for image codecs and unknown filters, and
 * FileTooLargeError when a step would give more than `maxBytes`.
 */
export function decodeFilters(data: Uint8Array, steps: readonly FilterStep[], get: Getter, maxBytes = MAX_STREAM_BYTES): Uint8Array {
  let out = data;
  for (const step of steps) out = decodeStep(out, step, get, maxBytes);
  return out;
}

function decodeStep(data: Uint8Array, step: FilterStep, get: Getter, maxBytes: number): Uint8Array {
  switch (step.name) {
    case 'FlateDecode':
      return undoPredictor(inflate(data, maxBytes), predictorParams(step.params, get));
    case 'LZWDecode':
      return undoPredictor(lzwDecode(data, numberParam(step.params, 'EarlyChange', 1, get), maxBytes), predictorParams(step.params, get));
    case 'ASCIIHexDecode':
      return asciiHexDecode(data);
    case 'ASCII85Decode':
      return ascii85Decode(data, maxBytes);
    case 'RunLengthDecode':
      return runLengthDecode(data, maxBytes);
    case 'Crypt':
      return data; // the crypt layer has handled it before the filters run
    default:
      if (IMAGE_FILTERS.has(step.name)) throw new UnsupportedPdfError(`image data (${step.name}) is not read`);
      throw new UnsupportedPdfError(`unknown stream filter ${step.name}`);
  }
}

function numberParam(params: Dict | undefined, key: string, fallback: number, get: Getter): number {
  const v = params ? get(params.raw(key)) : undefined;
  return typeof v === 'number' ? v : fallback;
}

function predictorParams(params: Dict | undefined, get: Getter): PredictorParams {
  const d = DEFAULT_PREDICTOR_PARAMS;
  if (!params) return d;
  return {
    predictor: numberParam(params, 'Predictor', d.predictor, get),
    colors: numberParam(params, 'Colors', d.colors, get),
    bitsPerComponent: numberParam(params, 'BitsPerComponent', d.bitsPerComponent, get),
    columns: numberParam(params, 'Columns', d.columns, get),
  };
}

/** Zlib's options: truncated data inflates as far as it goes instead of failing, and never past `maxBytes`. */
function inflateOptions(maxBytes: number): { finishFlush: number; maxOutputLength: number } {
  return { finishFlush: constants.Z_SYNC_FLUSH, maxOutputLength: maxBytes };
}

/** The zlib header before the deflate data. */
const ZLIB_HEADER_BYTES = 2;

/**
 * FlateDecode. A damaged stream gives what inflates: a bad header or checksum is ignored (raw
 * inflate), and corrupt data is cut at the longest prefix that still inflates. Data that inflates past
 * `maxBytes` throws FileTooLargeError at once (trying prefixes of a bomb would inflate it again and again).
 */
export function inflate(data: Uint8Array, maxBytes = MAX_STREAM_BYTES): Uint8Array {
  try {
    return inflateSync(data, inflateOptions(maxBytes));
  } catch (e) {
    if (isBufferTooLarge(e)) throw streamTooLarge(maxBytes);
    const body = data.subarray(ZLIB_HEADER_BYTES);
    const raw = tryInflateRaw(body, maxBytes);
    return raw ?? inflateLongestPrefix(body, maxBytes);
  }
}

/** Zlib's error for output past maxOutputLength. */
function isBufferTooLarge(e: unknown): boolean {
  return e instanceof RangeError && 'code' in e && e.code === 'ERR_BUFFER_TOO_LARGE';
}

function tryInflateRaw(data: Uint8Array, maxBytes: number): Uint8Array | undefined {
  try {
    return inflateRawSync(data, inflateOptions(maxBytes));
  } catch (e) {
    if (isBufferTooLarge(e)) throw streamTooLarge(maxBytes);
    return undefined;
  }
}

/** Binary search for the longest prefix that inflates: corruption at byte k fails every prefix past k. */
function inflateLongestPrefix(data: Uint8Array, maxBytes: number): Uint8Array {
  let best: Uint8Array = new Uint8Array(0);
  let low = 0;
  let high = data.length;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    const out = tryInflateRaw(data.subarray(0, mid), maxBytes);
    if (out) {
      best = out;
      low = mid;
    } else {
      high = mid - 1;
    }
  }
  return best;
}
