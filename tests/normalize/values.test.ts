import { describe, expect, it } from 'vitest';
import { normalizeCellValue } from '../../src/normalize/values.js';

describe('normalizeCellValue: counts', () => {
  it.each([
    ['１２', 12],
    ['1,234', 1234],
    ['1，234', 1234],
    ['１，２３４', 1234],
    ['1 234', 1234],
    ['12,345,678', 12345678],
    [' 0', 0],
    ['0 ', 0],
    ['\u30000\u3000', 0],
    ['21件', 21],
    ['007', 7],
  ])('reads %j as %d', (raw, value) => {
    const out = normalizeCellValue(raw, 'count');
    expect(out).toEqual({ value, provenance: 'printed', unit: '件', raw: raw.replace(/\s+/gu, ' ').trim(), flags: [] });
  });

  it.each(['', '   ', '\u3000', '\u00a0', '\u3000\u00a0 \n\t'])('keeps the blank %j as null, never 0', (raw) => {
    expect(normalizeCellValue(raw, 'count')).toEqual({ value: null, provenance: 'blank', unit: '件', raw: '', flags: [] });
  });

  it.each(['—', '–', '-', '/', '／', '无', '空', '——', '－', ' — ', '*', '＊', '暂无'])('reads %j as a flagged blank', (raw) => {
    const out = normalizeCellValue(raw, 'count');
    expect(out.value).toBeNull();
    expect(out.provenance).toBe('blank');
    expect(out.flags).toEqual(['dash_or_word']);
    expect(out.raw).toBe(raw.trim());
  });

  it('allows a sign only in signed counts', () => {
    expect(normalizeCellValue('+1036', 'signed_count')).toMatchObject({ value: 1036, flags: [] });
    expect(normalizeCellValue('-12', 'signed_count')).toMatchObject({ value: -12, flags: [] });
    expect(normalizeCellValue('－１２', 'signed_count')).toMatchObject({ value: -12, flags: [] });
    expect(normalizeCellValue('+3', 'count')).toMatchObject({ value: 3, flags: ['sign_unexpected'] });
    expect(normalizeCellValue('-3', 'count')).toMatchObject({ value: -3, flags: ['sign_unexpected', 'not_a_count'] });
  });

  it('keeps counts that are no whole numbers, flagged', () => {
    expect(normalizeCellValue('1.5', 'count')).toMatchObject({ value: 1.5, provenance: 'printed', flags: ['not_a_count'] });
    expect(normalizeCellValue('2.5', 'signed_count')).toMatchObject({ value: 2.5, flags: ['not_a_count'] });
    expect(normalizeCellValue('3.0', 'count')).toMatchObject({ value: 3, flags: [] });
  });

  it.each(['见附件', 'abc', '1,23', '12a', '1.2.3', '5元', '一'])('reads %j as printed text that is no number', (raw) => {
    expect(normalizeCellValue(raw, 'count')).toEqual({
      value: null,
      provenance: 'printed',
      unit: '件',
      raw,
      flags: ['not_a_number'],
    });
  });

  it('collapses whitespace into raw', () => {
    expect(normalizeCellValue(' 1\n 2\t', 'count')).toMatchObject({ value: 12, raw: '1 2' });
  });
});

describe('normalizeCellValue: money (always 万元)', () => {
  it('reads a unit printed in the cell', () => {
    expect(normalizeCellValue('91.68 万元', 'money')).toEqual({
      value: 91.68,
      provenance: 'printed',
      unit: '万元',
      raw: '91.68 万元',
      flags: [],
    });
    expect(normalizeCellValue('万元 12', 'money')).toMatchObject({ value: 12, flags: [] });
    expect(normalizeCellValue('91.68（万元）', 'money')).toMatchObject({ value: 91.68, flags: [] });
  });

  it('converts 元 printed in the cell', () => {
    expect(normalizeCellValue('251000元', 'money')).toEqual({
      value: 25.1,
      provenance: 'printed',
      unit: '万元',
      raw: '251000元',
      flags: ['unit_converted'],
    });
    expect(normalizeCellValue('１２３，４５６ 元', 'money')).toMatchObject({ value: 12.3456, flags: ['unit_converted'] });
    expect(normalizeCellValue('￥300', 'money')).toMatchObject({ value: 0.03, flags: ['unit_converted'] });
    expect(normalizeCellValue('3940元', 'money', { headerUnit: '万元' })).toMatchObject({
      value: 0.394,
      flags: ['unit_converted'],
    });
  });

  it('rounds converted amounts to six decimals without float noise', () => {
    expect(normalizeCellValue('12.345678901元', 'money').value).toBe(0.001235);
    expect(normalizeCellValue('1234567.89元', 'money').value).toBe(123.456789);
    expect(normalizeCellValue('0.01元', 'money').value).toBe(0.000001);
  });

  it('infers the unit of bare amounts from their magnitude', () => {
    // seed 003 prints 1260000 with no unit anywhere: 元
    expect(normalizeCellValue('1260000', 'money')).toEqual({
      value: 126,
      provenance: 'printed',
      unit: '万元',
      raw: '1260000',
      flags: ['unit_inferred', 'unit_converted'],
    });
    expect(normalizeCellValue('91.68', 'money')).toMatchObject({ value: 91.68, flags: ['unit_inferred'] });
    expect(normalizeCellValue('15', 'money')).toMatchObject({ value: 15, flags: ['unit_inferred'] });
    expect(normalizeCellValue('99999', 'money')).toMatchObject({ value: 99999, flags: ['unit_inferred'] });
  });

  it('trusts a header in 万元 and flags implausible magnitudes without converting', () => {
    expect(normalizeCellValue('7730.28', 'money', { headerUnit: '万元' })).toMatchObject({ value: 7730.28, flags: [] });
    expect(normalizeCellValue('0', 'money', { headerUnit: '万元' })).toMatchObject({ value: 0, flags: [] });
    expect(normalizeCellValue('250000', 'money', { headerUnit: '万元' })).toMatchObject({
      value: 250000,
      flags: ['implausible_magnitude'],
    });
  });

  it('converts bare amounts under a header in 元', () => {
    expect(normalizeCellValue('400', 'money', { headerUnit: '元' })).toMatchObject({ value: 0.04, flags: ['unit_converted'] });
  });

  it('keeps blanks, dashes and words apart from 0', () => {
    expect(normalizeCellValue(' ', 'money', { headerUnit: '万元' })).toMatchObject({ value: null, provenance: 'blank', flags: [] });
    expect(normalizeCellValue('无', 'money')).toMatchObject({ value: null, provenance: 'blank', flags: ['dash_or_word'] });
    expect(normalizeCellValue('万元', 'money')).toMatchObject({ value: null, provenance: 'printed', flags: ['not_a_number'] });
    expect(normalizeCellValue('-5', 'money', { headerUnit: '万元' })).toMatchObject({ value: -5, flags: ['sign_unexpected'] });
  });
});
