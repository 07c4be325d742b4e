/**
 * Dates as printed in reports (2024年1月17日, 2024 年 1 月 17 日, 2024-01-17, 2024/1/17, 二〇二四年一月十七日)
 * → ISO 'YYYY-MM-DD'. Input is NFKC-normalised first, so full-width digits count as digits.
 */
import { collapseWhitespace } from '../normalize/text.js';

/** A date found in a text: its ISO form and where the printed form sits in the normalised text. */
export type DateMatch = { readonly iso: string; readonly index: number; readonly length: number };

/** Digits of a Chinese-numeral year; 〇/○/零 and the letter O all stand for zero in real reports. */
const CHINESE_DIGITS: Readonly<Record<string, number>> = {
  '〇': 0, '○': 0, '零': 0, 'O': 0,
  '一': 1, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9,
};

const ARABIC_DATE = /(?<!\d)(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/g;
const NUMERIC_DATE = /(?<!\d)(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})(?![\d.])/g;
/** A year in Chinese numerals as a pattern source: four of the digits above (二〇二四). */
export const CHINESE_YEAR_DIGITS = `[${Object.keys(CHINESE_DIGITS).join('')}]{4}`;
/** Month and day in Chinese numerals (一 … 三十一). */
const CHINESE_MONTH_DAY = '[一二三四五六七八九十]{1,3}';
const CHINESE_DATE = new RegExp(`(${CHINESE_YEAR_DIGITS})\\s*年\\s*(${CHINESE_MONTH_DAY})\\s*月\\s*(${CHINESE_MONTH_DAY})\\s*日`, 'g');

/** A 4-character Chinese year (二〇二四) → 2024, else null. */
export function parseChineseYear(text: string): number | null {
  if (text.length !== 4) return null;
  let year = 0;
  for (const ch of text) {
    const digit = CHINESE_DIGITS[ch];
    if (digit === undefined) return null;
    year = year * 10 + digit;
  }
  return year;
}

/** Chinese numerals 1–99 as used for months and days (一, 十, 十一, 二十, 三十一) → number, else null. */
export function parseChineseNumber(text: string): number | null {
  const ten = text.indexOf('十');
  if (ten < 0) return text.length === 1 ? digitOf(text) : null;
  if (text.indexOf('十', ten + 1) >= 0) return null;
  const tensText = text.slice(0, ten);
  const unitsText = text.slice(ten + 1);
  const tens = tensText === '' ? 1 : digitOf(tensText);
  const units = unitsText === '' ? 0 : digitOf(unitsText);
  return tens === null || units === null || tens === 0 ? null : tens * 10 + units;
}

function digitOf(text: string): number | null {
  if (text.length !== 1) return null;
  const digit = CHINESE_DIGITS[text];
  return digit === undefined || digit === 0 ? null : digit;
}

/** ISO date for a valid calendar day, else null (2023-02-30 is refused). */
export function isoDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (month < 1 || month > 12 || day < 1) return null;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > last) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The form dates are read in: NFKC, whitespace runs one space, trimmed (a cleaned paragraph is already in it).
 */
function dateText(text: string): string {
  return collapseWhitespace(text.normalize('NFKC'));
}

/** Every date printed in `text`, in order of appearance (indices refer to its `dateText` form). */
export function findDates(text: string): DateMatch[] {
  const normal = dateText(text);
  const found: DateMatch[] = [];
  const add = (m: RegExpExecArray, iso: string | null): void => {
    if (iso !== null) found.push({ iso, index: m.index, length: m[0].length });
  };
  for (const m of normal.matchAll(ARABIC_DATE)) add(m, isoDate(Number(m[1]), Number(m[2]), Number(m[3])));
  for (const m of normal.matchAll(NUMERIC_DATE)) add(m, isoDate(Number(m[1]), Number(m[2]), Number(m[3])));
  for (const m of normal.matchAll(CHINESE_DATE)) add(m, chineseIso(m[1] ?? '', m[2] ?? '', m[3] ?? ''));
  return found.sort((a, b) => a.index - b.index);
}

function chineseIso(year: string, month: string, day: string): string | null {
  const y = parseChineseYear(year);
  const mo = parseChineseNumber(month);
  const d = parseChineseNumber(day);
  return y === null || mo === null || d === null ? null : isoDate(y, mo, d);
}

/** The first date printed in `text`, as ISO, else null. */
export function parseDate(text: string): string | null {
  return findDates(text)[0]?.iso ?? null;
}

/** The ISO date when `text` is nothing but one date (a signature line), else null. */
export function parseDateLine(text: string): string | null {
  const normal = dateText(text);
  const [first] = findDates(normal);
  return first !== undefined && first.index === 0 && first.length === normal.length ? first.iso : null;
}
