/**
 * A CMap as nianbao's PDF reader holds it (PDF 32000-1 §9.7.5, §9.10.3): codespace ranges that split
 * a shown string into codes, and the mappings code → CID (encoding CMaps) and code → Unicode text
 * (ToUnicode CMaps, Adobe-*-UCS2). Built by the text parser (cmap.ts) and the packed binary reader
 * (bcmap.ts); read-only once built. A CMap that names a parent (`usecmap`) falls back to it.
 */
import { UnsupportedPdfError } from './objects.js';

/**
 * Ranges of up to this many codes are stored one code at a time (well-formed ranges never cross a
 * last-byte boundary, so they hold at most 256); longer ones are kept as ranges and computed on lookup.
 */
const RANGE_EXPAND_LIMIT = 0x1000;
/** Codes are 1 to 4 bytes long (PDF 32000-1 §9.7.6.2). */
const MAX_CODE_BYTES = 4;

/** The codespace ranges of a CMap, by code length. */
export class Codespace {
  /** Index = byte count − 1; each a flat list [low, high, low, high, …]. */
  private readonly byLength: number[][] = [[], [], [], []];
  /** Byte count of the last code `read` returned (1 when nothing matched). */
  length = 1;

  add(bytes: number, low: number, high: number): void {
    const list = this.byLength[bytes - 1];
    if (!list) throw new UnsupportedPdfError(`CMap codespace of ${bytes} bytes`);
    list.push(low, high);
  }

  get isEmpty(): boolean {
    return this.byLength.every((list) => list.length === 0);
  }

  /** True for the one codespace <0000> <FFFF> (Identity-H/V, most embedded CID fonts). */
  get isTwoByteFull(): boolean {
    const [one, two, three, four] = this.byLength;
    return one!.length === 0 && three!.length === 0 && four!.length === 0 && two!.length === 2 && two![0] === 0 && two![1] === 0xffff;
  }

  /** Copies the ranges of another codespace into this one (for `usecmap`). */
  addAll(other: Codespace): void {
    other.byLength.forEach((list, i) => this.byLength[i]!.push(...list));
  }

  /**
   * The code that starts at `offset`, its byte count in `length`; -1 (length 1) when no range
   * matches, as pdf.js reads such bytes (one byte at a time).
   */
  read(data: Uint8Array, offset: number): number {
    let code = 0;
    const available = Math.min(MAX_CODE_BYTES, data.length - offset);
    for (let n = 0; n < available; n++) {
      code = code * 256 + data[offset + n]!;
      const list = this.byLength[n]!;
      for (let k = 0; k < list.length; k += 2) {
        if (code >= list[k]! && code <= list[k + 1]!) {
          this.length = n + 1;
          return code;
        }
      }
    }
    this.length = 1;
    return -1;
  }
}

/** A range kept as a range: [low, high] and the value of `low`. */
type CidRange = { readonly low: number; readonly high: number; readonly cid: number };
type TextRange = { readonly low: number; readonly high: number; readonly first: Uint8Array };

export class CMap {
  readonly codespace = new Codespace();
  name = '';
  /** WMode 1 (vertical writing). */
  vertical = false;
  private parent: CMap | undefined;
  private readonly cids = new Map<number, number>();
  private readonly cidRanges: CidRange[] = [];
  private readonly texts = new Map<number, string>();
  private readonly textRanges: TextRange[] = [];

  /** Takes `parent`'s codespace when this CMap has none, and falls back to its mappings. */
  useParent(parent: CMap): void {
    this.parent = parent;
    if (this.codespace.isEmpty) this.codespace.addAll(parent.codespace);
    if (parent.vertical) this.vertical = true;
  }

  mapCid(code: number, cid: number): void {
    this.cids.set(code, cid);
  }

  mapCidRange(low: number, high: number, cid: number): void {
    if (high < low) return;
    if (high - low >= RANGE_EXPAND_LIMIT) {
      this.cidRanges.push({ low, high, cid });
      return;
    }
    for (let code = low; code <= high; code++) this.cids.set(code, cid + code - low);
  }

  mapText(code: number, text: string): void {
    this.texts.set(code, text);
  }

  /** `first` is the UTF-16BE text of `low`; each next code adds one to its last byte (§9.10.3). */
  mapTextRange(low: number, high: number, first: Uint8Array): void {
    if (high < low) return;
    if (high - low >= RANGE_EXPAND_LIMIT) {
      this.textRanges.push({ low, high, first });
      return;
    }
    for (let code = low; code <= high; code++) this.texts.set(code, utf16beText(first, code - low));
  }

  /** The CID of a code, or undefined when neither this CMap nor its parent maps it. */
  cid(code: number): number | undefined {
    const cid = this.cids.get(code);
    if (cid !== undefined) return cid;
    for (let i = this.cidRanges.length - 1; i >= 0; i--) {
      const r = this.cidRanges[i]!;
      if (code >= r.low && code <= r.high) return r.cid + code - r.low;
    }
    return this.parent?.cid(code);
  }

  /** The Unicode text of a code, or undefined when neither this CMap nor its parent maps it. */
  text(code: number): string | undefined {
    const text = this.texts.get(code);
    if (text !== undefined) return text;
    for (let i = this.textRanges.length - 1; i >= 0; i--) {
      const r = this.textRanges[i]!;
      if (code >= r.low && code <= r.high) return utf16beText(r.first, code - r.low);
    }
    return this.parent?.text(code);
  }

  /** Whether this CMap (or its parent) maps any code to a CID. */
  get hasCids(): boolean {
    return this.cids.size > 0 || this.cidRanges.length > 0 || (this.parent?.hasCids ?? false);
  }

  /** Whether this CMap (or its parent) maps any code to text. */
  get hasTexts(): boolean {
    return this.texts.size > 0 || this.textRanges.length > 0 || (this.parent?.hasTexts ?? false);
  }
}

/** A big-endian number of up to 4 bytes. */
export function bytesToCode(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let code = 0;
  for (let i = start; i < end; i++) code = code * 256 + bytes[i]!;
  return code;
}

/**
 * UTF-16BE bytes as text, after adding `offset` to their last byte (carrying into the bytes before,
 * as pdf.js does). An odd byte count reads as if a 0 byte came first. Surrogate pairs join.
 */
export function utf16beText(bytes: Uint8Array, offset = 0): string {
  const n = bytes.length;
  if (n === 0) return '';
  let units: number[];
  if (n === 1) {
    units = [(bytes[0]! + offset) & 0xffff];
  } else {
    units = [];
    const pad = n & 1;
    for (let i = -pad; i < n; i += 2) units.push(((i < 0 ? 0 : bytes[i]!) << 8) | bytes[i + 1]!);
    if (offset !== 0) addToUnits(units, offset);
  }
  return String.fromCharCode(...units);
}

/** Adds to a UTF-16 unit sequence read as one big-endian number (the bfrange increment). */
function addToUnits(units: number[], offset: number): void {
  let carry = offset;
  for (let i = units.length - 1; i >= 0 && carry > 0; i--) {
    const sum = units[i]! + carry;
    units[i] = sum & 0xffff;
    carry = Math.floor(sum / 0x10000);
  }
}
