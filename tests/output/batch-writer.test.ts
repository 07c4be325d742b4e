import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractReport } from '../../src/extract-report.js';
import { cacheKeyOf, entryBytes, headerOf, ResultCache } from '../../src/cache.js';
import { BatchWriter } from '../../src/output/batch-writer.js';
import { writeOutputs } from '../../src/output/index.js';
import { INDICATOR_SET } from '../../src/output/indicator-set.js';
import { renderParts, type ReportParts } from '../../src/output/report-parts.js';
import type { CheckResult, Report } from '../../src/report/report.js';
import { FAILED_REPORT, PARTIAL_REPORT } from './sample-reports.js';
import { tempDir } from '../temp-dirs.js';

const SAMPLES = join(import.meta.dirname, '..', '..', 'samples');
const OPTIONS = { text: true, nianbaoVersion: '9.9.9' };

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

let reports: Report[] = [];

/** A process id no process has now. */
function deadPid(): number {
  for (let pid = 4_000_000; ; pid--) {
    try {
      process.kill(pid, 0);
    } catch {
      return pid;
    }
  }
}

beforeAll(async () => {
  // Real reports of every format in samples/, plus a partial and a failed one.
  const names = ['docx/示例镇2023年政府信息公开工作年度报告.docx', 'html/东湖街道2023年政府信息公开工作年度报告.html', 'pdf/样板乡2019年政府信息公开工作年报.pdf', 'seeds/000_e7416d623e6ef481.txt'];
  for (const name of names) reports.push(await extractReport(new Uint8Array(await readFile(join(SAMPLES, name))), { file: name }));
  reports = [...reports, PARTIAL_REPORT, FAILED_REPORT];
});

describe('BatchWriter', () => {
  it('writes the same bytes as writeOutputs, one report at a time', async () => {
    const root = await tempDir('nianbao-batch-writer-');
    const whole = join(root, 'whole');
    const streamed = join(root, 'streamed');
    await writeOutputs(whole, reports, OPTIONS);
    const writer = await BatchWriter.open(streamed, OPTIONS);
    for (const report of reports) await writer.add(report);
    const written = await writer.finish();

    const files = await filesUnder(whole);
    expect(await filesUnder(streamed)).toEqual(files);
    expect(files.filter((f) => f.startsWith('tables_generic/')).length).toBeGreaterThan(5);
    for (const file of files) expect(await readFile(join(streamed, file), 'utf8'), file).toBe(await readFile(join(whole, file), 'utf8'));
    expect(written.files).toEqual(['reports.csv', 'cells.csv', 'checks.csv', 'tables/active_disclosure.csv', 'tables/requests.csv', 'tables/review_litigation.csv', 'indicators.csv', 'reports.jsonl', 'datapackage.json']);
    expect(written.genericTables).toBe(files.filter((f) => f.startsWith('tables_generic/')).length);
    expect(written.texts).toBe(reports.filter((r) => r.status !== 'failed').length);
  });

  it('writes parts read back from the cache as bytes, batch checks between them, as it writes rendered parts', async () => {
    const root = await tempDir('nianbao-batch-writer-');
    const cache = new ResultCache(join(root, 'cache'), '9.9.9');
    const rendered: ReportParts[] = [];
    const cached: ReportParts[] = [];
    for (const report of reports) {
      const parts = renderParts(report, { indicators: INDICATOR_SET, ...OPTIONS });
      const key = cacheKeyOf(report.source.sha256, report.source.file);
      await cache.store(key, entryBytes(headerOf({ version: '9.9.9', key, sha256: report.source.sha256 }, report, { ms: 1, stages: {} }, null), parts));
      rendered.push(parts);
      cached.push((await cache.readParts(key))!);
    }
    expect(cached[0]!.jsonl.head).toBeInstanceOf(Uint8Array);
    const batchChecks: CheckResult[] = [{ checkId: 'S1', table: 'requests', subject: 'col=total', expected: 5, actual: 6, status: 'fail', note: '申请 "quoted", comma' }];
    // Enough rounds that every big file is flushed several times, with strings and bytes mixed in one flush.
    const write = async (out: string, all: readonly ReportParts[], bufferBytes?: number) => {
      const writer = await BatchWriter.open(out, OPTIONS, bufferBytes);
      for (let round = 0; round < 40; round++) for (const parts of all) await writer.addParts(parts, round % 3 === 0 ? batchChecks : []);
      return writer.finish();
    };
    const fromStrings = await write(join(root, 'strings'), rendered);
    const fromBytes = await write(join(root, 'bytes'), cached);
    // Buffers far smaller than most pieces, and one near their size: pieces larger than the buffer, and flushes
    // that fall inside a row, give the same bytes.
    const fromSmall = await write(join(root, 'small'), cached, 7);
    const fromMiddle = await write(join(root, 'middle'), rendered, 3_000);
    expect(fromBytes).toEqual(fromStrings);
    const files = await filesUnder(join(root, 'strings'));
    for (const other of ['bytes', 'small', 'middle']) {
      expect(await filesUnder(join(root, other))).toEqual(files);
      for (const file of files) expect((await readFile(join(root, other, file))).equals(await readFile(join(root, 'strings', file))), `${other}/${file}`).toBe(true);
    }
    expect([fromSmall, fromMiddle]).toEqual([fromStrings, fromStrings]);
    expect((await readFile(join(root, 'bytes', 'cells.csv'))).byteLength).toBeGreaterThan(4 << 18);
    expect((await readFile(join(root, 'bytes', 'checks.csv'), 'utf8')).split('申请 ""quoted"", comma').length - 1).toBe(14 * reports.length);
  });

  it('leaves the previous outputs in place until finish, then prunes files of reports no longer there', async () => {
    const out = await tempDir('nianbao-batch-writer-');
    await mkdir(join(out, 'tables_generic'), { recursive: true });
    await writeFile(join(out, 'tables_generic', 'aaaaaaaaaaaa-1.csv'), 'old\n');
    await writeFile(join(out, 'tables_generic', 'notes.csv'), 'a user file\n');
    await writeFile(join(out, 'reports.csv'), 'previous run\n');
    const writer = await BatchWriter.open(out, OPTIONS);
    await writer.add(reports[0]!);
    expect(await readFile(join(out, 'reports.csv'), 'utf8')).toBe('previous run\n');
    await writer.finish();
    const generic = await readdir(join(out, 'tables_generic'));
    expect(generic).toContain('notes.csv');
    expect(generic).not.toContain('aaaaaaaaaaaa-1.csv');
    expect(generic.filter((f) => f.startsWith(reports[0]!.id))).toHaveLength(reports[0]!.genericTables.length);
    expect((await readFile(join(out, 'reports.csv'), 'utf8')).split('\n')).toHaveLength(3);
    expect((await readdir(out)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('leaves a generic table or text that already holds the same bytes as it is, and rewrites one that differs', async () => {
    const out = await tempDir('nianbao-batch-writer-');
    const writeAll = async () => {
      const writer = await BatchWriter.open(out, OPTIONS);
      for (const report of reports) await writer.add(report);
      await writer.finish();
    };
    await writeAll();
    const [same, changed] = (await filesUnder(out)).filter((f) => f.startsWith('tables_generic/'));
    const text = (await filesUnder(out)).find((f) => f.startsWith('text/'))!;
    const expected = await readFile(join(out, changed!), 'utf8');
    await writeFile(join(out, changed!), 'edited by hand\n');
    const before = await Promise.all([same!, text, changed!].map((f) => stat(join(out, f))));
    await writeAll();
    const after = await Promise.all([same!, text, changed!].map((f) => stat(join(out, f))));
    expect(after.slice(0, 2).map((s) => s.ino)).toEqual(before.slice(0, 2).map((s) => s.ino));
    expect(after[2]!.ino).not.toBe(before[2]!.ino);
    expect(await readFile(join(out, changed!), 'utf8')).toBe(expected);
  });

  it('removes temporary files of killed runs, and only theirs', async () => {
    const out = await tempDir('nianbao-batch-writer-');
    await mkdir(join(out, 'tables_generic'), { recursive: true });
    const dead = deadPid();
    const names = [`.reports.csv.${dead}.batch.tmp`, `tables_generic/.aaaaaaaaaaaa-1.csv.${dead}.3.tmp`, `.cells.csv.${process.ppid}.batch.tmp`, '.notes.tmp'];
    for (const name of names) await writeFile(join(out, name), 'x');
    const writer = await BatchWriter.open(out, OPTIONS);
    await writer.finish();
    const left = (await readdir(out, { recursive: true })).filter((f) => f.endsWith('.tmp')).sort();
    expect(left).toEqual([`.cells.csv.${process.ppid}.batch.tmp`, '.notes.tmp']);
  });

  it('abort removes its temporary files and keeps the previous outputs', async () => {
    const out = await tempDir('nianbao-batch-writer-');
    await writeFile(join(out, 'cells.csv'), 'previous run\n');
    const writer = await BatchWriter.open(out, OPTIONS);
    await writer.add(reports[0]!);
    await writer.abort();
    expect(await readFile(join(out, 'cells.csv'), 'utf8')).toBe('previous run\n');
    expect((await readdir(out, { recursive: true })).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
