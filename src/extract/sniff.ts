import type { Format } from './document.js';

/** Decides the format from the bytes (magic numbers), not the extension. (stub: being written) */
export function sniffFormat(bytes: Uint8Array, fileName: string): Format {
  void bytes;
  void fileName;
  throw new Error('sniffFormat: not implemented yet');
}
