import type { FlagCode } from '../report/flags.js';
import type { ValueKind } from '../report/layouts.js';
import type { Unit } from '../report/report.js';

export type NormalizedValue = {
  readonly value: number | null;
  /** 'blank' for an empty cell or a dash/无 (flagged dash_or_word); 'printed' otherwise, even when unreadable. */
  readonly provenance: 'printed' | 'blank';
  readonly unit: Unit;
  /** The printed text, whitespace collapsed. */
  readonly raw: string;
  readonly flags: readonly FlagCode[];
};

/** Reads one printed cell as a number of the given kind. (stub: being written) */
export function normalizeCellValue(raw: string, kind: ValueKind): NormalizedValue {
  void raw;
  void kind;
  throw new Error('normalizeCellValue: not implemented yet');
}
