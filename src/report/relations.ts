/**
 * The consistency relations R1–R5 of DOMAIN.md §3 as data. Each says `Σ left = Σ right` over canonical
 * keys, once per column (terms are row keys) or once per row (terms are column keys).
 * `evaluateRelation` in checks.ts runs every one of them the same way.
 */
import { TABLES } from './layouts.js';
import type { TableId } from './report.js';

export type RelationId = 'R1' | 'R2' | 'R3' | 'R4' | 'R5';

/** 'per_column': terms are row keys and one instance runs per column; 'per_row': terms are column keys. */
export type RelationScope = 'per_column' | 'per_row';

export type Relation = {
  readonly id: RelationId;
  readonly table: TableId;
  readonly description: string;
  /** The formula as users read it in checks.csv (keys, not labels). */
  readonly formula: string;
  readonly scope: RelationScope;
  readonly left: readonly string[];
  readonly right: readonly string[];
  /**
   * The side holding the total the relation checks: the printed 总计 (R2, R4), （七）总计 (R3), 三+四 (R1), the
   * derived litigation.all (R5). Its sum is reported as `actual`, the other side's sum as `expected`.
   */
  readonly actualSide: 'left' | 'right';
  /** The columns (per_column) or rows (per_row) it runs over; 'printed' = every one the table's layout prints. */
  readonly over: readonly string[] | 'printed';
  /** Derived terms are replaced by their leaves, so each blank or missing leaf is judged on its own (R3). */
  readonly expandDerived: boolean;
  /**
   * The left side is a definition the pipeline computes from the right side (R5): evaluated only where every
   * right-hand term is printed, and then it holds by construction. Emitted so users see it.
   */
  readonly definition: boolean;
};

/** The printed column keys of a table, in layout order (derived columns such as legal_person.subtotal left out). */
function printedColumns(table: TableId): string[] {
  return TABLES[table].columns.filter((c) => c.derived !== true).map((c) => c.key);
}

/** Every printed applicant column of Table B (DOMAIN.md §3 `COLS`): natural_person, the five of LP, total. */
export const REQUEST_COLUMNS: readonly string[] = printedColumns('requests');

/** The five applicant columns under 法人或其他组织 (DOMAIN.md §3 `LP`). */
export const LEGAL_PERSON_COLUMNS: readonly string[] = REQUEST_COLUMNS.filter((k) => k.startsWith('legal_person.'));

/** The outcome columns of Table C. */
export const OUTCOME_COLUMNS: readonly string[] = printedColumns('review_litigation');

const OUTCOME_PARTS = OUTCOME_COLUMNS.filter((c) => c !== 'total');

const RESULT_PARTS: readonly string[] = [
  'result.disclosed',
  'result.partially_disclosed',
  'result.withheld.subtotal',
  'result.unable.subtotal',
  'result.not_processed.subtotal',
  'result.other.subtotal',
];

function formulaOf(left: readonly string[], right: readonly string[]): string {
  return `${left.join(' + ')} = ${right.join(' + ')}`;
}

function relation(fields: Omit<Relation, 'formula' | 'expandDerived' | 'definition'> & Partial<Relation>): Relation {
  return { formula: formulaOf(fields.left, fields.right), expandDerived: false, definition: false, ...fields };
}

export const RELATIONS: readonly Relation[] = [
  relation({
    id: 'R1',
    table: 'requests',
    description: '第一项加第二项之和，等于第三项加第四项之和 (printed in every Table B), per column',
    scope: 'per_column',
    left: ['new_received', 'carried_over'],
    right: ['result.total', 'carried_forward'],
    actualSide: 'right',
    over: REQUEST_COLUMNS,
  }),
  relation({
    id: 'R2',
    table: 'requests',
    description: 'natural persons plus the five legal-person columns equal 总计, per row',
    scope: 'per_row',
    left: ['natural_person', ...LEGAL_PERSON_COLUMNS],
    right: ['total'],
    actualSide: 'right',
    over: 'printed',
  }),
  relation({
    id: 'R3',
    table: 'requests',
    description: '（七）总计 equals the sum of all outcomes (subtotals evaluated through their leaves), per column',
    scope: 'per_column',
    left: ['result.total'],
    right: RESULT_PARTS,
    actualSide: 'left',
    over: REQUEST_COLUMNS,
    expandDerived: true,
  }),
  relation({
    id: 'R4',
    table: 'review_litigation',
    description: 'the outcome columns sum to 总计, per row',
    scope: 'per_row',
    left: OUTCOME_PARTS,
    right: ['total'],
    actualSide: 'right',
    over: ['review', 'litigation.direct', 'litigation.after_review'],
  }),
  relation({
    id: 'R5',
    table: 'review_litigation',
    description: 'all litigation is direct plus after review (a definition: litigation.all is computed), per column',
    scope: 'per_column',
    left: ['litigation.all'],
    right: ['litigation.direct', 'litigation.after_review'],
    actualSide: 'left',
    over: OUTCOME_COLUMNS,
    definition: true,
  }),
];
