/**
 * One report's review page: its metadata and checks, then each standard table rebuilt with its merged headers
 * (table-view.ts) and filled from the report's cells, beside the source pages the table was read from (PDF),
 * each read cell outlined on the page. Cells of failed checks are highlighted, the formula in their tooltip.
 */
import type { Box } from '../extract/document.js';
import { cellId } from '../report/derive.js';
import { TABLES, columnDef } from '../report/layouts.js';
import { TABLE_IDS, type CheckResult, type KeyedCell, type Report, type TableId } from '../report/report.js';
import { checkSummary, failedChecksByCell, failureText } from './failed-cells.js';
import { attrs, element, escapeHtml, htmlPage, numberText } from './html.js';
import { REVIEW_TEXT, fillText } from './review-text.js';
import { REPORT_SCRIPT } from './scripts.js';
import { REVIEW_STYLE } from './style.js';
import { tableView, type ViewCell } from './table-view.js';

/** A rendered source page, as the report page links to it. `width`/`height`: the page in points. */
export type PageImage = { readonly page: number; readonly href: string; readonly width: number; readonly height: number };

export type ReportPageInput = {
  readonly report: Report;
  /** Rendered pages of a PDF report (empty for other formats or when the source was not at hand). */
  readonly images: readonly PageImage[];
  /** Why the page images are missing, when they should be there. */
  readonly imageNote?: string;
};

/** The file name of a report's page, inside the review folder. */
export function reportPageName(report: Pick<Report, 'id'>): string {
  return `${report.id}.html`;
}

type Context = {
  readonly cells: ReadonlyMap<string, KeyedCell>;
  readonly failed: ReadonlyMap<string, readonly CheckResult[]>;
  /** The row label each printed row carried in the report, by `table/rowKey`. */
  readonly rowLabels: ReadonlyMap<string, string>;
};

function printedRowLabels(cells: readonly KeyedCell[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const c of cells) {
    const key = `${c.table}/${c.rowKey}`;
    if (c.provenance !== 'derived' && c.rowLabel !== '' && !out.has(key)) out.set(key, c.rowLabel);
  }
  return out;
}

function cellTitle(cell: KeyedCell, failures: string): string {
  const lines = [`${cell.table} / ${cell.rowKey} / ${cell.colKey}`, `${cell.provenance}${cell.raw === '' ? '' : `: "${cell.raw}"`}`];
  if (cell.unit !== null) lines.push(`unit ${cell.unit}`);
  if (cell.page !== null) lines.push(fillText(REVIEW_TEXT.pageCaption, { n: cell.page }));
  if (cell.flags.length > 0) lines.push(`flags: ${cell.flags.join(', ')}`);
  if (failures !== '') lines.push(failures);
  return lines.join('\n');
}

function cellText(cell: KeyedCell): string {
  if (cell.provenance === 'printed' && cell.value === null) return cell.raw;
  if (cell.provenance !== 'printed' && cell.provenance !== 'derived') return '';
  // A change (本年增/减) keeps its sign, as printed.
  const signed = cell.value !== null && cell.value > 0 && columnDef(cell.table, cell.colKey)?.kind === 'signed_count';
  return `${signed ? '+' : ''}${numberText(cell.value)}`;
}

function valueTd(slot: Extract<ViewCell, { kind: 'value' }>, table: TableId, ctx: Context): string {
  const id = cellId({ table, rowKey: slot.rowKey, colKey: slot.colKey });
  const cell = ctx.cells.get(id);
  const span = slot.colSpan > 1 ? slot.colSpan : undefined;
  if (cell === undefined) return element('td', { class: 'value absent', colspan: span, title: id }, '');
  const failures = failureText(cell, ctx.failed);
  const classes = ['value', cell.provenance, failures === '' ? '' : 'fail', cell.flags.length > 0 ? 'flagged' : ''];
  return element(
    'td',
    { class: classes.filter((c) => c !== '').join(' '), colspan: span, title: cellTitle(cell, failures), 'data-cell': id, tabindex: 0 },
    escapeHtml(cellText(cell)),
  );
}

function labelTh(slot: Exclude<ViewCell, { kind: 'value' }>, table: TableId, ctx: Context): string {
  // A row label shows the wording the report printed when the recognizer kept it.
  const printed = slot.kind === 'stub' && slot.rowKey !== undefined ? ctx.rowLabels.get(`${table}/${slot.rowKey}`) : undefined;
  const text = printed ?? slot.text;
  const span = { rowspan: slot.rowSpan > 1 ? slot.rowSpan : undefined, colspan: slot.colSpan > 1 ? slot.colSpan : undefined };
  return element('th', { class: slot.kind, scope: slot.kind === 'stub' ? 'row' : 'col', title: text === slot.text ? undefined : slot.text, ...span }, escapeHtml(text));
}

function tableHtml(table: TableId, report: Report, ctx: Context): string {
  const view = tableView(table, report.layouts[table]);
  if (view === null) return `<p class="absent">${escapeHtml(REVIEW_TEXT.tableAbsent)}</p>`;
  const rows = view.rows.map((row) => `<tr>${row.map((slot) => (slot.kind === 'value' ? valueTd(slot, table, ctx) : labelTh(slot, table, ctx))).join('')}</tr>`);
  return element('table', { class: `report-table ${table}`, 'data-table': table }, `<tbody>${rows.join('\n')}</tbody>`);
}

function outline(cell: KeyedCell, ctx: Context): string {
  const box = cell.box;
  if (box === undefined) return '';
  const id = cellId(cell);
  const failures = failureText(cell, ctx.failed);
  const size = { x: box.x0.toFixed(1), y: box.y0.toFixed(1), width: (box.x1 - box.x0).toFixed(1), height: (box.y1 - box.y0).toFixed(1) };
  const title = `<title>${escapeHtml(`${id}: ${cellText(cell)}${failures === '' ? '' : `\n${failures}`}`)}</title>`;
  return `<rect${attrs({ ...size, class: failures === '' ? 'outline' : 'outline fail', 'data-cell': id })}>${title}</rect>`;
}

export type CropSettings = {
  /** Room kept above and below the outlined cells, in points. */
  readonly marginPt: number;
  /** Smallest height shown, in points (a one-row table still shows its header). */
  readonly minHeightPt: number;
};

export const DEFAULT_CROP_SETTINGS: CropSettings = Object.freeze({ marginPt: 48, minHeightPt: 200 });

/** The part of a page shown beside a table: the full width, from above its outlined cells to below them. */
export function cropOf(image: PageImage, boxes: readonly Box[], settings: CropSettings = DEFAULT_CROP_SETTINGS): { y: number; height: number } {
  if (boxes.length === 0) return { y: 0, height: image.height };
  const top = Math.min(...boxes.map((b) => b.y0)) - settings.marginPt;
  const bottom = Math.max(...boxes.map((b) => b.y1)) + settings.marginPt;
  const grow = Math.max(0, settings.minHeightPt - (bottom - top)) / 2;
  const y0 = Math.max(0, top - grow);
  const y1 = Math.min(image.height, bottom + grow);
  return y1 > y0 ? { y: y0, height: y1 - y0 } : { y: 0, height: image.height };
}

function pageFigure(image: PageImage, cells: readonly KeyedCell[], ctx: Context): string {
  const onPage = cells.filter((c) => c.page === image.page);
  const crop = cropOf(image, onPage.flatMap((c) => (c.box === undefined ? [] : [c.box])));
  const caption = fillText(REVIEW_TEXT.pageCaption, { n: image.page });
  const picture = `<image${attrs({ href: image.href, x: 0, y: 0, width: image.width, height: image.height, preserveAspectRatio: 'none' })}><title>${escapeHtml(caption)}</title></image>`;
  const viewBox = `0 ${crop.y.toFixed(1)} ${image.width} ${crop.height.toFixed(1)}`;
  const svg = `<svg${attrs({ class: 'sheet', viewBox, role: 'img', 'aria-label': caption })}>${picture}${onPage.map((c) => outline(c, ctx)).join('')}</svg>`;
  return `<figure class="page" data-page="${image.page}">${svg}<figcaption>${escapeHtml(caption)}</figcaption></figure>`;
}

function sectionHtml(table: TableId, input: ReportPageInput, ctx: Context): string {
  const { report } = input;
  const cells = report.cells.filter((c) => c.table === table);
  const pages = new Set(cells.map((c) => c.page).filter((p): p is number => p !== null));
  const figures = input.images.filter((img) => pages.has(img.page)).map((img) => pageFigure(img, cells, ctx));
  const title = `<h2>${escapeHtml(TABLES[table].title)} <small>${escapeHtml(`${REVIEW_TEXT.layout} ${report.layouts[table]}`)}</small></h2>`;
  const side = figures.length === 0 ? '' : `<div class="pages">${figures.join('')}</div>`;
  return `<section${attrs({ id: table })}>${title}<div class="pair"><div class="grid">${tableHtml(table, report, ctx)}</div>${side}</div></section>`;
}

function metaHtml(report: Report): string {
  const m = report.meta;
  const rows: [string, string | number | null][] = [
    [REVIEW_TEXT.sourceFile, report.source.file],
    [REVIEW_TEXT.status, report.status],
    ...(report.error === null ? [] : [[REVIEW_TEXT.error, report.error] as [string, string]]),
    [REVIEW_TEXT.pages, report.pages],
    ['', [m.province, m.city, m.county, m.township].filter((p) => p !== null).join(' ')],
    ['division_code', m.divisionCode],
    ['published_on', m.publishedOn],
    ['sha256', report.source.sha256],
  ];
  const items = rows.filter(([, v]) => v !== null && v !== '').map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(String(v))}</dd>`);
  return `<dl class="meta">${items.join('')}</dl>`;
}

function checksHtml(report: Report): string {
  const count = (s: CheckResult['status']): number => report.checks.filter((c) => c.status === s).length;
  const summary = fillText(REVIEW_TEXT.checksSummary, { pass: count('pass'), fail: count('fail'), notEvaluable: count('not_evaluable') });
  const failed = report.checks.filter((c) => c.status === 'fail').map((c) => `<li class="fail">${escapeHtml(checkSummary(c))}</li>`);
  const warnings = report.messages.map((m) => `<li>${escapeHtml(`${m.code}: ${m.text}`)}</li>`);
  return [
    `<p class="checks">${escapeHtml(`${REVIEW_TEXT.checks}: ${summary}`)}</p>`,
    failed.length === 0 ? '' : `<h3>${escapeHtml(REVIEW_TEXT.failedChecks)}</h3><ul class="failed-checks">${failed.join('')}</ul>`,
    warnings.length === 0 ? '' : `<h3>${escapeHtml(REVIEW_TEXT.warnings)}</h3><ul class="warnings">${warnings.join('')}</ul>`,
  ].join('');
}

function legendHtml(): string {
  const items: [string, string][] = [
    ['fail', REVIEW_TEXT.legendFail],
    ['blank', REVIEW_TEXT.legendBlank],
    ['missing', REVIEW_TEXT.legendMissing],
    ['flagged', REVIEW_TEXT.legendFlagged],
  ];
  return `<p class="legend">${escapeHtml(REVIEW_TEXT.legend)}: ${items.map(([cls, text]) => `<span class="value ${cls}">${escapeHtml(text)}</span>`).join(' ')}</p>`;
}

export function reportPageHtml(input: ReportPageInput): string {
  const { report } = input;
  const ctx: Context = {
    cells: new Map(report.cells.map((c) => [cellId(c), c])),
    failed: failedChecksByCell(report),
    rowLabels: printedRowLabels(report.cells),
  };
  const heading = [report.meta.agency ?? report.source.file, report.meta.year === null ? '' : String(report.meta.year)].join(' ').trim();
  const note = input.imageNote === undefined ? '' : `<p class="note">${escapeHtml(fillText(REVIEW_TEXT.pageImagesUnavailable, { reason: input.imageNote }))}</p>`;
  const body = [
    `<nav><a href="index.html">${escapeHtml(REVIEW_TEXT.backToIndex)}</a></nav>`,
    `<h1>${escapeHtml(heading)}</h1>`,
    metaHtml(report),
    checksHtml(report),
    legendHtml(),
    note,
    ...(report.status === 'failed' ? [] : TABLE_IDS.map((t) => sectionHtml(t, input, ctx))),
  ].join('\n');
  return htmlPage({ title: heading, style: REVIEW_STYLE, body, script: REPORT_SCRIPT });
}
