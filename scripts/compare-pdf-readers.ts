/**
 * nianbao's own PDF reader (src/extract/pdf/) against the pdf.js path, page by page: words
 * matched (same text, box within 1 pt), missing (pdf.js has them, we do not), extra, the largest
 * box difference, whether the page text reads the same in position order, and rulings matched
 * (within 0.5 pt). pdf.js rulings are read on every page here (extractPdf reads them only on pages
 * that may hold a table). Also times both readers (warm, same process; ratios only).
 *
 * Run from the repo root: npx tsx scripts/compare-pdf-readers.ts [PDF or folder ...] [--pages] [--show N]
 *   (default: tests/fixtures, which holds copies of ../shared/corpus, and samples). --pages prints every page; --show N lists
 *   up to N differing words/rulings per page.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Ruling, Word } from '../src/extract/document.js';
import { loadPdfjs, pdfjsOptions, type Pdfjs, type PdfPage } from '../src/extract/pdfjs/load.js';
import { IDENTITY, toMatrix } from '../src/extract/pdf/matrix.js';
import { readOperatorList } from '../src/extract/pdfjs/operators.js';
import { textItemsToWords, verticalFontNames, type FontStyleLike } from '../src/extract/pdfjs/words.js';
import { openPdf } from '../src/extract/pdf/file.js';
import { createFontCache } from '../src/extract/pdf/font.js';
import { UnsupportedPdfError } from '../src/extract/pdf/objects.js';
import { readPdfPage } from '../src/extract/pdf/page-reader.js';
import { diffPage, type PageDiff, type PageReading } from './pdf-reader-diff.js';

const DEFAULT_INPUTS = ['tests/fixtures', 'samples'];
/**
 * Hostile fixtures: 10⁹ nested form drawings (no reader finishes; pdf.js runs out of memory), and a
 * decompression bomb (nianbao refuses it; pdf.js inflates all 100 MB).
 */
const SKIPPED = new Set(['nested-forms.pdf', 'flate-bomb.pdf']);
/** Differing pages listed per file without --pages. */
const MAX_PAGES_SHOWN = 5;

type Options = { inputs: string[]; pages: boolean; show: number };

function parseArgs(argv: readonly string[]): Options {
  const inputs: string[] = [];
  let pages = false;
  let show = 0;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--pages') pages = true;
    else if (a === '--show') show = Number(argv[++i] ?? '5');
    else inputs.push(a);
  }
  return { inputs: inputs.length > 0 ? inputs : DEFAULT_INPUTS, pages, show };
}

function pdfFiles(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .filter((name) => !SKIPPED.has(name))
    .flatMap((name) => pdfFiles(join(path, name)))
    .filter((p) => p.toLowerCase().endsWith('.pdf'));
}

/** The pdf.js path's words (as extractPdf builds them) and every page's rulings. */
async function readWithPdfjs(pdfjs: Pdfjs, bytes: Uint8Array): Promise<PageReading[]> {
  const task = pdfjs.getDocument({ ...pdfjsOptions(), data: new Uint8Array(bytes) });
  try {
    const doc = await task.promise;
    const pages: PageReading[] = [];
    for (let n = 1; n <= doc.numPages; n++) pages.push(await readPdfjsPage(pdfjs, await doc.getPage(n)));
    return pages;
  } finally {
    await task.destroy();
  }
}

async function readPdfjsPage(pdfjs: Pdfjs, page: PdfPage): Promise<PageReading> {
  const viewport = page.getViewport({ scale: 1 });
  const transform = toMatrix(viewport.transform) ?? IDENTITY;
  const content = await page.getTextContent();
  const styles = content.styles as Record<string, FontStyleLike>;
  const list = await page.getOperatorList({ annotationMode: pdfjs.AnnotationMode.DISABLE });
  const graphics = readOperatorList(list, pdfjs.OPS, transform, verticalFontNames(styles));
  page.cleanup();
  return { words: [...textItemsToWords(content.items, styles, transform), ...graphics.verticalWords], rulings: graphics.rulings };
}

function readWithOurs(bytes: Uint8Array): PageReading[] {
  const file = openPdf(bytes);
  const fonts = createFontCache(file);
  const pages: PageReading[] = [];
  for (let i = 0; i < file.pageCount; i++) pages.push(readPdfPage(file, file.page(i), fonts));
  return pages;
}

type Totals = { words: number; matched: number; missing: number; extra: number; maxBox: number; rulings: number; rulingsMatched: number; rulingsMissing: number; rulingsExtra: number; orderDiffers: number };

function total(diffs: readonly PageDiff[], reference: readonly PageReading[]): Totals {
  const t: Totals = { words: 0, matched: 0, missing: 0, extra: 0, maxBox: 0, rulings: 0, rulingsMatched: 0, rulingsMissing: 0, rulingsExtra: 0, orderDiffers: 0 };
  diffs.forEach((d, i) => {
    t.words += reference[i]?.words.length ?? 0;
    t.matched += d.wordsMatched;
    t.missing += d.wordsMissing.length;
    t.extra += d.wordsExtra.length;
    t.maxBox = Math.max(t.maxBox, d.maxBoxDiff);
    t.rulings += reference[i]?.rulings.length ?? 0;
    t.rulingsMatched += d.rulingsMatched;
    t.rulingsMissing += d.rulingsMissing.length;
    t.rulingsExtra += d.rulingsExtra.length;
    if (!d.sameTextInOrder) t.orderDiffers++;
  });
  return t;
}

const fmtWord = (w: Word): string => `"${w.text}" [${[w.box.x0, w.box.y0, w.box.x1, w.box.y1].map((n) => n.toFixed(1)).join(' ')}]${w.vertical ? ' v' : ''}`;
const fmtRuling = (r: Ruling): string => `(${r.x0.toFixed(1)},${r.y0.toFixed(1)})-(${r.x1.toFixed(1)},${r.y1.toFixed(1)})`;

function describe(label: string, t: Totals): string {
  return (
    `${label}: words ${t.matched}/${t.words} matched, ${t.missing} missing, ${t.extra} extra, max box diff ${t.maxBox.toFixed(2)} pt` +
    `, order ${t.orderDiffers === 0 ? 'same' : `differs on ${t.orderDiffers} page(s)`}` +
    `; rulings ${t.rulingsMatched}/${t.rulings} matched, ${t.rulingsMissing} missing, ${t.rulingsExtra} extra`
  );
}

function printDetails(d: PageDiff, show: number): void {
  for (const w of d.wordsMissing.slice(0, show)) console.log(`      - ${fmtWord(w)}`);
  for (const w of d.wordsExtra.slice(0, show)) console.log(`      + ${fmtWord(w)}`);
  for (const r of d.rulingsMissing.slice(0, show)) console.log(`      - ruling ${fmtRuling(r)}`);
  for (const r of d.rulingsExtra.slice(0, show)) console.log(`      + ruling ${fmtRuling(r)}`);
}

async function compareFile(pdfjs: Pdfjs, path: string, o: Options): Promise<{ oursMs: number; pdfjsMs: number } | null> {
  const bytes = new Uint8Array(readFileSync(path));
  let reference: PageReading[];
  let t0 = performance.now();
  try {
    reference = await readWithPdfjs(pdfjs, bytes);
  } catch (e) {
    console.log(`${path}: pdf.js cannot read it (${(e as Error).name}: ${(e as Error).message})`);
    return null;
  }
  const pdfjsMs = performance.now() - t0;
  let ours: PageReading[];
  t0 = performance.now();
  try {
    ours = readWithOurs(bytes);
  } catch (e) {
    const kind = e instanceof UnsupportedPdfError ? 'unsupported → pdf.js fallback' : `ERROR ${(e as Error).name}`;
    console.log(`${path}: ${kind}: ${(e as Error).message}`);
    return null;
  }
  const oursMs = performance.now() - t0;
  const diffs = reference.map((ref, i) => diffPage(ref, ours[i] ?? { words: [], rulings: [] }));
  const pageNote = ours.length === reference.length ? `${ours.length} pages` : `PAGES ${ours.length} vs pdf.js ${reference.length}`;
  console.log(`${describe(`${path} (${pageNote}, ours ${oursMs.toFixed(0)} ms, pdf.js ${pdfjsMs.toFixed(0)} ms)`, total(diffs, reference))}`);
  let differing = 0;
  diffs.forEach((d, i) => {
    const clean = d.wordsMissing.length + d.wordsExtra.length + d.rulingsMissing.length + d.rulingsExtra.length === 0 && d.sameTextInOrder;
    if (!clean) differing++;
    if (!o.pages && (clean || differing > MAX_PAGES_SHOWN)) return;
    console.log(`  ${describe(`page ${i + 1}`, total([d], [reference[i]!]))}`);
    if (!clean) printDetails(d, o.show);
  });
  if (!o.pages && differing > MAX_PAGES_SHOWN) console.log(`  … ${differing - MAX_PAGES_SHOWN} more pages differ`);
  return { oursMs, pdfjsMs };
}

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2));
  const pdfjs = await loadPdfjs();
  let oursMs = 0;
  let pdfjsMs = 0;
  for (const path of o.inputs.flatMap(pdfFiles)) {
    const times = await compareFile(pdfjs, path, o);
    oursMs += times?.oursMs ?? 0;
    pdfjsMs += times?.pdfjsMs ?? 0;
  }
  console.log(`total time on files both read: ours ${oursMs.toFixed(0)} ms, pdf.js ${pdfjsMs.toFixed(0)} ms`);
}

await main();
