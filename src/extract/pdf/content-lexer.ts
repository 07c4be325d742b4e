/**
 * Content streams (PDF 32000-1 §7.8.2) as a sequence of operations: operands (PdfValues)
 * followed by an operator keyword. Inline images (§8.9.7) come out as one 'BI' operation with
 * their dictionary; their data is skipped. Malformed content is skipped as viewers do: stray
 * delimiters, unreadable tokens and too-deep nesting never throw.
 */
import { CH, isRegular, isWhite, latin1, Lexer, startsNumber } from './lexer.js';
import { Dict, type PdfValue } from './objects.js';
import { Parser } from './parser.js';

export type OperationHandler = (operator: string, operands: readonly PdfValue[]) => void;

/** Operator strings by their packed bytes (≤ 3 bytes), so that no string is made per operator. */
const operators = new Map<number, string>();
/** Bound on interned operators: garbage content cannot grow the table without end. */
const OPERATOR_CACHE_LIMIT = 4096;
/** Keywords longer than this are never interned (no PDF operator is). */
const MAX_INTERNED_LENGTH = 3;
/** How many bytes after a candidate `EI` must look like content (ASCII) for it to end the image data. */
const EI_LOOKAHEAD = 10;

/**
 * Calls onOperation for every operator of a content stream with its operands. The operands array is reused:
 * copy it if you keep it. Never throws on malformed content: skips what it cannot read (as viewers do).
 * Errors thrown by onOperation propagate.
 */
export function readOperations(data: Uint8Array, onOperation: OperationHandler): void {
  const lx = new Lexer(data);
  const parser = new Parser(lx, false);
  const operands: PdfValue[] = [];
  for (;;) {
    lx.skipSpace();
    const c = lx.peek();
    if (c < 0) return;
    if (startsNumber(c)) {
      operands.push(lx.readNumber()); // the commonest operand, read without the parser's dispatch
      continue;
    }
    if (!isRegular(c)) {
      const value = readOperand(parser);
      if (value === STOP) return;
      if (value !== undefined) operands.push(value);
      continue;
    }
    const end = lx.regularEnd();
    const constant = constantAt(data, lx.pos, end);
    if (constant !== undefined) {
      operands.push(constant);
      lx.pos = end;
      continue;
    }
    const operator = operatorAt(data, lx.pos, end);
    lx.pos = end;
    if (operator === 'BI') {
      const dict = readInlineImage(parser);
      if (dict === undefined) return;
      clear(operands);
      operands.push(dict);
    }
    onOperation(operator, operands);
    clear(operands);
  }
}

/** Empties the reused operands array (pop is cheaper than setting length, measured). */
function clear(operands: PdfValue[]): void {
  while (operands.length > 0) operands.pop();
}

/** Marks content that cannot be read further (nesting too deep). */
const STOP = Symbol('stop');

/** One operand; undefined after skipping a stray delimiter. */
function readOperand(parser: Parser): PdfValue | undefined | typeof STOP {
  try {
    const value = parser.readValue();
    if (value === undefined) parser.lexer.pos++;
    return value;
  } catch {
    return STOP;
  }
}

/** true, false or null written as keywords; undefined for any other keyword. */
function constantAt(data: Uint8Array, start: number, end: number): boolean | null | undefined {
  const length = end - start;
  if (length === 4) {
    const a = data[start];
    if (a === 0x74 && data[start + 1] === 0x72 && data[start + 2] === 0x75 && data[start + 3] === 0x65) return true;
    if (a === 0x6e && data[start + 1] === 0x75 && data[start + 2] === 0x6c && data[start + 3] === 0x6c) return null;
  } else if (length === 5 && data[start] === 0x66 && latin1(data, start, end) === 'false') {
    return false;
  }
  return undefined;
}

function operatorAt(data: Uint8Array, start: number, end: number): string {
  const length = end - start;
  if (length > MAX_INTERNED_LENGTH) return latin1(data, start, end);
  let key = length;
  for (let i = start; i < end; i++) key = (key << 8) | data[i]!;
  let operator = operators.get(key);
  if (operator === undefined) {
    operator = latin1(data, start, end);
    if (operators.size < OPERATOR_CACHE_LIMIT) operators.set(key, operator);
  }
  return operator;
}

/**
 * Reads an inline image's dictionary (after `BI`) up to `ID`, then skips the image data and `EI`.
 * Undefined when the stream ends inside the dictionary or nesting is too deep.
 */
function readInlineImage(parser: Parser): Dict | undefined {
  const lx = parser.lexer;
  const map = new Map<string, PdfValue>();
  try {
    for (;;) {
      lx.skipSpace();
      const c = lx.peek();
      if (c < 0) return undefined;
      if (lx.atKeyword('ID')) break;
      if (c !== CH.SLASH) {
        parser.skipToken();
        continue;
      }
      const key = lx.readName();
      const value = parser.readValue();
      if (value !== undefined) map.set(key.name, value);
    }
  } catch {
    return undefined;
  }
  lx.pos += 2;
  if (isWhite(lx.peek())) lx.pos++; // the single white-space byte that ends `ID`
  const length = map.get('L') ?? map.get('Length');
  lx.pos = inlineImageEnd(lx.data, lx.pos, typeof length === 'number' ? length : undefined);
  return new Dict(map);
}

/** The position after the `EI` that ends inline image data starting at `start`. */
function inlineImageEnd(data: Uint8Array, start: number, length: number | undefined): number {
  if (length !== undefined && Number.isInteger(length) && length >= 0) {
    let i = start + length;
    while (i < data.length && isWhite(data[i]!)) i++;
    if (isEI(data, i)) return i + 2;
  }
  const strict = findEI(data, start, true);
  if (strict >= 0) return strict + 2;
  const loose = findEI(data, start, false);
  return loose >= 0 ? loose + 2 : data.length;
}

function isEI(data: Uint8Array, i: number): boolean {
  return data[i] === 0x45 && data[i + 1] === 0x49 && (i + 2 >= data.length || !isRegular(data[i + 2]!));
}

/**
 * The first `EI` after `start` followed by white-space or the end, and by bytes that look like
 * content; with `strict`, also preceded by white-space (image data can hold "EI" by chance).
 */
function findEI(data: Uint8Array, start: number, strict: boolean): number {
  let i = data.indexOf(0x45, start);
  while (i >= 0) {
    const followed = i + 2 >= data.length || isWhite(data[i + 2]!);
    const preceded = i === start || isWhite(data[i - 1]!);
    if (data[i + 1] === 0x49 && followed && (preceded || !strict) && looksLikeContent(data, i + 2)) return i;
    i = data.indexOf(0x45, i + 1);
  }
  return -1;
}

/** Whether the bytes from `from` are text (printable ASCII or white-space) for a while. */
function looksLikeContent(data: Uint8Array, from: number): boolean {
  const end = Math.min(data.length, from + EI_LOOKAHEAD);
  for (let i = from; i < end; i++) {
    const c = data[i]!;
    if (c === 0 ? data[i + 1] === 0 : !isWhite(c) && (c < CH.SPACE || c > 0x7e)) return false;
  }
  return true;
}
