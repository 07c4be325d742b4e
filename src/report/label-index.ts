/**
 * The label candidates of the three tables, built once from layouts.ts: row labels (Tables A and B; Table C
 * prints no row labels, its groups head columns), column labels, Table A's 第二十条 blocks and header words,
 * and per table the labels that count as evidence of it (all of these but the generic words).
 */
import { GENERIC_LABELS, HEADER_DISTINCTIVE, HEADER_LABELS, TABLES } from './layouts.js';
import { labelEntry, normalizeLabel, type LabelEntry } from './labels.js';
import { TABLE_IDS, type TableId } from './report.js';

export type KeyRef = { readonly table: TableId; readonly key: string };

/** What a header cell names: a column, a Table C row group, or a header word without a key. */
export type HeaderRef = { readonly table: TableId; readonly kind: 'column' | 'group' | 'word'; readonly key: string };

export type LabelIndex = {
  readonly rows: readonly LabelEntry<KeyRef>[];
  readonly blocks: readonly LabelEntry<string>[];
  readonly header: Readonly<Record<TableId, readonly LabelEntry<HeaderRef>[]>>;
  /**
   * Every label of a table (rows, blocks, header cells) without the generic words, each entry named by a key
   * such as `row:new_received` or `column:total`: distinct targets matched = distinct labels seen.
   */
  readonly evidence: Readonly<Record<TableId, readonly LabelEntry<string>[]>>;
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

const GENERIC_NAMES: ReadonlySet<string> = new Set(GENERIC_LABELS.map(normalizeLabel));

/** True for a label that is a generic word (合计, 其他, …) once normalised: no evidence of any table. */
export function isGenericLabel(text: string): boolean {
  return GENERIC_NAMES.has(normalizeLabel(text));
}

/** An entry re-targeted to an evidence key, its generic names dropped; null when nothing specific is left. */
function evidenceEntry<T>(entry: LabelEntry<T>, key: string): LabelEntry<string> | null {
  const names = entry.names.filter((n) => !GENERIC_NAMES.has(n));
  if (names.length === 0 && entry.distinctive.length === 0) return null;
  return { target: key, names, distinctive: entry.distinctive };
}

function evidenceEntries(table: TableId, rows: readonly LabelEntry<KeyRef>[], header: readonly LabelEntry<HeaderRef>[]): LabelEntry<string>[] {
  const all = [
    ...rows.filter((e) => e.target.table === table).map((e) => evidenceEntry(e, `row:${e.target.key}`)),
    ...TABLES[table].blocks.map((b) => evidenceEntry(labelEntry(b.key, [b.label, ...b.variants]), `block:${b.key}`)),
    ...header.map((e) => evidenceEntry(e, `${e.target.kind}:${e.target.key}`)),
  ];
  return all.filter((e): e is LabelEntry<string> => e !== null);
}

function buildIndex(): LabelIndex {
  const header = Object.fromEntries(TABLE_IDS.map((t) => [t, headerEntries(t)])) as Record<TableId, LabelEntry<HeaderRef>[]>;
  const rows = rowEntries();
  const evidence = Object.fromEntries(TABLE_IDS.map((t) => [t, evidenceEntries(t, rows, header[t])])) as Record<TableId, LabelEntry<string>[]>;
  return {
    rows,
    blocks: TABLES.active_disclosure.blocks.map((b) => labelEntry(b.key, [b.label, ...b.variants])),
    header,
    evidence,
  };
}

/** The index of every label of layouts.ts (built once; layouts are constant). */
export const LABEL_INDEX: LabelIndex = buildIndex();
