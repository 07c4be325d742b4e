/**
 * Layout per table, from its own labels (DOMAIN.md §4.4), never from the year alone:
 * - Table A: the edition whose markers (EDITION_MARKERS) its labels carry;
 * - Table B: 2021 when （六） has sub-items; a single （六） leaf row is 2019, or 'mixed' when Table A is 2021;
 * - Table C: identical in both editions; 2021 unless Table A or B says 2019.
 * The report year only breaks a tie when a table carries no evidence at all (e.g. cut before its markers).
 * Per-row callbacks are loops, so V8 keeps their optimized code across GCs.
 */
import { EDITION_MARKERS, LEGACY_MARKERS, rowDef, type Edition } from './layouts.js';
import { compactLabel } from './labels.js';
import { message, type Message } from './flags.js';
import type { ClassifiedRow } from './find-tables.js';
import { rowsOfTable } from './find-tables.js';
import type { Layout, TableId } from './report.js';

export type LayoutDecision = {
  readonly layouts: Readonly<Record<TableId, Layout>>;
  readonly messages: readonly Message[];
};

/** First year of the 2021 format (reports for 2021 onward, DOMAIN.md §0). */
const FIRST_2021_YEAR = 2021;

const MARKERS: Readonly<Record<Edition, readonly string[]>> = {
  '2019': EDITION_MARKERS['2019'].map(compactLabel),
  '2021': EDITION_MARKERS['2021'].map(compactLabel),
};

/** How many label texts carry a marker of each edition. */
export function editionVotes(texts: readonly string[]): Record<Edition, number> {
  const compact = texts.map(compactLabel);
  return { '2019': countCarrying(compact, MARKERS['2019']), '2021': countCarrying(compact, MARKERS['2021']) };
}

/** True when the (compared-form) text contains any of the markers. */
function carriesMarker(text: string, markers: readonly string[]): boolean {
  for (const m of markers) if (text.includes(m)) return true;
  return false;
}

/** True when any text, compared as a label, contains one of the markers. */
function anyCarriesMarker(texts: readonly string[], markers: readonly string[]): boolean {
  for (const t of texts) if (carriesMarker(compactLabel(t), markers)) return true;
  return false;
}

function countCarrying(texts: readonly string[], markers: readonly string[]): number {
  let n = 0;
  for (const t of texts) if (carriesMarker(t, markers)) n += 1;
  return n;
}

function labelTexts(rows: readonly ClassifiedRow[]): string[] {
  const texts: string[] = [];
  for (const r of rows) for (const c of r.labels) texts.push(c.text);
  return texts;
}

function dataKeys(rows: readonly ClassifiedRow[]): Set<string> {
  const keys = new Set<string>();
  for (const r of rows) if (r.cls.kind === 'data') keys.add(r.cls.rowKey);
  return keys;
}

/** True for a row that only one edition prints (其他对外管理服务事项 in 2019, （六）1–3 in 2021). */
function printedOnlyIn(table: TableId, rowKey: string, edition: Edition): boolean {
  const printedIn = rowDef(table, rowKey)?.printedIn ?? [];
  for (const l of printedIn) if (l !== edition) return false;
  return printedIn.length > 0;
}

function anyPrintedOnlyIn(table: TableId, keys: ReadonlySet<string>, edition: Edition): boolean {
  for (const k of keys) if (printedOnlyIn(table, k, edition)) return true;
  return false;
}

function anyLeafForm(keys: ReadonlySet<string>): boolean {
  for (const k of keys) if (rowDef('requests', k)?.leafForm === true) return true;
  return false;
}

/** Table A's edition from its markers, else from rows only one edition prints; null without evidence. */
export function activeDisclosureEdition(rows: readonly ClassifiedRow[]): { edition: Edition | null; mixed: boolean } {
  const votes = editionVotes(labelTexts(rows));
  const mixed = votes['2019'] > 0 && votes['2021'] > 0;
  if (votes['2019'] !== votes['2021']) return { edition: votes['2019'] > votes['2021'] ? '2019' : '2021', mixed };
  if (mixed) return { edition: '2021', mixed };
  const only2019 = anyPrintedOnlyIn('active_disclosure', dataKeys(rows), '2019');
  return { edition: only2019 ? '2019' : null, mixed };
}

/** What Table B says about （六）: sub-items printed (2021), a single leaf row, or nothing. */
export function otherHandlingForm(rows: readonly ClassifiedRow[]): 'sub_items' | 'leaf' | 'unknown' {
  const keys = dataKeys(rows);
  const subItems = anyPrintedOnlyIn('requests', keys, '2021');
  if (subItems || editionVotes(labelTexts(rows))['2021'] > 0) return 'sub_items';
  return anyLeafForm(keys) ? 'leaf' : 'unknown';
}

function editionOfYear(year: number | null): Edition {
  return year !== null && year < FIRST_2021_YEAR ? '2019' : '2021';
}

/** Table B: sub-items → 2021; a （六） leaf → 2019, or 'mixed' beside a 2021 Table A; nothing → as Table A. */
export function requestsLayout(six: 'sub_items' | 'leaf' | 'unknown', reference: Edition): Layout {
  if (six === 'sub_items') return '2021';
  if (six === 'leaf') return reference === '2021' ? 'mixed' : '2019';
  return reference;
}

/** Decides the layout of each table; tables with no row at all are 'absent'. */
export function detectLayouts(rows: readonly ClassifiedRow[], year: number | null = null): LayoutDecision {
  const messages: Message[] = [];
  const a = rowsOfTable(rows, 'active_disclosure');
  const b = rowsOfTable(rows, 'requests');
  const c = rowsOfTable(rows, 'review_litigation');
  const aEvidence = activeDisclosureEdition(a);
  if (aEvidence.mixed) messages.push(message('layout_mixed', 'labels of both the 2019 and the 2021 layout', { table: 'active_disclosure' }));
  const six = otherHandlingForm(b);
  const reference = aEvidence.edition ?? editionOfYear(year);
  const aEdition = aEvidence.edition ?? (six === 'sub_items' ? '2021' : reference);
  const bLayout = requestsLayout(six, reference);
  const layouts: Record<TableId, Layout> = {
    active_disclosure: a.length > 0 ? aEdition : 'absent',
    requests: b.length > 0 ? bLayout : 'absent',
    review_litigation: 'absent',
  };
  if (c.length > 0) layouts.review_litigation = layouts.active_disclosure === '2019' || layouts.requests === '2019' ? '2019' : '2021';
  return { layouts, messages };
}

/**
 * A document without any standard table whose text carries a pre-2019 heading is 'legacy' throughout;
 * otherwise the layouts are returned unchanged.
 */
export function withLegacy(layouts: Readonly<Record<TableId, Layout>>, texts: readonly string[]): Readonly<Record<TableId, Layout>> {
  if (Object.values(layouts).some((l) => l !== 'absent')) return layouts;
  const markers = LEGACY_MARKERS.map(compactLabel);
  return anyCarriesMarker(texts, markers) ? { active_disclosure: 'legacy', requests: 'legacy', review_litigation: 'legacy' } : layouts;
}
