/**
 * Chinese labels for the workbook's second header row: the journalists' names for nianbao's field keys.
 * Data only. Value columns of the wide tables take their label from layouts.ts, indicators from indicators.ts.
 */
import { INDICATORS } from '../report/indicators.js';
import { columnDef } from '../report/layouts.js';
import type { TableId } from '../report/report.js';

/** Fields shared by several sheets (identity, metadata, status and check columns). */
export const FIELD_LABELS: Readonly<Record<string, string>> = Object.freeze({
  report_id: '报告编号',
  source_file: '源文件',
  sha256: '文件校验值 (SHA-256)',
  format: '文件格式',
  pages: '页数',
  status: '状态',
  error: '错误',
  agency: '机关',
  township: '乡镇（街道）',
  county: '县（区）',
  city: '市',
  province: '省',
  division_code: '行政区划代码',
  year: '年度',
  published_on: '发布日期',
  layout_active_disclosure: '主动公开表格式',
  layout_requests: '依申请表格式',
  layout_review_litigation: '复议诉讼表格式',
  cells: '单元格数',
  checks_failed: '未通过的勾稽关系',
  warnings: '警告',
  title: '标题',
  row_key: '行键',
  row_label: '行标签',
  check_id: '勾稽关系编号',
  table: '表',
  subject: '检查对象',
  expected: '应为（各项之和）',
  actual: '实际（核对的合计）',
  note: '公式与说明',
});

const INDICATOR_LABELS: ReadonlyMap<string, string> = new Map(INDICATORS.map((i) => [i.key, i.name]));

/** The Chinese label of a field of a sheet; '' when there is none. `table` is set for the wide-table sheets. */
export function fieldLabel(name: string, table?: TableId): string {
  if (table !== undefined) {
    const column = columnDef(table, name);
    if (column !== undefined) return column.label;
  }
  return FIELD_LABELS[name] ?? INDICATOR_LABELS.get(name) ?? '';
}
