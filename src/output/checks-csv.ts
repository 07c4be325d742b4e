/** `checks.csv`: one row per consistency relation evaluated (DOMAIN.md §3). */
import type { CsvResource, CsvRow, Field } from './csv.js';
import { TABLE_IDS, type CheckResult, type Report } from '../report/report.js';

export const CHECKS_FIELDS: readonly Field[] = [
  { name: 'report_id', type: 'string', description: 'Report the check belongs to (see reports.csv)' },
  { name: 'source_file', type: 'string', description: 'Path of the input file, relative to the input folder' },
  { name: 'check_id', type: 'string', description: 'Relation id: R1…R5 are the table relations (勾稽关系), S-ids compare the text with the table' },
  { name: 'table', type: 'string', enum: TABLE_IDS, description: 'Standard table the relation is evaluated on' },
  { name: 'subject', type: 'string', description: 'What the relation was evaluated on, e.g. col=natural_person or row=review' },
  {
    name: 'expected',
    type: 'number',
    description:
      'What the checked total should be: the sum of the other terms, blanks as 0 (R1 第一项+第二项, R2 the applicant columns, R3 the outcomes, R4 the outcome columns, R5 direct + after review; S1 the previous report\'s carried_forward; S5 the figure in the text); blank when the check is not evaluable and one of them is not printed',
  },
  {
    name: 'actual',
    type: 'number',
    description:
      'The total the relation checks, as the table gives it (R1 第三项+第四项, R2 and R4 the printed 总计, R3 the printed （七）总计, R5 the derived litigation.all; S1 and S5 this report\'s table cell); blank when the check is not evaluable and a term of it is not printed',
  },
  { name: 'status', type: 'string', enum: ['pass', 'fail', 'not_evaluable'], description: 'pass, fail, or not_evaluable (terms missing)' },
  { name: 'note', type: 'string', description: 'The formula, and e.g. blank_as_zero or which terms were missing' },
];

/** What a check row says of its report. */
export type CheckOwner = { readonly id: string; readonly source: { readonly file: string } };

export function checkRow(report: CheckOwner, c: CheckResult): CsvRow {
  return [report.id, report.source.file, c.checkId, c.table, c.subject, c.expected, c.actual, c.status, c.note];
}

export function* checkRows(reports: readonly Report[]): Generator<CsvRow> {
  for (const report of reports) for (const c of report.checks) yield checkRow(report, c);
}

export function checksCsv(reports: readonly Report[]): CsvResource {
  return {
    name: 'checks',
    path: 'checks.csv',
    title: 'Consistency checks',
    description: 'One row per consistency relation (勾稽关系) evaluated on a report: pass, fail or not_evaluable',
    fields: CHECKS_FIELDS,
    rows: () => checkRows(reports),
  };
}
