import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { yearInputOf } from '../src/batch-checks.js';
import { CACHE_DIR, cacheKeyOf, entryBytes, headerOf, ResultCache } from '../src/cache.js';
import { extractReport } from '../src/extract-report.js';
import { INDICATOR_SET } from '../src/output/indicator-set.js';
import { jsonlLine, renderParts, textOf, type ReportParts } from '../src/output/report-parts.js';
import type { Report } from '../src/report/report.js';
import { mapPartTexts } from './output/map-texts.js';
import { tempDir } from './temp-dirs.js';

const SEED = join(import.meta.dirname, 'fixtures', 'shared', 'seeds', '004_33fc5f9459d725bb.txt');

async function seedReport() {
  const report = await extractReport(new Uint8Array(await readFile(SEED)), { file: 'county/seed.txt' });
  const key = cacheKeyOf(report.source.sha256, report.source.file);
  return { report, key };
}

function partsOf(report: Report) {
  return renderParts(report, { indicators: INDICATOR_SET, nianbaoVersion: '1.2.3', text: true });
}

/** The parts with every big piece decoded, to compare with parts as rendered. */
function decoded(parts: ReportParts): ReportParts {
  return mapPartTexts(parts, textOf);
}

/** An entry's header line, index (parsed) and the bytes after it. */
function splitEntry(bytes: Uint8Array) {
  const buffer = Buffer.from(bytes);
  const first = buffer.indexOf(0x0a);
  const second = buffer.indexOf(0x0a, first + 1);
  const index = JSON.parse(buffer.toString('utf8', first + 1, second)) as { lengths: number[] } & Record<string, unknown>;
  return { header: buffer.subarray(0, first + 1), index, rest: buffer.subarray(second + 1) };
}

function joinEntry(header: Uint8Array, index: unknown, rest: Uint8Array): Buffer {
  return Buffer.concat([header, Buffer.from(`${JSON.stringify(index)}\n`), rest]);
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
    await cache.store(key, entryBytes(header, partsOf(report)));

    expect(cache.pathOf(key)).toBe(join(out, CACHE_DIR, '1.2.3', key.slice(0, 2), `${key}.json`));
    expect(await cache.readHeader(key)).toEqual(header);
    expect(header).toMatchObject({ status: report.status, error: null, ms: 13, year: { year: 2023 } });
    expect(header.year?.carriedForward).toHaveLength(7);
    const parts = await cache.readParts(key);
    expect(parts?.generic).toHaveLength(3);
    expect(parts?.text?.content).toBeInstanceOf(Uint8Array);
    expect(decoded(parts!)).toEqual(JSON.parse(JSON.stringify(partsOf(report))));
    expect(await cache.readReport(key)).toEqual(JSON.parse(JSON.stringify(report)));
    // The pieces are views into the one buffer the entry was read into, not copies.
    const views = [parts!.jsonl.head, parts!.jsonl.tail, parts!.generic[0]!.csv] as Uint8Array[];
    expect(new Set(views.map((v) => v.buffer)).size).toBe(1);
    // Written under a temporary name and renamed: nothing else is left in the folder.
    expect(await readdir(dirname(cache.pathOf(key)))).toEqual([`${key}.json`]);
  });

  it('stores the big pieces raw after a header line and an index line of their byte lengths', async () => {
    const { report, key } = await seedReport();
    const header = headerOf({ version: '1.2.3', key, sha256: report.source.sha256 }, report, { ms: 1, stages: {} }, null);
    const parts = partsOf(report);
    const entry = splitEntry(entryBytes(header, parts));
    expect(JSON.parse(entry.header.toString('utf8'))).toEqual(header);
    expect(entry.index).toMatchObject({ id: report.id, file: report.source.file, status: report.status, text: `text/${report.id}.txt` });
    expect(entry.index.lengths.reduce((a, b) => a + b, 0)).toBe(entry.rest.byteLength);
    // The reports.jsonl line and the text lie in the entry exactly as they are written to the outputs.
    const rest = entry.rest.toString('utf8');
    expect(rest).toContain(jsonlLine(parts, []).join(''));
    expect(rest.endsWith(textOf(parts.text!.content))).toBe(true);
    expect(Buffer.byteLength(textOf(parts.text!.content))).toBe(entry.index.lengths.at(-1));
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
    await writeFile(path, entryBytes(older, partsOf(report)));
    expect(await cache.readHeader(key)).toBeNull();
    expect(await cache.readReport(key)).toBeNull();

    const current = headerOf({ version: '1.2.3', key, sha256: report.source.sha256 }, report, { ms: 1, stages: {} }, null);
    const whole = Buffer.from(entryBytes(current, partsOf(report)));
    await writeFile(path, whole);
    expect(await cache.readParts(key)).not.toBeNull();
    await writeFile(path, whole.subarray(0, whole.byteLength - 100));
    expect(await cache.readHeader(key)).not.toBeNull();
    expect(await cache.readParts(key)).toBeNull();
    expect(await cache.readReport(key)).toBeNull();
    await writeFile(path, whole.toString('latin1').replace(key, 'f'.repeat(64)), 'latin1');
    expect(await cache.readHeader(key)).toBeNull();
    await writeFile(path, 'not json at all');
    expect(await cache.readHeader(key)).toBeNull();
    await writeFile(path, 'not json at all');
    expect(await cache.readHeader(key)).toBeNull();
  });

  it('treats an entry whose index lengths do not match its pieces as absent', async () => {
    const out = await tempDir('nianbao-cache-');
    const cache = new ResultCache(out, '1.2.3');
    const { report, key } = await seedReport();
    const path = cache.pathOf(key);
    await mkdir(dirname(path), { recursive: true });
    const current = headerOf({ version: '1.2.3', key, sha256: report.source.sha256 }, report, { ms: 1, stages: {} }, null);
    const { header, index, rest } = splitEntry(entryBytes(current, partsOf(report)));
    const [first = 0, ...others] = index.lengths;
    const variants = {
      'one piece longer': { ...index, lengths: [first + 1, ...others] },
      'one piece shorter': { ...index, lengths: [first - 1, ...others] },
      'a piece missing': { ...index, lengths: others },
      'the text not listed': { ...index, text: null },
      'a negative length': { ...index, lengths: [first + 10, -10, ...others.slice(1)] },
    };
    for (const [what, damaged] of Object.entries(variants)) {
      await writeFile(path, joinEntry(header, damaged, rest));
      expect(await cache.readHeader(key), what).not.toBeNull();
      expect(await cache.readParts(key), what).toBeNull();
      expect(await cache.readReport(key), what).toBeNull();
    }
    await writeFile(path, joinEntry(header, index, rest));
    expect(await cache.readParts(key)).not.toBeNull();
  });

  it('reads a header longer than its first small read', async () => {
    const out = await tempDir('nianbao-cache-');
    const cache = new ResultCache(out, '1.2.3');
    const { report, key } = await seedReport();
    const failed = { ...report, status: 'failed' as const, error: `无法读取：${'很长的原因 '.repeat(2_000)}` };
    const header = headerOf({ version: '1.2.3', key, sha256: report.source.sha256 }, failed, { ms: 1, stages: {} }, null);
    await cache.store(key, entryBytes(header, partsOf(report)));
    expect(Buffer.byteLength(JSON.stringify(header))).toBeGreaterThan(20_000);
    expect(await cache.readHeader(key)).toEqual(header);
  });
});

describe('EntryReader', () => {
  it('reads the same parts as readParts, into buffers it reuses in turn', async () => {
    const out = await tempDir('nianbao-cache-');
    const cache = new ResultCache(out, '1.2.3');
    const { report, key } = await seedReport();
    const header = headerOf({ version: '1.2.3', key, sha256: report.source.sha256 }, report, { ms: 1, stages: {} }, null);
    await cache.store(key, entryBytes(header, partsOf(report)));
    const reader = cache.entryReader(2);
    const reads = [await reader.readParts(key), await reader.readParts(key), await reader.readParts(key)];
    const buffers = reads.map((parts) => (parts!.jsonl.head as Uint8Array).buffer);
    // Two slots: the third read reuses the first one's buffer, the second has its own.
    expect(buffers[2]).toBe(buffers[0]);
    expect(buffers[1]).not.toBe(buffers[0]);
    expect(decoded(reads[2]!)).toEqual(decoded((await cache.readParts(key))!));
    expect(decoded(reads[1]!)).toEqual(JSON.parse(JSON.stringify(partsOf(report))));
  });

  it('grows a buffer for a larger entry and treats a missing or cut entry as absent', async () => {
    const out = await tempDir('nianbao-cache-');
    const cache = new ResultCache(out, '1.2.3');
    const { report, key } = await seedReport();
    const small = { ...report, text: '短' };
    const smallKey = key.replace(/^../, '00');
    const identity = (k: string) => ({ version: '1.2.3', key: k, sha256: report.source.sha256 });
    await cache.store(smallKey, entryBytes(headerOf(identity(smallKey), small, { ms: 1, stages: {} }, null), partsOf(small)));
    await cache.store(key, entryBytes(headerOf(identity(key), report, { ms: 1, stages: {} }, null), partsOf(report)));
    expect((await readFile(cache.pathOf(smallKey))).byteLength).toBeLessThan((await readFile(cache.pathOf(key))).byteLength - 1_000);
    const reader = cache.entryReader(1);
    expect((await reader.readParts(smallKey))?.id).toBe(report.id);
    expect(decoded((await reader.readParts(key))!)).toEqual(JSON.parse(JSON.stringify(partsOf(report))));
    expect(await reader.readParts('f'.repeat(64))).toBeNull();
    const whole = await readFile(cache.pathOf(key));
    await writeFile(cache.pathOf(key), whole.subarray(0, whole.byteLength - 1));
    expect(await reader.readParts(key)).toBeNull();
  });
});
