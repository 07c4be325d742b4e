/**
 * `--review`: writes `review/index.html`, one `review/<report_id>.html` per report and, for PDF reports whose
 * source file is at hand (and still has the same SHA-256), the pages their tables were read from as
 * `review/pages/<report_id>-p<n>.png`. Every file goes through writeAtomic. The pages work offline.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeAtomic } from '../output/write-atomic.js';
import type { Report } from '../report/report.js';
import { indexPageHtml } from './index-page.js';
import { DEFAULT_PAGE_IMAGE_SETTINGS, renderPdfPages, type PageImageSettings } from './page-images.js';
import { reportPageHtml, reportPageName, type PageImage } from './report-page.js';

export const REVIEW_DIR = 'review';
export const PAGES_DIR = 'pages';

export type ReviewOptions = {
  /** Where each input file is on disk, by `source_file` (the pipeline's InputFile name → path). */
  readonly sources?: ReadonlyMap<string, string>;
  /** Render source pages of PDF reports (default true). */
  readonly pageImages?: boolean;
  readonly imageSettings?: PageImageSettings;
};

/** Pages a report's cells were read on, in order. */
export function cellPages(report: Report): number[] {
  const pages = new Set(report.cells.map((c) => c.page).filter((p): p is number => p !== null));
  return [...pages].sort((a, b) => a - b);
}

export function pageImageName(report: Pick<Report, 'id'>, page: number): string {
  return `${PAGES_DIR}/${report.id}-p${page}.png`;
}

type Images = { readonly images: PageImage[]; readonly note?: string; readonly written: string[] };

/** The source bytes of a report when a path is known and its content is still the file that was read. */
async function sourceBytes(report: Report, sources: ReadonlyMap<string, string>): Promise<Uint8Array | string> {
  const path = sources.get(report.source.file);
  if (path === undefined) return 'source file not given';
  const bytes = await readFile(path).catch(() => null);
  if (bytes === null) return `cannot read ${path}`;
  const sha = createHash('sha256').update(bytes).digest('hex');
  return sha === report.source.sha256 ? new Uint8Array(bytes) : `${path} has changed since it was read`;
}

async function pageImages(report: Report, reviewDir: string, options: ReviewOptions): Promise<Images> {
  const pages = cellPages(report);
  if (report.format !== 'pdf' || pages.length === 0 || options.pageImages === false) return { images: [], written: [] };
  const bytes = await sourceBytes(report, options.sources ?? new Map());
  if (typeof bytes === 'string') return { images: [], note: bytes, written: [] };
  try {
    const rendered = await renderPdfPages(bytes, pages, options.imageSettings ?? DEFAULT_PAGE_IMAGE_SETTINGS);
    const images: PageImage[] = [];
    for (const r of rendered) {
      const href = pageImageName(report, r.page);
      await writeAtomic(join(reviewDir, href), r.png);
      images.push({ page: r.page, href, width: r.width, height: r.height });
    }
    return { images, written: images.map((i) => `${REVIEW_DIR}/${i.href}`) };
  } catch (error) {
    // A PDF that was read once but cannot be drawn still gets its page, without images.
    return { images: [], note: error instanceof Error ? error.message : String(error), written: [] };
  }
}

/** Writes the review site into `<outDir>/review/` and returns the files written, relative to outDir. */
export async function writeReviewSite(reports: readonly Report[], outDir: string, options: ReviewOptions = {}): Promise<string[]> {
  const reviewDir = join(outDir, REVIEW_DIR);
  const written: string[] = [];
  const seen = new Set<string>();
  for (const report of reports) {
    // The same file under two names is one report: one page.
    if (report.id === '' || seen.has(report.id)) continue;
    seen.add(report.id);
    const images = await pageImages(report, reviewDir, options);
    written.push(...images.written);
    const html = reportPageHtml({ report, images: images.images, ...(images.note === undefined ? {} : { imageNote: images.note }) });
    await writeAtomic(join(reviewDir, reportPageName(report)), html);
    written.push(`${REVIEW_DIR}/${reportPageName(report)}`);
  }
  await writeAtomic(join(reviewDir, 'index.html'), indexPageHtml(reports));
  written.push(`${REVIEW_DIR}/index.html`);
  return written;
}
