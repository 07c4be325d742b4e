/** The words the review pages show (data only; the pages are for Chinese-reading journalists). */
export const REVIEW_TEXT = Object.freeze({
  siteTitle: '政府信息公开工作年度报告 · 核对',
  filterLabel: '筛选',
  filterPlaceholder: '机关、县（区）、年度、状态……',
  shown: '显示',
  reportsUnit: '份报告',
  chartTitle: '申请数量与公开率（按县区分组）',
  chartApplications: '申请数量（件）',
  chartRate: '公开率',
  chartTruncated: '图中只列出前 {n} 份报告',
  chartNoCounty: '（县区不详）',
  backToIndex: '← 全部报告',
  sourceFile: '源文件',
  status: '状态',
  pages: '页数',
  layout: '格式',
  checks: '勾稽关系检查',
  checksSummary: '通过 {pass}，未通过 {fail}，无法检查 {notEvaluable}',
  failedChecks: '未通过的勾稽关系',
  warnings: '警告',
  tableAbsent: '本报告中未找到此表。',
  pageCaption: '第 {n} 页',
  pageImagesUnavailable: '无法显示原文页面：{reason}',
  legend: '图例',
  legendFail: '未通过勾稽关系',
  legendBlank: '空白（原文未填）',
  legendMissing: '缺失（原文丢失）',
  legendFlagged: '有提示',
  error: '错误',
});

/** Fills `{name}` placeholders. */
export function fillText(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
