import { spawn } from 'node:child_process';
import { appendFile, copyFile, mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CACHE_DIR } from '../src/cache.js';
import { runBatch } from '../src/pipeline.js';
import { writeNotes, writeSeedCopies } from './batch-inputs.js';
import { csvRecords, parseCsv } from './output/read-csv.js';
import { tempDir } from './temp-dirs.js';

const ROOT = join(import.meta.dirname, '..');
const CLI = join(ROOT, 'src', 'cli.ts');

/** Every output file (not the cache), relative to `dir`, sorted. */
async function outputFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .filter((p) => !p.startsWith(CACHE_DIR))
    .sort();
}

async function cacheEntries(out: string): Promise<number> {
  const entries = await readdir(join(out, CACHE_DIR), { recursive: true }).catch(() => [] as string[]);
  return entries.filter((p) => p.endsWith('.json')).length;
}

/** Starts the CLI and kills it with SIGKILL once it has reported `after` files; resolves with how it ended. */
function runAndKill(args: readonly string[], after: number): Promise<{ signal: NodeJS.Signals | null; lines: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let lines = 0;
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (text: string) => {
      lines += text.split('\n').filter((l) => l.startsWith('[')).length;
      if (lines >= after) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('exit', (_code, signal) => resolve({ signal, lines }));
  });
}

async function expectWholeOutputs(out: string, names: readonly string[]): Promise<void> {
  const reports = csvRecords(await readFile(join(out, 'reports.csv'), 'utf8'));
  expect(reports.map((r) => r.source_file)).toEqual(names);
  const cells = csvRecords(await readFile(join(out, 'cells.csv'), 'utf8'));
  const keys = cells.map((c) => `${c.source_file}|${c.table}|${c.row_key}|${c.col_key}`);
  expect(new Set(keys).size).toBe(keys.length);
  const perFile = new Map<string, number>();
  for (const c of cells) perFile.set(c.source_file!, (perFile.get(c.source_file!) ?? 0) + 1);
  for (const r of reports) expect(perFile.get(r.source_file!) ?? 0, r.source_file).toBe(Number(r.cells));
  const jsonl = (await readFile(join(out, 'reports.jsonl'), 'utf8')).trimEnd().split('\n');
  expect(jsonl.map((l) => (JSON.parse(l) as { source_file: string }).source_file)).toEqual(names);
}

describe('a batch killed with SIGKILL', () => {
  it('resumes on the next run: no file read twice, no row lost or duplicated, the same bytes as an unbroken run', async () => {
    const root = await tempDir('nianbao-kill-');
    const input = join(root, 'in');
    await mkdir(input);
    const names = await writeSeedCopies(input, 200);
    const out = join(root, 'out');

    const killed = await runAndKill(['extract', input, '--out', out, '--workers', '2'], 60);
    expect(killed.signal).toBe('SIGKILL');
    const done = await cacheEntries(out);
    // Killed midway: some results are in the cache; of the outputs, only the per-report files of those results
    // (written by the workers as each file was done), each whole; none of the batch-wide files.
    expect(done).toBeGreaterThanOrEqual(50);
    expect(done).toBeLessThan(200);
    // A write the kill cut short leaves a hidden temporary file, which the next run removes (checked below).
    const early = (await outputFiles(out)).filter((f) => !basename(f).startsWith('.'));
    expect(early.length).toBeGreaterThan(0);
    expect(early.filter((f) => !/^tables_generic\/[0-9a-f]{12}-\d+\.csv$/.test(f))).toEqual([]);
    for (const file of early) expect(parseCsv(await readFile(join(out, file), 'utf8')).length, file).toBeGreaterThan(1);

    const resumed = await runBatch([input], { out, quiet: true, workers: 2 });
    expect(resumed.exitCode).toBe(0);
    const origins = resumed.files.map((f) => f.origin);
    expect(origins.filter((o) => o === 'cached')).toHaveLength(done);
    expect(origins.filter((o) => o === 'processed')).toHaveLength(200 - done);
    await expectWholeOutputs(out, names);

    const clean = join(root, 'clean');
    await runBatch([input], { out: clean, quiet: true, workers: 2 });
    const files = await outputFiles(clean);
    expect(await outputFiles(out)).toEqual(files);
    for (const file of files) expect(await readFile(join(out, file), 'utf8'), file).toBe(await readFile(join(clean, file), 'utf8'));
  });
});

describe('re-running a batch', () => {
  it('takes unchanged files from the cache, reads changed and new ones, drops removed ones; --force reads all', async () => {
    const root = await tempDir('nianbao-rerun-');
    const input = join(root, 'in');
    await mkdir(input);
    await writeSeedCopies(input, 6);
    await writeNotes(input, 2);
    const out = join(root, 'out');
    const first = await runBatch([input], { out, quiet: true });
    expect(first.files.every((f) => f.origin === 'processed')).toBe(true);

    await appendFile(join(input, 'seed-00001.txt'), ' ');
    await rm(join(input, 'note-00000.txt'));
    await copyFile(join(input, 'seed-00003.txt'), join(input, 'added-00000.txt'));
    await appendFile(join(input, 'added-00000.txt'), '\n\n');
    const lines: string[] = [];
    const second = await runBatch([input], { out, log: (l) => lines.push(l) });
    const origin = (name: string): string | undefined => second.files.find((f) => f.name === name)?.origin;
    expect(origin('added-00000.txt')).toBe('processed');
    expect(origin('seed-00001.txt')).toBe('processed');
    expect(origin('seed-00002.txt')).toBe('cached');
    expect(second.files).toHaveLength(8);
    expect(lines).toContain(`[${lines.findIndex((l) => l.includes('seed-00002.txt')) + 1}/8] ${second.files.find((f) => f.name === 'seed-00002.txt')?.status} seed-00002.txt (cached)`);
    expect(lines.find((l) => / files: /.test(l))).toMatch(/\(2 read now by \d+ workers?, 6 from the cache\)$/);
    await expectWholeOutputs(out, second.files.map((f) => f.name));

    const forced = await runBatch([input], { out, quiet: true, force: true });
    expect(forced.files.every((f) => f.origin === 'processed')).toBe(true);
    expect(forced.files.map((f) => f.status)).toEqual(second.files.map((f) => f.status));
  });

  it('writes the same bytes from the cache as a fresh run, for files renamed since and with --text asked for only now', async () => {
    const root = await tempDir('nianbao-rerun-');
    const input = join(root, 'in');
    await mkdir(input);
    await writeSeedCopies(input, 5);
    const out = join(root, 'out');
    await runBatch([input], { out, quiet: true });
    // Renamed: its cached parts name the old file. Copied: the same bytes under a second name.
    await rename(join(input, 'seed-00001.txt'), join(input, 'renamed.txt'));
    await copyFile(join(input, 'seed-00002.txt'), join(input, 'copy.txt'));
    const cached = await runBatch([input], { out, quiet: true, text: true });
    expect(cached.files.filter((f) => f.origin === 'processed')).toEqual([]);
    const fresh = join(root, 'fresh');
    await runBatch([input], { out: fresh, quiet: true, text: true });
    const files = await outputFiles(fresh);
    expect(await outputFiles(out)).toEqual(files);
    expect(files.filter((f) => f.startsWith('text/'))).toHaveLength(5);
    for (const file of files) expect(await readFile(join(out, file), 'utf8'), file).toBe(await readFile(join(fresh, file), 'utf8'));
    expect(await readFile(join(out, 'reports.csv'), 'utf8')).toContain('renamed.txt');
  });
});
