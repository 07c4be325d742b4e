import { describe, expect, it } from 'vitest';
import { LIST_MARKER, SUB_SECTION_MARKER, sectionMarker } from '../../src/normalize/enumerators.js';

const marker = (text: string): string | null => LIST_MARKER.exec(text)?.[0] ?? null;

describe('LIST_MARKER', () => {
  it('finds every printed form of a list marker, before and after NFKC', () => {
    expect(marker('一、总体情况')).toBe('一、');
    expect(marker('十二.其他')).toBe('十二.');
    expect(marker('（一）予以公开')).toBe('（一）');
    expect(marker('(二)部分公开')).toBe('(二)');
    expect(marker('（ 三 ）不予公开')).toBe('（ 三 ）');
    expect(marker('(12)其他')).toBe('(12)');
    expect(marker('1）信访举报')).toBe('1）');
    expect(marker('1.属于国家秘密')).toBe('1.');
    expect(marker('2、重复申请')).toBe('2、');
    expect(marker('7．2025年预算表')).toBe('7．');
    expect(marker('①行政许可')).toBe('①');
  });

  it('leaves decimal numbers, years and plain words alone', () => {
    expect(marker('1.5万元')).toBeNull();
    expect(marker('2023年政府信息公开工作年度报告')).toBeNull();
    expect(marker('17 件')).toBeNull();
    expect(marker('百分之五')).toBeNull();
    expect(marker('自然人')).toBeNull();
  });
});

describe('section and sub-section markers', () => {
  it('matches a section by its number in either numerals', () => {
    expect(sectionMarker(2).test('二、主动公开政府信息情况')).toBe(true);
    expect(sectionMarker(2).test('2. 主动公开')).toBe(true);
    expect(sectionMarker(2).test('三、收到和处理')).toBe(false);
    expect(sectionMarker(10).test('十、其他')).toBe(true);
    expect(() => sectionMarker(11)).toThrow(RangeError);
  });

  it('takes only a bracketed Chinese numeral for a sub-section', () => {
    expect(SUB_SECTION_MARKER.test('（二）依申请公开')).toBe(true);
    expect(SUB_SECTION_MARKER.test('(二)依申请公开')).toBe(true);
    expect(SUB_SECTION_MARKER.test('(2)依申请公开')).toBe(false);
    expect(SUB_SECTION_MARKER.test('二、依申请公开')).toBe(false);
  });
});
