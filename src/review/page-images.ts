/**
 * Renders PDF pages to PNG for the review pages: pdf.js (legacy build, loaded as the extractor loads it, with
 * cMaps and standard fonts) drawing onto @napi-rs/canvas. The canvas comes from pdf.js's own canvas factory,
 * so it is the same @napi-rs/canvas build pdf.js polyfills Path2D from (two copies would not mix).
 */
import { loadPdfjs, pdfjsOptions, type PdfDocument } from '../extract/pdfjs/load.js';

export type PageImageSettings = {
  /** Pixels per PDF point. 1.5 makes an A4 page ~890 px wide: digits stay legible beside a table. */
  readonly scale: number;
  /** Pages above this many pixels on a side are scaled down (a poster-sized page would exhaust memory). */
  readonly maxSidePx: number;
};

export const DEFAULT_PAGE_IMAGE_SETTINGS: PageImageSettings = Object.freeze({ scale: 1.5, maxSidePx: 4000 });

/** One rendered page. `width`/`height` are the page's size in points (the cell boxes' space). */
export type RenderedPage = {
  readonly page: number;
  readonly png: Uint8Array;
  readonly width: number;
  readonly height: number;
};

/** What pdf.js's Node canvas factory hands out (an @napi-rs/canvas canvas and its 2D context). */
type CanvasEntry = {
  readonly canvas: { readonly width: number; readonly height: number; encode(format: 'png'): Promise<Uint8Array> };
  readonly context: unknown;
};
type CanvasFactory = { create(width: number, height: number): CanvasEntry; destroy(entry: CanvasEntry): void };

function scaleFor(width: number, height: number, settings: PageImageSettings): number {
  const side = Math.max(width, height) * settings.scale;
  return side > settings.maxSidePx ? settings.maxSidePx / Math.max(width, height) : settings.scale;
}

async function renderPage(doc: PdfDocument, number: number, settings: PageImageSettings): Promise<RenderedPage> {
  const page = await doc.getPage(number);
  try {
    const size = page.getViewport({ scale: 1 });
    const viewport = page.getViewport({ scale: scaleFor(size.width, size.height, settings) });
    const factory = doc.canvasFactory as CanvasFactory;
    const entry = factory.create(Math.ceil(viewport.width), Math.ceil(viewport.height));
    try {
      const params = { canvasContext: entry.context, canvas: entry.canvas, viewport, background: '#ffffff' };
      await page.render(params as unknown as Parameters<typeof page.render>[0]).promise;
      return { page: number, png: await entry.canvas.encode('png'), width: size.width, height: size.height };
    } finally {
      factory.destroy(entry);
    }
  } finally {
    page.cleanup();
  }
}

/** Renders the given 1-based pages (those beyond the document are skipped). `bytes` is copied, not detached. */
export async function renderPdfPages(
  bytes: Uint8Array,
  pages: readonly number[],
  settings: PageImageSettings = DEFAULT_PAGE_IMAGE_SETTINGS,
): Promise<RenderedPage[]> {
  const pdfjs = await loadPdfjs();
  const task = pdfjs.getDocument({ ...pdfjsOptions(), data: new Uint8Array(bytes) });
  try {
    const doc = await task.promise;
    const wanted = [...new Set(pages)].filter((p) => p >= 1 && p <= doc.numPages).sort((a, b) => a - b);
    const out: RenderedPage[] = [];
    for (const number of wanted) out.push(await renderPage(doc, number, settings));
    return out;
  } finally {
    await task.destroy();
  }
}
