/** The library entry point gives users the settings, errors and domain data they need, not only the stages. */
import { describe, expect, it } from 'vitest';
import * as nianbao from '../src/index.js';

describe('src/index.ts', () => {
  it('exports frozen default settings that the resolvers accept and one SettingsError they throw', () => {
    for (const defaults of [
      nianbao.DEFAULT_TABLES_STAGE_SETTINGS,
      nianbao.DEFAULT_TABLE_SETTINGS,
      nianbao.DEFAULT_STITCH_SETTINGS,
      nianbao.DEFAULT_TEXT_GRID_SETTINGS,
      nianbao.DEFAULT_HEADER_SETTINGS,
      nianbao.DEFAULT_RECOGNIZE_SETTINGS,
      nianbao.DEFAULT_DOCUMENT_TEXT_SETTINGS,
      nianbao.DEFAULT_MONEY_SETTINGS,
    ]) {
      expect(Object.isFrozen(defaults)).toBe(true);
    }
    expect(nianbao.resolveTableSettings({})).toEqual(nianbao.DEFAULT_TABLE_SETTINGS);
    expect(() => nianbao.resolveTableSettings({ snapTolerance: -1 })).toThrow(nianbao.SettingsError);
    expect(() => nianbao.resolveStitchSettings({ marginShare: 0.6 })).toThrow(nianbao.SettingsError);
    expect(() => nianbao.resolveHeaderSettings({ valueRowShare: 0 })).toThrow(nianbao.SettingsError);
  });

  it('exports the domain data and the functions over it', () => {
    expect(nianbao.RELATIONS.map((r) => r.id)).toEqual(['R1', 'R2', 'R3', 'R4', 'R5']);
    expect(Object.keys(nianbao.TABLES)).toEqual(['active_disclosure', 'requests', 'review_litigation']);
    expect(nianbao.layoutCells('review_litigation', '2021')).toHaveLength(20);
    expect(nianbao.INDICATORS.map((i) => i.key)).toContain('withheld_rate');
    expect(nianbao.normalizeCellValue('１,２３４ 件', 'count')).toMatchObject({ value: 1234, provenance: 'printed' });
    expect(nianbao.uniqueNames(['总计', '总计'])).toEqual(['总计', '总计 (2)']);
    expect(nianbao.yearOverYearChecks([])).toEqual([]);
    expect(Object.values(nianbao.computeIndicators([])).every((v) => v === null)).toBe(true);
  });
});
