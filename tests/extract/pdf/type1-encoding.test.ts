import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { STANDARD_ENCODING } from '../../../src/extract/pdf/encodings.js';
import { readType1Encoding } from '../../../src/extract/pdf/type1-encoding.js';

const bytes = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'latin1'));

describe('readType1Encoding', () => {
  it('reads the encoding array of a LibreOffice Type 1 subset (its FontFile, /Length1 1695; entries as grep shows them)', () => {
    const program = new Uint8Array(readFileSync('tests/fixtures/pdf-fonts/libreoffice-noto-sans-cjk-subset.t1'));
    const encoding = readType1Encoding(program, 1695)!;
    expect([0, 1, 2, 16, 57, 58, 255].map((c) => encoding[c])).toEqual(['', 'cid28816', 'cid10055', 'cid16946', 'cid44152', '', '']);
  });

  it('takes StandardEncoding by name, skips a PFB header and ignores what follows eexec', () => {
    expect(readType1Encoding(bytes('%!FontType1\n/Encoding StandardEncoding def\ncurrentfile eexec'))).toBe(STANDARD_ENCODING);
    const pfb = bytes('\x80\x01\x40\x00\x00\x00%!FontType1\n/Encoding 256 array\ndup 32 /space put\nreadonly def\ncurrentfile eexec dup 65 /A put');
    const encoding = readType1Encoding(pfb)!;
    expect([encoding[32], encoding[65]]).toEqual(['space', '']);
  });

  it('gives nothing when the clear text has no encoding', () => {
    expect(readType1Encoding(bytes('%!FontType1\n/FontName /X def\ncurrentfile eexec /Encoding'))).toBeUndefined();
  });
});
