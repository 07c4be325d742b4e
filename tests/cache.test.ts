import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { yearInputOf } from '../src/batch-checks.js';
import { CACHE_DIR, cacheKeyOf, entryText, headerOf, ResultCache, writeEntry } from '../src/cache.js';
import { extractReport } from '../src/extract-report.js';
import { INDICATOR_SET } from '../src/output/indicator-set.js';
import { renderParts } from '../src/output/report-parts.js';
import type { Report } from '../src/report/report.js';
import { tempDir } from './temp-dirs.js';

const SEED = join(import.meta.dirname, '..', '..', 'shared', 'seeds', '004_33fc5f9459d725bb.txt');

async function seedReport() {
  const report = await extractReport(new Uint8Array(await readFile(SEED)), { file: 'county/seed.txt' });
  const key = cacheKeyOf(report.source.sha256, report.source.file);
  return { report, key };
}

function partsOf(report: Report) {
  return renderParts(report, { indicators: INDICATOR_SET, nianbaoVersion: '1.2.3', text: false });
}

describe('cacheKeyOf', () => {
  it('is the SHA-256 plus the lowercased extension, which can decide between HTML and text', () => {
    const sha = 'ab'.repeat(32);
    expect(cacheKeyOf(sha, 'x/Report.HTML')).toBe(`${sha}.html`);
    expect(cacheKeyOf(sha, 'report.txt')).toBe(`${sha}.txt`);
    expect(cacheKeyOf(sha, 'no-extension')).toBe(sha);
    expect(cacheKeyOf(sha, 'odd.t x t')).toBe(sha);
  });
});

describe('ResultCache', () => {
  it('reads back the header, the parts and the whole report of an entry, in a folder per version', async () => {
    const out = await tempDir('nianbao-cache-');
    const cache = new ResultCache(out, '1.2.3');
    const { report, key } = await seedReport();
    const header = headerOf({ version: '1.2.3', key, sha256: report.source.sha256 }, report, { ms: 12.6, stages: { extract: 3 } }, yearInputOf(report));
    await writeEntry(cache.pathOf(key), header, partsOf(report));

    expect(cache.pathOf(key)).toBe(join(out, CACHE_DIR, '1.2.3', key.slice(0, 2), `${key}.json`));
    expect(await cache.readHeader(key)).toEqual(header);
    expect(header).toMatchObject({ status: report.status, error: null, ms: 13, year: { year: 2023 } });
    expect(header.year?.carriedForward).toHaveLength(7);
    expect(await cache.readParts(key)).toEqual(JSON.parse(JSON.stringify(partsOf(report))));
    expect(await cache.readReport(key)).toEqual(JSON.parse(JSON.stringify(report)));
    // Written under a temporary name and renamed: nothing else is left in the folder.
    expect(await readdir(dirname(cache.pathOf(key)))).toEqual([`${key}.json`]);
  });

  it('treats a missing, damaged or other-version entry as absent', async () => {
    const out = await tempDir('nianbao-cache-');
    const cache = new ResultCache(out, '1.2.3');
    const { report, key } = await seedReport();
    expect(await cache.readHeader(key)).toBeNull();
    expect(await cache.readReport(key)).toBeNull();

    const path = cache.pathOf(key);
    await mkdir(dirname(path), { recursive: true });
    const older = headerOf({ version: '1.2.2', key, sha256: report.source.sha256 }, report, { ms: 1, stages: {} }, null);
    await writeFile(path, entryText(older, partsOf(report)));
    expect(await cache.readHeader(key)).toBeNull();
    expect(await cache.readReport(key)).toBeNull();

    const current = headerOf({ version: '1.2.3', key, sha256: report.source.sha256 }, report, { ms: 1, stages: {} }, null);
    const whole = entryText(current, partsOf(report));
    await writeFile(path, whole.slice(0, whole.length - 100));
    expect(await cache.readHeader(key)).not.toBeNull();
    expect(await cache.readParts(key)).toBeNull();
    expect(await cache.readReport(key)).toBeNull();
    await writeFile(path, whole.replace(key, 'f'.repeat(64)));
    expect(await cache.readHeader(key)).toBeNull();
    await writeFile(path, 'not json at all');
    expect(await cache.readHeader(key)).toBeNull();
  });
});
