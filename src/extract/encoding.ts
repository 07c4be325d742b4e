/**
 * Text decoding shared by the HTML and text extractors. Chinese government files come in UTF-8 or in
 * GBK/GB2312; both are read as GB18030 (a superset of both, so nothing valid is lost).
 * Order: byte-order mark, then a declared charset (verified against the bytes), then detection.
 */
import iconv from 'iconv-lite';
import { analyse } from 'chardet';
import { message, type Message } from '../report/flags.js';

export type DecodeHow = 'bom' | 'declared' | 'valid-utf8' | 'detected';

export type DecodedText = {
  readonly text: string;
  /** The encoding used: 'utf-8', 'gb18030', 'utf-16le', 'utf-16be', or another label iconv-lite knows. */
  readonly encoding: string;
  readonly how: DecodeHow;
  /** 'encoding_guessed' when the encoding was detected or a declaration was overruled. */
  readonly messages: readonly Message[];
};

export type EncodingSettings = {
  /** Bytes examined when the text is not valid UTF-8. Default 64 KiB: enough for a stable guess, cheap. */
  readonly detectSampleBytes: number;
  /**
   * Largest share of broken sequences among non-ASCII characters for text still to be read as UTF-8
   * (a damaged or cut-and-pasted UTF-8 file). Default 2%: GBK bytes read as UTF-8 break far more often.
   */
  readonly maxUtf8ErrorRatio: number;
};

export const DEFAULT_ENCODING_SETTINGS: EncodingSettings = Object.freeze({ detectSampleBytes: 64 * 1024, maxUtf8ErrorRatio: 0.02 });

/** Labels that all mean "simplified Chinese, GB family": read as GB18030. */
const GB_LABELS = new Set([
  'gb18030', 'gbk', 'gb2312', 'x-gbk', 'gb_2312-80', 'gb_2312', 'chinese', 'csgb2312', 'euc-cn', 'iso-ir-58',
  'cp936', 'windows-936', 'ms936', 'csiso58gb231280', 'hz-gb-2312',
]);
const UTF8_LABELS = new Set(['utf-8', 'utf8', 'unicode-1-1-utf-8', 'unicode11utf8', 'unicode20utf8', 'x-unicode20utf8']);

const BOMS: readonly { bytes: readonly number[]; encoding: string }[] = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
];

/** Maps a charset label from a declaration to the encoding we decode with; null if unknown. */
export function canonicalEncoding(label: string): string | null {
  const l = label.trim().toLowerCase().replace(/^["']|["']$/g, '');
  if (GB_LABELS.has(l)) return 'gb18030';
  if (UTF8_LABELS.has(l)) return 'utf-8';
  if (l === 'utf-16' || l === 'utf-16le') return 'utf-16le';
  if (l === 'utf-16be') return 'utf-16be';
  return iconv.encodingExists(l) ? l : null;
}

/** The encoding named by a byte-order mark, and the mark's length. */
export function bomEncoding(bytes: Uint8Array): { encoding: string; length: number } | null {
  for (const bom of BOMS) {
    if (bom.bytes.every((b, i) => bytes[i] === b)) return { encoding: bom.encoding, length: bom.bytes.length };
  }
  return null;
}

/** True when the bytes are UTF-8 (an incomplete character cut off at the very end is allowed). */
export function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

function hasNonAscii(bytes: Uint8Array): boolean {
  return bytes.some((b) => b >= 0x80);
}

export function decodeWith(bytes: Uint8Array, encoding: string): string {
  if (encoding === 'utf-8') return new TextDecoder('utf-8').decode(bytes);
  return iconv.decode(bytes, encoding);
}

/** Broken UTF-8 sequences per non-ASCII character when the bytes are read as UTF-8 (0 = clean). */
export function utf8ErrorRatio(bytes: Uint8Array): number {
  const text = new TextDecoder('utf-8').decode(bytes);
  const nonAscii = text.match(/[^\x00-\x7f]/gu)?.length ?? 0;
  const broken = text.match(/\uFFFD/g)?.length ?? 0;
  return nonAscii === 0 ? 0 : broken / nonAscii;
}

/**
 * UTF-8 or GB18030 for bytes that are not clean UTF-8: UTF-8 with a few broken sequences stays UTF-8
 * (chardet scores any broken UTF-8 as 0); otherwise chardet decides, GB18030 when it has no opinion.
 */
export function detectEncoding(bytes: Uint8Array, settings: EncodingSettings = DEFAULT_ENCODING_SETTINGS): string {
  const sample = bytes.subarray(0, settings.detectSampleBytes);
  if (utf8ErrorRatio(sample) <= settings.maxUtf8ErrorRatio) return 'utf-8';
  const matches = analyse(sample);
  const confidence = (name: string): number => matches.find((m) => m.name === name)?.confidence ?? 0;
  const gb = Math.max(confidence('GB18030'), confidence('GBK'), confidence('GB2312'));
  return confidence('UTF-8') > gb ? 'utf-8' : 'gb18030';
}

function decoded(text: string, encoding: string, how: DecodeHow, messages: Message[] = []): DecodedText {
  return { text, encoding, how, messages };
}

/** Decodes a declared charset, unless the bytes plainly contradict it (a common misconfiguration). */
function decodeDeclared(bytes: Uint8Array, declared: string): DecodedText | null {
  const encoding = canonicalEncoding(declared);
  if (!encoding) return null;
  const utf8 = isValidUtf8(bytes);
  if (encoding === 'utf-8' && !utf8) {
    const text = decodeWith(bytes, 'gb18030');
    const note = message('encoding_guessed', `declared charset ${declared}, but the bytes are not UTF-8: read as GB18030`);
    return decoded(text, 'gb18030', 'detected', [note]);
  }
  if (encoding === 'gb18030' && utf8 && hasNonAscii(bytes)) {
    const note = message('encoding_guessed', `declared charset ${declared}, but the bytes are UTF-8: read as UTF-8`);
    return decoded(decodeWith(bytes, 'utf-8'), 'utf-8', 'detected', [note]);
  }
  return decoded(decodeWith(bytes, encoding), encoding, 'declared');
}

/**
 * Decodes file bytes to a string. `declared` is a charset label from the file itself (an HTML meta tag);
 * the byte-order mark wins over it, and bytes that contradict it overrule it (with a message).
 */
export function decodeBytes(bytes: Uint8Array, declared?: string, settings: EncodingSettings = DEFAULT_ENCODING_SETTINGS): DecodedText {
  const bom = bomEncoding(bytes);
  if (bom) return decoded(decodeWith(bytes.subarray(bom.length), bom.encoding), bom.encoding, 'bom');
  const fromDeclaration = declared === undefined ? null : decodeDeclared(bytes, declared);
  if (fromDeclaration) return fromDeclaration;
  if (isValidUtf8(bytes)) return decoded(decodeWith(bytes, 'utf-8'), 'utf-8', 'valid-utf8');
  const encoding = detectEncoding(bytes, settings);
  const note = message('encoding_guessed', `no charset declared: the text encoding was detected as ${encoding.toUpperCase()}`, undefined, 'info');
  return decoded(decodeWith(bytes, encoding), encoding, 'detected', [note]);
}
