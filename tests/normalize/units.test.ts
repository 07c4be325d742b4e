import { describe, expect, it } from 'vitest';
import { headerUnitOf, splitMoneyUnit, stripCountUnit, withoutValueUnit } from '../../src/normalize/units.js';
import { TABLES } from '../../src/report/layouts.js';

describe('units', () => {
  it('reads the unit a header fixes', () => {
    const fee = TABLES.active_disclosure.columns.find((c) => c.key === 'fee_amount');
    const procurement = TABLES.active_disclosure.columns.find((c) => c.key === 'procurement_amount');
    expect(headerUnitOf(fee?.label ?? '')).toBe('万元');
    expect(headerUnitOf('本年收费金额(单位: 万元)')).toBe('万元');
    expect(headerUnitOf(procurement?.label ?? '')).toBeUndefined();
    expect(headerUnitOf('采购总金额（元）')).toBe('元');
    expect(headerUnitOf('采购总金额（单位：元）')).toBe('元');
  });

  it('splits leading and trailing units', () => {
    expect(splitMoneyUnit('91.68万元')).toEqual({ number: '91.68', unit: '万元' });
    expect(splitMoneyUnit('91.68万')).toEqual({ number: '91.68', unit: '万元' });
    expect(splitMoneyUnit('251000元')).toEqual({ number: '251000', unit: '元' });
    expect(splitMoneyUnit('万元:12')).toEqual({ number: '12', unit: '万元' });
    expect(splitMoneyUnit('人民币300元')).toEqual({ number: '300', unit: '元' });
    expect(splitMoneyUnit('¥300')).toEqual({ number: '300', unit: '元' });
    expect(splitMoneyUnit('(91.68)')).toEqual({ number: '(91.68)', unit: null });
    expect(splitMoneyUnit('1260000')).toEqual({ number: '1260000', unit: null });
  });

  it('drops a count unit only after a number', () => {
    expect(stripCountUnit('21件')).toBe('21');
    expect(stripCountUnit('件')).toBe('件');
  });

  it('finds the number before any unit a value cell prints', () => {
    expect(['91.68万元', '91.68万', '251000元', '21件', '3个', '5条', '2项'].map(withoutValueUnit)).toEqual([
      '91.68', '91.68', '251000', '21', '3', '5', '2',
    ]);
    expect(withoutValueUnit('元')).toBeNull();
    expect(withoutValueUnit('21')).toBeNull();
  });
});
