/**
 * PDF objects from tokens (PDF 32000-1 §7.3): arrays, dictionaries, references, indirect objects
 * and streams. Malformed input is read as viewers read it: unreadable tokens are skipped, a wrong
 * stream /Length is replaced by the position of `endstream`.
 */
import { Buffer } from 'node:buffer';
import { CH, isRegular, Lexer, startsNumber } from './lexer.js';
import { Dict, Ref, Stream, UnsupportedPdfError, type PdfValue } from './objects.js';

/** Deeper nesting than this is not a real document: stop rather than overflow the stack. */
const MAX_NESTING = 200;

/** Reads values at a lexer's position. */
export class Parser {
  constructor(
    readonly lexer: Lexer,
    /** Read `num gen R` as references (file objects); content streams have none. */
    private readonly refs: boolean,
  ) {}

  /**
   * The value at the position, or undefined (nothing consumed) at a keyword other than
   * true/false/null, at a stray closing delimiter, or at the end.
   */
  readValue(depth = 0): PdfValue | undefined {
    const lx = this.lexer;
    lx.skipSpace();
    const c = lx.peek();
    if (c === CH.SLASH) return lx.readName();
    if (startsNumber(c)) return this.readNumberOrRef();
    if (c === CH.LPAREN) return lx.readLiteralString();
    if (c === CH.LT) return lx.peekAt(1) === CH.LT ? this.readDict(depth + 1) : lx.readHexString();
    if (c === CH.LBRACKET) return this.readArray(depth + 1);
    if (isRegular(c)) return this.readConstant();
    return undefined;
  }

  /** Skips the token at the position that `readValue` would not read, so that loops make progress. */
  skipToken(): void {
    const lx = this.lexer;
    const end = lx.regularEnd();
    lx.pos = end > lx.pos ? end : lx.pos + 1;
  }

  private readConstant(): PdfValue | undefined {
    const lx = this.lexer;
    if (lx.atKeyword('null')) {
      lx.pos += 4;
      return null;
    }
    if (lx.atKeyword('true')) {
      lx.pos += 4;
      return true;
    }
    if (lx.atKeyword('false')) {
      lx.pos += 5;
      return false;
    }
    return undefined;
  }

  private readNumberOrRef(): number | Ref {
    const lx = this.lexer;
    const num = lx.readNumber();
    if (!this.refs || !lx.lastWasInteger) return num;
    const after = lx.pos;
    lx.skipSpace();
    const c = lx.peek();
    if (c >= CH.ZERO && c <= CH.NINE) {
      const gen = lx.readNumber();
      if (lx.lastWasInteger) {
        lx.skipSpace();
        if (lx.peek() === 0x52 && !isRegular(lx.peekAt(1))) {
          lx.pos++;
          return new Ref(num, gen);
        }
      }
    }
    lx.pos = after;
    lx.lastWasInteger = true;
    return num;
  }

  readArray(depth: number): PdfValue[] {
    if (depth > MAX_NESTING) throw new UnsupportedPdfError('objects nested too deeply');
    const lx = this.lexer;
    lx.pos++; // [
    const items: PdfValue[] = [];
    for (;;) {
      lx.skipSpace();
      const c = lx.peek();
      if (c === CH.RBRACKET) {
        lx.pos++;
        return items;
      }
      if (c < 0) return items;
      const value = this.readValue(depth);
      if (value === undefined) this.skipToken();
      else items.push(value);
    }
  }

  readDict(depth: number): Dict {
    if (depth > MAX_NESTING) throw new UnsupportedPdfError('objects nested too deeply');
    const lx = this.lexer;
    lx.pos += 2; // <<
    const map = new Map<string, PdfValue>();
    for (;;) {
      lx.skipSpace();
      const c = lx.peek();
      if (c < 0) break;
      if (c === CH.GT) {
        lx.pos += lx.peekAt(1) === CH.GT ? 2 : 1;
        break;
      }
      if (c !== CH.SLASH) {
        this.skipToken();
        continue;
      }
      const key = lx.readName();
      const value = this.readValue(depth);
      if (value !== undefined) map.set(key.name, value);
    }
    return new Dict(map);
  }
}

/** An indirect object as read from the file. */
export type IndirectObject = { readonly num: number; readonly gen: number; readonly value: PdfValue };

/**
 * Reads `num gen obj value [stream … endstream] endobj` at `pos`; undefined when no object header
 * is there. `lengthOf` gives a stream's /Length (it may have to read another object).
 */
export function readIndirectObject(
  data: Uint8Array,
  pos: number,
  lengthOf: (dict: Dict) => number | undefined,
): IndirectObject | undefined {
  const lx = new Lexer(data, pos);
  const header = readObjectHeader(lx);
  if (!header) return undefined;
  const parser = new Parser(lx, true);
  let value = parser.readValue() ?? null;
  if (value instanceof Dict) {
    lx.skipSpace();
    if (lx.atKeyword('stream')) {
      lx.pos += 6;
      const raw = readStreamData(lx, lengthOf(value));
      value = new Stream(value, raw, new Ref(header.num, header.gen));
    }
  }
  return { num: header.num, gen: header.gen, value };
}

/** `num gen obj` at the lexer's position (after white-space); the lexer is left after `obj`. */
export function readObjectHeader(lx: Lexer): { num: number; gen: number } | undefined {
  lx.skipSpace();
  if (!isDigit(lx.peek())) return undefined;
  const num = lx.readNumber();
  if (!lx.lastWasInteger) return undefined;
  lx.skipSpace();
  if (!isDigit(lx.peek())) return undefined;
  const gen = lx.readNumber();
  if (!lx.lastWasInteger) return undefined;
  lx.skipSpace();
  if (!lx.atKeyword('obj')) return undefined;
  lx.pos += 3;
  return { num, gen };
}

function isDigit(c: number): boolean {
  return c >= CH.ZERO && c <= CH.NINE;
}

const ENDSTREAM = Buffer.from('endstream', 'latin1');
const ENDOBJ = Buffer.from('endobj', 'latin1');

/** The bytes after `stream` and its end-of-line, using /Length when `endstream` follows it. */
function readStreamData(lx: Lexer, length: number | undefined): Uint8Array {
  const data = lx.data;
  let start = lx.pos;
  if (data[start] === CH.CR) start++;
  if (data[start] === CH.LF) start++;
  if (length !== undefined && Number.isInteger(length) && length >= 0 && start + length <= lx.end) {
    lx.pos = start + length;
    lx.skipSpace();
    if (lx.atKeyword('endstream')) {
      lx.pos += ENDSTREAM.length;
      return data.subarray(start, start + length);
    }
  }
  const buffer = Buffer.from(data.buffer, data.byteOffset, lx.end);
  let stop = buffer.indexOf(ENDSTREAM, start);
  lx.pos = stop < 0 ? lx.end : stop + ENDSTREAM.length;
  if (stop < 0) {
    stop = buffer.indexOf(ENDOBJ, start);
    if (stop < 0) stop = lx.end;
    lx.pos = stop;
  }
  if (stop > start && data[stop - 1] === CH.LF) stop--;
  if (stop > start && data[stop - 1] === CH.CR) stop--;
  return data.subarray(start, stop);
}
