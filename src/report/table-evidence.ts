/**
 * Whether a standard table is really there. Rows are classified one by one (find-tables), so a single row of a
 * budget table labelled 合计 or 上年结转资金 would otherwise make a Table B. A table is accepted only on real
 * evidence: a row of it under its own section heading, or enough distinct labels of it that are not generic
 * words (GENERIC_LABELS). Rows of a table without evidence fall back to rows of no table (no keys, no cells).
 */
import { hasValues, rowsOfTable, tableOfClass, type ClassifiedRow, type RowClass } from './find-tables.js';
import { isGenericLabel, LABEL_INDEX } from './label-index.js';
import { DEFAULT_MATCH_SETTINGS, matchLabel, type MatchSettings } from './labels.js';
import { TABLE_IDS, type TableId } from './report.js';

export type EvidenceSettings = {
  /**
   * Fewest distinct labels of a table (row stubs, 第二十条 blocks, column and header words; generic words never
   * count) that prove it without its section heading. Default 3: a real table, even one cut at a page break,
   * prints many more (Table C's header alone has 8); budget tables reach at most 1 (上年结转资金).
   */
  readonly minDistinctLabels: number;
};

export const DEFAULT_EVIDENCE_SETTINGS: EvidenceSettings = Object.freeze({ minDistinctLabels: 3 });

export type TableEvidence = {
  /** Some row of the table sits under the table's own section heading (layouts titleDistinctive). */
  readonly heading: boolean;
  /** The distinct non-generic labels of the table seen in its rows (`row:new_received`, `column:total`, …). */
  readonly labels: readonly string[];
};

/** The distinct non-generic labels of `table` among the label cells of the rows. */
export function evidenceLabels(
  rows: readonly ClassifiedRow[],
  table: TableId,
  match: MatchSettings = DEFAULT_MATCH_SETTINGS,
): string[] {
  const seen = new Set<string>();
  for (const cell of rows.flatMap((r) => r.labels)) {
    if (isGenericLabel(cell.text)) continue;
    const m = matchLabel(cell.text, LABEL_INDEX.evidence[table], match);
    if (m !== null) seen.add(m.target);
  }
  return [...seen].sort();
}

/** What the rows classified to `table` show of it. */
export function evidenceOf(
  rows: readonly ClassifiedRow[],
  table: TableId,
  match: MatchSettings = DEFAULT_MATCH_SETTINGS,
): TableEvidence {
  const own = rowsOfTable(rows, table);
  return { heading: own.some((r) => r.section === table), labels: evidenceLabels(own, table, match) };
}

export function isProven(evidence: TableEvidence, settings: EvidenceSettings = DEFAULT_EVIDENCE_SETTINGS): boolean {
  return evidence.heading || evidence.labels.length >= settings.minDistinctLabels;
}

/** The class a row falls back to when its table is not proven: values without a key, or an unknown row. */
function unclassified(row: ClassifiedRow): RowClass {
  const filled = hasValues(row);
  return row.labels.length === 0 && filled ? { kind: 'values' } : { kind: 'other', hasValues: filled };
}

/** Keeps the classes of rows whose table is proven; the rows of every other table become unclassified. */
export function keepProvenTables(
  rows: readonly ClassifiedRow[],
  settings: EvidenceSettings = DEFAULT_EVIDENCE_SETTINGS,
  match: MatchSettings = DEFAULT_MATCH_SETTINGS,
): ClassifiedRow[] {
  const proven = new Set(TABLE_IDS.filter((t) => isProven(evidenceOf(rows, t, match), settings)));
  const out: ClassifiedRow[] = [];
  for (const r of rows) {
    const table = tableOfClass(r.cls);
    out.push(table === null || proven.has(table) ? r : { ...r, cls: unclassified(r) });
  }
  return out;
}
