/**
 * File keys of the Standard security handler from the empty user password: PDF 32000-1 §7.6.3.3
 * Algorithm 2 and Algorithms 4/5 (checking /U) for revisions 2–4, and ISO 32000-2 §7.6.4.3.3/4
 * Algorithms 2.A/2.B for revisions 5 and 6 (AES-256).
 */
import { createCipheriv, createDecipheriv, createHash } from 'node:crypto';
import { rc4 } from './rc4.js';

/** Algorithm 2's padding string. */
const PASSWORD_PADDING = Uint8Array.from([
  0x28, 0xbf, 0x4e, 0x5e, 0x4e, 0x75, 0x8a, 0x41, 0x64, 0x00, 0x4e, 0x56, 0xff, 0xfa, 0x01, 0x08, 0x2e, 0x2e, 0x00,
  0xb6, 0xd0, 0x68, 0x3e, 0x80, 0x2f, 0x0c, 0xa9, 0xfe, 0x64, 0x53, 0x69, 0x7a,
]);

/** What revisions 2–4 need from /Encrypt and the trailer. */
export type LegacyKeyInput = {
  readonly revision: number;
  /** Key length in bytes (5 for 40 bits … 16 for 128 bits). */
  readonly keyLength: number;
  readonly owner: Uint8Array;
  readonly user: Uint8Array;
  readonly permissions: number;
  readonly firstId: Uint8Array;
  readonly encryptMetadata: boolean;
};

/** Revision 3+ rehashes the key this many times (Algorithm 2 step f) and re-encrypts /U 19 more times. */
const REHASH_ROUNDS = 50;
const USER_KEY_ROUNDS = 19;

/** The file key when the user password is empty, or undefined when a password is needed. */
export function legacyFileKey(input: LegacyKeyInput): Uint8Array | undefined {
  const n = input.revision === 2 ? 5 : input.keyLength;
  const md5 = createHash('md5');
  md5.update(PASSWORD_PADDING);
  md5.update(input.owner.subarray(0, 32));
  const p = input.permissions;
  md5.update(Uint8Array.from([p & 0xff, (p >> 8) & 0xff, (p >> 16) & 0xff, (p >>> 24) & 0xff]));
  md5.update(input.firstId);
  if (input.revision >= 4 && !input.encryptMetadata) md5.update(Uint8Array.from([0xff, 0xff, 0xff, 0xff]));
  let key: Uint8Array = md5.digest().subarray(0, n);
  if (input.revision >= 3) {
    for (let i = 0; i < REHASH_ROUNDS; i++) key = createHash('md5').update(key).digest().subarray(0, n);
  }
  return userKeyMatches(key, input) ? key : undefined;
}

/** Algorithms 4 and 5: /U computed from the key equals the stored one (first 16 bytes for revision 3+). */
function userKeyMatches(key: Uint8Array, input: LegacyKeyInput): boolean {
  if (input.revision === 2) return sameBytes(rc4(key, PASSWORD_PADDING), input.user, 32);
  let u: Uint8Array = createHash('md5').update(PASSWORD_PADDING).update(input.firstId).digest();
  u = rc4(key, u);
  for (let i = 1; i <= USER_KEY_ROUNDS; i++) u = rc4(key.map((b) => b ^ i), u);
  return sameBytes(u, input.user, 16);
}

function sameBytes(a: Uint8Array, b: Uint8Array, length: number): boolean {
  if (a.length < length || b.length < length) return false;
  for (let i = 0; i < length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** What revisions 5 and 6 need from /Encrypt. */
export type AesKeyInput = { readonly revision: number; readonly user: Uint8Array; readonly userKey: Uint8Array };

/** /U holds a 32-byte hash, an 8-byte validation salt and an 8-byte key salt. */
const HASH_BYTES = 32;
const SALT_BYTES = 8;

/** The 32-byte file key when the user password is empty (Algorithm 2.A), or undefined. */
export function aesFileKey(input: AesKeyInput): Uint8Array | undefined {
  if (input.user.length < HASH_BYTES + 2 * SALT_BYTES || input.userKey.length < HASH_BYTES) return undefined;
  const password = new Uint8Array(0);
  const validationSalt = input.user.subarray(HASH_BYTES, HASH_BYTES + SALT_BYTES);
  const keySalt = input.user.subarray(HASH_BYTES + SALT_BYTES, HASH_BYTES + 2 * SALT_BYTES);
  const check = passwordHash(input.revision, password, validationSalt);
  if (!sameBytes(check, input.user, HASH_BYTES)) return undefined;
  const intermediate = passwordHash(input.revision, password, keySalt);
  const decipher = createDecipheriv('aes-256-cbc', intermediate, new Uint8Array(16));
  decipher.setAutoPadding(false);
  return concat([decipher.update(input.userKey.subarray(0, HASH_BYTES)), decipher.final()]);
}

/** Revision 5: SHA-256 of password and salt; revision 6: Algorithm 2.B. (User passwords: no /U data mixed in.) */
function passwordHash(revision: number, password: Uint8Array, salt: Uint8Array): Uint8Array {
  const k = createHash('sha256').update(password).update(salt).digest();
  return revision === 5 ? k : hardenedHash(password, k);
}

/** Algorithm 2.B's minimum rounds, and its stop rule's offset (the last byte of E ≤ round − 32). */
const MIN_ROUNDS = 64;
const STOP_OFFSET = 32;
const REPEATS = 64;
const HASHES = ['sha256', 'sha384', 'sha512'] as const;

function hardenedHash(password: Uint8Array, first: Uint8Array): Uint8Array {
  let k: Uint8Array = first;
  let e: Uint8Array = new Uint8Array(0);
  for (let round = 0; round < MIN_ROUNDS || e[e.length - 1]! > round - STOP_OFFSET; round++) {
    const block = concat([password, k]);
    const k1 = new Uint8Array(block.length * REPEATS);
    for (let i = 0; i < REPEATS; i++) k1.set(block, i * block.length);
    const cipher = createCipheriv('aes-128-cbc', k.subarray(0, 16), k.subarray(16, 32));
    cipher.setAutoPadding(false);
    e = concat([cipher.update(k1), cipher.final()]);
    let sum = 0;
    for (let i = 0; i < 16; i++) sum += e[i]!;
    k = createHash(HASHES[sum % 3]!).update(e).digest();
  }
  return k.subarray(0, HASH_BYTES);
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  let length = 0;
  for (const p of parts) length += p.length;
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
