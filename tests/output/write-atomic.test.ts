import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeAtomic, writeAtomicChunks } from '../../src/output/write-atomic.js';
import { tempDir } from '../temp-dirs.js';

describe('writeAtomic', () => {
  it('creates the folder, writes the content and leaves no temporary file', async () => {
    const dir = await tempDir('nianbao-atomic-');
    await writeAtomic(join(dir, 'a', 'b.csv'), 'x,y\n申请\n');
    expect(await readFile(join(dir, 'a', 'b.csv'), 'utf8')).toBe('x,y\n申请\n');
    expect(await readdir(join(dir, 'a'))).toEqual(['b.csv']);
  });

  it('makes the folder again when it was removed after an earlier write into it', async () => {
    const dir = await tempDir('nianbao-atomic-');
    await writeAtomic(join(dir, 'gone', 'a.csv'), 'a\n');
    await rm(join(dir, 'gone'), { recursive: true });
    await writeAtomic(join(dir, 'gone', 'b.csv'), 'b\n');
    expect(await readdir(join(dir, 'gone'))).toEqual(['b.csv']);
  });

  it('replaces an existing file', async () => {
    const dir = await tempDir('nianbao-atomic-');
    const path = join(dir, 'c.csv');
    await writeFile(path, 'old\n');
    await writeAtomicChunks(path, ['n', 'ew\n', new Uint8Array([0x61, 0x0a])]);
    expect(await readFile(path, 'utf8')).toBe('new\na\n');
  });

  it('writes a view into a larger buffer as just the bytes it shows (cached pieces are such views)', async () => {
    const dir = await tempDir('nianbao-atomic-');
    const whole = Buffer.from('header\n申请,1\ntrailing', 'utf8');
    const view = whole.subarray(7, whole.indexOf('trailing'));
    await writeAtomic(join(dir, 'e.csv'), view);
    await writeAtomicChunks(join(dir, 'f.csv'), [view, 'x\n', view.subarray(0, 3)]);
    expect(await readFile(join(dir, 'e.csv'), 'utf8')).toBe('申请,1\n');
    expect(await readFile(join(dir, 'f.csv'), 'utf8')).toBe('申请,1\nx\n申');
  });

  it('keeps the old file and removes the temporary one when writing fails halfway', async () => {
    const dir = await tempDir('nianbao-atomic-');
    const path = join(dir, 'd.csv');
    await writeFile(path, 'old\n');
    function* failing(): Generator<string> {
      yield 'half of the new';
      throw new Error('killed');
    }
    await expect(writeAtomicChunks(path, failing())).rejects.toThrow('killed');
    expect(await readFile(path, 'utf8')).toBe('old\n');
    expect(await readdir(dir)).toEqual(['d.csv']);
  });
});
