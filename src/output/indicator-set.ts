/** The indicators written to indicators.csv and reports.jsonl: those of src/report/indicators.ts (DOMAIN.md §5.2). */
import type { IndicatorSet } from './indicators-csv.js';
import { INDICATORS, computeIndicators } from '../report/indicators.js';

export const INDICATOR_SET: IndicatorSet = {
  columns: INDICATORS.map((i) => ({
    key: i.key,
    type: i.type,
    unit: i.unit,
    description: `${i.name}: ${i.description}. Formula: ${i.formula}`,
  })),
  compute: (cells) => new Map(Object.entries(computeIndicators(cells))),
};
