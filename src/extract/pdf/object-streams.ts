/**
 * Object streams (PDF 32000-1 §7.5.7): /N pairs `num offset` then the objects, from /First on.
 * Decoded once per stream and kept; each object is parsed when first asked for.
 */
import { Lexer } from './lexer.js';
import { UnsupportedPdfError, type PdfValue } from './objects.js';
import { Parser } from './parser.js';

export class ObjectStream {
  private readonly nums: number[] = [];
  private readonly offsets: number[] = [];

  constructor(
    private readonly data: Uint8Array,
    count: number,
    private readonly first: number,
  ) {
    const lx = new Lexer(data);
    for (let i = 0; i < count; i++) {
      lx.skipSpace();
      const c = lx.peek();
      if (c < 0x30 || c > 0x39) break;
      const num = lx.readNumber();
      lx.skipSpace();
      const offset = lx.readNumber();
      if (!Number.isInteger(num) || !Number.isInteger(offset) || offset < 0) break;
      this.nums.push(num);
      this.offsets.push(offset);
    }
    if (this.nums.length === 0 && count > 0) throw new UnsupportedPdfError('unreadable object stream');
  }

  /** The object numbers held, in order. */
  get objectNumbers(): readonly number[] {
    return this.nums;
  }

  /** The object at `index` when it is object `num`; otherwise the object `num` wherever it is held. */
  read(index: number, num: number): PdfValue | undefined {
    const i = this.nums[index] === num ? index : this.nums.indexOf(num);
    if (i < 0) return undefined;
    const lx = new Lexer(this.data, this.first + this.offsets[i]!);
    return new Parser(lx, true).readValue() ?? null;
  }
}
