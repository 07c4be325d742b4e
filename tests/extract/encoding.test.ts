import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { canonicalEncoding, decodeBytes, detectEncoding, isValidUtf8 } from '../../src/extract/encoding.js';

const REPORT = '二、主动公开政府信息情况\n信息内容\t本年制发件数\n规章\t2\n行政规范性文件\t14\n（注：本年度无收费。）\n';

describe('decodeBytes', () => {
  it('reads UTF-8 as UTF-8 without a message', () => {
    const d = decodeBytes(new TextEncoder().encode(REPORT));
    expect([d.text, d.encoding, d.how, d.messages]).toEqual([REPORT, 'utf-8', 'valid-utf8', []]);
  });

  it('detects undeclared GBK as GB18030 and says so', () => {
    const d = decodeBytes(iconv.encode(REPORT, 'gbk'));
    expect([d.text, d.encoding, d.how]).toEqual([REPORT, 'gb18030', 'detected']);
    expect(d.messages.map((m) => m.code)).toEqual(['encoding_guessed']);
  });

  it('follows a declared gb2312, and a byte-order mark over any declaration', () => {
    expect(decodeBytes(iconv.encode(REPORT, 'gbk'), 'gb2312')).toMatchObject({ text: REPORT, encoding: 'gb18030', how: 'declared' });
    const bom = iconv.encode(REPORT, 'utf-16le', { addBOM: true });
    expect(decodeBytes(bom, 'gbk')).toMatchObject({ text: REPORT, encoding: 'utf-16le', how: 'bom' });
  });

  it('overrules a gbk declaration when the bytes are UTF-8 with Chinese text', () => {
    const d = decodeBytes(new TextEncoder().encode(REPORT), 'GBK');
    expect([d.text, d.encoding]).toEqual([REPORT, 'utf-8']);
    expect(d.messages.map((m) => [m.code, m.severity])).toEqual([['encoding_guessed', 'warning']]);
  });

  it('decodes GB18030-only characters (beyond GBK) too', () => {
    const rare = '㐀䶵𠀀';
    expect(decodeBytes(iconv.encode(rare + REPORT, 'gb18030'), 'gbk').text).toBe(rare + REPORT);
  });
});

describe('helpers', () => {
  it('maps GB-family labels to gb18030 and refuses unknown labels', () => {
    expect(['GB2312', 'gbk', 'x-gbk', 'GB18030', 'cp936'].map(canonicalEncoding)).toEqual(Array(5).fill('gb18030'));
    expect(canonicalEncoding('UTF8')).toBe('utf-8');
    expect(canonicalEncoding('no-such-charset')).toBeNull();
  });

  it('accepts UTF-8 cut in the middle of a character at the very end, but not broken UTF-8 inside', () => {
    const bytes = new TextEncoder().encode('年报');
    expect(isValidUtf8(bytes.subarray(0, 4))).toBe(true);
    expect(isValidUtf8(new Uint8Array([0xe5, 0x41, 0x42]))).toBe(false);
  });

  it('detects UTF-8 with a stray bad byte as UTF-8, GBK as GB18030', () => {
    const utf8 = new TextEncoder().encode(REPORT.repeat(5));
    const damaged = new Uint8Array([...utf8.subarray(0, 40), 0xff, ...utf8.subarray(40)]);
    expect(detectEncoding(damaged)).toBe('utf-8');
    expect(detectEncoding(iconv.encode(REPORT, 'gbk'))).toBe('gb18030');
  });
});
