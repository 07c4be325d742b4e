import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { Paragraph } from '../../src/extract/document.js';
import { extractText, lineToParagraph, pipeRowToTabs, splitLines } from '../../src/extract/text.js';

const encoder = new TextEncoder();
const paragraphs = async (bytes: Uint8Array): Promise<Paragraph[]> =>
  (await extractText(bytes)).pages.flatMap((p) => p.blocks.filter((b): b is Paragraph => b.kind === 'paragraph'));

describe('extractText', () => {
  it('reads UTF-8 into one logical page with one paragraph per line, blank lines kept', async () => {
    const doc = await extractText(encoder.encode('标题\n\n规章\t0\t1\t2\n'));
    expect(doc.format).toBe('text');
    expect(doc.pages).toHaveLength(1);
    expect(doc.pages[0]!.number).toBe(1);
    expect(doc.pages[0]!.blocks.map((b) => (b.kind === 'paragraph' ? b.text : '<table>'))).toEqual(['标题', '', '规章\t0\t1\t2']);
    expect(doc.messages).toEqual([]);
  });

  it('drops a UTF-8 byte-order mark', async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...encoder.encode('一、总体情况')]);
    expect((await paragraphs(bytes)).map((p) => p.text)).toEqual(['一、总体情况']);
  });

  it('detects GBK text that is not valid UTF-8 and says so', async () => {
    const text = '二、主动公开政府信息情况\r\n规章\t0\t0\t0\r\n行政规范性文件\t3\t1\t12\r\n';
    const doc = await extractText(new Uint8Array(iconv.encode(text, 'gbk')));
    const texts = doc.pages[0]!.blocks.map((b) => (b.kind === 'paragraph' ? b.text : ''));
    expect(texts).toEqual(['二、主动公开政府信息情况', '规章\t0\t0\t0', '行政规范性文件\t3\t1\t12']);
    expect(doc.messages.map((m) => m.code)).toEqual(['encoding_guessed']);
  });

  it('reads markdown headings of seed 002 with their levels and strips bold markers', async () => {
    const ps = await paragraphs(new Uint8Array(readFileSync('tests/fixtures/shared/seeds/002_9c6f4dc3d9b839cd.txt')));
    const headings = ps.filter((p) => p.heading !== undefined).map((p) => [p.heading, p.text]);
    expect(headings.slice(0, 4)).toEqual([
      [1, '海原县李俊乡人民政府'],
      [2, '2023年政府信息公开工作年度报告'],
      [3, '一、总体情况'],
      [4, '（一）主动公开'],
    ]);
    expect(headings).toContainEqual([2, '（二）依申请公开']);
    expect(headings).toContainEqual([4, '四、政府信息公开行政复议、行政诉讼情况']);
    expect(ps.some((p) => p.text.includes('**'))).toBe(false);
  });

  it('removes [bookmark: …] artefacts of seed 001 and keeps the leading tab of cell lines', async () => {
    const ps = await paragraphs(new Uint8Array(readFileSync('tests/fixtures/shared/seeds/001_a59350496f5eca4a.txt')));
    expect(ps[0]!.text).toBe('夹河子乡政府信息公开工作2023年度报告');
    expect(ps.some((p) => p.text.includes('bookmark'))).toBe(false);
    expect(ps.map((p) => p.text)).toContain('\t（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）');
    expect(ps.map((p) => p.text)).toContain('\t');
  });
});

describe('line steps', () => {
  it('splits on every kind of line ending without an extra last line', () => {
    expect(splitLines('a\r\nb\rc\nd\n')).toEqual(['a', 'b', 'c', 'd']);
    expect(splitLines('')).toEqual(['']);
  });

  it('reads heading levels and closing hashes, but not #hashtags', () => {
    expect(lineToParagraph('### 三、收到和处理政府信息公开申请情况 ###')).toEqual({
      kind: 'paragraph',
      text: '三、收到和处理政府信息公开申请情况',
      heading: 3,
    });
    expect(lineToParagraph('#标签')).toEqual({ kind: 'paragraph', text: '#标签' });
  });

  it('trims spaces of plain lines, but never the tabs of table lines', () => {
    expect(lineToParagraph('   乌苏市夹河子乡人民政府   ').text).toBe('乌苏市夹河子乡人民政府');
    expect(lineToParagraph('\t0 ').text).toBe('\t0');
    expect(lineToParagraph('\t\t\t').text).toBe('\t\t\t');
  });

  it('turns markdown pipe rows into tab rows', () => {
    expect(pipeRowToTabs('| 规章 | 0 | 1 |')).toBe('规章\t0\t1');
    expect(pipeRowToTabs('|---|---|')).toBe('---\t---');
    expect(pipeRowToTabs('no pipes')).toBe('no pipes');
  });
});
