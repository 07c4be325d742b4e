/**
 * RC4 (ARCFOUR), the cipher of PDF encryption V1/V2 and of crypt filter /V2. Written here because
 * OpenSSL 3 (Node's crypto) no longer offers it by default.
 */

/** Encrypts or decrypts (the same operation) `data` with `key`; returns new bytes. */
export function rc4(key: Uint8Array, data: Uint8Array): Uint8Array {
  const s = new Uint8Array(256);
  for (let i = 0; i < 256; i++) s[i] = i;
  const keyLength = key.length;
  for (let i = 0, j = 0; i < 256; i++) {
    const t = s[i]!;
    j = (j + t + key[i % keyLength]!) & 0xff;
    s[i] = s[j]!;
    s[j] = t;
  }
  const out = new Uint8Array(data.length);
  for (let n = 0, i = 0, j = 0; n < data.length; n++) {
    i = (i + 1) & 0xff;
    const t = s[i]!;
    j = (j + t) & 0xff;
    s[i] = s[j]!;
    s[j] = t;
    out[n] = data[n]! ^ s[(t + s[i]!) & 0xff]!;
  }
  return out;
}
