import { describe, expect, it } from 'vitest';
import { cleanParagraph, joinWrappedLines } from '../../src/report/paragraphs.js';

/** Lines as pdf.js gives them for 洪泽区 2024 (shared/corpus/KIROGOVCOMPARE__hzq2024_working.pdf, page 1–2). */
const HZQ_2024_LINES = [
  '一、总体情况',
  '（一）主动公开情况。 主要通过政府门户网站主动公开政府',
  '文件、项目审批、通知公告等各类政府信息。2024 年，我区在政',
  '府网站平台主动发布各类政府信息 2428 条， 公开政府常务会议 7',
  '期，解读信息发布 7 条。',
  '（二）依申请公开情况。 根据《条例》和上级部门关于依申',
  '申请答复工作规范高效。 2024 年， 区政府办代表区政府受理政府',
  '- 1 -',
  '信息公开申请 17 件，均已在法定期限内予以答复。',
];

describe('cleanParagraph', () => {
  it('removes converter artefacts and normalises width', () => {
    expect(cleanParagraph('[bookmark: _GoBack]夹河子乡政府信息公开工作２０２３年度报告')).toBe('夹河子乡政府信息公开工作2023年度报告');
    expect(cleanParagraph('## **（二）依申请公开**  ')).toBe('(二)依申请公开');
  });
});

describe('joinWrappedLines', () => {
  it('joins PDF lines cut mid-sentence, across a page number, and keeps headings apart', () => {
    expect(joinWrappedLines(HZQ_2024_LINES)).toEqual([
      '一、总体情况',
      '(一)主动公开情况。 主要通过政府门户网站主动公开政府文件、项目审批、通知公告等各类政府信息。2024 年,我区在政府网站平台主动发布各类政府信息 2428 条, 公开政府常务会议 7期,解读信息发布 7 条。',
      '(二)依申请公开情况。 根据《条例》和上级部门关于依申申请答复工作规范高效。 2024 年, 区政府办代表区政府受理政府信息公开申请 17 件,均已在法定期限内予以答复。',
    ]);
  });

  it('keeps a long numbered heading without punctuation on its own (DOCX paragraphs)', () => {
    const lines = ['(二)行政机关收到和处理政府信息公开申请情况', '2023年我乡未收到和处理政府信息公开申请。'];
    expect(joinWrappedLines(lines)).toEqual(lines);
  });
});
