import { describe, expect, it } from 'vitest';
import { findDates, isoDate, parseChineseNumber, parseChineseYear, parseDate, parseDateLine } from '../../src/report/dates.js';

describe('parseDate', () => {
  it.each([
    ['2024年1月17日', '2024-01-17'],
    ['2024 年 1 月 17 日', '2024-01-17'],
    ['２０２４年１月１７日', '2024-01-17'],
    ['2024-01-17', '2024-01-17'],
    ['2024/1/17', '2024-01-17'],
    ['2024.1.7', '2024-01-07'],
    ['二〇二四年一月十七日', '2024-01-17'],
    ['二○二四年十二月三十一日', '2024-12-31'],
    ['二零二三年十月一日', '2023-10-01'],
    ['二〇二四年二月二十日', '2024-02-20'],
    ['二〇二四年十一月十日', '2024-11-10'],
  ])('%s → %s', (text, iso) => {
    expect(parseDate(text)).toBe(iso);
  });

  it('refuses days that do not exist', () => {
    expect(parseDate('2023年2月29日')).toBeNull();
    expect(parseDate('2024年2月29日')).toBe('2024-02-29');
    expect(parseDate('2024-13-01')).toBeNull();
    expect(parseDate('二〇二四年四月三十一日')).toBeNull();
  });

  it('finds no date in a year or a document number', () => {
    expect(parseDate('2023年，我乡')).toBeNull();
    expect(parseDate('海政办发〔2023〕38号')).toBeNull();
  });
});

describe('parseDateLine', () => {
  it('accepts a line that is only a date, with padding', () => {
    expect(parseDateLine('                  2024年1月16日     ')).toBe('2024-01-16');
    expect(parseDateLine('2024 年 1 月 17 日')).toBe('2024-01-17');
  });

  it('refuses a sentence that contains a date', () => {
    expect(parseDateLine('本报告统计数据从2023年1月1日至12月31日')).toBeNull();
  });
});

describe('findDates', () => {
  it('returns every date in order', () => {
    const found = findDates('统计期 2023-01-01 至 二〇二三年十二月三十一日，发布于2024年1月5日');
    expect(found.map((d) => d.iso)).toEqual(['2023-01-01', '2023-12-31', '2024-01-05']);
  });
});

describe('Chinese numerals', () => {
  it('reads years digit by digit and months/days with 十', () => {
    expect(parseChineseYear('二〇一九')).toBe(2019);
    expect(parseChineseYear('二O二O')).toBe(2020);
    expect(parseChineseYear('二〇二')).toBeNull();
    expect(parseChineseNumber('十')).toBe(10);
    expect(parseChineseNumber('十九')).toBe(19);
    expect(parseChineseNumber('二十')).toBe(20);
    expect(parseChineseNumber('三十一')).toBe(31);
    expect(parseChineseNumber('九')).toBe(9);
    expect(parseChineseNumber('十十')).toBeNull();
    expect(parseChineseNumber('〇')).toBeNull();
  });

  it('validates calendar days', () => {
    expect(isoDate(2023, 4, 30)).toBe('2023-04-30');
    expect(isoDate(2023, 4, 31)).toBeNull();
    expect(isoDate(2023, 0, 1)).toBeNull();
  });
});
