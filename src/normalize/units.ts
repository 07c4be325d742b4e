/**
 * Money units: every amount leaves in 万元 (DESIGN.md output contract). A unit printed in the cell wins,
 * then the unit the column header fixes, then a guess from the magnitude (flagged `unit_inferred`).
 */
import type { FlagCode } from '../report/flags.js';
import { shiftDecimal, type DecimalNumber } from './numbers.js';
import { compactText } from './text.js';

export type MoneyUnit = '万元' | '元';

export type MoneySettings = {
  /**
   * Bare amounts (no unit in the cell nor in the header) at or above this are read as 元. Default 10^5:
   * seed 003 prints 1260000 for a township's procurement, absurd as 万元 (126 亿元) and plain as 元.
   * Below it, amounts (e.g. 91.68, or a small integer) are read as 万元, the unit of the official fee header.
   */
  readonly bareYuanMin: number;
  /**
   * Amounts in 万元 at or above this get `implausible_magnitude` (never converted). Default 10^5 万元
   * (10 亿元): far beyond a township's fees or procurement, so most likely 元 written into a 万元 column.
   */
  readonly implausibleWanYuan: number;
  /** Converted amounts keep at most this many decimals. Default 6: 1 分 = 0.000001 万元, so no fen is lost. */
  readonly maxDecimals: number;
};

export const DEFAULT_MONEY_SETTINGS: MoneySettings = Object.freeze({
  bareYuanMin: 1e5,
  implausibleWanYuan: 1e5,
  maxDecimals: 6,
});

/** Powers of ten between 元 and 万元. */
const YUAN_PER_WAN_EXPONENT = 4;

/** Printed unit words, longest first, and what they mean. */
const MONEY_UNIT_WORDS: readonly (readonly [string, MoneyUnit])[] = [
  ['万元', '万元'],
  ['万', '万元'],
  ['元', '元'],
];

/** Prefixes that mark an amount in 元 (after NFKC, ￥ is ¥). */
const YUAN_PREFIXES: readonly string[] = ['人民币', '¥'];

/** Count units sometimes printed after a count (21件); they say nothing the column does not. */
const COUNT_UNIT_WORDS: readonly string[] = ['件', '个', '条', '项'];

/** Every unit word a value cell may print after its number, longest first (money, then counts). */
const VALUE_UNIT_WORDS: readonly string[] = [...MONEY_UNIT_WORDS.map(([word]) => word), ...COUNT_UNIT_WORDS];

/**
 * The number part of a compact value text that ends in a unit word ("91.68万元" → "91.68", "21件" → "21"); null
 * when it ends in none or is nothing but the unit.
 */
export function withoutValueUnit(compact: string): string | null {
  return withoutTrailingWord(compact, VALUE_UNIT_WORDS);
}

/** `compact` without the first of `words` it ends in (and holds more than); null when it ends in none. */
function withoutTrailingWord(compact: string, words: readonly string[]): string | null {
  const word = words.find((w) => compact.length > w.length && compact.endsWith(w));
  return word === undefined ? null : compact.slice(0, -word.length);
}

export type UnitSplit = { readonly number: string; readonly unit: MoneyUnit | null };

/** Splits a compact money text into its number and a leading or trailing unit ("91.68万元", "251000元", "¥300"). */
export function splitMoneyUnit(compact: string): UnitSplit {
  const prefix = YUAN_PREFIXES.find((p) => compact.startsWith(p));
  if (prefix !== undefined) {
    const rest = splitMoneyUnit(compact.slice(prefix.length));
    return { number: rest.number, unit: rest.unit ?? '元' };
  }
  const text = compact.replace(/\(([^()]*)\)$/u, '$1'); // "91.68(万元)": the parentheses go with the unit
  for (const [word, unit] of MONEY_UNIT_WORDS) {
    if (text.endsWith(word)) return { number: text.slice(0, -word.length), unit };
    if (text.startsWith(word)) return { number: text.slice(word.length).replace(/^:/u, ''), unit };
  }
  return { number: compact, unit: null };
}

/** Drops a trailing count unit ("21件" → "21"). */
export function stripCountUnit(compact: string): string {
  return withoutTrailingWord(compact, COUNT_UNIT_WORDS) ?? compact;
}

/** The unit a column header fixes, e.g. 本年收费金额（单位：万元） → 万元; undefined when it names none. */
export function headerUnitOf(label: string): MoneyUnit | undefined {
  const text = compactText(label);
  if (text.includes('万元')) return '万元';
  if (/单位[:]?元|\(元\)|元$/u.test(text)) return '元';
  return undefined;
}

export type MoneyReading = { readonly value: number; readonly flags: readonly FlagCode[] };

/** Turns a printed amount into 万元, flagging conversion, guessed units and implausible magnitudes. */
export function toWanYuan(
  num: DecimalNumber,
  printedUnit: MoneyUnit | null,
  headerUnit: MoneyUnit | undefined,
  settings: MoneySettings = DEFAULT_MONEY_SETTINGS,
): MoneyReading {
  const unit = printedUnit ?? headerUnit ?? inferBareUnit(num, settings);
  const value = unit === '元' ? shiftDecimal(num, YUAN_PER_WAN_EXPONENT, settings.maxDecimals) : num.value;
  const flags: FlagCode[] = [];
  if (printedUnit === null && headerUnit === undefined) flags.push('unit_inferred');
  if (unit === '元') flags.push('unit_converted');
  if (Math.abs(value) >= settings.implausibleWanYuan) flags.push('implausible_magnitude');
  return { value, flags };
}

/** The unit of an amount printed with no unit anywhere: large amounts are 元, the rest 万元. */
export function inferBareUnit(num: DecimalNumber, settings: MoneySettings = DEFAULT_MONEY_SETTINGS): MoneyUnit {
  return Math.abs(num.value) >= settings.bareYuanMin ? '元' : '万元';
}
