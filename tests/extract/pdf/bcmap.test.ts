import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { predefinedCMap } from '../../../src/extract/pdf/bcmap.js';
import type { CMap } from '../../../src/extract/pdf/cmap-data.js';
import { UnsupportedPdfError } from '../../../src/extract/pdf/objects.js';

/** Text of a UTF-16BE-coded string through a Uni*-UCS2 CMap (code → CID) and Adobe-*-UCS2 (CID → text). */
function roundTrip(encoding: CMap, ucs2: CMap, text: string): string {
  return [...text].map((ch) => ucs2.text(encoding.cid(ch.charCodeAt(0)) ?? -1) ?? '?').join('');
}

/** Codes (hex/bytes) of bytes split by a CMap's codespace. */
function split(cmap: CMap, bytes: Uint8Array): string[] {
  const out: string[] = [];
  for (let i = 0; i < bytes.length; i += cmap.codespace.length) out.push(`${cmap.codespace.read(bytes, i).toString(16)}/${cmap.codespace.length}`);
  return out;
}

describe('predefinedCMap (pdf.js packed CMaps)', () => {
  it('maps UniGB-UCS2-H codes to Adobe-GB1 CIDs that Adobe-GB1-UCS2 maps back to the same text', () => {
    const h = predefinedCMap('UniGB-UCS2-H');
    const text = '政府信息公开工作年度报告，本年新收申请数量（件）：一二三';
    expect(roundTrip(h, predefinedCMap('Adobe-GB1-UCS2'), text)).toBe(text);
    // Adobe-GB1 puts printable ASCII at CIDs 1–95.
    expect([' ', '!', 'A', '~'].map((c) => h.cid(c.charCodeAt(0)))).toEqual([1, 2, 34, 95]);
    expect(h.vertical).toBe(false);
    expect(split(h, new Uint8Array([0x65, 0x3f, 0x00, 0x41]))).toEqual(['653f/2', '41/2']);
  });

  it('reads -V CMaps as vertical, with their own CIDs for punctuation over the -H parent (usecmap)', () => {
    const h = predefinedCMap('UniGB-UCS2-H');
    const v = predefinedCMap('UniGB-UCS2-V');
    expect(v.vertical).toBe(true);
    for (const c of '一政府年') expect(v.cid(c.charCodeAt(0))).toBe(h.cid(c.charCodeAt(0)));
    for (const c of '，（') expect(v.cid(c.charCodeAt(0))).not.toBe(h.cid(c.charCodeAt(0)));
  });

  it('splits GBK bytes (one-byte ASCII, two-byte Chinese) and maps nearly every GBK character back to itself', () => {
    const gbk = predefinedCMap('GBK-EUC-H');
    const ucs2 = predefinedCMap('Adobe-GB1-UCS2');
    expect(split(gbk, iconv.encode('A政1', 'gbk'))).toEqual(['41/1', 'd5fe/2', '31/1']);
    let total = 0;
    let same = 0;
    for (let high = 0x81; high <= 0xfe; high++) {
      for (let low = 0x40; low <= 0xfe; low++) {
        const ch = iconv.decode(Buffer.from([high, low]), 'gbk');
        const cp = ch.codePointAt(0)!;
        if (low === 0x7f || ch === '\ufffd' || (cp >= 0xe000 && cp <= 0xf8ff)) continue;
        total++;
        if (ucs2.text(gbk.cid(high * 256 + low) ?? -1) === ch) same++;
      }
    }
    expect(total).toBeGreaterThan(21_000);
    expect(total - same).toBeLessThanOrEqual(10); // Adobe-GB1 and GBK differ on a handful (…, €, compatibility ideographs)
  });

  it('reads the other collections too (Japan1, Korea1, CNS1)', () => {
    expect(roundTrip(predefinedCMap('UniJIS-UCS2-H'), predefinedCMap('Adobe-Japan1-UCS2'), 'あいう漢字A')).toBe('あいう漢字A');
    expect(roundTrip(predefinedCMap('UniKS-UCS2-H'), predefinedCMap('Adobe-Korea1-UCS2'), '한국어')).toBe('한국어');
    expect(roundTrip(predefinedCMap('UniCNS-UCS2-H'), predefinedCMap('Adobe-CNS1-UCS2'), '政府資訊')).toBe('政府資訊');
  });

  it('splits UTF-16 surrogate pairs as four-byte codes (UniGB-UTF16-H)', () => {
    const utf16 = predefinedCMap('UniGB-UTF16-H');
    expect(split(utf16, new Uint8Array([0xd8, 0x40, 0xdc, 0x00, 0x65, 0x3f]))).toEqual(['d840dc00/4', '653f/2']);
    expect(utf16.cid(0x653f)).toBe(predefinedCMap('UniGB-UCS2-H').cid(0x653f));
  });

  it('reads each CMap once per process', () => {
    expect(predefinedCMap('GB-EUC-H')).toBe(predefinedCMap('GB-EUC-H'));
  });

  it('refuses unknown names and names that are paths', () => {
    expect(() => predefinedCMap('NoSuch-CMap-H')).toThrow(UnsupportedPdfError);
    expect(() => predefinedCMap('../cmaps/UniGB-UCS2-H')).toThrow(UnsupportedPdfError);
  });
});
