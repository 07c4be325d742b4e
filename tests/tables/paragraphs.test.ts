import { describe, expect, it } from 'vitest';
import type { Box } from '../../src/extract/document.js';
import type { TextLine } from '../../src/tables/lines.js';
import { continuesCentred, linesToParagraphs } from '../../src/tables/paragraphs.js';
import { DEFAULT_TABLE_SETTINGS } from '../../src/tables/settings.js';
import { CORPUS, readLaidOut } from './pdf-fixtures.js';

/** One line holding one word, `x0`–`x1` wide, 16 pt high, its top at `y0` (A4 page, text column 72–523). */
function line(text: string, x0: number, x1: number, y0: number, height = 16): TextLine {
  const box: Box = { x0, y0, x1, y1: y0 + height };
  return { words: [{ text, box }], box };
}

const texts = (lines: TextLine[]): string[] => linesToParagraphs(lines, DEFAULT_TABLE_SETTINGS).map((p) => p.text);
/** A full-width body line that fixes the text column at 72–523. */
const body = (y0: number, text = '正文正文正文正文正文正文正文正文正文正文正文正文正文正文正文正文正文正文。'): TextLine => line(text, 72, 523, y0);

describe('linesToParagraphs: centred lines', () => {
  it('joins a title wrapped mid-word over a full line and a centred rest (LibreOffice)', () => {
    const lines = [line('示例县示例镇人民政府2023年政府信息公开工', 73, 522, 78, 22), line('作年度报告', 243, 353, 106, 22), body(140)];
    expect(texts(lines)).toEqual(['示例县示例镇人民政府2023年政府信息公开工作年度报告', body(0).words[0]!.text]);
  });

  it('joins an agency heading and the title centred under it (洪泽区 2023)', () => {
    const lines = [line('洪泽区人民政府', 219, 373, 87, 22), line('2023 年政府信息公开工作年度报告', 129, 464, 120, 22), body(184)];
    expect(texts(lines)[0]).toBe('洪泽区人民政府2023 年政府信息公开工作年度报告');
  });

  it('keeps centred lines apart after a sentence end, before a list item, or when the next one fills the column', () => {
    const column = { left: 72, right: 523 };
    const s = DEFAULT_TABLE_SETTINGS;
    expect(continuesCentred(line('第一部分说明。', 240, 356, 80), line('第二部分', 266, 330, 100), column, s)).toBe(false);
    expect(continuesCentred(line('目录', 282, 314, 80), line('一、单位主要职能', 234, 362, 100), column, s)).toBe(false);
    expect(continuesCentred(line('目录', 282, 314, 80), line('7．2025年预算表', 234, 362, 100), column, s)).toBe(false);
    expect(continuesCentred(line('洪泽区人民政府', 219, 373, 80), body(100), column, s)).toBe(false);
    expect(continuesCentred(line('洪泽区人民政府', 219, 373, 80), line('2023 年政府信息公开工作年度报告', 129, 464, 100), column, s)).toBe(true);
  });

  it('keeps a centred line off-axis from the one above, and a right-aligned signature, apart', () => {
    const offAxis = [body(60), line('标题', 150, 200, 80), line('副标题', 280, 330, 100)];
    expect(texts(offAxis)).toHaveLength(3);
    const signature = [body(60), line('示例县示例镇人民政府', 363, 523, 80), line('2024年1月17日', 403, 523, 100)];
    expect(texts(signature)).toEqual([body(0).words[0]!.text, '示例县示例镇人民政府', '2024年1月17日']);
  });
});

describe('paragraphs of real PDFs', () => {
  it.each([
    ['tests/fixtures/reports/report-2021.pdf', '示例县示例镇人民政府2023年政府信息公开工作年度报告'],
    ['tests/fixtures/reports/report-2019.pdf', '示例县样板乡人民政府2019年政府信息公开工作年度报告'],
    ['tests/fixtures/reports/report-mixed.pdf', '示例县东湖街道办事处2023年政府信息公开工作年度报告'],
    [`${CORPUS}KIROGOVCOMPARE__hzq2023_working.pdf`, '洪泽区人民政府2023 年政府信息公开工作年度报告'],
    [`${CORPUS}KIROGOVCOMPARE__hzq2024_working.pdf`, '淮安市洪泽区人民政府2024 年政府信息公开工作年度报告'],
  ])('%s: the wrapped title is one paragraph', async (file, title) => {
    const { pages } = await readLaidOut(file);
    const first = pages[0]!.blocks[0]!;
    expect(first.kind === 'paragraph' ? first.text : null).toBe(title);
    expect(pages[0]!.blocks[1]?.kind === 'paragraph' && pages[0]!.blocks[1].text.startsWith('本报告')).toBe(true);
  });
});
