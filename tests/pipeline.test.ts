import { copyFile, mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectInputs, InputNotFoundError } from '../src/inputs.js';
import { FileTooLargeError } from '../src/errors.js';
import { readErrorText, runBatch } from '../src/pipeline.js';
import { csvRecords } from './output/read-csv.js';

const SEED = join(import.meta.dirname, '..', '..', 'shared', 'seeds', '000_e7416d623e6ef481.txt');

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

async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'nianbao-batch-'));
}

describe('runBatch over a folder with broken files', () => {
  it('runs to the end, exits 0 and gives each broken file one failed row with a plain error', async () => {
    const root = await tempDir();
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
    expect(lines.slice(0, 3)).toEqual([
      expect.stringMatching(/^\[1\/3\] failed empty\.pdf: /),
      expect.stringMatching(/^\[2\/3\] \w+ seed\.txt/),
      expect.stringMatching(/^\[3\/3\] failed sub\/noise\.docx: /),
    ]);
    expect(lines.at(-2)).toMatch(/^3 files: /);
    expect(lines.at(-1)).toMatch(/^wrote to .*reports\.csv, cells\.csv/);
  });
});

describe('collectInputs', () => {
  it('walks folders in code-unit order, skipping hidden entries and the output folder', async () => {
    const root = await tempDir();
    await mkdir(join(root, 'b', 'c'), { recursive: true });
    await mkdir(join(root, '.git'));
    await mkdir(join(root, 'output'));
    for (const f of ['Z.pdf', 'a.pdf', 'b/c/d.html', 'b/甲.docx', '.hidden.pdf', '.git/x.pdf', 'output/reports.csv']) {
      await writeFile(join(root, f), 'x');
    }
    const files = await collectInputs([root], join(root, 'output'));
    expect(files.map((f) => f.name)).toEqual(['Z.pdf', 'a.pdf', 'b/c/d.html', 'b/甲.docx']);
  });

  it('names files by their input as given when there are several inputs, each file once', async () => {
    const root = await tempDir();
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

  it('refuses an input that does not exist', async () => {
    await expect(collectInputs(['/no/such/folder'], 'out')).rejects.toBeInstanceOf(InputNotFoundError);
  });
});

describe('runBatch outputs', () => {
  it('gives a file present twice one report id and one row per name', async () => {
    const root = await tempDir();
    await mkdir(join(root, 'in'));
    await copyFile(SEED, join(root, 'in', 'one.txt'));
    await copyFile(SEED, join(root, 'in', 'two.txt'));
    const result = await runBatch([join(root, 'in')], { out: join(root, 'out'), quiet: true });
    const [one, two] = result.reports;
    expect(one?.id).toBe(two?.id);
    expect([one?.source.file, two?.source.file]).toEqual(['one.txt', 'two.txt']);
    expect(two?.status).toBe(one?.status);
  });

  it('says nothing when quiet and writes texts with --text for readable files only', async () => {
    const root = await tempDir();
    await mkdir(join(root, 'in'));
    await copyFile(SEED, join(root, 'in', 'seed.txt'));
    await writeFile(join(root, 'in', 'empty.txt'), '');
    const lines: string[] = [];
    const result = await runBatch([join(root, 'in')], { out: join(root, 'out'), quiet: true, text: true, log: (l) => lines.push(l) });
    expect(lines).toEqual([]);
    const texts = await readdir(join(root, 'out', 'text'));
    const readable = result.reports.filter((r) => r.status !== 'failed').map((r) => `${r.id}.txt`);
    expect(readable).toHaveLength(1);
    expect(texts).toEqual(readable);
    expect(await readFile(join(root, 'out', 'text', readable[0]!), 'utf8')).toContain('汉东回族乡');
  });

  it('exits 1 when the output folder cannot be made', async () => {
    const root = await tempDir();
    await writeFile(join(root, 'taken'), 'a file, not a folder');
    await copyFile(SEED, join(root, 'seed.txt'));
    const lines: string[] = [];
    const result = await runBatch([join(root, 'seed.txt')], { out: join(root, 'taken'), log: (l) => lines.push(l) });
    expect(result.exitCode).toBe(1);
    expect(lines.join('\n')).toMatch(/cannot write to .*taken/);
  });
});

describe('readErrorText', () => {
  it('says in plain words why a file could not be read', () => {
    const denied = Object.assign(new Error("EACCES: permission denied, open '/x'"), { code: 'EACCES' });
    expect(readErrorText(denied)).toBe('cannot read the file: permission denied');
    expect(readErrorText(new FileTooLargeError('too large: 300.0 MB, the limit is 200.0 MB'))).toBe('too large: 300.0 MB, the limit is 200.0 MB');
  });
});

describe('runBatch with a size limit', () => {
  it('fails a file above the limit without reading it, still hashing it', async () => {
    const root = await tempDir();
    await copyFile(SEED, join(root, 'seed.txt'));
    const result = await runBatch([join(root, 'seed.txt')], { out: join(root, 'out'), quiet: true, settings: { maxFileBytes: 100 } });
    const [report] = result.reports;
    expect(report?.status).toBe('failed');
    expect(report?.error).toMatch(/^too large: /);
    expect(report?.id).toBe('624c40bf1ffc');
  });
});
