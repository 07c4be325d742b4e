/**
 * PDF object values (PDF 32000-1 §7.3) as nianbao's own PDF reader holds them, and the small
 * interfaces its parts share: the file (objects, streams, pages) on one side, fonts and the
 * content interpreter on the other. Plain classes, no behaviour beyond lookups.
 *
 * Names are interned (`Name.of`), so `a === b` compares two names. Strings are raw bytes: their
 * meaning (PDFDocEncoding, UTF-16, font codes) depends on where they are used.
 */

export class Name {
  private static readonly table = new Map<string, Name>();
  private constructor(readonly name: string) {}

  static of(name: string): Name {
    let n = Name.table.get(name);
    if (!n) {
      n = new Name(name);
      Name.table.set(name, n);
    }
    return n;
  }

  toString(): string {
    return `/${this.name}`;
  }
}

/** An indirect reference `num gen R`. */
export class Ref {
  constructor(
    readonly num: number,
    readonly gen: number,
  ) {}

  get key(): string {
    return `${this.num} ${this.gen}`;
  }
}

export class Dict {
  constructor(readonly map: Map<string, PdfValue> = new Map()) {}

  /** The raw value (possibly a Ref); use `PdfResolver.get` to follow references. */
  raw(key: string): PdfValue | undefined {
    return this.map.get(key);
  }
}

/** A stream object: its dictionary and its bytes as stored (still filtered, still encrypted). */
export class Stream {
  constructor(
    readonly dict: Dict,
    readonly raw: Uint8Array,
    /** The object that holds the stream (decryption keys depend on it); absent for inline streams. */
    readonly ref?: Ref,
  ) {}
}

/** PDF strings are bytes. */
export type PdfString = Uint8Array;

export type PdfValue = null | boolean | number | Name | PdfString | PdfValue[] | Dict | Stream | Ref;

/** What fonts and the content interpreter need from an open file. */
export interface PdfResolver {
  /** Follows references (chains too); undefined for a missing object or a missing key. */
  get(value: PdfValue | undefined): PdfValue | undefined;
  /** `get(dict.raw(key))`. */
  lookup(dict: Dict, key: string): PdfValue | undefined;
  /** The stream's data with its filters undone and decrypted. Throws UnsupportedPdfError for image-only filters. */
  streamData(stream: Stream): Uint8Array;
}

/** A page as the page tree gives it, with inherited attributes applied. */
export type PdfPageInfo = {
  /** Rectangle [x0, y0, x1, y1] in default user space, normalised so x0 < x1 and y0 < y1. */
  readonly mediaBox: readonly [number, number, number, number];
  /** CropBox intersected with MediaBox; equals mediaBox when absent. */
  readonly cropBox: readonly [number, number, number, number];
  /** 0, 90, 180 or 270. */
  readonly rotate: number;
  readonly resources: Dict | undefined;
  /** The page's content streams, decoded, in order (an array `Contents` gives several). */
  readonly contents: readonly Uint8Array[];
};

/**
 * Thrown where nianbao's reader meets something it does not read (a Type3 font, a font whose text
 * cannot be mapped to Unicode, an unknown filter on a content stream, a damaged file). The caller then
 * reads the whole file with pdf.js instead: slower, never wrong for want of support here.
 */
export class UnsupportedPdfError extends Error {
  override readonly name = 'UnsupportedPdfError';
}

export function isName(v: PdfValue | undefined, name?: string): v is Name {
  return v instanceof Name && (name === undefined || v.name === name);
}

export function isDict(v: PdfValue | undefined): v is Dict {
  return v instanceof Dict;
}

export function isStream(v: PdfValue | undefined): v is Stream {
  return v instanceof Stream;
}

export function isNumber(v: PdfValue | undefined): v is number {
  return typeof v === 'number';
}
