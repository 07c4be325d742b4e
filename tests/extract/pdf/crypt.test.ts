import { describe, expect, it } from 'vitest';
import { createDecryptor } from '../../../src/extract/pdf/crypt.js';
import { aesFileKey, legacyFileKey } from '../../../src/extract/pdf/crypt-keys.js';
import { Lexer } from '../../../src/extract/pdf/lexer.js';
import { Dict, UnsupportedPdfError, type PdfValue } from '../../../src/extract/pdf/objects.js';
import { Parser } from '../../../src/extract/pdf/parser.js';
import { rc4 } from '../../../src/extract/pdf/rc4.js';

const hex = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'hex'));
const toHex = (b: Uint8Array | undefined): string => Buffer.from(b ?? []).toString('hex');
const ascii = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'latin1'));
const dict = (text: string): Dict => new Parser(new Lexer(ascii(text)), true).readValue() as Dict;
const direct = (v: PdfValue | undefined): PdfValue | undefined => v;

describe('rc4', () => {
  it('matches the published test vectors', () => {
    expect(toHex(rc4(ascii('Key'), ascii('Plaintext')))).toBe('bbf316e8d940af0ad3');
    expect(toHex(rc4(ascii('Wiki'), ascii('pedia')))).toBe('1021bf0420');
    expect(toHex(rc4(ascii('Secret'), ascii('Attack at dawn')))).toBe('45a01f645fc35b383552544b9bf5');
  });
});

/** /O, /U, /ID[0] of the qpdf fixtures and the file keys `qpdf --show-encryption-key` prints. */
describe('file keys from the empty user password', () => {
  it('revision 2, 40-bit RC4 (objects/rc4-40.pdf)', () => {
    const key = legacyFileKey({
      revision: 2,
      keyLength: 5,
      owner: hex('c92422687facee686e373f10b5c7d04738053152f7e2ee30e11c69ec442576ab'),
      user: hex('b44ae4a9fd3f772631caf115a801ff88e97966318d700af6464258d9f5f463b5'),
      permissions: -4,
      firstId: hex('813d37fd4d019ae04131e76a0592db5a'),
      encryptMetadata: true,
    });
    expect(toHex(key)).toBe('44f3b071ea');
  });

  it('revision 3, 128-bit RC4 (objects/rc4-128.pdf)', () => {
    const input = {
      revision: 3,
      keyLength: 16,
      owner: hex('566fa873ee33c797cd3b904fdadf814afa34df9a38f6ed41b984e2c6da2aa6f5'),
      user: hex('0aab4532c9ee2dc7af1c96d5f557c8db0122456a91bae5134273a6db134c87c4'),
      permissions: -4,
      firstId: hex('0a45a84ace508ba5b6247e527341b927'),
      encryptMetadata: true,
    };
    expect(toHex(legacyFileKey(input))).toBe('178d32effcc994e1d9d71480b7b253d2');
    expect(legacyFileKey({ ...input, user: hex('00'.repeat(32)) })).toBeUndefined(); // a user password is needed
  });

  it('revision 4 with /EncryptMetadata false (objects/aes-128.pdf)', () => {
    const key = legacyFileKey({
      revision: 4,
      keyLength: 16,
      owner: hex('566fa873ee33c797cd3b904fdadf814afa34df9a38f6ed41b984e2c6da2aa6f5'),
      user: hex('311a051dbf0066737b6299b7405a476a0122456a91bae5134273a6db134c87c4'),
      permissions: -4,
      firstId: hex('fc60282a1bf0126cdd315a6f7c252c6f'),
      encryptMetadata: false,
    });
    expect(toHex(key)).toBe('1b7cc41b7051505787504f8026cc166b');
  });

  it('revision 5, AES-256 (objects/aes-256-r5.pdf)', () => {
    const key = aesFileKey({
      revision: 5,
      user: hex('e71e2d56862a32dfdbe17484a65f6e6b7d88ed44ea10eaf35b7ed9b3c492f3fa7f5dcca0b5d763c9646c2d1fdae14c64'),
      userKey: hex('f50de7668cde83e4de227aeb536a9052c35fb16caaf2906faa79c0a1a589f300'),
    });
    expect(toHex(key)).toBe('f698667cb967869cc64796442010f401ddd3a932e6ee3c5a672acdfef50d4cc6');
  });

  it('revision 6, AES-256 with Algorithm 2.B (pdf/owner-password-only.pdf)', () => {
    const key = aesFileKey({
      revision: 6,
      user: hex('8535bb644479e4f7093b855d77793f17792ab3cda9fc2916bbe0b24629aabf6bbf82958c55162d88896b04a0fd1e10f3'),
      userKey: hex('c73a734fb389c9ce2c3ab4d4386950345f64569172504862a9516b528fe4dd4e'),
    });
    expect(toHex(key)).toBe('3d710ae47d26735fb8168efebf50dcb8fc489c845b9fc77fe7534ae85bb119d2');
  });
});

describe('createDecryptor', () => {
  it('refuses security handlers other than Standard', () => {
    expect(() => createDecryptor(dict('<< /Filter /Adobe.PubSec /V 4 /R 4 >>'), new Uint8Array(0), direct)).toThrow(UnsupportedPdfError);
  });

  it('leaves Identity crypt filters alone', () => {
    const encrypt = dict(
      '<< /Filter /Standard /V 4 /R 4 /Length 128 /CF << /StdCF << /CFM /AESV2 >> >> /StmF /Identity /StrF /StdCF' +
        ' /O <566fa873ee33c797cd3b904fdadf814afa34df9a38f6ed41b984e2c6da2aa6f5>' +
        ' /U <311a051dbf0066737b6299b7405a476a0122456a91bae5134273a6db134c87c4> /P -4 /EncryptMetadata false >>',
    );
    const decryptor = createDecryptor(encrypt, hex('fc60282a1bf0126cdd315a6f7c252c6f'), direct);
    expect(toHex(decryptor.stream(ascii('plain'), 4, 0))).toBe(toHex(ascii('plain')));
    expect(decryptor.encryptMetadata).toBe(false);
  });
});
