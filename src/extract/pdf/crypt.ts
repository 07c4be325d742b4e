/**
 * The Standard security handler (PDF 32000-1 §7.6, ISO 32000-2 for revision 6): decrypts strings
 * and streams with the empty user password, which is all that owner-password-only files need.
 * Files that need a user password throw EncryptedFileError; other handlers UnsupportedPdfError.
 */
import { createDecipheriv, createHash } from 'node:crypto';
import { EncryptedFileError } from '../../errors.js';
import { aesFileKey, legacyFileKey } from './crypt-keys.js';
import { isDict, isName, UnsupportedPdfError, type Dict, type PdfValue } from './objects.js';
import { rc4 } from './rc4.js';
import type { Getter } from './filters.js';

/** How one crypt filter transforms data. */
type Method = 'none' | 'rc4' | 'aes128' | 'aes256';

export interface Decryptor {
  /** Decrypts a string of object `num gen`. */
  string(data: Uint8Array, num: number, gen: number): Uint8Array;
  /** Decrypts a stream of object `num gen`; `filterName` is the stream's own /Crypt filter, if any. */
  stream(data: Uint8Array, num: number, gen: number, filterName?: string): Uint8Array;
  /** False when /EncryptMetadata false: metadata streams are stored in clear. */
  readonly encryptMetadata: boolean;
}

const AES_BLOCK = 16;
const SALT = Uint8Array.from([0x73, 0x41, 0x6c, 0x54]); // "sAlT", Algorithm 1 step for AES
/** Algorithm 1: the object key is the file key plus 5 bytes, at most 16. */
const OBJECT_KEY_EXTRA = 5;
const MAX_OBJECT_KEY = 16;

/** What the Standard handler's dictionary says, references followed. */
type StandardParams = {
  readonly version: number;
  readonly revision: number;
  readonly num: (key: string, fallback: number) => number;
  readonly bytes: (key: string) => Uint8Array;
  readonly encryptMetadata: boolean;
  readonly filters: ReadonlyMap<string, Method>;
};

/** Reads /Encrypt; `firstId` is the trailer's /ID[0]. */
export function createDecryptor(encrypt: Dict, firstId: Uint8Array, get: Getter): Decryptor {
  if (!isName(get(encrypt.raw('Filter')), 'Standard')) throw new UnsupportedPdfError('encryption other than the Standard security handler');
  const params = standardParams(encrypt, get);
  const key = fileKey(params, encrypt, firstId, get);
  if (!key) throw new EncryptedFileError();
  const { version, filters } = params;
  const defaultMethod: Method = version === 5 ? 'aes256' : 'rc4';
  const method = (name: string | undefined): Method => (version < 4 ? defaultMethod : (filters.get(name ?? 'Identity') ?? 'none'));
  const ciphers = new Map<Method, Cipher>();
  const cipher = (m: Method): Cipher => {
    let c = ciphers.get(m);
    if (!c) ciphers.set(m, (c = methodCipher(key, m)));
    return c;
  };
  const strCipher = cipher(method(nameOf(get(encrypt.raw('StrF')))));
  const stmCipher = cipher(method(nameOf(get(encrypt.raw('StmF')))));
  return {
    encryptMetadata: params.encryptMetadata,
    string: strCipher,
    stream: (data, n, g, filterName) => (filterName === undefined ? stmCipher : cipher(method(filterName)))(data, n, g),
  };
}

function standardParams(encrypt: Dict, get: Getter): StandardParams {
  const num = (key: string, fallback: number): number => {
    const v = get(encrypt.raw(key));
    return typeof v === 'number' ? v : fallback;
  };
  const bytes = (key: string): Uint8Array => {
    const v = get(encrypt.raw(key));
    return v instanceof Uint8Array ? v : new Uint8Array(0);
  };
  const version = num('V', 0);
  if (![1, 2, 4, 5].includes(version)) throw new UnsupportedPdfError(`unsupported encryption version ${version}`);
  return {
    version,
    revision: num('R', 0),
    num,
    bytes,
    encryptMetadata: get(encrypt.raw('EncryptMetadata')) !== false,
    filters: version >= 4 ? cryptFilters(encrypt, get) : new Map<string, Method>(),
  };
}

/** Key lengths in bytes: V1 is always 40 bits; /Length defaults to 40 bits, except for AES (128). */
const V1_KEY_BYTES = 5;
const DEFAULT_KEY_BITS = 40;
const AES128_KEY_BYTES = 16;

function fileKey(params: StandardParams, encrypt: Dict, firstId: Uint8Array, get: Getter): Uint8Array | undefined {
  const { version, revision, num, bytes } = params;
  if (version === 5) return aesFileKey({ revision, user: bytes('U'), userKey: bytes('UE') });
  return legacyFileKey({
    revision,
    keyLength: version === 1 ? V1_KEY_BYTES : legacyKeyBytes(params, encrypt, get),
    owner: bytes('O'),
    user: bytes('U'),
    permissions: num('P', 0),
    firstId,
    encryptMetadata: params.encryptMetadata,
  });
}

/** /Length in bits; for V4 without it, the stream crypt filter's /Length (bytes, or bits when ≥ 40). */
function legacyKeyBytes(params: StandardParams, encrypt: Dict, get: Getter): number {
  const bits = params.num('Length', 0);
  if (bits > 0) return Math.floor(bits / 8);
  if (params.version < 4) return DEFAULT_KEY_BITS / 8;
  const cf = get(encrypt.raw('CF'));
  const stdName = nameOf(get(encrypt.raw('StmF'))) ?? 'Identity';
  const std = isDict(cf) ? get(cf.raw(stdName)) : undefined;
  const length = isDict(std) ? get(std.raw('Length')) : undefined;
  if (typeof length === 'number' && length > 0) return length >= DEFAULT_KEY_BITS ? Math.floor(length / 8) : length;
  return params.filters.get(stdName) === 'aes128' ? AES128_KEY_BYTES : DEFAULT_KEY_BITS / 8;
}

function nameOf(v: PdfValue | undefined): string | undefined {
  return isName(v) ? v.name : undefined;
}

/** /CF: each crypt filter's method (/CFM). Identity is always there. */
function cryptFilters(encrypt: Dict, get: Getter): Map<string, Method> {
  const out = new Map<string, Method>([['Identity', 'none']]);
  const cf = get(encrypt.raw('CF'));
  if (!isDict(cf)) return out;
  for (const [name, value] of cf.map) {
    const filter = get(value);
    const cfm = isDict(filter) ? get(filter.raw('CFM')) : undefined;
    const m = isName(cfm) ? cfm.name : 'None';
    if (m === 'V2') out.set(name, 'rc4');
    else if (m === 'AESV2') out.set(name, 'aes128');
    else if (m === 'AESV3') out.set(name, 'aes256');
    else if (m === 'None') out.set(name, 'none');
    else throw new UnsupportedPdfError(`unsupported crypt filter method ${m}`);
  }
  return out;
}

/** Decrypts with one method; object keys are remembered for the last object (its strings come together). */
type Cipher = (data: Uint8Array, num: number, gen: number) => Uint8Array;

function methodCipher(fileKey: Uint8Array, method: Method): Cipher {
  let lastNum = -1;
  let lastGen = -1;
  let lastKey: Uint8Array = fileKey;
  const keyFor = (num: number, gen: number): Uint8Array => {
    if (num !== lastNum || gen !== lastGen) {
      lastKey = objectKey(fileKey, num, gen, method === 'aes128');
      lastNum = num;
      lastGen = gen;
    }
    return lastKey;
  };
  switch (method) {
    case 'none':
      return (data) => data;
    case 'rc4':
      return (data, num, gen) => rc4(keyFor(num, gen), data);
    case 'aes128':
      return (data, num, gen) => aesDecrypt('aes-128-cbc', keyFor(num, gen), data);
    case 'aes256':
      return (data) => aesDecrypt('aes-256-cbc', fileKey, data);
  }
}

/** Algorithm 1: MD5 of the file key, the object number (3 bytes) and generation (2 bytes), low byte first. */
function objectKey(fileKey: Uint8Array, num: number, gen: number, aes: boolean): Uint8Array {
  const md5 = createHash('md5');
  md5.update(fileKey);
  md5.update(Uint8Array.from([num & 0xff, (num >> 8) & 0xff, (num >> 16) & 0xff, gen & 0xff, (gen >> 8) & 0xff]));
  if (aes) md5.update(SALT);
  return md5.digest().subarray(0, Math.min(fileKey.length + OBJECT_KEY_EXTRA, MAX_OBJECT_KEY));
}

/** AES-CBC with the IV in the first 16 bytes; PKCS#5 padding removed when it is well formed. */
function aesDecrypt(algorithm: 'aes-128-cbc' | 'aes-256-cbc', key: Uint8Array, data: Uint8Array): Uint8Array {
  if (data.length < 2 * AES_BLOCK) return new Uint8Array(0);
  const body = data.subarray(AES_BLOCK, AES_BLOCK + Math.floor((data.length - AES_BLOCK) / AES_BLOCK) * AES_BLOCK);
  const decipher = createDecipheriv(algorithm, key, data.subarray(0, AES_BLOCK));
  decipher.setAutoPadding(false);
  const first = decipher.update(body);
  const rest = decipher.final();
  const out = rest.length === 0 ? new Uint8Array(first.buffer, first.byteOffset, first.length) : Uint8Array.from([...first, ...rest]);
  const pad = out[out.length - 1]!;
  if (pad < 1 || pad > AES_BLOCK) return out;
  for (let i = out.length - pad; i < out.length; i++) if (out[i] !== pad) return out;
  return out.subarray(0, out.length - pad);
}
