/**
 * CMaps written as PostScript text (PDF 32000-1 §9.7.5.4, §9.10.3): ToUnicode streams and embedded
 * encoding CMaps. Reads codespace ranges, cidchar/cidrange, bfchar/bfrange (string and array forms,
 * UTF-16BE values with surrogate pairs and several characters), `usecmap`, /WMode and /CMapName.
 * Everything else (dictionaries, procedures, notdef ranges) is read past. Lenient as viewers are: an
 * entry it cannot read is skipped, never thrown on.
 */
import { CMap, bytesToCode, utf16beText } from './cmap-data.js';
import { glyphNameToUnicode } from './glyph-names.js';
import { CH, Lexer, isRegular, latin1, startsNumber } from './lexer.js';
import { Name } from './objects.js';

/** Codes are 1 to 4 bytes long (§9.7.6.2). */
const MAX_CODE_BYTES = 4;

export type CMapParseOptions = {
  /** The CMap a `usecmap` names (a predefined CMap, usually). Without it, `usecmap` is ignored. */
  readonly loadParent?: (name: string) => CMap;
  /** Name to give the CMap when its text sets no /CMapName. */
  readonly name?: string;
};

/** A token: number, name, string bytes, an array of them, or a keyword (a JS string). */
type Token = number | Name | Uint8Array | Token[] | string;
const ARRAY_END = ']';
/** Arrays nest no deeper than this in any CMap; deeper means garbage. */
const MAX_ARRAY_DEPTH = 4;

/** Reads a CMap from its (decoded) stream bytes. */
export function parseCMap(data: Uint8Array, options: CMapParseOptions = {}): CMap {
  const cmap = new CMap();
  cmap.name = options.name ?? '';
  const lx = new Lexer(data);
  const stack: Token[] = [];
  for (let token = nextToken(lx, 0); token !== undefined; token = nextToken(lx, 0)) {
    if (typeof token !== 'string') {
      // Keywords look back two operands at most (`/WMode 1 def`), so no more are kept.
      if (stack.length === 2) stack.shift();
      stack.push(token);
      continue;
    }
    runKeyword(token, stack, lx, cmap, options);
  }
  return cmap;
}

function runKeyword(keyword: string, stack: Token[], lx: Lexer, cmap: CMap, options: CMapParseOptions): void {
  switch (keyword) {
    case 'begincodespacerange':
      eachGroup(lx, 'endcodespacerange', 2, ([lo, hi]) => addCodespace(cmap, lo, hi));
      break;
    case 'begincidchar':
      eachGroup(lx, 'endcidchar', 2, ([src, cid]) => mapCidChar(cmap, src, cid));
      break;
    case 'begincidrange':
      eachGroup(lx, 'endcidrange', 3, ([lo, hi, cid]) => mapCidRange(cmap, lo, hi, cid));
      break;
    case 'beginbfchar':
      eachGroup(lx, 'endbfchar', 2, ([src, dst]) => mapBfChar(cmap, src, dst));
      break;
    case 'beginbfrange':
      eachGroup(lx, 'endbfrange', 3, ([lo, hi, dst]) => mapBfRange(cmap, lo, hi, dst));
      break;
    case 'usecmap': {
      const parent = stack[stack.length - 1];
      if (parent instanceof Name && options.loadParent) cmap.useParent(options.loadParent(parent.name));
      break;
    }
    case 'def':
      define(cmap, stack[stack.length - 2], stack[stack.length - 1]);
      break;
    default:
      break;
  }
  stack.length = 0;
}

/** `/WMode 1 def` and `/CMapName /X def`. */
function define(cmap: CMap, key: Token | undefined, value: Token | undefined): void {
  if (!(key instanceof Name)) return;
  if (key.name === 'WMode' && typeof value === 'number') cmap.vertical = value === 1;
  else if (key.name === 'CMapName' && value instanceof Name) cmap.name = value.name;
}

/** Calls `each` for every `size` tokens up to the `end` keyword (a short or stray group is dropped). */
function eachGroup(lx: Lexer, end: string, size: number, each: (group: Token[]) => void): void {
  let group: Token[] = [];
  for (let token = nextToken(lx, 0); token !== undefined && token !== end; token = nextToken(lx, 0)) {
    if (typeof token === 'string') {
      group = []; // a stray keyword: resynchronise on the next entry
      continue;
    }
    group.push(token);
    if (group.length === size) {
      each(group);
      group = [];
    }
  }
}

/** A source code: a hex (or literal) string of 1–4 bytes. */
function codeOf(token: Token | undefined): { code: number; bytes: number } | undefined {
  if (!(token instanceof Uint8Array) || token.length === 0 || token.length > MAX_CODE_BYTES) return undefined;
  return { code: bytesToCode(token), bytes: token.length };
}

function addCodespace(cmap: CMap, lo: Token | undefined, hi: Token | undefined): void {
  const low = codeOf(lo);
  const high = codeOf(hi);
  if (low && high && low.bytes === high.bytes) cmap.codespace.add(low.bytes, low.code, high.code);
}

function mapCidChar(cmap: CMap, src: Token | undefined, cid: Token | undefined): void {
  const code = codeOf(src);
  if (code && typeof cid === 'number' && cid >= 0) cmap.mapCid(code.code, Math.trunc(cid));
}

function mapCidRange(cmap: CMap, lo: Token | undefined, hi: Token | undefined, cid: Token | undefined): void {
  const low = codeOf(lo);
  const high = codeOf(hi);
  if (low && high && typeof cid === 'number' && cid >= 0) cmap.mapCidRange(low.code, high.code, Math.trunc(cid));
}

/** A bfchar value: UTF-16BE bytes or a glyph name. */
function textOf(dst: Token | undefined): string | undefined {
  if (dst instanceof Uint8Array) return utf16beText(dst);
  if (dst instanceof Name) return glyphNameToUnicode(dst.name);
  return undefined;
}

function mapBfChar(cmap: CMap, src: Token | undefined, dst: Token | undefined): void {
  const code = codeOf(src);
  const text = textOf(dst);
  if (code && text !== undefined) cmap.mapText(code.code, text);
}

function mapBfRange(cmap: CMap, lo: Token | undefined, hi: Token | undefined, dst: Token | undefined): void {
  const low = codeOf(lo);
  const high = codeOf(hi);
  if (!low || !high || high.code < low.code) return;
  if (dst instanceof Uint8Array) {
    cmap.mapTextRange(low.code, high.code, dst);
  } else if (Array.isArray(dst)) {
    const last = Math.min(high.code, low.code + dst.length - 1);
    for (let code = low.code; code <= last; code++) {
      const text = textOf(dst[code - low.code]);
      if (text !== undefined) cmap.mapText(code, text);
    }
  }
}

/**
 * The next token, or undefined at the end. Dictionaries' `<<` `>>` and procedures' braces come out
 * as keywords (and are ignored); a `]` outside an array is dropped.
 */
function nextToken(lx: Lexer, depth: number): Token | undefined {
  for (;;) {
    lx.skipSpace();
    const c = lx.peek();
    if (c < 0) return undefined;
    if (c === CH.SLASH) return lx.readName();
    if (c === CH.LT) {
      if (lx.peekAt(1) === CH.LT) return skip(lx, 2, '<<');
      return lx.readHexString();
    }
    if (c === CH.GT) return skip(lx, lx.peekAt(1) === CH.GT ? 2 : 1, '>>');
    if (c === CH.LPAREN) return lx.readLiteralString();
    if (c === CH.LBRACKET) return readArray(lx, depth + 1);
    if (c === CH.RBRACKET) return skip(lx, 1, ARRAY_END);
    if (c === CH.LBRACE || c === CH.RBRACE || c === CH.RPAREN) return skip(lx, 1, '{}');
    if (startsNumber(c)) return lx.readNumber();
    if (!isRegular(c)) return skip(lx, 1, '?');
    const end = lx.regularEnd();
    const word = latin1(lx.data, lx.pos, end);
    lx.pos = end;
    return word;
  }
}

function skip(lx: Lexer, length: number, keyword: string): string {
  lx.pos += length;
  return keyword;
}

function readArray(lx: Lexer, depth: number): Token[] {
  lx.pos++;
  const items: Token[] = [];
  if (depth > MAX_ARRAY_DEPTH) return items;
  for (let token = nextToken(lx, depth); token !== undefined && token !== ARRAY_END; token = nextToken(lx, depth)) {
    if (typeof token !== 'string') items.push(token);
  }
  return items;
}
