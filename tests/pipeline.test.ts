import { chmod, copyFile, mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ResultCache } from '../src/cache.js';
import { FileTooLargeError } from '../src/errors.js';
import { collectInputs, InputNotFoundError, parsePathList, type WalkProblem } from '../src/inputs.js';
import { readErrorText, runBatch } from '../src/pipeline.js';
import { nianbaoVersion } from '../src/version.js';
import { csvRecords } from './output/read-csv.js';
import { tempDir } from './temp-dirs.js';

const SEEDS = join(import.meta.dirname, 'fixtures', 'shared', 'seeds');
const SEED = join(SEEDS, '000_e7416d623e6ef481.txt');

/** Deterministic noise (xorshift32): the same "random" file on every run. */
function noise(length: number, seed = 0x9e3779b9): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

describe('runBatch over a folder with broken files', () => {
  it('runs to the end, exits 0 and gives each broken file one failed row with a plain error', async () => {
    const root = await tempDir('nianbao-batch-');
    const input = join(root, 'in');
    await mkdir(join(input, 'sub'), { recursive: true });
    await writeFile(join(input, 'empty.pdf'), new Uint8Array());
    await writeFile(join(input, 'sub', 'noise.docx'), noise(4096));
    await copyFile(SEED, join(input, 'seed.txt'));
    const lines: string[] = [];
    const result = await runBatch([input], { out: join(root, 'out'), log: (l) => lines.push(l) });

    expect(result.exitCode).toBe(0);
    const rows = csvRecords(await readFile(join(root, 'out', 'reports.csv'), 'utf8'));
    expect(rows.map((r) => r.source_file)).toEqual(['empty.pdf', 'seed.txt', 'sub/noise.docx']);
    for (const name of ['empty.pdf', 'sub/noise.docx']) {
      const row = rows.find((r) => r.source_file === name)!;
      expect(row.status).toBe('failed');
      expect(row.error).toMatch(/^[^\n]{5,200}$/);
      expect(row.error).not.toMatch(/\bat \S+:\d+|Error:|undefined/);
    }
    expect(rows.find((r) => r.source_file === 'empty.pdf')?.error).toMatch(/empty/);
    const seed = rows.find((r) => r.source_file === 'seed.txt')!;
    expect(seed.status).toMatch(/^(ok|partial)$/);
    expect(Number(seed.cells)).toBeGreaterThan(100);
    const cells = csvRecords(await readFile(join(root, 'out', 'cells.csv'), 'utf8'));
    expect(new Set(cells.map((c) => c.source_file))).toEqual(new Set(['seed.txt']));
    // One line per file as it finishes (workers finish in any order, so sort by what follows the counter).
    const byFile = (line: string): string => line.replace(/^\[\d\/3\] \S+ /, '');
    expect(lines.slice(0, 3).sort((a, b) => byFile(a).localeCompare(byFile(b)))).toEqual([
      expect.stringMatching(/^\[\d\/3\] failed empty\.pdf: .*empty/),
      expect.stringMatching(/^\[\d\/3\] (ok|partial) seed\.txt$/),
      expect.stringMatching(/^\[\d\/3\] failed sub\/noise\.docx: /),
    ]);
    expect(lines.slice(0, 3).map((l) => l.slice(0, 5)).sort()).toEqual(['[1/3]', '[2/3]', '[3/3]']);
    expect(lines[3]).toBe('writing the outputs of 3 files…');
    expect(lines[4]).toMatch(/^3 files: \d ok, \d partial, 0 not_a_report, 2 failed \(3 read now by \d+ workers?, 0 from the cache\)$/);
    expect(lines[5]).toMatch(/^slowest: /);
    expect(lines.at(-1)).toMatch(/^wrote to .*: reports\.csv, cells\.csv, checks\.csv, indicators\.csv, reports\.jsonl, datapackage\.json, tables\/ \(3 files\)/);
  });
});

describe('collectInputs', () => {
  it('walks folders in code-unit order, skipping hidden entries and the output folder', async () => {
    const root = await tempDir('nianbao-batch-');
    await mkdir(join(root, 'b', 'c'), { recursive: true });
    await mkdir(join(root, '.git'));
    await mkdir(join(root, 'output'));
    for (const f of ['Z.pdf', 'a.pdf', 'b/c/d.html', 'b/甲.docx', '.hidden.pdf', '.git/x.pdf', 'output/reports.csv']) {
      await writeFile(join(root, f), 'x');
    }
    const files = await collectInputs([root], join(root, 'output'));
    expect(files.map((f) => f.name)).toEqual(['Z.pdf', 'a.pdf', 'b/c/d.html', 'b/甲.docx']);
  });

  it('follows symbolic links to folders once (a link loop ends) and keeps broken links as files', async () => {
    const root = await tempDir('nianbao-batch-');
    await mkdir(join(root, 'reports', '2023 年'), { recursive: true });
    await writeFile(join(root, 'reports', '2023 年', '某乡 年报.pdf'), 'x');
    await symlink(join(root, 'reports'), join(root, 'reports', '2023 年', 'loop'));
    await symlink(join(root, 'reports', '2023 年'), join(root, 'reports', 'alias'));
    await symlink(join(root, 'nowhere.pdf'), join(root, 'reports', 'broken.pdf'));
    const files = await collectInputs([join(root, 'reports')], join(root, 'out'));
    expect(files.map((f) => f.name)).toEqual(['2023 年/某乡 年报.pdf', 'broken.pdf']);
  });

  it('names files by their input as given when there are several inputs, each file once', async () => {
    const root = await tempDir('nianbao-batch-');
    await mkdir(join(root, 'y2022'));
    await mkdir(join(root, 'y2023'));
    await writeFile(join(root, 'y2022', 'a.pdf'), 'x');
    await writeFile(join(root, 'y2023', 'a.pdf'), 'y');
    const single = await collectInputs([join(root, 'y2022', 'a.pdf')], join(root, 'out'));
    expect(single.map((f) => f.name)).toEqual(['a.pdf']);
    const inputs = [join(root, 'y2022'), join(root, 'y2023'), join(root, 'y2023', 'a.pdf')];
    const files = await collectInputs(inputs, join(root, 'out'));
    expect(files.map((f) => f.name.slice(root.length))).toEqual(['/y2022/a.pdf', '/y2023/a.pdf']);
  });

  it('expands - into the listed paths; a listed path that does not exist stays in (it fails when read)', async () => {
    const root = await tempDir('nianbao-batch-');
    await mkdir(join(root, 'dir'));
    await writeFile(join(root, 'dir', 'b.txt'), 'b');
    await writeFile(join(root, 'a b.txt'), 'a');
    const listed = parsePathList(`${join(root, 'a b.txt')}\r\n\n${join(root, 'dir')}\n${join(root, 'gone.txt')}\n`);
    expect(listed).toHaveLength(3);
    expect(parsePathList('x y\0z\0')).toEqual(['x y', 'z']);
    const files = await collectInputs(['-'], join(root, 'out'), { listed });
    expect(files.map((f) => f.name.slice(root.length))).toEqual(['/a b.txt', '/dir/b.txt', '/gone.txt']);
  });

  // Root reads every folder whatever its mode (CI runs as root): this runs on developers' machines only.
  it.skipIf(process.getuid?.() === 0)('reports a folder it cannot read and goes on with the others', async () => {
    const root = await tempDir('nianbao-batch-');
    await mkdir(join(root, 'locked'));
    await writeFile(join(root, 'locked', 'a.pdf'), 'x');
    await writeFile(join(root, 'b.pdf'), 'x');
    await chmod(join(root, 'locked'), 0o000);
    const problems: WalkProblem[] = [];
    const files = await collectInputs([root], join(root, 'out'), { onProblem: (p) => problems.push(p) });
    await chmod(join(root, 'locked'), 0o755);
    expect(files.map((f) => f.name)).toEqual(['b.pdf']);
    expect(problems).toEqual([{ path: join(root, 'locked'), reason: 'permission denied' }]);
  });

  it('refuses an input that does not exist', async () => {
    await expect(collectInputs(['/no/such/folder'], 'out')).rejects.toBeInstanceOf(InputNotFoundError);
  });
});

describe('runBatch outputs', () => {
  it('gives a file present twice one report id and one row per name, reading it once', async () => {
    const root = await tempDir('nianbao-batch-');
    await mkdir(join(root, 'in'));
    await copyFile(SEED, join(root, 'in', 'one.txt'));
    await copyFile(SEED, join(root, 'in', 'two.txt'));
    const result = await runBatch([join(root, 'in')], { out: join(root, 'out'), quiet: true });
    const [one, two] = result.files;
    expect(one?.sha256).toBe(two?.sha256);
    expect([one?.name, two?.name]).toEqual(['one.txt', 'two.txt']);
    // Read in parallel: whichever is hashed first is read, the other shares its result.
    expect([one?.origin, two?.origin].sort()).toEqual(['duplicate', 'processed']);
    expect(two?.status).toBe(one?.status);
    const rows = csvRecords(await readFile(join(root, 'out', 'reports.csv'), 'utf8'));
    expect(rows.map((r) => [r.report_id, r.source_file])).toEqual([
      [one?.sha256.slice(0, 12), 'one.txt'],
      [one?.sha256.slice(0, 12), 'two.txt'],
    ]);
  });

  it('says nothing when quiet and writes texts with --text for readable files only', async () => {
    const root = await tempDir('nianbao-batch-');
    await mkdir(join(root, 'in'));
    await copyFile(SEED, join(root, 'in', 'seed.txt'));
    await writeFile(join(root, 'in', 'empty.txt'), '');
    const lines: string[] = [];
    const result = await runBatch([join(root, 'in')], { out: join(root, 'out'), quiet: true, text: true, log: (l) => lines.push(l) });
    expect(lines).toEqual([]);
    const texts = await readdir(join(root, 'out', 'text'));
    const readable = result.files.filter((f) => f.status !== 'failed').map((f) => `${f.sha256.slice(0, 12)}.txt`);
    expect(readable).toHaveLength(1);
    expect(texts).toEqual(readable);
    expect(await readFile(join(root, 'out', 'text', readable[0]!), 'utf8')).toContain('汉东回族乡');
  });

  it('exits 1 when the output folder cannot be made', async () => {
    const root = await tempDir('nianbao-batch-');
    await writeFile(join(root, 'taken'), 'a file, not a folder');
    await copyFile(SEED, join(root, 'seed.txt'));
    const lines: string[] = [];
    const result = await runBatch([join(root, 'seed.txt')], { out: join(root, 'taken'), log: (l) => lines.push(l) });
    expect(result.exitCode).toBe(1);
    expect(lines.join('\n')).toMatch(/cannot write to .*taken/);
  });

  it('writes the same outputs when the cache cannot be written: the reports come back from the workers', async () => {
    const root = await tempDir('nianbao-batch-');
    const input = join(root, 'in');
    await mkdir(input);
    await copyFile(SEED, join(input, 'seed.txt'));
    await copyFile(join(SEEDS, '004_33fc5f9459d725bb.txt'), join(input, 'other.txt'));
    const clean = join(root, 'clean');
    await runBatch([input], { out: clean, quiet: true, text: true });
    // A file where the cache's folder should be: every entry write fails, as on a full or read-only disk.
    const out = join(root, 'out');
    const cacheDir = new ResultCache(out, nianbaoVersion()).dir;
    await mkdir(dirname(cacheDir), { recursive: true });
    await writeFile(cacheDir, 'not a folder');
    const result = await runBatch([input], { out, quiet: true, text: true });
    expect(result.exitCode).toBe(0);
    expect(result.files.map((f) => f.origin)).toEqual(['processed', 'processed']);
    const written = (await readdir(clean, { recursive: true })).filter((f) => !f.startsWith('.nianbao-cache')).sort();
    expect(written.filter((f) => f.startsWith('tables_generic/')).length).toBeGreaterThan(0);
    for (const file of written.filter((f) => f.includes('.'))) {
      expect(await readFile(join(out, file), 'utf8'), file).toBe(await readFile(join(clean, file), 'utf8'));
    }
  });

  it('returns the reports only when asked to', async () => {
    const root = await tempDir('nianbao-batch-');
    await copyFile(SEED, join(root, 'seed.txt'));
    const plain = await runBatch([join(root, 'seed.txt')], { out: join(root, 'out'), quiet: true });
    expect(plain.reports).toEqual([]);
    const kept = await runBatch([join(root, 'seed.txt')], { out: join(root, 'out'), quiet: true, keepReports: true });
    expect(kept.reports.map((r) => [r.source.file, r.status])).toEqual([['seed.txt', kept.files[0]?.status]]);
    expect(kept.reports[0]?.cells.length).toBeGreaterThan(100);
  });
});

describe('readErrorText', () => {
  it('says in plain words why a file could not be read', () => {
    const denied = Object.assign(new Error("EACCES: permission denied, open '/x'"), { code: 'EACCES' });
    expect(readErrorText(denied)).toBe('cannot read the file: permission denied');
    const loop = Object.assign(new Error('ELOOP: too many symbolic links'), { code: 'ELOOP' });
    expect(readErrorText(loop)).toBe('cannot read the file: a loop of symbolic links');
    expect(readErrorText(new FileTooLargeError('too large: 300.0 MB, the limit is 200.0 MB'))).toBe('too large: 300.0 MB, the limit is 200.0 MB');
  });
});

describe('runBatch with limits', () => {
  it('fails a file above the size limit without reading it, still hashing it', async () => {
    const root = await tempDir('nianbao-batch-');
    await copyFile(SEED, join(root, 'seed.txt'));
    const result = await runBatch([join(root, 'seed.txt')], { out: join(root, 'out'), quiet: true, limits: { maxFileBytes: 100 } });
    const [file] = result.files;
    expect(file?.status).toBe('failed');
    expect(file?.error).toMatch(/^too large: /);
    expect(file?.sha256.slice(0, 12)).toBe('624c40bf1ffc');
  });

  it('stops a file past the time limit, goes on with the others, and retries it on the next run', async () => {
    const root = await tempDir('nianbao-batch-');
    // 10⁹ nested form drawings: no reader finishes it, so the limit stops it on any machine, every time.
    await copyFile(join(import.meta.dirname, 'fixtures', 'pdf', 'nested-forms.pdf'), join(root, 'long.pdf'));
    await copyFile(SEED, join(root, 'seed.txt'));
    const out = join(root, 'out');
    const limits = { timeoutMs: 1000 };
    const first = await runBatch([root], { out, quiet: true, workers: 1, limits });
    expect(first.files.map((f) => [f.name, f.status, f.origin])).toEqual([
      ['long.pdf', 'failed', 'limit'],
      ['seed.txt', expect.stringMatching(/^(ok|partial)$/), 'processed'],
    ]);
    expect(first.files[0]?.error).toBe('timed out after 1 s (the limit per file; --timeout raises it)');
    expect(first.pool).toMatchObject({ timeouts: 1, started: 2 });
    const rows = csvRecords(await readFile(join(out, 'reports.csv'), 'utf8'));
    expect(rows[0]).toMatchObject({ source_file: 'long.pdf', format: 'pdf', status: 'failed', error: first.files[0]?.error });

    // A file stopped by a limit is not cached as done: the next run tries it again (and is stopped again).
    const second = await runBatch([root], { out, quiet: true, workers: 1, limits });
    expect(second.files.map((f) => [f.name, f.status, f.origin])).toEqual([
      ['long.pdf', 'failed', 'limit'],
      ['seed.txt', first.files[1]?.status, 'cached'],
    ]);
    expect(second.pool).toMatchObject({ timeouts: 1 });
  });
});

describe('runBatch across reports', () => {
  it('checks S1: what a report carries over equals what the same agency carried forward the year before', async () => {
    const root = await tempDir('nianbao-batch-');
    const text = await readFile(SEED, 'utf8');
    await writeFile(join(root, 'y2023.txt'), text);
    // The same township one year later (a real seed with its years moved on).
    await writeFile(join(root, 'y2024.txt'), text.replaceAll('2024', '2025').replaceAll('2023', '2024'));
    const out = join(root, 'out');
    await runBatch([root], { out, quiet: true });
    const reports = csvRecords(await readFile(join(out, 'reports.csv'), 'utf8'));
    expect(reports.map((r) => [r.source_file, r.year])).toEqual([
      ['y2023.txt', '2023'],
      ['y2024.txt', '2024'],
    ]);
    const checks = csvRecords(await readFile(join(out, 'checks.csv'), 'utf8')).filter((c) => c.check_id === 'S1');
    expect(checks.map((c) => c.source_file)).toEqual(Array(7).fill('y2024.txt'));
    const cells = csvRecords(await readFile(join(out, 'cells.csv'), 'utf8'));
    const value = (file: string, row: string, col: string): string => cells.find((c) => c.source_file === file && c.table === 'requests' && c.row_key === row && c.col_key === col)?.value ?? '';
    for (const check of checks) {
      const col = check.subject!.replace('col=', '');
      expect(check.expected).toBe(value('y2023.txt', 'carried_forward', col));
      expect(check.actual).toBe(value('y2024.txt', 'carried_over', col));
      const status = check.expected === '' || check.actual === '' ? 'not_evaluable' : check.expected === check.actual ? 'pass' : 'fail';
      expect(check.status).toBe(status);
    }
    const allChecks = csvRecords(await readFile(join(out, 'checks.csv'), 'utf8'));
    const failed = allChecks.filter((c) => c.source_file === 'y2024.txt' && c.status === 'fail').length;
    expect(reports[1]?.checks_failed).toBe(String(failed));
  });
});
