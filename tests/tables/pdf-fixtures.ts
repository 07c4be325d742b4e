/** Shared by the PDF table tests: read a PDF once, lay its pages out and stitch, find tables by their labels. */
import { readFileSync } from 'node:fs';
import { extractPdf } from '../../src/extract/pdf.js';
import type { Document, Page } from '../../src/extract/document.js';
import { layoutPdfPage } from '../../src/tables/find.js';
import { stitchAcrossPages } from '../../src/tables/stitch.js';
import { gridOf, type Cell, type Table } from '../../src/tables/table.js';

export const CORPUS = 'tests/fixtures/shared/corpus/';
export const FIXTURES = 'tests/fixtures/pdf/';

const cache = new Map<string, Promise<{ doc: Document; pages: Page[] }>>();

/** The extracted document and its pages laid out and stitched (read once per test file). */
export function readLaidOut(path: string): Promise<{ doc: Document; pages: Page[] }> {
  let hit = cache.get(path);
  if (!hit) {
    hit = extractPdf(new Uint8Array(readFileSync(path))).then((doc) => ({
      doc,
      pages: stitchAcrossPages(doc.pages.map((p) => layoutPdfPage(p))),
    }));
    cache.set(path, hit);
  }
  return hit;
}

export function tablesOf(pages: readonly Page[]): Table[] {
  return pages.flatMap((p) => p.blocks.flatMap((b) => (b.kind === 'table' ? [b.table] : [])));
}

const squeeze = (s: string): string => s.replace(/\s+/g, '');

/** The first table holding a cell whose text (whitespace ignored) is `label`. */
export function tableWith(tables: readonly Table[], label: string): Table {
  const t = tables.find((x) => x.cells.some((c) => squeeze(c.text) === squeeze(label)));
  if (!t) throw new Error(`no table holds ${label}`);
  return t;
}

export function cellWith(t: Table, label: string): Cell {
  const c = t.cells.find((x) => squeeze(x.text) === squeeze(label));
  if (!c) throw new Error(`no cell ${label}`);
  return c;
}

/** The texts of the row whose label is `label`, from column `from` on (each slot, spans repeated). */
export function rowValues(t: Table, label: string, from: number): string[] {
  const row = cellWith(t, label).row;
  return gridOf(t)[row]!.slice(from).map((c) => c?.text ?? '');
}
