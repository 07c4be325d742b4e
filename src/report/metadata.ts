/**
 * Who and when: the publishing body (linked to its division code), the report year, the publication date and
 * the title, read from the report's paragraphs in reading order.
 */
import {
  bodyAgencies,
  chooseAgency,
  findSignature,
  headingAgencies,
  isAgencyShaped,
  titleAgency,
  unitLineAgency,
  DEFAULT_AGENCY_SETTINGS,
  type AgencyCandidate,
  type AgencySettings,
} from './agency.js';
import { findDates, parseChineseYear } from './dates.js';
import { isPlaceName } from './division-data.js';
import { resolveDivision } from './divisions.js';
import { message, type Message } from './flags.js';
import { displayLabel } from './labels.js';
import { BODY_YEAR, PERIOD_YEAR, PUBLISHED_LINE, TITLE_SUBJECT_WORD, TITLE_WORD, TITLE_YEAR } from './metadata-patterns.js';
import { cleanParagraphs, isHeadingLike } from './paragraphs.js';
import type { ReportMeta } from './report.js';

export type MetadataSettings = AgencySettings & {
  /** How many non-empty paragraphs from the top may hold the title. */
  readonly titleWindow: number;
  /** Longest title, in characters; longer paragraphs are body text. */
  readonly maxTitleLength: number;
  /** Earliest plausible report year: the first 条例 took effect in 2008. */
  readonly minYear: number;
};

export const DEFAULT_METADATA_SETTINGS: MetadataSettings = Object.freeze({
  ...DEFAULT_AGENCY_SETTINGS,
  titleWindow: 8,
  maxTitleLength: 60,
  minYear: 2008,
});

const AGENCY_MISSING = 'no publishing body found in the title, a 单位名称 line, the signature or the body';
const YEAR_MISSING = 'no report year found in the title, the reporting period or the body';

/** Index of the title: the first heading-like paragraph near the top that says 报告 or 年报. */
function findTitleIndex(paragraphs: readonly string[], settings: MetadataSettings): number {
  const window = paragraphs.slice(0, settings.titleWindow);
  return window.findIndex((p) => TITLE_WORD.test(p) && isHeadingLike(p, settings.maxTitleLength));
}

/**
 * The title, prefixed by the line just above it when that line is its start: an agency heading above a title
 * that starts with the year (洪泽区人民政府 | 2023年…报告), or the first half of a title the layout wrapped
 * mid-word (…政府信息公开工 | 作年度报告, as a text dump of a PDF gives it).
 */
function titleOf(paragraphs: readonly string[], index: number, settings: MetadataSettings): string | null {
  const title = paragraphs[index];
  if (title === undefined) return null;
  const above = paragraphs[index - 1];
  if (above === undefined || !isHeadingLike(above, settings.maxTitleLength) || TITLE_WORD.test(above)) return title;
  if (titleAgency(title) === null && isAgencyShaped(above)) return `${above}${title}`;
  const joined = `${above}${title}`;
  const cut = !TITLE_SUBJECT_WORD.test(title) && TITLE_SUBJECT_WORD.test(joined);
  return cut && joined.length <= settings.maxTitleLength ? joined : title;
}

function yearOfTitle(title: string | null): number | null {
  const m = title === null ? null : TITLE_YEAR.exec(title);
  if (!m) return null;
  return m[1] !== undefined ? Number(m[1]) : parseChineseYear(m[2] ?? '');
}

function yearOfPeriod(text: string): number | null {
  for (const pattern of PERIOD_YEAR) {
    const year = pattern.exec(text)?.[1];
    if (year !== undefined) return Number(year);
  }
  return null;
}

/** The year the body names most often (first seen wins a tie), within [minYear, latest]. */
function yearOfBody(paragraphs: readonly string[], minYear: number, latest: number): number | null {
  const counts = new Map<number, number>();
  for (const p of paragraphs) {
    for (const m of p.matchAll(BODY_YEAR)) {
      const year = Number(m[1]);
      if (year >= minYear && year <= latest) counts.set(year, (counts.get(year) ?? 0) + 1);
    }
  }
  let best: number | null = null;
  for (const [year, count] of counts) if (best === null || count > (counts.get(best) ?? 0)) best = year;
  return best;
}

/** The 发布日期 printed anywhere (a web page's header), when the signature has no date. */
function publishedLineDate(paragraphs: readonly string[]): string | null {
  for (const p of paragraphs) {
    const label = PUBLISHED_LINE.exec(p);
    const date = label === null ? undefined : findDates(p.slice(label.index + label[0].length))[0];
    if (date !== undefined) return date.iso;
  }
  return null;
}

function agencyCandidates(
  paragraphs: readonly string[],
  title: { readonly index: number; readonly text: string | null },
  signatureAgency: string | null,
  settings: MetadataSettings,
): AgencyCandidate[] {
  const titleIndex = title.index;
  const fromTitle = title.text === null ? null : titleAgency(title.text);
  const unit = unitLineAgency(paragraphs);
  const found: AgencyCandidate[] = [];
  if (fromTitle !== null) found.push({ source: 'title', name: fromTitle });
  if (unit !== null) found.push({ source: 'unit_line', name: unit });
  for (const name of headingAgencies(paragraphs, titleIndex, settings.maxTitleLength)) found.push({ source: 'heading', name });
  if (signatureAgency !== null) found.push({ source: 'signature', name: signatureAgency });
  const base = found[0];
  if (base === undefined) return found;
  const text = paragraphs.join('\n');
  for (const name of bodyAgencies(text, base.name, isPlaceName, settings)) found.push({ source: 'body', name });
  return found;
}

/** The lines that are neither the title nor the signature. */
function bodyLines(lines: readonly string[], titleIndex: number, signatureIndices: readonly number[]): string[] {
  const out: string[] = [];
  for (const [i, line] of lines.entries()) if (i !== titleIndex && !signatureIndices.includes(i)) out.push(line);
  return out;
}

/** Reads the report's metadata; messages say what could not be found or linked. */
export function readMetadata(
  paragraphs: readonly string[],
  settings: MetadataSettings = DEFAULT_METADATA_SETTINGS,
): { meta: ReportMeta; messages: Message[] } {
  const lines = cleanParagraphs(paragraphs);
  const titleIndex = findTitleIndex(lines, settings);
  const title = titleOf(lines, titleIndex, settings);
  const signature = findSignature(lines, settings);
  const publishedOn = signature.date ?? publishedLineDate(lines);
  const body = bodyLines(lines, titleIndex, signature.indices);
  const latest = publishedOn === null ? Number.MAX_SAFE_INTEGER : Number(publishedOn.slice(0, 4)) - 1;
  const year = yearOfTitle(title) ?? yearOfPeriod(body.join('\n')) ?? yearOfBody(body, settings.minYear, latest);
  const agency = chooseAgency(agencyCandidates(lines, { index: titleIndex, text: title }, signature.agency, settings));
  const division = agency === null ? null : resolveDivision(agency, lines.join('\n'));
  const messages: Message[] = [];
  if (agency === null) messages.push(message('agency_missing', AGENCY_MISSING));
  if (year === null) messages.push(message('year_missing', YEAR_MISSING));
  messages.push(...(division?.messages ?? []));
  const meta: ReportMeta = {
    agency,
    township: division?.township ?? null,
    county: division?.county ?? null,
    city: division?.city ?? null,
    province: division?.province ?? null,
    divisionCode: division?.code ?? null,
    year,
    publishedOn,
    // Spaces inside a Chinese title come from letter-spacing (2023 年), not from its wording.
    title: title === null ? null : displayLabel(title),
  };
  return { meta, messages };
}
