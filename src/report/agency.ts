/**
 * The publishing body's name, from the places a report prints it: the title, a 单位名称 line, a heading above
 * the title, the signature block, and the body. The fullest name that agrees with the title wins
 * (title 汉东回族乡 + signature 西宁市湟中区汉东回族乡人民政府 → the signature).
 */
import { parseDateLine, findDates } from './dates.js';
import { compactText } from '../normalize/text.js';
import {
  AGENCY_ENDING,
  BARE_PLACE,
  GOVERNMENT_AFTER,
  GOVERNMENT_ENDING,
  GOVERNMENT_ORGAN,
  NAME_PUNCTUATION,
  ORGAN_AFTER_PLACES,
  PEOPLES_PREFIX,
  TITLE_SUBJECT,
  UNIT_LINE,
} from './metadata-patterns.js';
import { isHeadingLike } from './paragraphs.js';

export type AgencySource = 'title' | 'unit_line' | 'heading' | 'signature' | 'body';

export type AgencyCandidate = { readonly source: AgencySource; readonly name: string };

export type Signature = {
  readonly agency: string | null;
  readonly date: string | null;
  /** Indices (into the cleaned paragraphs) of the signature lines, to keep them out of the year count. */
  readonly indices: readonly number[];
};

export type AgencySettings = {
  /** Longest agency name accepted, in characters (the longest seen are ~30: 省/市/区/乡 + 人民政府办公室). */
  readonly maxAgencyLength: number;
  /** How many non-empty paragraphs at the end are searched for the signature block. */
  readonly signatureWindow: number;
  /** Longest place name tried when extending a name to the left in the body, in characters. */
  readonly maxPlaceLength: number;
};

export const DEFAULT_AGENCY_SETTINGS: AgencySettings = Object.freeze({
  maxAgencyLength: 40,
  signatureWindow: 6,
  maxPlaceLength: 12,
});

/** A plausible name of a body: short, no punctuation or digits, ending like an organ or a division. */
export function isAgencyShaped(text: string, settings: AgencySettings = DEFAULT_AGENCY_SETTINGS): boolean {
  const name = compactText(text);
  if (name.length < 2 || name.length > settings.maxAgencyLength) return false;
  return !NAME_PUNCTUATION.test(name) && !/\d/.test(name) && AGENCY_ENDING.test(name);
}

/** The place part of a body's name: its government ending removed. */
export function placePartOf(agency: string): string {
  return compactText(agency).replace(GOVERNMENT_ENDING, '');
}

/**
 * The organ part of a body's name, after its county-level or higher places: 财政局 in 平顶山市湛河区财政局,
 * 政府办公室 in 洪泽区人民政府办公室; a government is just 政府.
 */
export function organPartOf(agency: string): string {
  const name = compactText(agency);
  const organ = ORGAN_AFTER_PLACES.exec(name)?.[1] ?? name;
  return organ.replace(PEOPLES_PREFIX, '') || GOVERNMENT_ORGAN;
}

/** The title's subject (汉东回族乡 in 汉东回族乡政府信息公开工作年度报告), or null when it starts with the year. */
export function titleAgency(title: string): string | null {
  const subject = compactText(TITLE_SUBJECT.exec(title)?.[1] ?? '');
  return subject.length >= 2 && isAgencyShaped(subject) ? subject : null;
}

export function unitLineAgency(paragraphs: readonly string[]): string | null {
  for (const p of paragraphs) {
    const name = UNIT_LINE.exec(p)?.[1];
    if (name !== undefined && isAgencyShaped(name)) return compactText(name);
  }
  return null;
}

/** The date line among the last paragraphs, and the body's name next to it (before it, or on the same line). */
export function findSignature(paragraphs: readonly string[], settings: AgencySettings = DEFAULT_AGENCY_SETTINGS): Signature {
  const first = Math.max(0, paragraphs.length - settings.signatureWindow);
  for (let i = paragraphs.length - 1; i >= first; i--) {
    const line = paragraphs[i] ?? '';
    const date = parseDateLine(line);
    if (date !== null) {
      const before = paragraphs[i - 1] ?? '';
      return isAgencyShaped(before, settings)
        ? { agency: compactText(before), date, indices: [i - 1, i] }
        : { agency: null, date, indices: [i] };
    }
    const joined = nameThenDate(line, settings);
    if (joined !== null) return { ...joined, indices: [i] };
  }
  return { agency: null, date: null, indices: [] };
}

/** `西宁市湟中区汉东回族乡人民政府 2024年1月17日` on one line (PDF layout keeps them together). */
function nameThenDate(line: string, settings: AgencySettings): { agency: string; date: string } | null {
  const last = findDates(line).at(-1);
  if (last === undefined || last.index + last.length !== line.length) return null;
  const name = line.slice(0, last.index);
  return isAgencyShaped(name, settings) ? { agency: compactText(name), date: last.iso } : null;
}

/** Agency-shaped lines before the title (a heading `海原县李俊乡人民政府` above `2023年…年度报告`). */
export function headingAgencies(paragraphs: readonly string[], titleIndex: number, maxLength: number): string[] {
  return paragraphs
    .slice(0, Math.max(0, titleIndex))
    .filter((p) => isHeadingLike(p, maxLength) && isAgencyShaped(p))
    .map(compactText);
}

/**
 * Fuller forms of `name` in the text: extended to the left over place names (平顶山市 before 湛河区曹镇乡) and,
 * for a bare place, to the right over a government ending (东方红乡 → 东方红乡政府). An organ's name
 * (洪泽区人民政府办公室) is never extended to the right, so it cannot turn into its government.
 */
export function bodyAgencies(
  text: string,
  name: string,
  isPlaceName: (name: string) => boolean,
  settings: AgencySettings = DEFAULT_AGENCY_SETTINGS,
): string[] {
  const compact = compactText(text);
  const found = new Set<string>();
  if (name.length < 2) return [];
  const bare = BARE_PLACE.test(name);
  for (let at = compact.indexOf(name); at >= 0; at = compact.indexOf(name, at + 1)) {
    const start = extendLeft(compact, at, isPlaceName, settings.maxPlaceLength);
    const after = bare ? (GOVERNMENT_AFTER.exec(compact.slice(at + name.length))?.[0] ?? '') : '';
    found.add(compact.slice(start, at + name.length) + after);
  }
  return [...found];
}

function extendLeft(text: string, end: number, isPlaceName: (name: string) => boolean, maxLength: number): number {
  let start = end;
  for (let grown = true; grown; ) {
    grown = false;
    for (let length = Math.min(maxLength, start); length >= 2; length--) {
      if (isPlaceName(text.slice(start - length, start))) {
        start -= length;
        grown = true;
        break;
      }
    }
  }
  return start;
}

/** Candidates in order of trust when two are equally full. */
const SOURCE_ORDER: readonly AgencySource[] = ['signature', 'unit_line', 'heading', 'title', 'body'];

/**
 * The fullest candidate that contains the place part of the first trusted name (title, else 单位名称, heading,
 * signature); null when there is none.
 */
export function chooseAgency(candidates: readonly AgencyCandidate[]): string | null {
  const base = (['title', 'unit_line', 'heading', 'signature'] as const)
    .map((source) => candidates.find((c) => c.source === source))
    .find((c) => c !== undefined);
  if (base === undefined) return null;
  const place = placePartOf(base.name);
  const agreeing = candidates.filter((c) => c.name.includes(place));
  const rank = (c: AgencyCandidate): number => SOURCE_ORDER.indexOf(c.source);
  const sorted = [...agreeing].sort((a, b) => b.name.length - a.name.length || rank(a) - rank(b));
  return sorted[0]?.name ?? base.name;
}
