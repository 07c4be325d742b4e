import { describe, expect, it } from 'vitest';
import { documentParagraphs, documentText, tableText, wordLines } from '../src/document-text.js';
import { page, paragraph, tableBlock, type Document, type Word } from '../src/extract/document.js';
import { cell, table } from '../src/tables/table.js';

const HEADER = table(
  [
    cell(0, 0, '信息内容', { rowSpan: 2 }),
    cell(0, 1, '申请人情况', { colSpan: 2 }),
    cell(1, 1, '自然人'),
    cell(1, 2, '法人或其他\n组织'),
    cell(2, 0, '一、本年新收'),
    cell(2, 1, '3'),
  ],
  'markup',
);

function word(text: string, x0: number, y0: number, height = 10): Word {
  return { text, box: { x0, y0, x1: x0 + 10 * text.length, y1: y0 + height } };
}

describe('tableText', () => {
  it('writes each grid row tab-separated, spanning text once at its anchor, line breaks as spaces', () => {
    expect(tableText(HEADER)).toEqual(['信息内容\t申请人情况\t', '\t自然人\t法人或其他 组织', '一、本年新收\t3\t']);
  });
});

describe('documentText', () => {
  it('gives paragraphs and table rows in reading order, pages split by a form feed', () => {
    const doc: Document = {
      format: 'pdf',
      messages: [],
      pages: [page(1, [paragraph('某乡2023年报告'), tableBlock(HEADER)]), page(2, [paragraph('六、其他需要报告的事项')])],
    };
    expect(documentText(doc)).toBe('某乡2023年报告\n信息内容\t申请人情况\t\n\t自然人\t法人或其他 组织\n一、本年新收\t3\t\n\f六、其他需要报告的事项');
    expect(documentParagraphs(doc)).toEqual(['某乡2023年报告', '六、其他需要报告的事项']);
  });

  it('falls back to the words of a page that has no blocks, line by line', () => {
    const words = [word('二', 100, 50), word('一、总体情况', 10, 20), word('情况', 40, 52, 8), word('主动公开', 10, 50)];
    expect(wordLines(words)).toEqual(['一、总体情况', '主动公开 情况 二']);
    const doc: Document = { format: 'pdf', messages: [], pages: [page(1, [], { words })] };
    expect(documentText(doc)).toBe('一、总体情况\n主动公开 情况 二');
    expect(documentParagraphs(doc)).toEqual(['一、总体情况', '主动公开 情况 二']);
  });
});
