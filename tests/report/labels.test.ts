import { describe, expect, it } from 'vitest';
import { LABEL_INDEX, type KeyRef } from '../../src/report/label-index.js';
import { compactLabel, displayLabel, editDistance, labelEntry, matchLabel, normalizeLabel } from '../../src/report/labels.js';

const row = (text: string) => {
  const m = matchLabel(text, LABEL_INDEX.rows);
  return m === null ? null : `${m.target.table}/${m.target.key} ${m.how}`;
};
const header = (table: 'active_disclosure' | 'requests' | 'review_litigation', text: string) => {
  const m = matchLabel(text, LABEL_INDEX.header[table]);
  return m === null ? null : `${m.target.kind}:${m.target.key} ${m.how}`;
};

describe('normalizeLabel', () => {
  it('NFKC, whitespace, enumerators, curly quotes (DOMAIN.md §4.4)', () => {
    expect(normalizeLabel('(二) 部分公开 (区分处理的, 只计这一情形, 不计其他情形)')).toBe(
      '部分公开(区分处理的,只计这一情形,不计其他情形)',
    );
    expect(normalizeLabel('（二）部分公开（区分处理的，只计这一情形，不计其他情形）')).toBe(
      '部分公开(区分处理的,只计这一情形,不计其他情形)',
    );
    expect(normalizeLabel('3. 危及“三安全一稳定”')).toBe('危及"三安全一稳定"');
    expect(normalizeLabel('三、 本年 度办 理结 果')).toBe('本年度办理结果');
    expect(normalizeLabel('5、 存在的主要问题及改进情况')).toBe('存在的主要问题及改进情况');
    expect(normalizeLabel('商业\n企业')).toBe('商业企业');
    expect(normalizeLabel('[bookmark: hmcheck_1]**（一）予以公开**')).toBe('予以公开');
    expect(normalizeLabel('第二十条 第（一）项')).toBe('第二十条第(一)项');
  });

  it('keeps a label that is only an enumerator, and compactLabel keeps enumerators', () => {
    expect(normalizeLabel('1.')).toBe('1.');
    expect(compactLabel('（七） 总计')).toBe('(七)总计');
  });
});

describe('editDistance', () => {
  it('counts insertions, deletions and substitutions by code point', () => {
    expect(editDistance('本年度止件数', '本年废止件数')).toBe(1);
    expect(editDistance('其他法律行政止公开', '其他法律行政法规禁止公开')).toBe(3);
    expect(editDistance('', '规章')).toBe(2);
    expect(editDistance('规章', '规章')).toBe(0);
    expect(editDistance('政府信息公开工作年度报告', '年度报告')).toBe(8);
    expect(editDistance('𠀀𠀁', '𠀁')).toBe(1);
  });
});

describe('matchLabel on the layout labels', () => {
  it('matches printed variants exactly', () => {
    expect(row('1. 属于国家秘密')).toBe('requests/result.withheld.state_secret exact');
    expect(row('(七) 总计')).toBe('requests/result.total exact');
    expect(row('3. 其他')).toBe('requests/result.other.other exact');
    expect(row('(六) 其他处理')).toBe('requests/result.other.subtotal exact');
    expect(row('规范性文件')).toBe('active_disclosure/art20_1.normative_documents exact');
    expect(row('2.其他法律行政止公开')).toBe('requests/result.withheld.prohibited_by_law exact');
  });

  it('falls back to distinctive substrings (the page-break fragment of seed 002)', () => {
    expect(row('规禁止公开')).toBe('requests/result.withheld.prohibited_by_law distinctive');
    expect(row('1、申请人无正当理由逾期不补正')).toBe('requests/result.other.no_correction distinctive');
    expect(row('其他法律、行政法规禁止公开的')).toBe('requests/result.withheld.prohibited_by_law distinctive');
  });

  it('falls back to edit distance, but never between short labels', () => {
    expect(row('(一) 予以公升')).toBe('requests/result.disclosed fuzzy');
    expect(row('规则')).toBeNull();
    expect(row('其它')).toBeNull();
    expect(row('三、本年度办理结果')).toBeNull();
  });

  it('reads header cells of each table, with typos', () => {
    expect(header('active_disclosure', '本年度止件数')).toBe('column:repealed exact');
    expect(header('active_disclosure', '本年增')).toBe('column:net_change exact');
    expect(header('active_disclosure', '本年收费金额（单位：万元）')).toBe('column:fee_amount exact');
    expect(header('active_disclosure', '信息内容')).toBe('word:信息内容 exact');
    expect(header('requests', '法律服 务机构')).toBe('column:legal_person.legal_services exact');
    expect(header('requests', '(本列数据的勾稽关系为：第一项加第二项之和，等\n于第三项加第四项之和)')).toMatch(/^word:.* exact$/);
    expect(header('requests', '本列数据勾稽关系：一+二=三+四')).toBe('word:勾稽关系 distinctive');
    expect(header('review_litigation', '结 果 纠 正')).toBe('column:corrected exact');
    expect(header('review_litigation', '未经复议直接起诉')).toBe('group:litigation.direct exact');
    expect(header('review_litigation', '行政诉讼')).toBe('group:litigation.all exact');
  });

  it('refuses a tie between two candidates', () => {
    const entries = [labelEntry<KeyRef>({ table: 'requests', key: 'a' }, ['甲乙丙丁']), labelEntry<KeyRef>({ table: 'requests', key: 'b' }, ['甲乙丙戊'])];
    expect(matchLabel('甲乙丙己', entries)).toBeNull();
    expect(matchLabel('甲乙丙丁', entries)?.target.key).toBe('a');
  });

  it('allows up to both edit limits, per settings object, however often a label is matched', () => {
    const entries = [labelEntry('received', ['本年新收申请数量'])];
    const loose = { maxEditDistance: 3, maxEditRatio: 0.5 };
    for (let round = 0; round < 2; round++) {
      expect(matchLabel('本年新申请数', entries)).toEqual({ target: 'received', how: 'fuzzy' });
      expect(matchLabel('本年申请数', entries)).toBeNull();
      expect(matchLabel('本年申请数', entries, loose)).toEqual({ target: 'received', how: 'fuzzy' });
      expect(matchLabel('本年申请数', entries, { ...loose, maxEditRatio: 0.34 })).toBeNull();
    }
  });

  it('takes the first entry that holds a name exactly, as listed', () => {
    const entries = [labelEntry('first', ['其他', '合计']), labelEntry('second', ['合计'])];
    expect(matchLabel('合 计', entries)).toEqual({ target: 'first', how: 'exact' });
    expect(matchLabel('合 计', entries.slice(1))).toEqual({ target: 'second', how: 'exact' });
  });
});

describe('displayLabel', () => {
  it('drops the wrapping and letter-spacing whitespace of Chinese labels, keeping the printed characters', () => {
    expect(displayLabel('商业\n企业')).toBe('商业企业');
    expect(displayLabel('总 计')).toBe('总计');
    expect(displayLabel('1.本机关不掌握相关政府信\n息')).toBe('1.本机关不掌握相关政府信息');
    expect(displayLabel('（二）部分公开（区分处理的，只计这一情 形，不\n计其他情形）')).toBe('（二）部分公开（区分处理的，只计这一情形，不计其他情形）');
    expect(displayLabel('  3. 危及“三安全一稳定” ')).toBe('3.危及“三安全一稳定”');
  });

  it('keeps one space between two Latin letters or digits', () => {
    expect(displayLabel('GDP  2023\n年')).toBe('GDP 2023年');
    expect(displayLabel('A\nB')).toBe('A B');
    expect(displayLabel('')).toBe('');
  });
});
