import { execFile } from 'node:child_process';
import { copyFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { HELP, main } from '../src/cli.js';
import { tempDir } from './temp-dirs.js';

const ROOT = join(import.meta.dirname, '..');
const SEED = join(ROOT, 'tests', 'fixtures', 'shared', 'seeds', '001_a59350496f5eca4a.txt');

async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

describe('nianbao usage errors exit 2 with a clear message', () => {
  it.each([
    [[], /no command given/],
    [['convert', 'x'], /unknown command 'convert'/],
    [['extract'], /at least one INPUT/],
    [['extract', 'x', '--bogus'], /Unknown option '--bogus'/],
    [['extract', 'x', '--out'], /--out/],
    [['extract', 'x', '--workers', '0'], /--workers needs a whole number/],
    [['extract', 'x', '--workers', 'many'], /--workers needs a whole number/],
    [['extract', '/no/such/folder'], /input not found: \/no\/such\/folder/],
  ])('%j', async (argv, text) => {
    const { code, stdout, stderr } = await cli(...argv);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(text);
    expect(stderr).toMatch(/Try 'nianbao --help'/);
  });
});

describe('nianbao --help and --version', () => {
  it('prints the help on stdout and exits 0', async () => {
    expect(await cli('--help')).toEqual({ code: 0, stdout: HELP, stderr: '' });
    expect((await cli('extract', '-h')).stdout).toBe(HELP);
  });

  it('prints the version of package.json', async () => {
    const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(await cli('--version')).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });
});

describe('nianbao extract', () => {
  it('accepts every documented option and writes into --out', async () => {
    const root = await tempDir('nianbao-cli-');
    await copyFile(SEED, join(root, 'seed.txt'));
    const out = join(root, 'out');
    const { code, stderr } = await cli('extract', join(root, 'seed.txt'), '--out', out, '--text', '--workers', '2', '--force');
    expect(code).toBe(0);
    expect(stderr).toMatch(/^\[1\/1\] \w+ seed\.txt/);
    expect(await readFile(join(out, 'reports.csv'), 'utf8')).toMatch(/^report_id,/);
  });

  it('runs as a program: the shebang line and the entry-point check work', async () => {
    const source = await readFile(join(ROOT, 'src', 'cli.ts'), 'utf8');
    expect(source.startsWith('#!/usr/bin/env node\n')).toBe(true);
    const run = promisify(execFile);
    const { stdout } = await run(process.execPath, ['--import', 'tsx', join(ROOT, 'src', 'cli.ts'), '--version'], { cwd: ROOT });
    expect(stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});
