import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { BROKEN_REPORT, expectedReport } from './review-reports.js';
import { writeOutputs } from '../../src/output/index.js';
import { tempDir } from '../temp-dirs.js';

let dir = '';
const io = () => {
  const out = { stdout: '', stderr: '' };
  return { out, io: { stdout: (t: string) => void (out.stdout += t), stderr: (t: string) => void (out.stderr += t) } };
};

beforeAll(async () => {
  dir = await tempDir('nianbao-review-cli-');
});

describe('nianbao review OUTPUT', () => {
  it('needs exactly one OUTPUT folder', async () => {
    const { out, io: streams } = io();
    expect(await main(['review'], streams)).toBe(2);
    expect(out.stderr).toContain('review needs exactly one OUTPUT folder');
  });

  it('says what to do when the folder holds no run', async () => {
    const { out, io: streams } = io();
    expect(await main(['review', dir], streams)).toBe(1);
    expect(out.stderr).toContain(`no reports.jsonl in ${dir}: run 'nianbao extract INPUT... --out ${dir}' first`);
  });

  it('builds the pages of an earlier run', async () => {
    const reports = [expectedReport('report-2021', 'report-2021.html', 'html', '示例县'), BROKEN_REPORT];
    await writeOutputs(dir, reports, { text: false, nianbaoVersion: 'test' });
    const { io: streams } = io();
    expect(await main(['review', dir, '--input', dir], streams)).toBe(0);
    expect((await readdir(join(dir, 'review'))).sort()).toEqual([`${reports[0]!.id}.html`, `${BROKEN_REPORT.id}.html`, 'index.html'].sort());
  });
});
