/**
 * The label candidates of the three tables, built once from layouts.ts: row labels (Tables A and B; Table C
 * prints no row labels, its groups head columns), column labels, Table A's 第二十条 blocks and header words.
 */
import { HEADER_DISTINCTIVE, HEADER_LABELS, TABLES } from './layouts.js';
import { labelEntry, normalizeLabel, type LabelEntry } from './labels.js';
import { TABLE_IDS, type TableId } from './report.js';

export type KeyRef = { readonly table: TableId; readonly key: string };

/** What a header cell names: a column, a Table C row group, or a header word without a key. */
export type HeaderRef = { readonly table: TableId; readonly kind: 'column' | 'group' | 'word'; readonly key: string };

export type LabelIndex = {
  readonly rows: readonly LabelEntry<KeyRef>[];
  readonly blocks: readonly LabelEntry<string>[];
  readonly header: Readonly<Record<TableId, readonly LabelEntry<HeaderRef>[]>>;
};

function rowEntries(): LabelEntry<KeyRef>[] {
  return TABLE_IDS.filter((t) => TABLES[t].rowLabelsPrinted).flatMap((table) =>
    TABLES[table].rows.map((r) => labelEntry({ table, key: r.key }, [r.label, ...r.variants], r.distinctive)),
  );
}

function headerEntries(table: TableId): LabelEntry<HeaderRef>[] {
  const columns = TABLES[table].columns.map((c) =>
    labelEntry<HeaderRef>({ table, kind: 'column', key: c.key }, [c.label, ...c.variants]),
  );
  // A table that prints no row stubs (Table C) heads its column groups with its row labels.
  const groups = TABLES[table].rowLabelsPrinted
    ? []
    : TABLES[table].rows.map((r) => labelEntry<HeaderRef>({ table, kind: 'group', key: r.key }, [r.label, ...r.variants]));
  // Table C's header words are its row groups, already entries of their own
  const words = HEADER_LABELS[table]
    .filter((w) => !groups.some((g) => g.names.includes(normalizeLabel(w))))
    .map((w) => labelEntry<HeaderRef>({ table, kind: 'word', key: w }, [w]));
  const notes = HEADER_DISTINCTIVE[table].map((d) => labelEntry<HeaderRef>({ table, kind: 'word', key: d }, [], [d]));
  return [...columns, ...groups, ...words, ...notes];
}

function buildIndex(): LabelIndex {
  const header = Object.fromEntries(TABLE_IDS.map((t) => [t, headerEntries(t)])) as Record<TableId, LabelEntry<HeaderRef>[]>;
  return {
    rows: rowEntries(),
    blocks: TABLES.active_disclosure.blocks.map((b) => labelEntry(b.key, [b.label, ...b.variants])),
    header,
  };
}

/** The index of every label of layouts.ts (built once; layouts are constant). */
export const LABEL_INDEX: LabelIndex = buildIndex();
