/** datapackage.json against the files a real run wrote: every CSV described, every header equal to its schema. */
import { copyFile, mkdir, readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runBatch } from '../../src/pipeline.js';
import { parseCsv } from './read-csv.js';
import { tempDir } from '../temp-dirs.js';

const SEEDS = join(import.meta.dirname, '..', 'fixtures', 'shared', 'seeds');

type FieldJson = { name: string; type: string; description: string; unit?: string };
type ResourceJson = { name: string; path: string; profile: string; schema?: { fields: FieldJson[] } };

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await filesUnder(path)));
    else out.push(path);
  }
  return out;
}

describe('datapackage.json of a run over the seeds', () => {
  let out = '';
  let resources: ResourceJson[] = [];

  beforeAll(async () => {
    const root = await tempDir('nianbao-dp-');
    const input = join(root, 'reports');
    await mkdir(input);
    for (const name of (await readdir(SEEDS)).sort()) await copyFile(join(SEEDS, name), join(input, name));
    out = join(root, 'out');
    const result = await runBatch([input], { out, text: true, quiet: true });
    expect(result.exitCode).toBe(0);
    const pkg = JSON.parse(await readFile(join(out, 'datapackage.json'), 'utf8')) as { resources: ResourceJson[] };
    resources = pkg.resources;
  });

  it('describes every CSV written, and every described file exists', async () => {
    const csvs = (await filesUnder(out)).filter((p) => p.endsWith('.csv')).map((p) => relative(out, p).split(sep).join('/'));
    const described = resources.filter((r) => r.path.endsWith('.csv')).map((r) => r.path);
    expect([...described].sort()).toEqual([...csvs].sort());
    for (const core of ['reports.csv', 'cells.csv', 'checks.csv', 'indicators.csv', 'tables/requests.csv']) expect(csvs).toContain(core);
  });

  it('gives each CSV a header equal to its schema field names', async () => {
    for (const r of resources.filter((x) => x.path.endsWith('.csv'))) {
      const [header] = parseCsv(await readFile(join(out, r.path), 'utf8'));
      expect(header, r.path).toEqual(r.schema?.fields.map((f) => f.name));
    }
  });

  it('types, describes and names every field and resource as Frictionless requires', () => {
    for (const r of resources) {
      expect(r.name).toMatch(/^[a-z0-9._-]+$/);
      for (const f of r.schema?.fields ?? []) {
        expect(['string', 'integer', 'number', 'date']).toContain(f.type);
        expect(f.description.length).toBeGreaterThan(0);
      }
    }
    expect(new Set(resources.map((r) => r.name)).size).toBe(resources.length);
    const cells = resources.find((r) => r.path === 'cells.csv')!;
    expect(cells.schema?.fields.find((f) => f.name === 'value')?.type).toBe('number');
    const requests = resources.find((r) => r.path === 'tables/active_disclosure.csv')!;
    expect(requests.schema?.fields.find((f) => f.name === 'fee_amount')?.unit).toBe('万元');
  });

  it('lists reports.jsonl, whose lines match reports.csv one to one', async () => {
    expect(resources.map((r) => r.path)).toContain('reports.jsonl');
    const lines = (await readFile(join(out, 'reports.jsonl'), 'utf8')).trimEnd().split('\n');
    const rows = parseCsv(await readFile(join(out, 'reports.csv'), 'utf8')).slice(1);
    expect(lines.map((l) => (JSON.parse(l) as { source_file: string }).source_file)).toEqual(rows.map((r) => r[1]));
  });
});
