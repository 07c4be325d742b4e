/**
 * The small stream filters of PDF 32000-1 §7.4: ASCIIHexDecode, ASCII85Decode, LZWDecode and
 * RunLengthDecode. Each reads up to its end-of-data marker (or the end) and never throws for damaged data:
 * it gives what could be decoded. Those that can expand their input throw FileTooLargeError past `maxBytes`.
 */
import { FileTooLargeError, megabytes } from '../../errors.js';

/** The error for a stream that decodes to more than its limit: a decompression bomb, which fails the file. */
export function streamTooLarge(maxBytes: number): FileTooLargeError {
  return new FileTooLargeError(`too large: a stream decodes to more than ${megabytes(maxBytes)} (limit)`);
}

/** A growable byte buffer that refuses to grow past its limit. */
class ByteSink {
  private buf: Uint8Array;
  length = 0;

  constructor(
    capacity: number,
    private readonly maxBytes = Number.POSITIVE_INFINITY,
  ) {
    this.buf = new Uint8Array(Math.max(16, Math.min(capacity, maxBytes)));
  }

  push(byte: number): void {
    if (this.length === this.buf.length) this.grow(1);
    this.buf[this.length++] = byte;
  }

  /** Appends `count` bytes copied from `source` at `from` (the sink itself allowed). */
  copy(source: Uint8Array, from: number, count: number): void {
    if (this.length + count > this.buf.length) this.grow(count);
    const buf = this.buf;
    for (let i = 0; i < count; i++) buf[this.length++] = source[from + i]!;
  }

  get bytes(): Uint8Array {
    return this.buf;
  }

  result(): Uint8Array {
    return this.buf.subarray(0, this.length);
  }

  private grow(extra: number): void {
    if (this.length + extra > this.maxBytes) throw streamTooLarge(this.maxBytes);
    const bigger = new Uint8Array(Math.min(Math.max(this.buf.length * 2, this.length + extra), this.maxBytes));
    bigger.set(this.buf.subarray(0, this.length));
    this.buf = bigger;
  }
}

const GT = 0x3e;
const TILDE = 0x7e;

export function asciiHexDecode(data: Uint8Array): Uint8Array {
  const out = new ByteSink(data.length >> 1);
  let high = -1;
  for (let i = 0; i < data.length; i++) {
    const c = data[i]!;
    if (c === GT) break;
    const v = c <= 0x39 && c >= 0x30 ? c - 0x30 : c >= 0x41 && c <= 0x46 ? c - 0x37 : c >= 0x61 && c <= 0x66 ? c - 0x57 : -1;
    if (v < 0) continue;
    if (high < 0) high = v;
    else {
      out.push((high << 4) | v);
      high = -1;
    }
  }
  if (high >= 0) out.push(high << 4);
  return out.result();
}

/** ASCII base-85: groups of five digits '!'..'u' make four bytes; 'z' stands for four zeros; '~>' ends. */
export function ascii85Decode(data: Uint8Array, maxBytes?: number): Uint8Array {
  const out = new ByteSink(Math.ceil((data.length * 4) / 5), maxBytes);
  let value = 0;
  let count = 0;
  for (let i = 0; i < data.length; i++) {
    const c = data[i]!;
    if (c === TILDE) break;
    if (c === 0x7a && count === 0) {
      for (let k = 0; k < 4; k++) out.push(0);
      continue;
    }
    if (c < 0x21 || c > 0x75) continue; // white-space and stray bytes
    value = value * 85 + (c - 0x21);
    if (++count === 5) {
      out.push(value >>> 24);
      out.push((value >>> 16) & 0xff);
      out.push((value >>> 8) & 0xff);
      out.push(value & 0xff);
      value = 0;
      count = 0;
    }
  }
  if (count > 1) {
    for (let k = count; k < 5; k++) value = value * 85 + 84; // pad with 'u'
    for (let k = 0; k < count - 1; k++) out.push((value >>> (24 - 8 * k)) & 0xff);
  }
  return out.result();
}

/** RunLengthDecode: a length byte n < 128 copies n + 1 bytes, n > 128 repeats one byte 257 − n times, 128 ends. */
export function runLengthDecode(data: Uint8Array, maxBytes?: number): Uint8Array {
  const out = new ByteSink(data.length * 2, maxBytes);
  let i = 0;
  while (i < data.length) {
    const n = data[i++]!;
    if (n === 128) break;
    if (n < 128) {
      const count = Math.min(n + 1, data.length - i);
      out.copy(data, i, count);
      i += count;
    } else if (i < data.length) {
      const byte = data[i++]!;
      for (let k = 0; k < 257 - n; k++) out.push(byte);
    }
  }
  return out.result();
}

const LZW_CLEAR = 256;
const LZW_EOD = 257;
const LZW_MAX_CODES = 4096;
const LZW_FIRST_ENTRY = 258;
const LZW_MIN_WIDTH = 9;

/** LZWDecode with 9- to 12-bit codes; `earlyChange` 1 (the default) widens codes one entry early. */
export function lzwDecode(data: Uint8Array, earlyChange: number, maxBytes?: number): Uint8Array {
  const out = new ByteSink(data.length * 3, maxBytes);
  // Every table entry is a run of bytes already written: its start in the output and its length.
  const entryStart = new Int32Array(LZW_MAX_CODES);
  const entryLength = new Int32Array(LZW_MAX_CODES);
  let next = LZW_FIRST_ENTRY;
  let width = LZW_MIN_WIDTH;
  let prevStart = 0;
  let prevLength = 0;
  let bits = 0;
  let bitCount = 0;
  for (let i = 0; i < data.length; i++) {
    bits = ((bits << 8) | data[i]!) & 0xffffff;
    bitCount += 8;
    while (bitCount >= width) {
      const code = (bits >>> (bitCount - width)) & ((1 << width) - 1);
      bitCount -= width;
      if (code === LZW_EOD) return out.result();
      if (code === LZW_CLEAR) {
        next = LZW_FIRST_ENTRY;
        width = LZW_MIN_WIDTH;
        prevLength = 0;
        continue;
      }
      const start = out.length;
      if (code < LZW_CLEAR) out.push(code);
      else if (code < next) out.copy(out.bytes, entryStart[code]!, entryLength[code]!);
      else if (code === next && prevLength > 0) {
        out.copy(out.bytes, prevStart, prevLength);
        out.push(out.bytes[prevStart]!);
      } else return out.result(); // a code not yet defined: damaged data
      if (prevLength > 0 && next < LZW_MAX_CODES) {
        // The new entry is the previous string plus the first byte of this one: contiguous in the output.
        entryStart[next] = prevStart;
        entryLength[next] = prevLength + 1;
        next++;
      }
      prevStart = start;
      prevLength = out.length - start;
      width = lzwWidth(next + earlyChange);
    }
  }
  return out.result();
}

function lzwWidth(size: number): number {
  return size >= 2048 ? 12 : size >= 1024 ? 11 : size >= 512 ? 10 : LZW_MIN_WIDTH;
}
