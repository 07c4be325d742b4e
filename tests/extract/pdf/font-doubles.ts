/**
 * Font dictionaries for unit tests of src/extract/pdf/font*.ts: an in-memory resolver that follows
 * references (objects by number, generation 0) and undoes FlateDecode (the only filter it knows).
 */
import { inflateSync } from 'node:zlib';
import { Dict, isName, Name, Ref, Stream, type PdfResolver, type PdfValue } from '../../../src/extract/pdf/objects.js';

export class MemoryResolver implements PdfResolver {
  private readonly objects = new Map<number, PdfValue>();
  private next = 1;

  /** Stores a value as an indirect object and returns its reference. */
  add(value: PdfValue): Ref {
    const ref = new Ref(this.next++, 0);
    this.objects.set(ref.num, value);
    return ref;
  }

  get(value: PdfValue | undefined): PdfValue | undefined {
    let v = value;
    for (let hops = 0; v instanceof Ref && hops < 8; hops++) v = this.objects.get(v.num);
    return v instanceof Ref ? undefined : v;
  }

  lookup(dict: Dict, key: string): PdfValue | undefined {
    return this.get(dict.raw(key));
  }

  /** How many times stream data was asked for (the font code should not need it twice). */
  streamReads = 0;

  streamData(stream: Stream): Uint8Array {
    this.streamReads++;
    return isName(this.lookup(stream.dict, 'Filter'), 'FlateDecode') ? new Uint8Array(inflateSync(stream.raw)) : stream.raw;
  }
}

/** A dictionary; string values become names ('/X' or 'X' → Name X). */
export function dict(entries: Record<string, PdfValue | string>): Dict {
  const map = new Map<string, PdfValue>();
  for (const [key, value] of Object.entries(entries)) map.set(key, typeof value === 'string' ? Name.of(value.replace(/^\//, '')) : value);
  return new Dict(map);
}

export function stream(entries: Record<string, PdfValue | string>, data: Uint8Array | string): Stream {
  return new Stream(dict(entries), typeof data === 'string' ? new Uint8Array(Buffer.from(data, 'latin1')) : data);
}

/** Bytes from hex digits ('00 41' → [0, 0x41]). */
export function hex(digits: string): Uint8Array {
  return new Uint8Array(Buffer.from(digits.replace(/\s+/g, ''), 'hex'));
}

/** A PDF string (raw bytes) from Latin-1 text. */
export function latin1(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'latin1'));
}

export function names(...list: string[]): Name[] {
  return list.map((n) => Name.of(n));
}
