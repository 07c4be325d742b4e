import { execFile } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { writeNotes, writeSeedCopies } from './batch-inputs.js';
import { tempDir } from './temp-dirs.js';

const ROOT = join(import.meta.dirname, '..');
const MEASURE = join(ROOT, 'tests', 'fixtures', 'pipeline', 'measure-batch.ts');
const MB = 1024 * 1024;
/** Whole process (main thread, two workers with pdf.js-sized heaps, tsx): measured ~400 MB. */
const RSS_CEILING = 900 * MB;
/** What the main thread may keep per file beyond a small batch: a few KB each, so 2,000 files stay well under this. */
const HEAP_GROWTH_LIMIT = 25 * MB;

type Measure = { exitCode: number; files: number; peakHeapBytes: number; maxRssBytes: number };

async function measure(seeds: number, notes: number): Promise<Measure> {
  const root = await tempDir('nianbao-memory-');
  const input = join(root, 'in');
  await mkdir(input);
  await writeSeedCopies(input, seeds);
  await writeNotes(input, notes);
  const run = promisify(execFile);
  const { stdout } = await run(process.execPath, ['--expose-gc', '--import', 'tsx', MEASURE, input, join(root, 'out'), '2'], { cwd: ROOT });
  return JSON.parse(stdout) as Measure;
}

describe('memory over a large batch', () => {
  it('stays flat: 2,000 files keep the main thread no bigger than 100 do, and the process under a fixed ceiling', async () => {
    const small = await measure(20, 80);
    const large = await measure(400, 1600);
    expect(small).toMatchObject({ exitCode: 0, files: 100 });
    expect(large).toMatchObject({ exitCode: 0, files: 2000 });
    expect(large.peakHeapBytes - small.peakHeapBytes).toBeLessThan(HEAP_GROWTH_LIMIT);
    expect(large.maxRssBytes).toBeLessThan(RSS_CEILING);
  }, 120_000);
});
