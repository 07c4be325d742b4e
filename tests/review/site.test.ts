import { readFile, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import * as cheerio from 'cheerio';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeOutputs } from '../../src/output/index.js';
import type { Report } from '../../src/report/report.js';
import { readReportsJsonl, reviewCommand } from '../../src/review/command.js';
import { writeReviewSite } from '../../src/review/site.js';
import { HZQ2023_PDF, reviewBatch } from './review-reports.js';
import { tempDir } from '../temp-dirs.js';

let dir = '';
let reports: Report[] = [];
let written: string[] = [];

/** One more report whose agency name is markup: it must come out as text. */
function hostile(base: Report): Report {
  const sha = `facade000000${'9'.repeat(52)}`;
  return { ...base, id: 'facade000000', source: { ...base.source, file: 'x/<b>.pdf', sha256: sha }, meta: { ...base.meta, agency: '<script>alert(1)</script>', county: '示例县' } };
}

async function page(name: string): Promise<cheerio.CheerioAPI> {
  return cheerio.load(await readFile(join(dir, 'review', name), 'utf8'));
}

/** Width and height of a PNG, from its IHDR chunk. */
async function pngSize(path: string): Promise<{ width: number; height: number }> {
  const bytes = await readFile(path);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

beforeAll(async () => {
  dir = await tempDir('nianbao-review-');
  const batch = await reviewBatch();
  reports = [...batch.reports, hostile(batch.reports[1]!)];
  written = await writeReviewSite(reports, dir, { sources: batch.sources });
}, 60_000);

describe('writeReviewSite', () => {
  it('writes an index, one page per report and the PDF pages its tables were read from', () => {
    const hzq = reports[0]!.id;
    expect(written).toEqual([
      `review/pages/${hzq}-p2.png`,
      `review/pages/${hzq}-p3.png`,
      `review/pages/${hzq}-p4.png`,
      ...reports.map((r) => `review/${r.id}.html`),
      'review/index.html',
    ]);
  });

  it('renders each PDF page at 1.5 px per point', async () => {
    const size = await pngSize(join(dir, 'review', 'pages', `${reports[0]!.id}-p4.png`));
    // The 洪泽区 PDF has A4 pages (595 × 842 pt).
    expect(size.width).toBeGreaterThanOrEqual(892);
    expect(size.width).toBeLessThanOrEqual(894);
    expect(size.height).toBeGreaterThanOrEqual(1262);
  });

  it('lists every report in the index with its indicators, escaped', async () => {
    const $ = await page('index.html');
    const rows = $('#reports tbody tr');
    expect(rows.length).toBe(reports.length);
    const first = rows.first().find('td');
    expect(first.eq(0).find('a').attr('href')).toBe(`${reports[0]!.id}.html`);
    expect(first.map((_, td) => $(td).text()).get()).toEqual(['淮安市洪泽区人民政府', '洪泽区', '320813', '2023', 'ok', '2', '21', '19.05%', 'KIROGOVCOMPARE__hzq2023_working.pdf']);
    expect(first.eq(7).attr('data-sort')).toBe('0.1905');
    expect($('#reports thead th').map((_, th) => $(th).attr('data-type')).get()).toEqual(['text', 'text', 'text', 'number', 'text', 'number', 'number', 'number', 'text']);
    const html = await readFile(join(dir, 'review', 'index.html'), 'utf8');
    expect(html).not.toContain('<script>alert(1)');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    // The failed file has no indicators: blank, never 0.
    expect(rows.eq(4).find('td').eq(6).text()).toBe('');
    expect(rows.eq(4).find('td').eq(6).attr('data-sort')).toBe('');
  });

  it('draws the chart grouped by county, with no bar for a report without numbers', async () => {
    const $ = await page('index.html');
    expect($('svg.chart text.group').map((_, t) => $(t).text()).get()).toEqual(['洪泽区', '示例县']);
    expect($('svg.chart rect.applications').length).toBe(5);
    expect($('svg.chart rect.rate').length).toBe(5);
  });

  it('rebuilds the tables with merged headers and marks the cells of failed checks', async () => {
    const $ = await page(`${reports[0]!.id}.html`);
    // 洪泽区 prints （六）其他处理 as one row (the mixed layout): 20 result rows.
    expect($('table.requests th[rowspan="20"]').text()).toBe('三、本年度办理结果');
    expect($('table.requests th[rowspan="3"][colspan="3"]').text()).toContain('勾稽关系');
    expect($('table.requests th.stub').filter((_, th) => $(th).text() === '2.其他法律行政止公开').length).toBe(1);
    const total = $('td[data-cell="review_litigation/review/total"]');
    expect(total.text()).toBe('0');
    expect(total.hasClass('fail')).toBe(true);
    expect(total.attr('title')).toContain('R4 row=review: 11 ≠ 0 (upheld + corrected + other + pending = total');
    expect($('td.value.fail').length).toBe(10);
    expect($('td[data-cell="review_litigation/litigation.direct/total"]').hasClass('fail')).toBe(false);
    expect($('ul.failed-checks li').length).toBe(2);
    expect($('td[data-cell="active_disclosure/art20_8.administrative_fees/fee_amount"]').text()).toBe('7730.28');
  });

  it('shows the source pages beside the tables, each read cell outlined', async () => {
    const $ = await page(`${reports[0]!.id}.html`);
    const c = $('#review_litigation figure.page');
    expect(c.attr('data-page')).toBe('4');
    expect(c.find('image').attr('href')).toBe(`pages/${reports[0]!.id}-p4.png`);
    expect(c.find('rect.outline').length).toBe(15);
    expect(c.find('rect.outline.fail').length).toBe(10);
    const boxed = reports[0]!.cells.filter((cell) => cell.table === 'requests' && cell.box !== undefined).length;
    expect($('#requests rect.outline').length).toBe(boxed);
    expect($('#requests figure.page').map((_, f) => $(f).attr('data-page')).get()).toEqual(['3', '4']);
    expect($('#active_disclosure rect.outline').length).toBe(0);
  });

  it('gives non-PDF and failed reports a page without images', async () => {
    const html = await page(`${reports[1]!.id}.html`);
    expect(html('figure').length).toBe(0);
    expect(html('table.report-table').length).toBe(3);
    const failed = await page(`${reports[4]!.id}.html`);
    expect(failed('dl.meta').text()).toContain('truncated: the PDF ends before its cross-reference table');
    expect(failed('table.report-table').length).toBe(0);
  });

  it('loads nothing from outside the folder', async () => {
    for (const name of written.filter((w) => w.endsWith('.html'))) {
      const $ = cheerio.load(await readFile(join(dir, name), 'utf8'));
      const refs = $('[src],[href]').map((_, el) => $(el).attr('src') ?? $(el).attr('href')).get();
      expect(refs.filter((r) => /^[a-z]+:/i.test(r)), name).toEqual([]);
      expect($('meta[http-equiv="Content-Security-Policy"]').attr('content')).toContain("default-src 'none'");
    }
  });
});

describe('reviewCommand', () => {
  it('rebuilds the site from reports.jsonl, finding the PDF under --input by its SHA-256', async () => {
    const out = await tempDir('nianbao-review-cmd-');
    await writeOutputs(out, reports, { text: false, nianbaoVersion: 'test' });
    const back = await readReportsJsonl(join(out, 'reports.jsonl'));
    // Boxes come back too, so the rebuilt pages outline the cells; text and generic tables are not read back.
    expect(reports.some((r) => r.cells.some((c) => c.box !== undefined))).toBe(true);
    expect(back).toEqual(reports.map((r) => ({ ...r, text: '', genericTables: [] })));
    const files = await reviewCommand(out, { inputs: ['/nonexistent', dirname(HZQ2023_PDF)] });
    expect(files).toContain(`review/pages/${reports[0]!.id}-p4.png`);
    expect(files).toContain('review/index.html');
    expect((await stat(join(out, 'review', `${reports[0]!.id}.html`))).isFile()).toBe(true);
  }, 60_000);
});
