import { describe, expect, it } from 'vitest';
import { clock, fileLine, Progress, SlowestFiles, summaryLines, type FileEvent } from '../src/progress.js';

const OK: FileEvent = { name: 'a/甲.pdf', status: 'ok', error: null, origin: 'processed' };
const FAILED: FileEvent = { name: 'b.docx', status: 'failed', error: 'empty file (0 bytes)', origin: 'processed' };

function run(mode: 'bar' | 'lines' | 'none', events: readonly FileEvent[], stepMs: number, columns?: number): { text: string; progress: Progress } {
  let t = 0;
  let text = '';
  const progress = new Progress({ mode, total: 10, write: (s) => (text += s), now: () => t, ...(columns === undefined ? {} : { columns }) });
  for (const e of events) {
    t += stepMs;
    progress.file(e);
  }
  progress.end();
  return { text, progress };
}

describe('Progress', () => {
  it('redraws one bar line in place with done/total, speed, ETA and failures, then clears it', () => {
    const { text, progress } = run('bar', [OK, FAILED, OK, OK], 500);
    expect(progress.rate()).toBeCloseTo(2, 5);
    expect(progress.barLine()).toBe('[##########--------------] 4/10 2.0 files/s ETA 0:03 1 failed');
    const frames = text.split('\r').filter((f) => f !== '');
    expect(frames.at(-1)).toBe('\x1b[K');
    expect(frames[0]).toBe(`[##${'-'.repeat(22)}] 1/10\x1b[K`);
    expect(text).not.toContain('\n');
  });

  it('draws at most once per redraw interval, and cuts the line to the terminal width', () => {
    const { text } = run('bar', Array(10).fill(OK), 10, 30);
    const frames = text.split('\r').filter((f) => f !== '' && f !== '\x1b[K');
    // t=10 draws, t=20…100 fall within 100 ms of it except the last file, which always draws.
    expect(frames).toHaveLength(2);
    for (const f of frames) expect(f.replace('\x1b[K', '').length).toBeLessThanOrEqual(29);
  });

  it('writes one plain line per file when not on a terminal, and nothing when quiet', () => {
    expect(run('lines', [OK, FAILED, { ...OK, origin: 'cached' }], 1).text).toBe(
      '[1/10] ok a/甲.pdf\n[2/10] failed b.docx: empty file (0 bytes)\n[3/10] ok a/甲.pdf (cached)\n',
    );
    expect(run('none', [OK, FAILED], 1).text).toBe('');
  });
});

describe('clock', () => {
  it('writes m:ss, or h:mm:ss from an hour', () => {
    expect([clock(7), clock(712), clock(3600 + 5 * 60 + 9), clock(-3)]).toEqual(['0:07', '11:52', '1:05:09', '0:00']);
  });
});

describe('fileLine and summaryLines', () => {
  it('sum up a batch: counts, slowest files, skipped folders and what was written', () => {
    expect(fileLine(FAILED, 3, 120)).toBe('[3/120] failed b.docx: empty file (0 bytes)');
    const slowest = new SlowestFiles(2);
    for (const [name, ms] of [['a', 10], ['b', 3000], ['c', 1200], ['d', 5]] as const) slowest.add({ name, ms });
    expect(slowest.get()).toEqual([{ name: 'b', ms: 3000 }, { name: 'c', ms: 1200 }]);
    const lines = summaryLines({
      counts: { ok: 7, partial: 1, not_a_report: 0, failed: 2 },
      total: 10,
      processed: 4,
      workers: 2,
      cached: 6,
      slowest: slowest.get(),
      problems: [{ path: 'in/locked', reason: 'permission denied' }],
      outDir: 'out',
      files: ['reports.csv', 'tables/requests.csv', 'tables/review_litigation.csv', 'datapackage.json'],
      folders: new Map([['tables_generic', 12], ['text', 0]]),
    });
    expect(lines).toEqual([
      '10 files: 7 ok, 1 partial, 0 not_a_report, 2 failed (4 read now by 2 workers, 6 from the cache)',
      'slowest: b 3.0 s, c 1.2 s',
      'skipped folder in/locked: permission denied',
      'wrote to out: reports.csv, datapackage.json, tables/ (2 files), tables_generic/ (12 files)',
    ]);
  });
});

describe('summaryLines and workers', () => {
  const base = { counts: { ok: 1, partial: 0, not_a_report: 0, failed: 0 }, total: 1, slowest: [], problems: [], outDir: 'out', files: [], folders: new Map<string, number>() };
  it('names the workers that read the files, and none when all came from the cache', () => {
    expect(summaryLines({ ...base, processed: 1, workers: 1, cached: 0 })[0]).toMatch(/\(1 read now by 1 worker, 0 from the cache\)$/);
    expect(summaryLines({ ...base, processed: 0, workers: null, cached: 1 })[0]).toMatch(/\(0 read now, 1 from the cache\)$/);
  });
});
