/**
 * PDF tokens (PDF 32000-1 §7.2–7.3) read straight from bytes: numbers, names, literal and hex
 * strings, and the extent of keywords. Shared by the object parser and the content-stream lexer.
 * Everything scans by char code; names are interned through a byte-keyed cache so that reading
 * `/F1` a million times makes no string.
 */
import { Name } from './objects.js';

/** Character classes of PDF 32000-1 §7.2.2. */
const REGULAR = 0;
const WHITE = 1;
const DELIMITER = 2;

const CHAR_CLASS: Uint8Array = (() => {
  const table = new Uint8Array(256);
  for (const c of [0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]) table[c] = WHITE;
  for (const c of '()<>[]{}/%') table[c.charCodeAt(0)] = DELIMITER;
  return table;
})();

/** Char codes the lexers compare against. */
export const CH = Object.freeze({
  LF: 0x0a,
  CR: 0x0d,
  SPACE: 0x20,
  PERCENT: 0x25,
  LPAREN: 0x28,
  RPAREN: 0x29,
  PLUS: 0x2b,
  MINUS: 0x2d,
  DOT: 0x2e,
  SLASH: 0x2f,
  ZERO: 0x30,
  NINE: 0x39,
  LT: 0x3c,
  GT: 0x3e,
  LBRACKET: 0x5b,
  BACKSLASH: 0x5c,
  RBRACKET: 0x5d,
  LBRACE: 0x7b,
  RBRACE: 0x7d,
  HASH: 0x23,
});

/** White-space per §7.2.2 (NUL, TAB, LF, FF, CR, SPACE); false for -1 (end of data). */
export function isWhite(c: number): boolean {
  return c >= 0 && c < 256 && CHAR_CLASS[c] === WHITE;
}

/** A byte that belongs to a keyword, number or name (neither white-space nor delimiter). */
export function isRegular(c: number): boolean {
  return c >= 0 && c < 256 && CHAR_CLASS[c] === REGULAR;
}

/** A byte that may start a number: digit, sign or decimal point. */
export function startsNumber(c: number): boolean {
  return (c >= CH.ZERO && c <= CH.NINE) || c === CH.MINUS || c === CH.PLUS || c === CH.DOT;
}

function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  return -1;
}

/** Latin-1 text of bytes (names and keywords are bytes; pdf.js reads them the same way). */
export function latin1(data: Uint8Array, start: number, end: number): string {
  let s = '';
  for (let i = start; i < end; i++) s += String.fromCharCode(data[i]!);
  return s;
}

/** Interned names by their bytes: a hash bucket holds [bytes, Name] pairs. */
const nameCache = new Map<number, Array<{ readonly bytes: Uint8Array; readonly name: Name }>>();
/** Bound on cached names, so that garbage data cannot grow the cache without end. */
const NAME_CACHE_LIMIT = 50_000;
let nameCacheSize = 0;

function internName(buf: Uint8Array, length: number): Name {
  let hash = 0x811c9dc5;
  for (let i = 0; i < length; i++) hash = Math.imul(hash ^ buf[i]!, 0x01000193);
  const bucket = nameCache.get(hash);
  if (bucket) {
    for (const entry of bucket) {
      if (entry.bytes.length === length && sameBytes(entry.bytes, buf, length)) return entry.name;
    }
  }
  const name = Name.of(latin1(buf, 0, length));
  if (nameCacheSize < NAME_CACHE_LIMIT) {
    const entry = { bytes: buf.slice(0, length), name };
    if (bucket) bucket.push(entry);
    else nameCache.set(hash, [entry]);
    nameCacheSize++;
  }
  return name;
}

function sameBytes(a: Uint8Array, b: Uint8Array, length: number): boolean {
  for (let i = 0; i < length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** A read position over bytes. Methods read the token that starts at `pos` and leave `pos` after it. */
export class Lexer {
  pos: number;
  /** Whether the last number read had neither a decimal point nor a sign (for `N G R` and `N G obj`). */
  lastWasInteger = false;
  /** Scratch bytes for names and escaped strings. */
  private scratch = new Uint8Array(256);

  constructor(
    readonly data: Uint8Array,
    pos = 0,
    readonly end: number = data.length,
  ) {
    this.pos = pos;
  }

  /** The byte at `pos`, or -1 at the end. */
  peek(): number {
    return this.pos < this.end ? this.data[this.pos]! : -1;
  }

  /** The byte `offset` after `pos`, or -1 past the end. */
  peekAt(offset: number): number {
    const i = this.pos + offset;
    return i < this.end ? this.data[i]! : -1;
  }

  /** Skips white-space and comments (`%` to the end of the line). */
  skipSpace(): void {
    const data = this.data;
    const end = this.end;
    let pos = this.pos;
    while (pos < end) {
      const c = data[pos]!;
      if (CHAR_CLASS[c] === WHITE) {
        pos++;
      } else if (c === CH.PERCENT) {
        pos++;
        while (pos < end && data[pos] !== CH.LF && data[pos] !== CH.CR) pos++;
      } else {
        break;
      }
    }
    this.pos = pos;
  }

  /** The index after the run of regular bytes that starts at `pos` (a keyword's end). */
  regularEnd(): number {
    const data = this.data;
    let i = this.pos;
    while (i < this.end && CHAR_CLASS[data[i]!] === REGULAR) i++;
    return i;
  }

  /** Whether the regular run at `pos` is exactly `word` (ASCII). Does not move. */
  atKeyword(word: string): boolean {
    const n = word.length;
    if (this.pos + n > this.end) return false;
    for (let i = 0; i < n; i++) if (this.data[this.pos + i] !== word.charCodeAt(i)) return false;
    return !isRegular(this.peekAt(n));
  }

  /**
   * A number as viewers read it: "+.5", "-.002", "4." are fine; a doubled minus ("--5") counts once,
   * a minus inside the digits is ignored, and a sign or point with no digits reads as 0.
   */
  readNumber(): number {
    const data = this.data;
    const end = this.end;
    let pos = this.pos;
    let c = pos < end ? data[pos]! : -1;
    let sign = 1;
    let integer = true;
    if (c === CH.MINUS) {
      sign = -1;
      integer = false;
      c = ++pos < end ? data[pos]! : -1;
      if (c === CH.MINUS) c = ++pos < end ? data[pos]! : -1;
    } else if (c === CH.PLUS) {
      integer = false;
      c = ++pos < end ? data[pos]! : -1;
    }
    let value = 0;
    let divideBy = 0;
    for (; pos < end; c = ++pos < end ? data[pos]! : -1) {
      if (c >= CH.ZERO && c <= CH.NINE) {
        value = value * 10 + (c - CH.ZERO);
        if (divideBy !== 0) divideBy *= 10;
      } else if (c === CH.DOT && divideBy === 0) {
        divideBy = 1;
        integer = false;
      } else if (c !== CH.MINUS) {
        break;
      }
    }
    this.pos = pos;
    this.lastWasInteger = integer;
    const magnitude = divideBy > 1 ? value / divideBy : value;
    return sign < 0 && magnitude !== 0 ? -magnitude : magnitude;
  }

  /** A name (`pos` at its `/`), with #xx escapes decoded. */
  readName(): Name {
    const data = this.data;
    const end = this.end;
    let pos = this.pos + 1;
    let length = 0;
    while (pos < end) {
      let c = data[pos]!;
      if (CHAR_CLASS[c] !== REGULAR) break;
      pos++;
      if (c === CH.HASH && pos + 1 < end) {
        const high = hexValue(data[pos]!);
        const low = hexValue(data[pos + 1]!);
        if (high >= 0 && low >= 0) {
          c = (high << 4) | low;
          pos += 2;
        }
      }
      this.put(length++, c);
    }
    this.pos = pos;
    return internName(this.scratch, length);
  }

  /** A literal string (`pos` at its `(`): nested parentheses balanced, escapes decoded. */
  readLiteralString(): Uint8Array {
    const data = this.data;
    const end = this.end;
    const start = this.pos + 1;
    let depth = 1;
    for (let i = start; i < end; i++) {
      const c = data[i]!;
      if (c === CH.BACKSLASH) return this.readEscapedString(start);
      if (c === CH.LPAREN) depth++;
      else if (c === CH.RPAREN && --depth === 0) {
        this.pos = i + 1;
        return data.subarray(start, i);
      }
    }
    this.pos = end;
    return data.subarray(start, end);
  }

  private readEscapedString(start: number): Uint8Array {
    const data = this.data;
    const end = this.end;
    let depth = 1;
    let length = 0;
    let i = start;
    while (i < end) {
      const c = data[i++]!;
      if (c === CH.RPAREN && --depth === 0) break;
      if (c === CH.LPAREN) depth++;
      if (c !== CH.BACKSLASH) {
        this.put(length++, c);
        continue;
      }
      if (i >= end) break;
      const e = data[i++]!;
      if (e >= 0x30 && e <= 0x37) {
        let code = e - 0x30;
        for (let k = 0; k < 2 && i < end && data[i]! >= 0x30 && data[i]! <= 0x37; k++) code = (code << 3) + data[i++]! - 0x30;
        this.put(length++, code & 0xff);
      } else if (e === CH.CR) {
        if (i < end && data[i] === CH.LF) i++; // line continuation
      } else if (e !== CH.LF) {
        this.put(length++, ESCAPES[e] ?? e);
      }
    }
    this.pos = i;
    return this.scratch.slice(0, length);
  }

  /** A hex string (`pos` at its `<`): white-space and stray bytes ignored, an odd last digit padded with 0. */
  readHexString(): Uint8Array {
    const data = this.data;
    let close = data.indexOf(CH.GT, this.pos + 1);
    if (close < 0 || close >= this.end) close = this.end;
    const out = new Uint8Array((close - this.pos) >> 1);
    let length = 0;
    let high = -1;
    for (let i = this.pos + 1; i < close; i++) {
      const v = hexValue(data[i]!);
      if (v < 0) continue;
      if (high < 0) high = v;
      else {
        out[length++] = (high << 4) | v;
        high = -1;
      }
    }
    if (high >= 0) out[length++] = high << 4;
    this.pos = Math.min(close + 1, this.end);
    return length === out.length ? out : out.subarray(0, length);
  }

  private put(index: number, byte: number): void {
    if (index >= this.scratch.length) {
      const bigger = new Uint8Array(this.scratch.length * 2);
      bigger.set(this.scratch);
      this.scratch = bigger;
    }
    this.scratch[index] = byte;
  }
}

/** Single-character escapes in literal strings (§7.3.4.2); other escaped bytes stand for themselves. */
const ESCAPES: Partial<Record<number, number>> = {
  0x6e: 0x0a, // \n
  0x72: 0x0d, // \r
  0x74: 0x09, // \t
  0x62: 0x08, // \b
  0x66: 0x0c, // \f
};
