import { describe, expect, it } from 'vitest';
import {
  DEFAULT_STITCH_SETTINGS,
  DEFAULT_TABLE_SETTINGS,
  resolveStitchSettings,
  resolveTableSettings,
} from '../../src/tables/settings.js';
import { SettingsError } from '../../src/errors.js';

describe('table settings', () => {
  it('are frozen defaults, and a general tolerance fills the per-axis ones not given', () => {
    expect(Object.isFrozen(DEFAULT_TABLE_SETTINGS)).toBe(true);
    expect(Object.isFrozen(DEFAULT_STITCH_SETTINGS)).toBe(true);
    const s = resolveTableSettings({ snapTolerance: 5, snapYTolerance: 1 });
    expect([s.snapXTolerance, s.snapYTolerance, s.joinXTolerance]).toEqual([5, 1, DEFAULT_TABLE_SETTINGS.joinXTolerance]);
  });

  it('refuse invalid values', () => {
    expect(() => resolveTableSettings({ snapTolerance: -1 })).toThrow(SettingsError);
    expect(() => resolveTableSettings({ strategy: 'guess' as never })).toThrow(/unknown table strategy/);
    expect(() => resolveTableSettings({ streamMinRows: 1.5 })).toThrow(SettingsError);
    expect(() => resolveStitchSettings({ marginShare: 0.6 })).toThrow(SettingsError);
    expect(() => resolveStitchSettings({ xTolerance: Number.NaN })).toThrow(SettingsError);
    expect(() => resolveTableSettings({ paragraphSizeChange: 0.8 })).toThrow(/paragraphSizeChange/);
    expect(() => resolveTableSettings({ streamMinRowCells: 1 })).toThrow(SettingsError);
    expect(() => resolveTableSettings({ cellFitSlack: -2 })).toThrow(SettingsError);
  });
});
