import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { narrativeChecks, readNarrativeFacts, type NarrativeFacts } from '../../src/report/narrative.js';
import type { KeyedCell } from '../../src/report/report.js';

const SEEDS = 'tests/fixtures/shared/seeds';

function seed(prefix: string): string[] {
  const file = readdirSync(SEEDS).find((f) => f.startsWith(prefix));
  if (file === undefined) throw new Error(`no seed ${prefix}`);
  return readFileSync(`${SEEDS}/${file}`, 'utf8').split('\n');
}

const values = (facts: NarrativeFacts): (number | null)[] => [
  facts.infoProcessingFee?.value ?? null,
  facts.activeDisclosed?.value ?? null,
  facts.requestsReceived?.value ?? null,
];

describe('readNarrativeFacts on the seeds', () => {
  it('001: no fee produced, 136 items disclosed, no applications received (stated in words)', () => {
    const facts = readNarrativeFacts(seed('001'));
    expect(values(facts)).toEqual([0, 136, 0]);
    expect(facts.infoProcessingFee?.text).toContain('没有产生信息公开处理费');
    expect(facts.requestsReceived?.text).toBe('2023年我乡未收到和处理政府信息公开申请');
  });

  it('002: fee not collected, 64 items disclosed, 0 applications', () => {
    const facts = readNarrativeFacts(seed('002'));
    expect(values(facts)).toEqual([0, 64, 0]);
    expect(facts.activeDisclosed?.text).toContain('李俊乡主动公开政府信息共64条');
  });

  it('000, 003, 004 state none of these facts: all null', () => {
    for (const prefix of ['000', '003', '004']) expect(values(readNarrativeFacts(seed(prefix)))).toEqual([null, null, null]);
  });
});

describe('readNarrativeFacts on sentences', () => {
  it.each([
    ['全年收取政府信息公开信息处理费 3940 元。', 3940],
    ['本年度共收取400元信息处理费。', 400],
    ['收取信息处理费0.07万元。', 700],
    ['2023年未收取信息处理费。', 0],
    ['本机关未发生收取信息处理费的情况。', 0],
  ])('fee: %s → %d', (text, fee) => {
    expect(readNarrativeFacts([text]).infoProcessingFee?.value).toBe(fee);
  });

  it('does not read the fee rule’s title as a fee', () => {
    expect(readNarrativeFacts(['依据《政府信息公开信息处理费管理办法》执行。']).infoProcessingFee).toBeNull();
  });

  it.each([
    ['本年度共收到政府信息公开申请21件，办结20件。', 21],
    ['共受理依申请公开21件。', 21],
    ['2023年我乡依申请公开的收件数量为0件。', 0],
    ['本年度未收到政府信息公开申请。', 0],
  ])('received: %s → %d', (text, count) => {
    expect(readNarrativeFacts([text]).requestsReceived?.value).toBe(count);
  });

  it('ignores table rows and counts that are not receipts', () => {
    const facts = readNarrativeFacts(['一、本年新收政府信息公开申请数量\t21件\t0', '上年结转政府信息公开申请3件。']);
    expect(facts.requestsReceived).toBeNull();
  });

  it('reads PDF lines wrapped mid-sentence (洪泽区 2024: the text says 17 received)', () => {
    const facts = readNarrativeFacts([
      '一、总体情况',
      '（一）主动公开情况。 主要通过政府门户网站主动公开政府',
      '文件、项目审批、通知公告等各类政府信息。2024 年，我区在政',
      '府网站平台主动发布各类政府信息 2428 条， 公开政府常务会议 7',
      '期，解读信息发布 7 条。',
      '申请答复工作规范高效。 2024 年， 区政府办代表区政府受理政府',
      '- 1 -',
      '信息公开申请 17 件，均已在法定期限内予以答复。',
    ]);
    expect(values(facts)).toEqual([null, 2428, 17]);
  });

  it('reads the 主动公开 count only in 总体情况', () => {
    const facts = readNarrativeFacts(['一、总体情况', '（二）依申请公开', '共计办理12条意见。', '二、主动公开政府信息情况', '主动公开政府信息共99条。']);
    expect(facts.activeDisclosed).toBeNull();
    expect(readNarrativeFacts(['一、总体情况', '全年主动公开政府信息1136条。']).activeDisclosed?.value).toBe(1136);
  });
});

function newReceivedTotal(value: number | null): KeyedCell {
  return {
    table: 'requests', rowKey: 'new_received', colKey: 'total', value, unit: '件', provenance: value === null ? 'blank' : 'printed',
    raw: value === null ? '' : String(value), rowLabel: '一、本年新收政府信息公开申请数量', colLabel: '总计', page: null, flags: [],
  };
}

describe('narrativeChecks (S5)', () => {
  const facts = readNarrativeFacts(['本年度共收到政府信息公开申请21件。']);

  it('passes when the text and the table agree', () => {
    expect(narrativeChecks(facts, [newReceivedTotal(21)])).toMatchObject([{ checkId: 'S5', table: 'requests', expected: 21, actual: 21, status: 'pass' }]);
  });

  it('fails when they differ', () => {
    expect(narrativeChecks(facts, [newReceivedTotal(12)])[0]).toMatchObject({ expected: 21, actual: 12, status: 'fail' });
  });

  it('is not evaluable when the table cell is blank or the text says nothing', () => {
    expect(narrativeChecks(facts, [newReceivedTotal(null)])[0]?.status).toBe('not_evaluable');
    expect(narrativeChecks(readNarrativeFacts(['无']), [newReceivedTotal(0)])[0]).toMatchObject({ expected: null, actual: 0, status: 'not_evaluable' });
  });

  it('fails on 洪泽区 2024, whose text says 17 received and whose table prints 95', () => {
    const text = readNarrativeFacts(['2024 年， 区政府办代表区政府受理政府信息公开申请 17 件，均已在法定期限内予以答复。']);
    expect(narrativeChecks(text, [newReceivedTotal(95)])[0]).toMatchObject({ expected: 17, actual: 95, status: 'fail' });
  });

  it('passes on seed 002: "收件数量为0件" and a printed 0 total', () => {
    expect(narrativeChecks(readNarrativeFacts(seed('002')), [newReceivedTotal(0)])[0]?.status).toBe('pass');
  });
});
