import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bodyLines, extractDoc } from '../../src/extract/doc.js';
import { walkSprms } from '../../src/extract/doc-paragraphs.js';
import { blocksOf } from '../../src/extract/document.js';
import { InvalidFileError } from '../../src/errors.js';

const fixture = (path: string): Uint8Array => readFileSync(new URL(`../fixtures/${path}`, import.meta.url));
const RESULTS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];

describe('extractDoc on a LibreOffice .doc with a merged-cell table (tests/fixtures/doc/merged-table.doc)', async () => {
  const doc = await extractDoc(fixture('doc/merged-table.doc'));
  const texts = blocksOf(doc).map((b) => (b.kind === 'paragraph' ? b.text : '[table]'));

  it('gives one paragraph per line, and one line per table row with cells separated by tabs', () => {
    expect(doc.format).toBe('doc');
    expect(texts).toEqual([
      '某某镇人民政府2023年政府信息公开工作年度报告',
      '3.危及“三安全一稳定”——引号与破折号保持原样。',
      '四、政府信息公开行政复议、行政诉讼情况',
      '行政复议\t行政诉讼',
      '结果维持\t结果 纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t复议后起诉',
      ['', '', '', '', '', ...RESULTS, ...RESULTS].join('\t'),
      '3\t1\t0\t2\t6\t4\t0\t1\t0\t5\t2\t0\t0\t1\t3',
      '五、存在的主要问题及改进情况',
    ]);
    expect(doc.messages).toEqual([]);
  });

  it('keeps vertically merged cells as empty fields, so the values stay under their columns', () => {
    const values = texts[6]!.split('\t');
    const header = texts[5]!.split('\t');
    expect(values).toHaveLength(15);
    expect(header).toHaveLength(15);
    expect(header[5]).toBe('结果维持');
  });
});

describe('bodyLines', () => {
  it('ends a row at the row mark, dropping the last cell mark, and joins cell paragraphs with a space', () => {
    expect(bodyLines('标题\n甲\t\uFDD1乙\t\t\uFDD0\t\t\t\uFDD0尾\n\n')).toEqual(['标题', '甲\t 乙\t', '\t\t', '尾']);
  });
});

describe('walkSprms', () => {
  it('steps over sprmTDefTable by its 2-byte length and finds the sprms after it', () => {
    // sprmPFInTable=1, sprmTDefTable with cb=4 (operand 5 bytes), sprmPFTtp=1
    const grpprl = new Uint8Array([0x16, 0x24, 0x01, 0x08, 0xd6, 0x04, 0x00, 0xaa, 0xbb, 0xcc, 0x17, 0x24, 0x01]);
    const seen: number[] = [];
    walkSprms(grpprl, 0, grpprl.length, (sprm) => seen.push(sprm));
    expect(seen).toEqual([0x2416, 0xd608, 0x2417]);
  });
});

describe('extractDoc errors', () => {
  it('refuses a file that is not a Word document with InvalidFileError', async () => {
    await expect(extractDoc(fixture('broken/ole-workbook.doc'))).rejects.toThrow(InvalidFileError);
    await expect(extractDoc(fixture('broken/random-bytes.bin'))).rejects.toThrow(/^not a valid Word 97-2003 \(\.doc\) file/);
  });
});
