/**
 * The review index: one row per report (agency, division, year, status, failed checks, a few indicators),
 * sortable by clicking a header and filtered by a text box (inline script), above a bar chart comparing the
 * agencies on applications received and 公开率, grouped by county.
 */
import { INDICATOR_SET } from '../output/indicator-set.js';
import type { IndicatorSet } from '../output/indicators-csv.js';
import { fieldLabel } from '../output/xlsx-labels.js';
import type { Report } from '../report/report.js';
import { barChartSvg, type ChartRow } from './chart.js';
import { attrs, element, escapeHtml, htmlPage, numberText, percentText } from './html.js';
import { reportPageName } from './report-page.js';
import { REVIEW_TEXT } from './review-text.js';
import { INDEX_SCRIPT } from './scripts.js';
import { REVIEW_STYLE } from './style.js';

/** The indicators the index shows, by key (indicators.ts). */
export const INDEX_INDICATORS = ['applications_received', 'disclosure_rate'] as const;

type Column = {
  readonly key: string;
  readonly numeric: boolean;
  /** Sort key (a number as text for numeric columns; '' sorts last) and the text shown. */
  readonly cell: (row: IndexRow) => { sort: string; text: string; className?: string };
};

export type IndexRow = {
  readonly report: Report;
  /** Link to the report's page, or null when the report has no page (a file that could not even be hashed). */
  readonly href: string | null;
  readonly checksFailed: number;
  readonly indicators: ReadonlyMap<string, number | null>;
};

export function indexRows(reports: readonly Report[], indicators: IndicatorSet = INDICATOR_SET): IndexRow[] {
  return reports.map((report) => ({
    report,
    href: report.id === '' ? null : reportPageName(report),
    checksFailed: report.checks.filter((c) => c.status === 'fail').length,
    indicators: indicators.compute(report.cells),
  }));
}

function text(value: string | null): { sort: string; text: string } {
  return { sort: value ?? '', text: value ?? '' };
}

function num(value: number | null, shown: (v: number | null) => string = numberText): { sort: string; text: string } {
  return { sort: value === null ? '' : String(value), text: shown(value) };
}

const COLUMNS: readonly Column[] = [
  { key: 'agency', numeric: false, cell: (r) => text(r.report.meta.agency ?? r.report.source.file) },
  { key: 'county', numeric: false, cell: (r) => text(r.report.meta.county) },
  { key: 'division_code', numeric: false, cell: (r) => text(r.report.meta.divisionCode) },
  { key: 'year', numeric: true, cell: (r) => num(r.report.meta.year) },
  { key: 'status', numeric: false, cell: (r) => ({ ...text(r.report.status), className: `status-${r.report.status}` }) },
  { key: 'checks_failed', numeric: true, cell: (r) => ({ ...num(r.checksFailed), ...(r.checksFailed > 0 ? { className: 'fail' } : {}) }) },
  { key: 'applications_received', numeric: true, cell: (r) => num(r.indicators.get('applications_received') ?? null) },
  { key: 'disclosure_rate', numeric: true, cell: (r) => num(r.indicators.get('disclosure_rate') ?? null, percentText) },
  { key: 'source_file', numeric: false, cell: (r) => text(r.report.source.file) },
];

function headRow(): string {
  const cells = COLUMNS.map((c) =>
    element('th', { 'data-key': c.key, 'data-type': c.numeric ? 'number' : 'text', title: c.key, scope: 'col' }, `<button type="button">${escapeHtml(fieldLabel(c.key) || c.key)}</button>`),
  );
  return `<thead><tr>${cells.join('')}</tr></thead>`;
}

function bodyRow(row: IndexRow): string {
  const cells = COLUMNS.map((c, i) => {
    const v = c.cell(row);
    const inner = i === 0 && row.href !== null ? `<a${attrs({ href: row.href })}>${escapeHtml(v.text)}</a>` : escapeHtml(v.text);
    const className = [c.numeric ? 'num' : '', v.className ?? ''].filter((x) => x !== '').join(' ');
    return element('td', { 'data-sort': v.sort, class: className === '' ? undefined : className }, inner);
  });
  return `<tr${attrs({ 'data-report': row.report.id })}>${cells.join('')}</tr>`;
}

function chartRows(rows: readonly IndexRow[]): ChartRow[] {
  return rows
    .filter((r) => r.report.status !== 'failed' && r.report.status !== 'not_a_report')
    .map((r) => ({
      label: r.report.meta.agency ?? r.report.source.file,
      group: r.report.meta.county,
      applications: r.indicators.get('applications_received') ?? null,
      rate: r.indicators.get('disclosure_rate') ?? null,
      href: r.href,
    }));
}

export function indexPageHtml(reports: readonly Report[], indicators: IndicatorSet = INDICATOR_SET): string {
  const rows = indexRows(reports, indicators);
  const filter = [
    '<p class="filter">',
    `<label for="filter">${escapeHtml(REVIEW_TEXT.filterLabel)}</label> `,
    `<input${attrs({ id: 'filter', type: 'search', placeholder: REVIEW_TEXT.filterPlaceholder, autocomplete: 'off' })}> `,
    `${escapeHtml(REVIEW_TEXT.shown)} <span id="shown">${rows.length}</span> / ${rows.length} ${escapeHtml(REVIEW_TEXT.reportsUnit)}`,
    '</p>',
  ].join('');
  const table = `<table id="reports">${headRow()}<tbody>${rows.map(bodyRow).join('\n')}</tbody></table>`;
  const body = [
    `<h1>${escapeHtml(REVIEW_TEXT.siteTitle)}</h1>`,
    filter,
    table,
    `<h2>${escapeHtml(REVIEW_TEXT.chartTitle)}</h2>`,
    barChartSvg(chartRows(rows)),
  ].join('\n');
  return htmlPage({ title: REVIEW_TEXT.siteTitle, style: REVIEW_STYLE, body, script: INDEX_SCRIPT });
}
