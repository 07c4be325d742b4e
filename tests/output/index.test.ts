import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeOutputs } from '../../src/output/index.js';
import { FAILED_REPORT, PARTIAL_REPORT } from './sample-reports.js';
import { tempDir } from '../temp-dirs.js';

const OPTIONS = { text: true, nianbaoVersion: '9.9.9' };

describe('writeOutputs', () => {
  it('writes every file of the contract and leaves no temporary file', async () => {
    const out = await tempDir('nianbao-out-');
    const written = await writeOutputs(out, [PARTIAL_REPORT, FAILED_REPORT], OPTIONS);
    expect(written).toEqual([
      'reports.csv', 'cells.csv', 'checks.csv', 'tables/active_disclosure.csv', 'tables/requests.csv',
      'tables/review_litigation.csv', 'indicators.csv', 'tables_generic/a1b2c3d4e5f6-1.csv', 'reports.jsonl',
      'text/a1b2c3d4e5f6.txt', 'datapackage.json',
    ]);
    expect((await readdir(out)).sort()).toEqual(
      ['cells.csv', 'checks.csv', 'datapackage.json', 'indicators.csv', 'reports.csv', 'reports.jsonl', 'tables', 'tables_generic', 'text'],
    );
    expect(await readdir(join(out, 'tables'))).toHaveLength(3);
    const pkg = JSON.parse(await readFile(join(out, 'datapackage.json'), 'utf8')) as { nianbao_version: string };
    expect(pkg.nianbao_version).toBe('9.9.9');
  });

  it("removes generic tables a previous run left, but not the user's own files", async () => {
    const out = await tempDir('nianbao-out-');
    await writeOutputs(out, [PARTIAL_REPORT], OPTIONS);
    await writeFile(join(out, 'tables_generic', 'my-notes.csv'), 'mine\n');
    await writeOutputs(out, [FAILED_REPORT], OPTIONS);
    expect(await readdir(join(out, 'tables_generic'))).toEqual(['my-notes.csv']);
    expect(await readdir(join(out, 'text'))).toEqual([]);
  });

  it('writes the generic tables of a report present under two names once', async () => {
    const out = await tempDir('nianbao-out-');
    const copy = { ...PARTIAL_REPORT, source: { ...PARTIAL_REPORT.source, file: 'copy.pdf' } };
    const written = await writeOutputs(out, [PARTIAL_REPORT, copy], OPTIONS);
    expect(written.filter((p) => p.startsWith('tables_generic/'))).toEqual(['tables_generic/a1b2c3d4e5f6-1.csv']);
    expect(written.filter((p) => p.startsWith('text/'))).toEqual(['text/a1b2c3d4e5f6.txt']);
  });
});
