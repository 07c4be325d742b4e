/**
 * An inline SVG bar chart for the index page: one line per report, grouped under its county, with two
 * panels side by side (applications received, 公开率). A value that is blank or missing draws no bar and
 * shows '—': it is never drawn as 0.
 */
import { attrs, escapeHtml, numberText, percentText } from './html.js';
import { REVIEW_TEXT, fillText } from './review-text.js';

export type ChartRow = {
  readonly label: string;
  readonly group: string | null;
  readonly applications: number | null;
  readonly rate: number | null;
  /** Link to the report's page. */
  readonly href: string | null;
};

export type ChartSettings = {
  /** Height of one report's line, px. */
  readonly rowHeight: number;
  /** Height of a county heading line, px. */
  readonly groupHeight: number;
  /** Width of the label column, px. */
  readonly labelWidth: number;
  /** Width of each panel's bar area, px. */
  readonly panelWidth: number;
  /** Room after a bar for its value text, px. */
  readonly valueWidth: number;
  /** Labels longer than this many characters are cut (with '…'). */
  readonly maxLabelChars: number;
  /** At most this many reports are drawn (the chart of a 10,000-file batch would be unreadable). */
  readonly maxRows: number;
};

export const DEFAULT_CHART_SETTINGS: ChartSettings = Object.freeze({
  rowHeight: 18,
  groupHeight: 24,
  labelWidth: 230,
  panelWidth: 240,
  valueWidth: 60,
  maxLabelChars: 16,
  maxRows: 300,
});

type Line = { readonly kind: 'group'; readonly text: string } | { readonly kind: 'row'; readonly row: ChartRow };

function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Rows grouped by county (groups and rows in code-unit order, so the chart is stable). */
export function chartLines(rows: readonly ChartRow[]): Line[] {
  const groups = new Map<string, ChartRow[]>();
  for (const row of rows) {
    const key = row.group ?? REVIEW_TEXT.chartNoCounty;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  return [...groups.keys()].sort(byText).flatMap((key): Line[] => [
    { kind: 'group', text: key },
    ...[...(groups.get(key) ?? [])].sort((a, b) => byText(a.label, b.label)).map((row): Line => ({ kind: 'row', row })),
  ]);
}

function cut(text: string, max: number): string {
  return [...text].length > max ? `${[...text].slice(0, max - 1).join('')}…` : text;
}

function bar(x: number, y: number, value: number | null, max: number, text: string, cls: string, s: ChartSettings): string {
  if (value === null) return `<text${attrs({ x: x + 4, y: y + s.rowHeight - 5, class: 'none' })}>—</text>`;
  const width = max > 0 ? Math.max(0, (value / max) * s.panelWidth) : 0;
  const rect = `<rect${attrs({ x, y: y + 3, width: width.toFixed(1), height: s.rowHeight - 6, class: cls })}><title>${escapeHtml(text)}</title></rect>`;
  return `${rect}<text${attrs({ x: (x + width + 4).toFixed(1), y: y + s.rowHeight - 5 })}>${escapeHtml(text)}</text>`;
}

function rowSvg(row: ChartRow, y: number, maxApplications: number, s: ChartSettings): string {
  const label = `<text${attrs({ x: s.labelWidth - 8, y: y + s.rowHeight - 5, 'text-anchor': 'end' })}>${escapeHtml(cut(row.label, s.maxLabelChars))}<title>${escapeHtml(row.label)}</title></text>`;
  const panel2 = s.labelWidth + s.panelWidth + s.valueWidth;
  const bars =
    bar(s.labelWidth, y, row.applications, maxApplications, numberText(row.applications), 'applications', s) +
    bar(panel2, y, row.rate, 1, percentText(row.rate), 'rate', s);
  const line = `<g class="line">${label}${bars}</g>`;
  return row.href === null ? line : `<a${attrs({ href: row.href })}>${line}</a>`;
}

/** The chart as an inline `<svg>` (with a note when rows were left out). */
export function barChartSvg(rows: readonly ChartRow[], settings: ChartSettings = DEFAULT_CHART_SETTINGS): string {
  const s = settings;
  const shown = rows.slice(0, s.maxRows);
  const lines = chartLines(shown);
  const maxApplications = Math.max(0, ...shown.map((r) => r.applications ?? 0));
  const panel2 = s.labelWidth + s.panelWidth + s.valueWidth;
  const width = panel2 + s.panelWidth + s.valueWidth;
  let y = s.groupHeight;
  const parts: string[] = [
    `<text${attrs({ x: s.labelWidth, y: s.groupHeight - 8, class: 'axis' })}>${escapeHtml(REVIEW_TEXT.chartApplications)}</text>`,
    `<text${attrs({ x: panel2, y: s.groupHeight - 8, class: 'axis' })}>${escapeHtml(REVIEW_TEXT.chartRate)}</text>`,
  ];
  for (const line of lines) {
    if (line.kind === 'group') {
      parts.push(`<text${attrs({ x: 4, y: y + s.groupHeight - 7, class: 'group' })}>${escapeHtml(line.text)}</text>`);
      y += s.groupHeight;
    } else {
      parts.push(rowSvg(line.row, y, maxApplications, s));
      y += s.rowHeight;
    }
  }
  const svg = `<svg${attrs({ xmlns: 'http://www.w3.org/2000/svg', class: 'chart', width, height: y + 4, viewBox: `0 0 ${width} ${y + 4}`, role: 'img', 'aria-label': REVIEW_TEXT.chartTitle })}>${parts.join('')}</svg>`;
  const note = rows.length > shown.length ? `<p class="note">${escapeHtml(fillText(REVIEW_TEXT.chartTruncated, { n: shown.length }))}</p>` : '';
  return svg + note;
}
