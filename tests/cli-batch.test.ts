import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main, type Io } from '../src/cli.js';
import { csvRecords } from './output/read-csv.js';
import { tempDir } from './temp-dirs.js';

const ROOT = join(import.meta.dirname, '..');
const SEEDS = join(ROOT, 'tests', 'fixtures', 'shared', 'seeds');

async function cli(argv: readonly string[], io: Partial<Io> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), ...io });
  return { code, stdout, stderr };
}

async function twoSeeds(): Promise<{ root: string; a: string; b: string }> {
  const root = await tempDir('nianbao-cli-batch-');
  await mkdir(join(root, '年报 2023'));
  const a = join(root, '年报 2023', '甲 乡.txt');
  const b = join(root, 'b.txt');
  await copyFile(join(SEEDS, '001_a59350496f5eca4a.txt'), a);
  await copyFile(join(SEEDS, '002_9c6f4dc3d9b839cd.txt'), b);
  return { root, a, b };
}

describe('nianbao extract: batch options', () => {
  it.each([
    [['--timeout', '0'], /--timeout needs a number of seconds above 0, not '0'/],
    [['--timeout', 'soon'], /--timeout needs a number of seconds/],
    [['--max-memory', '32'], /--max-memory needs a whole number of MB, at least 64, not '32'/],
    [['--max-memory', '1.5'], /--max-memory needs a whole number/],
  ])('refuses %j', async (args, text) => {
    const { code, stderr } = await cli(['extract', 'x', ...args]);
    expect(code).toBe(2);
    expect(stderr).toMatch(text);
  });

  it('refuses - when there is no standard input to read', async () => {
    const { code, stderr } = await cli(['extract', '-']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/- reads a list of paths from standard input/);
  });

  it('reads the list of paths for - from standard input, names with spaces and Chinese included', async () => {
    const { root, a, b } = await twoSeeds();
    const out = join(root, 'out');
    const { code } = await cli(['extract', '-', '--out', out, '--quiet', '--timeout', '30', '--max-memory', '512'], { stdin: async () => `${a}\n${b}\n` });
    expect(code).toBe(0);
    const rows = csvRecords(await readFile(join(out, 'reports.csv'), 'utf8'));
    expect(rows.map((r) => r.source_file)).toEqual([a, b]);
    for (const row of rows) expect(row.status).toMatch(/^(ok|partial)$/);
  });

  it('draws a progress bar in place on a terminal, then the summary', async () => {
    const { root } = await twoSeeds();
    const { code, stderr } = await cli(['extract', root, '--out', join(root, 'out')], { terminalColumns: 80 });
    expect(code).toBe(0);
    expect(stderr).toMatch(/^\r\[#+-*\] 1\/2/);
    expect(stderr).toContain('\r[########################] 2/2');
    expect(stderr).not.toMatch(/^\[1\/2\]/m);
    expect(stderr).toMatch(/\r\x1b\[Kwriting the outputs of 2 files…\n2 files: \d ok, \d partial, 0 not_a_report, 0 failed \(2 read now by \d+ workers?, 0 from the cache\)\n/);
  });

  it('runs as a program with the list piped to it', async () => {
    const { root, a, b } = await twoSeeds();
    const out = join(root, 'out');
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src', 'cli.ts'), 'extract', '-', '--out', out, '--workers', '1'], { cwd: ROOT });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.stdin.end(`${a}\0${b}\0`);
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(0);
    expect(stderr).toMatch(/^\[\d\/2\] ok .*甲 乡\.txt$/m);
    expect(csvRecords(await readFile(join(out, 'reports.csv'), 'utf8'))).toHaveLength(2);
  });

  it('reads a file given as a pipe, as bash hands over <(cat file)', async () => {
    const { root, a } = await twoSeeds();
    const out = join(root, 'out');
    const command = `exec "$0" --import tsx src/cli.ts extract <(cat "$1") --out "$2" --workers 1 --quiet`;
    const child = spawn('bash', ['-c', command, process.execPath, a, out], { cwd: ROOT });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code, stderr).toBe(0);
    const rows = csvRecords(await readFile(join(out, 'reports.csv'), 'utf8'));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.status).toMatch(/^(ok|partial)$/);
    expect(rows[0]!.sha256).toBe(createHash('sha256').update(await readFile(a)).digest('hex'));
  });
});
