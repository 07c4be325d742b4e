/**
 * The three standard tables rebuilt as printed: merged header and stub cells with their row/column spans,
 * taken from the layout data (layouts.ts), and one value slot per printed cell of the layout. Pure structure:
 * the report page fills the value slots from a report's cells.
 */
import { HEADER_LABELS, REQUESTS_GROUP_LABELS, REVIEW_LITIGATION_ORDER, TABLES, columnDef, editionOf, rowDef, type BlockDef, type RowDef } from '../report/layouts.js';
import { LEGAL_PERSON_COLUMNS, OUTCOME_COLUMNS, REQUEST_COLUMNS } from '../report/relations.js';
import type { Layout, TableId } from '../report/report.js';

/** head: a column header; stub: a row label; value: the slot of one canonical cell. */
export type ViewCell =
  | { readonly kind: 'head' | 'stub'; readonly text: string; readonly rowSpan: number; readonly colSpan: number; readonly rowKey?: string }
  | { readonly kind: 'value'; readonly rowKey: string; readonly colKey: string; readonly rowSpan: 1; readonly colSpan: number };

export type TableView = {
  readonly table: TableId;
  readonly layout: Layout;
  /** Grid width in columns. */
  readonly columns: number;
  /** Rows in print order; a cell spanning rows appears only in its first row. */
  readonly rows: readonly (readonly ViewCell[])[];
};

function head(text: string, colSpan = 1, rowSpan = 1): ViewCell {
  return { kind: 'head', text, rowSpan, colSpan };
}

function stub(row: RowDef, colSpan = 1, rowSpan = 1): ViewCell {
  return { kind: 'stub', text: row.label, rowSpan, colSpan, rowKey: row.key };
}

function value(rowKey: string, colKey: string, colSpan = 1): ViewCell {
  return { kind: 'value', rowKey, colKey, rowSpan: 1, colSpan };
}

function labelOf(table: TableId, colKey: string): string {
  return columnDef(table, colKey)?.label ?? colKey;
}

/** The table as printed in a layout; null for a layout without the table (absent, legacy). */
export function tableView(table: TableId, layout: Layout): TableView | null {
  if (layout === 'absent' || layout === 'legacy') return null;
  switch (table) {
    case 'active_disclosure':
      return activeDisclosureView(layout);
    case 'requests':
      return requestsView(layout);
    case 'review_litigation':
      return reviewLitigationView(layout);
    default:
      return assertNever(table);
  }
}

// Table A: each 第二十条 block prints its own title row and column header row; a block with fewer
// columns than the widest one stretches its last column (2021: 本年处理决定数量 spans three).

function blockColumns(block: BlockDef, layout: Layout): readonly string[] {
  return block.columns[editionOf(layout)] ?? [];
}

function activeDisclosureView(layout: Layout): TableView {
  const def = TABLES.active_disclosure;
  const blocks = def.blocks.filter((b) => blockColumns(b, layout).length > 0);
  const width = 1 + Math.max(...blocks.map((b) => blockColumns(b, layout).length));
  const rows: ViewCell[][] = [];
  for (const block of blocks) {
    const cols = blockColumns(block, layout);
    const members = def.rows.filter((r) => r.block === block.key && r.printedIn.includes(layout));
    if (members.length === 0) continue;
    const spanOf = (i: number): number => (i === cols.length - 1 ? width - cols.length : 1);
    rows.push([head(block.label, width)]);
    rows.push([head(HEADER_LABELS.active_disclosure[0] ?? ''), ...cols.map((k, i) => head(labelOf('active_disclosure', k), spanOf(i)))]);
    for (const r of members) rows.push([stub(r), ...cols.map((k, i) => value(r.key, k, spanOf(i)))]);
  }
  return { table: 'active_disclosure', layout, columns: width, rows };
}

// Table B: three header rows under the R1 note; the stub is three columns wide: top-level rows span all
// three, rows under 三、本年度办理结果 span two, and numbered leaves sit beside their group label.

/** Table B stub width: 三、本年度办理结果 | group label | leaf label. */
const REQUESTS_STUB_WIDTH = 3;
const RESULT_PREFIX = 'result.';

function requestsHead(): ViewCell[][] {
  const { note, applicants, legalPersons } = REQUESTS_GROUP_LABELS;
  return [
    [head(note, REQUESTS_STUB_WIDTH, 3), head(applicants, REQUEST_COLUMNS.length)],
    [head(labelOf('requests', 'natural_person'), 1, 2), head(legalPersons, LEGAL_PERSON_COLUMNS.length), head(labelOf('requests', 'total'), 1, 2)],
    LEGAL_PERSON_COLUMNS.map((k) => head(labelOf('requests', k))),
  ];
}

/** The derived group row (（三）不予公开 …) whose printed leaves include `key` in this layout. */
function groupOf(rows: readonly RowDef[], key: string, layout: Layout): RowDef | undefined {
  return rows.find((g) => g.derivedIn.includes(layout) && g.sumOf?.includes(key) === true);
}

function requestsView(layout: Layout): TableView {
  const printed = TABLES.requests.rows.filter((r) => r.printedIn.includes(layout));
  const resultCount = printed.filter((r) => r.key.startsWith(RESULT_PREFIX)).length;
  const values = (r: RowDef): ViewCell[] => REQUEST_COLUMNS.map((k) => value(r.key, k));
  const rows: ViewCell[][] = requestsHead();
  let resultsOpened = false;
  for (const r of printed) {
    if (!r.key.startsWith(RESULT_PREFIX)) {
      rows.push([stub(r, REQUESTS_STUB_WIDTH), ...values(r)]);
      continue;
    }
    const line: ViewCell[] = [];
    if (!resultsOpened) {
      line.push(head(REQUESTS_GROUP_LABELS.results, 1, resultCount));
      resultsOpened = true;
    }
    const group = groupOf(TABLES.requests.rows, r.key, layout);
    if (group === undefined) line.push(stub(r, REQUESTS_STUB_WIDTH - 1));
    else {
      const leaves = printed.filter((leaf) => group.sumOf?.includes(leaf.key) === true);
      if (leaves[0]?.key === r.key) line.push(stub(group, 1, leaves.length));
      line.push(stub(r));
    }
    rows.push([...line, ...values(r)]);
  }
  return { table: 'requests', layout, columns: REQUESTS_STUB_WIDTH + REQUEST_COLUMNS.length, rows };
}

// Table C: 行政复议 (five outcomes) beside 行政诉讼, which splits into 未经复议直接起诉 and 复议后起诉;
// one data row of fifteen numbers.

function reviewLitigationView(layout: Layout): TableView {
  const label = (key: string): string => rowDef('review_litigation', key)?.label ?? key;
  const outcomes = (rowSpan: number): ViewCell[] => OUTCOME_COLUMNS.map((k) => head(labelOf('review_litigation', k), 1, rowSpan));
  const n = OUTCOME_COLUMNS.length;
  const rows: ViewCell[][] = [
    [head(label('review'), n), head(label('litigation.all'), 2 * n)],
    [...outcomes(2), head(label('litigation.direct'), n), head(label('litigation.after_review'), n)],
    [...outcomes(1), ...outcomes(1)],
    REVIEW_LITIGATION_ORDER.map(({ rowKey, colKey }) => value(rowKey, colKey)),
  ];
  return { table: 'review_litigation', layout, columns: 3 * n, rows };
}

function assertNever(value: never): never {
  throw new Error(`unexpected table: ${String(value)}`);
}
