/**
 * The CMaps a font dictionary names: its /ToUnicode (a stream, or rarely Identity-H), a Type0 font's
 * /Encoding (Identity-H/V, a predefined CMap or an embedded stream), and the Adobe-<Ordering>-UCS2
 * map that gives text for CIDs of the Adobe character collections.
 */
import { predefinedCMap } from './bcmap.js';
import type { CMap } from './cmap-data.js';
import { parseCMap } from './cmap.js';
import { isName, isNumber, isStream, type PdfResolver, type PdfValue, type Stream } from './objects.js';
import { FileTooLargeError } from '../../errors.js';

/** Code → text, or undefined when the map has nothing for the code. */
export type TextSource = { text(code: number): string | undefined };

/** Embedded CMaps nest through /UseCMap no deeper than this (deeper: a loop). */
const MAX_USECMAP_DEPTH = 4;
/** Character collections pdf.js ships an Adobe-<Ordering>-UCS2 map for. */
const UCS2_ORDERINGS: ReadonlySet<string> = new Set(['GB1', 'CNS1', 'Japan1', 'Korea1']);

/** ToUnicode given as a name: the code is its own UTF-16 unit (pdf.js reads Identity-H/V so). */
const IDENTITY_TEXT: TextSource = { text: (code) => (code <= 0xffff ? String.fromCharCode(code) : undefined) };

/** Parsed stream CMaps, per stream object: fonts of one file often share a ToUnicode stream. */
export type StreamCMapCache = WeakMap<Stream, CMap>;

/**
 * A font's /ToUnicode; undefined when absent, empty or unreadable (a stream that does not decode, a
 * `usecmap` we lack): the font's other rules then give the text, as pdf.js ignores such ToUnicode too.
 */
export function readToUnicode(resolver: PdfResolver, value: PdfValue | undefined, cache: StreamCMapCache): TextSource | undefined {
  if (isName(value)) return value.name === 'Identity-H' || value.name === 'Identity-V' ? IDENTITY_TEXT : undefined;
  if (!isStream(value)) return undefined;
  let cmap: CMap;
  try {
    cmap = streamCMap(resolver, value, cache, 0);
  } catch (e) {
    if (e instanceof FileTooLargeError) throw e; // a decompression bomb fails the file
    return undefined;
  }
  return cmap.hasTexts ? cmap : undefined;
}

/** An embedded CMap stream, its /UseCMap and /WMode applied. */
export function streamCMap(resolver: PdfResolver, stream: Stream, cache: StreamCMapCache, depth: number): CMap {
  const cached = cache.get(stream);
  if (cached) return cached;
  const cmap = parseCMap(resolver.streamData(stream), { loadParent: (name) => predefinedCMap(name) });
  const parent = resolver.lookup(stream.dict, 'UseCMap');
  if (isName(parent)) cmap.useParent(predefinedCMap(parent.name));
  else if (isStream(parent) && depth < MAX_USECMAP_DEPTH) cmap.useParent(streamCMap(resolver, parent, cache, depth + 1));
  const wmode = resolver.lookup(stream.dict, 'WMode');
  if (isNumber(wmode)) cmap.vertical = wmode === 1;
  cache.set(stream, cmap);
  return cmap;
}

/** A Type0 font's encoding: 'identity' (two-byte codes that are CIDs) or a CMap. */
export type EncodingCMap = { readonly kind: 'identity'; readonly vertical: boolean } | { readonly kind: 'cmap'; readonly cmap: CMap };

/** Reads /Encoding of a Type0 font; throws UnsupportedPdfError for unknown predefined names. */
export function readEncodingCMap(resolver: PdfResolver, value: PdfValue | undefined, cache: StreamCMapCache): EncodingCMap | undefined {
  if (isName(value)) {
    if (value.name === 'Identity-H' || value.name === 'Identity-V') return { kind: 'identity', vertical: value.name === 'Identity-V' };
    return { kind: 'cmap', cmap: predefinedCMap(value.name) };
  }
  if (isStream(value)) return { kind: 'cmap', cmap: streamCMap(resolver, value, cache, 0) };
  return undefined;
}

/**
 * The CID → text map of an Adobe character collection (GB1, CNS1, Japan1, Korea1); undefined for
 * others. Read on first use: fonts with a ToUnicode rarely need it.
 */
export function collectionText(registry: string | undefined, ordering: string | undefined): TextSource | undefined {
  if (registry !== 'Adobe' || ordering === undefined || !UCS2_ORDERINGS.has(ordering)) return undefined;
  let map: CMap | undefined;
  return { text: (cid) => (map ??= predefinedCMap(`Adobe-${ordering}-UCS2`)).text(cid) };
}

/** Predefined CMap name prefixes → their character collection, for CIDFonts without CIDSystemInfo. */
const ORDERING_BY_PREFIX: ReadonlyArray<readonly [string, string]> = [
  ['UniGB', 'GB1'],
  ['GB', 'GB1'],
  ['UniCNS', 'CNS1'],
  ['B5', 'CNS1'],
  ['CNS', 'CNS1'],
  ['ETen', 'CNS1'],
  ['HK', 'CNS1'],
  ['UniKS', 'Korea1'],
  ['KSC', 'Korea1'],
  ['UniJIS', 'Japan1'],
  ['90ms', 'Japan1'],
  ['83pv', 'Japan1'],
  ['EUC-', 'Japan1'],
  ['RKSJ', 'Japan1'],
];

/** The character collection a predefined CMap's codes belong to, guessed from its name. */
export function orderingOfCMapName(name: string): string | undefined {
  return ORDERING_BY_PREFIX.find(([prefix]) => name.startsWith(prefix))?.[1];
}

/** Text of codes of the Unicode-based predefined CMaps (Uni*-UCS2-*, Uni*-UTF16-*, Uni*-UTF32-*): the code itself. */
export function unicodeCodeText(cmapName: string): TextSource | undefined {
  if (!cmapName.startsWith('Uni')) return undefined;
  if (cmapName.includes('-UCS2-') || cmapName.includes('-UTF16-')) {
    return { text: (code) => (code > 0xffff ? String.fromCharCode(code >>> 16, code & 0xffff) : String.fromCharCode(code)) };
  }
  if (cmapName.includes('-UTF32-')) return { text: (code) => (code <= 0x10ffff ? String.fromCodePoint(code) : undefined) };
  return undefined;
}

