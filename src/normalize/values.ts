/**
 * One printed cell → one number of a known kind (DOMAIN.md §4.4, §4.5). Blanks stay null (never 0),
 * dashes and 无 are blanks with a flag, unreadable text stays null with a flag, money leaves in 万元.
 */
import type { FlagCode } from '../report/flags.js';
import type { ValueKind } from '../report/layouts.js';
import type { Unit } from '../report/report.js';
import { isBlankWord, parseDecimal, type DecimalNumber } from './numbers.js';
import { collapseWhitespace, compactText } from './text.js';
import {
  DEFAULT_MONEY_SETTINGS,
  splitMoneyUnit,
  stripCountUnit,
  toWanYuan,
  type MoneySettings,
  type MoneyUnit,
} from './units.js';

export type NormalizedValue = {
  readonly value: number | null;
  /** 'blank' for an empty cell or a dash/无 (flagged dash_or_word); 'printed' otherwise, even when unreadable. */
  readonly provenance: 'printed' | 'blank';
  readonly unit: Unit;
  /** The printed text, whitespace collapsed. */
  readonly raw: string;
  readonly flags: readonly FlagCode[];
};

export type NormalizeOptions = {
  /** The unit the column header fixes for bare amounts (本年收费金额（单位：万元） → '万元'); see `headerUnitOf`. */
  readonly headerUnit?: MoneyUnit;
  readonly money?: MoneySettings;
};

/** Reads one printed cell as a number of the given kind. */
export function normalizeCellValue(raw: string, kind: ValueKind, options: NormalizeOptions = {}): NormalizedValue {
  const text = collapseWhitespace(raw);
  const unit: Unit = kind === 'money' ? '万元' : '件';
  const compact = compactText(text);
  if (compact === '') return { value: null, provenance: 'blank', unit, raw: text, flags: [] };
  if (isBlankWord(compact)) return { value: null, provenance: 'blank', unit, raw: text, flags: ['dash_or_word'] };
  const reading = kind === 'money' ? readMoney(compact, options) : readCount(compact, kind);
  return { value: reading.value, provenance: 'printed', unit, raw: text, flags: reading.flags };
}

type Reading = { readonly value: number | null; readonly flags: readonly FlagCode[] };

const NOT_A_NUMBER: Reading = Object.freeze({ value: null, flags: Object.freeze(['not_a_number' as const]) });

function readCount(compact: string, kind: 'count' | 'signed_count'): Reading {
  const num = parseDecimal(stripCountUnit(compact));
  if (num === null) return NOT_A_NUMBER;
  const flags: FlagCode[] = [];
  if (num.sign !== null && kind === 'count') flags.push('sign_unexpected');
  if (!isCount(num, kind)) flags.push('not_a_count');
  return { value: num.value, flags };
}

/** Counts are whole numbers; only signed counts (本年增/减) may go below zero. */
function isCount(num: DecimalNumber, kind: 'count' | 'signed_count'): boolean {
  return Number.isInteger(num.value) && (kind === 'signed_count' || num.value >= 0);
}

function readMoney(compact: string, options: NormalizeOptions): Reading {
  const split = splitMoneyUnit(compact);
  const num = parseDecimal(split.number);
  if (num === null) return NOT_A_NUMBER;
  const money = toWanYuan(num, split.unit, options.headerUnit, options.money ?? DEFAULT_MONEY_SETTINGS);
  return { value: money.value, flags: num.sign === null ? money.flags : ['sign_unexpected', ...money.flags] };
}
