/**
 * nianbao's own DOCX reader (extractDocx: src/extract/docx-body.ts and friends) against the mammoth path it
 * replaced (mammoth's HTML walked for paragraphs and headings, tables read from the XML where the table
 * counts agree), file by file: paragraphs (text after whitespace folding, heading level) and tables (grid
 * text), aligned in reading order, and every difference printed. "lost" counts the characters (whitespace
 * aside) the old reading has more often than the new one, "added" the other way round. With --time N it also times both readers (warm, same
 * process, N rounds; ratios only).
 *
 * The mammoth path lives here, not in src/: it needs mammoth and cheerio (run with them installed).
 * Run from the repo root: npx tsx scripts/compare-docx-readers.ts [DOCX or folder ...] [--time N]
 *   (default: tests/fixtures, which holds copies of ../shared/corpus, and samples)
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import mammoth from 'mammoth';
import * as cheerio from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { blocksOf, type Block } from '../src/extract/document.js';
import { DEFAULT_DOCX_SETTINGS, extractDocx } from '../src/extract/docx.js';
import { firstChild, parseWordXml } from '../src/extract/docx-xml.js';
import { tableFromWordXml } from '../src/extract/docx-tables.js';
import { blocksOfHtml, type TableDecision } from '../src/extract/html-blocks.js';
import { isElement } from '../src/extract/html-text.js';
import { sniffFormat } from '../src/extract/sniff.js';
import { tableFromHtml } from '../src/tables/markup.js';
import { gridOf, type Table } from '../src/tables/table.js';

const DEFAULT_INPUTS = ['tests/fixtures', 'samples'];
/** Hostile fixtures mammoth does not finish (45 MB of paragraphs: it runs for minutes and out of memory). */
const SKIPPED = new Set(['huge-xml-part.docx']);
const OLD_SKIPPED = new Set(['w:del', 'w:moveFrom', 'w:pPr', 'w:rPr', 'w:tblPr', 'w:trPr', 'w:tcPr', 'mc:Choice', 'w:sdtPr', 'w:instrText', 'w:delText']);

type Options = { inputs: string[]; rounds: number };

function parseArgs(argv: readonly string[]): Options {
  const inputs: string[] = [];
  let rounds = 0;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--time') rounds = Number(argv[++i] ?? '20');
    else inputs.push(a);
  }
  return { inputs: inputs.length > 0 ? inputs : DEFAULT_INPUTS, rounds };
}

/** DOCX files under a path that sniff as DOCX (a .doc or PDF renamed .docx is not a DOCX to compare). */
function docxFiles(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .filter((name) => !SKIPPED.has(name))
    .flatMap((name) => docxFiles(join(path, name)))
    .filter((p) => p.toLowerCase().endsWith('.docx'));
}

// ---- the old path: mammoth's HTML for paragraphs and headings, the XML for tables --------------------------

/** Tables of the body as the old reader found them: mc:AlternateContent through mc:Fallback, as mammoth. */
function oldTopLevelTables(node: AnyNode): Element[] {
  const out: Element[] = [];
  for (const el of 'children' in node ? node.children.filter(isElement) : []) {
    if (el.name === 'w:tbl') out.push(el);
    else if (!OLD_SKIPPED.has(el.name)) out.push(...oldTopLevelTables(el));
  }
  return out;
}

function isNested(el: Element): boolean {
  for (let p = el.parent; p; p = p.parent) if ('name' in p && p.name === 'table') return true;
  return false;
}

async function readWithMammoth(bytes: Uint8Array): Promise<{ blocks: Block[]; warnings: string[] }> {
  const headingStyleMap = DEFAULT_DOCX_SETTINGS.headingStyles.map((name, i) => `p[style-name='${name}'] => h${i + 1}:fresh`);
  const result = await mammoth.convertToHtml(
    { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
    { styleMap: headingStyleMap, convertImage: mammoth.images.imgElement(async () => ({ src: '' })) },
  );
  const zip = await (await import('jszip')).default.loadAsync(bytes);
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  const xmlTables = oldTopLevelTables(parseWordXml(xml)).map((t) => tableFromWordXml(t, DEFAULT_DOCX_SETTINGS.tables));
  const $ = cheerio.load(result.value, null, false);
  const mammothTables = $('table').toArray().filter((el) => !isNested(el));
  const useXml = mammothTables.length === xmlTables.length;
  const warnings = useXml ? [] : [`mammoth found ${mammothTables.length} tables, the XML ${xmlTables.length}`];
  const onTable = (el: Element): TableDecision => {
    const i = mammothTables.indexOf(el);
    if (i < 0) return null;
    return useXml ? (xmlTables[i] ?? null) : tableFromHtml(el);
  };
  const root = $.root().get(0);
  return { blocks: root ? blocksOfHtml(root, { collapseWhitespace: false, onTable }) : [], warnings };
}

// ---- comparing ---------------------------------------------------------------------------------------------

const fold = (s: string): string => s.replace(/\s+/gu, ' ').trim();

function gridText(t: Table): string[][] {
  return gridOf(t).map((row) => row.map((c) => (c ? fold(c.text) : '∅')));
}

/** One block as a comparable line: "p[h2] text" or "table R×C: row | row …". */
function keyOf(b: Block): string {
  if (b.kind === 'paragraph') return `p${b.heading === undefined ? '' : `[h${b.heading}]`} ${fold(b.text)}`;
  return `table ${b.table.rows}×${b.table.cols}: ${gridText(b.table).map((r) => r.join(' | ')).join(' / ')}`;
}

type Step = { op: '=' | '-' | '+'; line: string };

/** Longest-common-subsequence alignment of two block lists (small lists: quadratic is fine). */
function align(a: readonly string[], b: readonly string[]): Step[] {
  const n = a.length;
  const m = b.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  }
  const steps: Step[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      steps.push({ op: '=', line: a[i]! });
      i += 1;
      j += 1;
    } else if (j >= m || (i < n && lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) steps.push({ op: '-', line: a[i++]! });
    else steps.push({ op: '+', line: b[j++]! });
  }
  return steps;
}

/** All text of a reading: paragraphs and table cells (each cell once), whitespace left out. */
function characters(blocks: readonly Block[]): string[] {
  const texts = blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : b.table.cells.map((c) => c.text)));
  return [...texts.join('').replace(/\s+/gu, '')];
}

/** Characters one reading has more often than the other ("x×2"), in order of first appearance. */
function surplus(more: readonly string[], less: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const ch of more) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  for (const ch of less) counts.set(ch, (counts.get(ch) ?? 0) - 1);
  return [...counts].filter(([, n]) => n > 0).map(([ch, n]) => (n === 1 ? ch : `${ch}×${n}`));
}

function clip(s: string, n = 160): string {
  return s.length > n ? `${s.slice(0, n)}…` : s;
}

/** Reads with one reader, or says why it refused the file. */
async function attempt<T>(read: () => Promise<T>): Promise<T | string> {
  try {
    return await read();
  } catch (e) {
    return clip(e instanceof Error ? `${e.name}: ${e.message}` : String(e));
  }
}

type FileResult = { differs: boolean; lost: number; read: boolean };

async function compareFile(path: string): Promise<FileResult> {
  const bytes = new Uint8Array(readFileSync(path));
  const old = await attempt(() => readWithMammoth(bytes));
  const doc = await attempt(() => extractDocx(bytes));
  if (typeof old === 'string' || typeof doc === 'string') {
    const said = (r: unknown): string => (typeof r === 'string' ? r : 'read');
    console.log(`${path}\n  refused: old: ${said(old)}; new: ${said(doc)}`);
    return { differs: typeof old !== typeof doc, lost: 0, read: false };
  }
  const fresh = blocksOf(doc);
  const steps = align(old.blocks.map(keyOf), fresh.map(keyOf));
  const changed = steps.filter((s) => s.op !== '=');
  const lost = surplus(characters(old.blocks), characters(fresh));
  const added = surplus(characters(fresh), characters(old.blocks));
  const count = (bs: readonly Block[], kind: Block['kind']): number => bs.filter((b) => b.kind === kind).length;
  const shape = (bs: readonly Block[]): string => `${count(bs, 'paragraph')} paragraphs, ${count(bs, 'table')} tables`;
  const verdict = changed.length === 0 ? 'same' : `${changed.length} block line(s) differ`;
  console.log(`${path}\n  old: ${shape(old.blocks)}; new: ${shape(fresh)}; ${verdict}`);
  for (const w of old.warnings) console.log(`  old path warning: ${w}`);
  for (const s of changed) console.log(`  ${s.op} ${clip(s.line)}`);
  if (lost.length > 0) console.log(`  lost characters: ${lost.join(' ')}`);
  if (added.length > 0) console.log(`  added characters: ${clip(added.join(' '))}`);
  return { differs: changed.length > 0, lost: lost.length, read: true };
}

/** Sniffs as DOCX, or is unreadable (then both readers should refuse it, and the comparison says how). */
function isDocx(path: string): boolean {
  try {
    return sniffFormat(readFileSync(path), path) === 'docx';
  } catch {
    return true;
  }
}

async function timeReaders(files: readonly string[], rounds: number): Promise<void> {
  const data = files.map((f) => new Uint8Array(readFileSync(f)));
  const time = async (read: (b: Uint8Array) => Promise<unknown>): Promise<number> => {
    for (const d of data) await read(d); // warm-up
    const t0 = performance.now();
    for (let r = 0; r < rounds; r++) for (const d of data) await read(d);
    return (performance.now() - t0) / rounds / data.length;
  };
  const oldMs = await time(readWithMammoth);
  const newMs = await time((b) => extractDocx(b));
  console.log(`\ntiming over ${data.length} files × ${rounds} rounds: mammoth path ${oldMs.toFixed(2)} ms/file, new ${newMs.toFixed(2)} ms/file (×${(oldMs / newMs).toFixed(1)})`);
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const files = options.inputs.flatMap(docxFiles).filter(isDocx);
  let differing = 0;
  let lost = 0;
  const readable: string[] = [];
  for (const f of files) {
    const r = await compareFile(f);
    differing += r.differs ? 1 : 0;
    lost += r.lost;
    if (r.read) readable.push(f);
  }
  console.log(`\n${files.length} DOCX files: ${files.length - differing} read the same (or refused by both), ${differing} differ; ${lost} kind(s) of character lost`);
  if (options.rounds > 0) await timeReaders(readable, options.rounds);
}

await main();
