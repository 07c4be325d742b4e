/**
 * The review pages of a real pipeline run (`runBatch` with `review: true` over samples/ and the 洪泽区 2023 PDF)
 * in a real browser (Debian's chromium driven by playwright-core), opened from the file system with no
 * network: sort, filter, follow a link, see the failed check and the page image.
 * Screenshots go to the test's temporary output folder (printed on the console; KEEP_REVIEW_OUTPUT=1 keeps it).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBatch } from '../../src/pipeline.js';
import type { Report } from '../../src/report/report.js';
import { HZQ2023_PDF, PIPELINE_INPUTS } from './review-reports.js';
import { tempDir } from '../temp-dirs.js';

const CHROMIUM = '/usr/bin/chromium';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
const LAUNCH_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

if (!HAVE_CHROMIUM) console.warn(`browser tests skipped: ${CHROMIUM} is not installed (apt-get install -y chromium)`);

describe.skipIf(!HAVE_CHROMIUM)('review pages in chromium', () => {
  let dir = '';
  let reports: readonly Report[] = [];
  let hzq: Report;
  let browser: Browser;
  let page: Page;
  const requested: string[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    dir = await tempDir('nianbao-browser-', { keep: process.env.KEEP_REVIEW_OUTPUT !== undefined });
    const run = await runBatch(PIPELINE_INPUTS, { out: dir, quiet: true, review: true });
    reports = run.reports;
    hzq = reports.find((r) => r.source.file === HZQ2023_PDF)!;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on('request', (r) => requested.push(r.url()));
    page.on('pageerror', (e) => errors.push(e.message));
    console.info(`review pages and screenshots in ${dir}`);
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
  });

  const order = (): Promise<string[]> => page.$$eval('#reports tbody tr:not([hidden])', (rows) => rows.map((r) => r.getAttribute('data-report') ?? ''));

  /** The rows `before` as a sort by `key` must leave them: ascending (or descending), blanks last, ties kept in place. */
  function expectedOrder(before: readonly string[], key: (r: Report) => number | null, dir: 1 | -1): string[] {
    const byId = new Map(reports.map((r) => [r.id, r]));
    const keyed = before.map((id, i) => ({ id, v: key(byId.get(id)!), i }));
    keyed.sort((a, b) => (a.v === null || b.v === null ? (a.v === null ? 1 : 0) - (b.v === null ? 1 : 0) : dir * (a.v - b.v)) || a.i - b.i);
    return keyed.map((k) => k.id);
  }

  it('sorts the index by a clicked header, blanks last', async () => {
    await page.goto(pathToFileURL(join(dir, 'review', 'index.html')).href);
    expect(await order()).toEqual(reports.map((r) => r.id));
    const received = (r: Report): number | null => r.cells.find((c) => c.table === 'requests' && c.rowKey === 'new_received' && c.colKey === 'total')?.value ?? null;
    const header = page.locator('#reports th[data-key="applications_received"] button');
    let before = await order();
    await header.click();
    expect(await order()).toEqual(expectedOrder(before, received, 1));
    expect(await order()).not.toEqual(before);
    before = await order();
    await header.click();
    expect(await order()).toEqual(expectedOrder(before, received, -1));
    before = await order();
    await page.locator('#reports th[data-key="year"] button').click();
    expect(await order()).toEqual(expectedOrder(before, (r) => r.meta.year, 1));
    await page.screenshot({ path: join(dir, 'screenshots', 'index-sorted.png'), fullPage: true });
  });

  it('filters the index by the text box', async () => {
    await page.locator('#filter').fill('洪泽');
    expect(await order()).toEqual([hzq.id]);
    expect(await page.locator('#shown').textContent()).toBe('1');
    await page.locator('#filter').fill('samples/seeds/');
    expect(await order()).toHaveLength(reports.filter((r) => r.source.file.includes('samples/seeds/')).length);
    await page.locator('#filter').fill('');
    expect(await order()).toHaveLength(reports.length);
  });

  it('follows a link to a report page showing the tables, the failed check and the page image', async () => {
    await page.locator('#reports a', { hasText: '淮安市洪泽区人民政府' }).click();
    await page.waitForURL(`**/${hzq.id}.html`);
    expect(await page.locator('table.report-table').count()).toBe(3);
    // Three header rows, then the 23 rows of the mixed layout （六） printed as one row.
    expect(await page.locator('table.requests tr').count()).toBe(3 + 23);
    const fail = page.locator('td[data-cell="review_litigation/review/total"]');
    expect(await fail.getAttribute('class')).toContain('fail');
    expect(await fail.getAttribute('title')).toContain('upheld + corrected + other + pending = total');
    expect(await fail.evaluate((el) => (el.ownerDocument.defaultView as unknown as { getComputedStyle(e: unknown): { backgroundColor: string } }).getComputedStyle(el).backgroundColor)).toBe('rgb(255, 199, 206)');
    const href = await page.locator('#review_litigation figure.page image').getAttribute('href');
    expect(href).toBe(`pages/${hzq.id}-p4.png`);
    // Loads the PNG the page points at, as the page itself would (same folder, same Content-Security-Policy).
    const width = await page.evaluate(
      `new Promise((resolve) => { const img = new Image(); img.onload = () => resolve(img.naturalWidth); img.onerror = () => resolve(0); img.src = ${JSON.stringify(href)}; })`,
    );
    expect(width).toBeGreaterThan(800);
    expect(await page.locator('td.value.fail').count()).toBe(10);
    // Outlines are drawn where the recognizer gave the cell a box (none yet means none drawn, not wrong ones).
    const boxed = hzq.cells.filter((c) => c.table === 'review_litigation' && c.box !== undefined).length;
    expect(await page.locator('#review_litigation rect.outline').count()).toBe(boxed);
    await fail.hover();
    expect(await fail.getAttribute('class')).toContain('hot');
    if (boxed > 0) expect(await page.locator('rect[data-cell="review_litigation/review/total"]').getAttribute('class')).toContain('hot');
    await page.screenshot({ path: join(dir, 'screenshots', 'report.png'), fullPage: true });
    await page.locator('#review_litigation').screenshot({ path: join(dir, 'screenshots', 'review-litigation.png') });
  });

  it('ran without script errors and fetched nothing but local files', () => {
    expect(errors).toEqual([]);
    expect(requested.length).toBeGreaterThan(0);
    expect(requested.filter((u) => !u.startsWith('file://'))).toEqual([]);
  });
});
