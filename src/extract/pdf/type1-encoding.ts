/**
 * The built-in encoding of an embedded Type 1 font program (FontFile): its clear-text part holds
 * either `/Encoding StandardEncoding def` or `/Encoding 256 array … dup <code> /<name> put … def`
 * (Adobe Type 1 Font Format §2.3). Read for simple fonts that have neither /Encoding nor ToUnicode.
 */
import { STANDARD_ENCODING, type Encoding } from './encodings.js';

/** Where the encrypted part starts; the encoding comes before it. */
const EEXEC = 'eexec';
/** A PFB segment header (0x80, type, 4-byte length) that some files keep in FontFile. */
const PFB_MARKER = 0x80;
const PFB_HEADER_BYTES = 6;
/** Bytes searched when the program gives no /Length1 and has no `eexec` (a malformed program). */
const MAX_CLEAR_TEXT = 0x10000;

/** The encoding, or undefined when the clear text holds none. `clearTextLength`: the stream's /Length1. */
export function readType1Encoding(program: Uint8Array, clearTextLength?: number): Encoding | undefined {
  const start = program[0] === PFB_MARKER ? PFB_HEADER_BYTES : 0;
  const limit = Math.min(program.length, start + (clearTextLength ?? MAX_CLEAR_TEXT));
  let text = '';
  for (let i = start; i < limit; i++) text += String.fromCharCode(program[i]!);
  const eexec = text.indexOf(EEXEC);
  if (eexec >= 0) text = text.slice(0, eexec);
  const at = text.indexOf('/Encoding');
  if (at < 0) return undefined;
  const rest = text.slice(at + '/Encoding'.length);
  if (/^\s*StandardEncoding\b/.test(rest)) return STANDARD_ENCODING;
  const table: string[] = new Array<string>(256).fill('');
  let found = false;
  for (const m of rest.matchAll(/dup\s+(\d+)\s*\/([^\s/[\]{}()<>%]+)\s+put/g)) {
    const code = Number(m[1]);
    if (code <= 0xff) {
      table[code] = m[2]!;
      found = true;
    }
  }
  return found ? Object.freeze(table) : undefined;
}
