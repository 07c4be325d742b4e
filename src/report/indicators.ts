/**
 * Headline numbers and rates of DOMAIN.md §5.2, as data (terms over canonical cells) and one evaluator.
 * An indicator is null when a term is blank or missing, or when its denominator is 0: never a guess. A derived
 * subtotal counts as blank when it summed a blank leaf as 0 (cell-index.ts).
 */
import { roundDecimals } from '../normalize/numbers.js';
import { cellLookup, type CellLookup } from './cell-index.js';
import type { KeyedCell, TableId } from './report.js';

export const INDICATOR_KEYS = [
  'applications_received',
  'handled',
  'workload',
  'natural_person_share',
  'disclosure_rate',
  'full_disclosure_rate',
  'withheld_rate',
  'not_held_rate',
  'review_correction_rate',
  'litigation_correction_rate',
  'dispute_rate',
  'backlog_rate',
] as const;

export type IndicatorKey = (typeof INDICATOR_KEYS)[number];

/** One cell of a formula, added (sign 1) or subtracted (sign -1). */
type Term = { readonly table: TableId; readonly row: string; readonly col: string; readonly sign: 1 | -1 };

export type Indicator = {
  readonly key: IndicatorKey;
  /** Name as used by governments and researchers. */
  readonly name: string;
  /** The formula over canonical keys (B = requests, C = review_litigation). */
  readonly formula: string;
  readonly description: string;
  /** 件 for counts; 'ratio' for rates between 0 and 1. */
  readonly unit: '件' | 'ratio';
  readonly type: 'integer' | 'number';
};

type Definition = Omit<Indicator, 'formula' | 'unit' | 'type'> & {
  readonly numerator: readonly Term[];
  /** Absent for a count. */
  readonly denominator?: readonly Term[];
};

/** Decimals kept in a rate. */
export const RATE_DECIMALS = 4;

const b = (row: string, col = 'total', sign: 1 | -1 = 1): Term => ({ table: 'requests', row, col, sign });
const c = (row: string, col: string, sign: 1 | -1 = 1): Term => ({ table: 'review_litigation', row, col, sign });

const DEFINITIONS: readonly Definition[] = [
  {
    key: 'applications_received',
    name: '申请数量',
    description: 'New applications received in the year',
    numerator: [b('new_received')],
  },
  {
    key: 'handled',
    name: '办理量',
    description: 'Applications decided in the year (all outcomes)',
    numerator: [b('result.total')],
  },
  {
    key: 'workload',
    name: '工作量',
    description: 'New applications plus those carried over from the previous year',
    numerator: [b('new_received'), b('carried_over')],
  },
  {
    key: 'natural_person_share',
    name: '自然人占比',
    description: 'Share of new applications filed by natural persons',
    numerator: [b('new_received', 'natural_person')],
    denominator: [b('new_received')],
  },
  {
    key: 'disclosure_rate',
    name: '公开率',
    description: 'Share of decided applications disclosed in full or in part (普陀区 definition)',
    numerator: [b('result.disclosed'), b('result.partially_disclosed')],
    denominator: [b('result.total')],
  },
  {
    key: 'full_disclosure_rate',
    name: '全部公开率',
    description: 'Share of decided applications disclosed in full',
    numerator: [b('result.disclosed')],
    denominator: [b('result.total')],
  },
  {
    key: 'withheld_rate',
    name: '不予公开率',
    description: 'Share of decided applications refused on legal grounds',
    numerator: [b('result.withheld.subtotal')],
    denominator: [b('result.total')],
  },
  {
    key: 'not_held_rate',
    name: '不掌握率',
    description: 'Share of decided applications answered with "information not held"',
    numerator: [b('result.unable.not_held')],
    denominator: [b('result.total')],
  },
  {
    key: 'review_correction_rate',
    name: '复议纠错率',
    description: 'Share of concluded administrative reviews that corrected the agency',
    numerator: [c('review', 'corrected')],
    denominator: [c('review', 'total'), c('review', 'pending', -1)],
  },
  {
    key: 'litigation_correction_rate',
    name: '诉讼纠错率',
    description: 'Share of concluded lawsuits (direct and after review) that corrected the agency',
    numerator: [c('litigation.all', 'corrected')],
    denominator: [c('litigation.all', 'total'), c('litigation.all', 'pending', -1)],
  },
  {
    key: 'dispute_rate',
    name: '争议发生率',
    description: 'Reviews plus direct lawsuits per decided application (lawsuits after review are not counted twice)',
    numerator: [c('review', 'total'), c('litigation.direct', 'total')],
    denominator: [b('result.total')],
  },
  {
    key: 'backlog_rate',
    name: '结转率',
    description: 'Share of the workload carried forward to the next year',
    numerator: [b('carried_forward')],
    denominator: [b('new_received'), b('carried_over')],
  },
];

function termText(term: Term, first: boolean): string {
  const cell = `${term.table === 'requests' ? 'B' : 'C'}[${term.row},${term.col}]`;
  return first ? cell : `${term.sign === 1 ? '+' : '−'} ${cell}`;
}

function sumText(terms: readonly Term[], bracket: boolean): string {
  const text = terms.map((t, i) => termText(t, i === 0)).join(' ');
  return bracket && terms.length > 1 ? `(${text})` : text;
}

function formulaOf(d: Definition): string {
  if (d.denominator === undefined) return sumText(d.numerator, false);
  return `${sumText(d.numerator, true)} / ${sumText(d.denominator, true)}`;
}

/** The indicators, described for the data package (name, formula, unit). */
export const INDICATORS: readonly Indicator[] = DEFINITIONS.map((d) => ({
  key: d.key,
  name: d.name,
  formula: formulaOf(d),
  description: d.description,
  unit: d.denominator === undefined ? '件' : 'ratio',
  type: d.denominator === undefined ? 'integer' : 'number',
}));

/** The signed sum of a formula's cells; null as soon as one cell has no sure value (see cellLookup). */
function evaluate(terms: readonly Term[], lookup: CellLookup): number | null {
  let sum = 0;
  for (const t of terms) {
    const value = lookup(t.table, t.row, t.col);
    if (value === null) return null;
    sum += t.sign * value;
  }
  return sum;
}

/** A rate rounded to `decimals` decimals through its decimal text (as every number nianbao rounds). */
export function roundRate(value: number, decimals: number = RATE_DECIMALS): number {
  return roundDecimals(value, decimals);
}

function compute(d: Definition, lookup: CellLookup): number | null {
  const numerator = evaluate(d.numerator, lookup);
  if (numerator === null || d.denominator === undefined) return numerator;
  const denominator = evaluate(d.denominator, lookup);
  return denominator === null || denominator <= 0 ? null : roundRate(numerator / denominator);
}

/** Every indicator of a report's cells; null where an input is blank or missing or a denominator is 0. */
export function computeIndicators(cells: readonly KeyedCell[]): Record<IndicatorKey, number | null> {
  const lookup = cellLookup(cells);
  const out = {} as Record<IndicatorKey, number | null>;
  for (const d of DEFINITIONS) out[d.key] = compute(d, lookup);
  return out;
}
