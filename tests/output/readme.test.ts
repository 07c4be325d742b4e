/** The docs stay true: output/README.md and README.md list exactly the columns the writers write. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvResources } from '../../src/output/index.js';
import { INDICATOR_SET } from '../../src/output/indicator-set.js';

const ROOT = join(import.meta.dirname, '..', '..');
const RESOURCES = csvResources([], INDICATOR_SET);

/** The first column of the markdown table under the heading `## \`path\``. */
function documentedColumns(markdown: string, path: string): string[] {
  const start = markdown.indexOf(`## \`${path}\``);
  if (start < 0) return [];
  const next = markdown.indexOf('\n## ', start + 1);
  const section = markdown.slice(start, next < 0 ? undefined : next);
  return [...section.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]!);
}

describe('output/README.md', () => {
  it.each(RESOURCES.map((r) => [r.path, r.fields.map((f) => f.name)] as const))('documents every column of %s, in order', async (path, names) => {
    const markdown = await readFile(join(ROOT, 'output', 'README.md'), 'utf8');
    expect(documentedColumns(markdown, path)).toEqual(names);
  });
});

describe('README.md', () => {
  it('lists the columns of each fixed-column file in order', async () => {
    const markdown = await readFile(join(ROOT, 'README.md'), 'utf8');
    for (const r of RESOURCES.filter((x) => !x.path.startsWith('tables/'))) {
      const row = markdown.split('\n').find((l) => l.startsWith(`| \`${r.path}\``));
      const listed = row?.split('|')[3]?.replace(/`/g, '').replace(/, then/g, ',').split(',').map((s) => s.trim()).filter(Boolean);
      expect(listed, r.path).toEqual(r.fields.map((f) => f.name));
    }
  });
});
