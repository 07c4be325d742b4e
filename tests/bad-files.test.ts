import { access, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runBatch, type BatchResult } from '../src/pipeline.js';
import { parseCsv } from './output/read-csv.js';
import { tempDir } from './temp-dirs.js';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const BAD = join(FIXTURES, 'bad');
/** The broken files other suites made, given as a list on standard input would be (`-`). */
const LISTED = [
  ...['empty.docx', 'ole-workbook.doc', 'pdf-renamed.docx', 'random-bytes.bin', 'truncated.docx', 'zip-bomb-lying.docx', 'zip-bomb.docx', 'zip-without-document.docx'].map((f) => join(FIXTURES, 'broken', f)),
  ...['encrypted-user-password.pdf', 'truncated.pdf', 'no-text-layer.pdf'].map((f) => join(FIXTURES, 'pdf', f)),
];
/** Low enough that huge-xml-part.docx hits it within a second or two; the other files need far less. */
const HEAP_MB = 384;

/** Any status but failed: the file was read (how much of a report it holds is the recognizer's business). */
const READ = /^(ok|partial|not_a_report)$/;

/**
 * Status and error of every file: each error one plain sentence, no stack trace, no library class name
 * (null: no error, or the recognizer's own sentence for a file read without a standard table).
 */
const EXPECTED: Readonly<Record<string, readonly [string | RegExp, RegExp | null]>> = {
  'bad/doc-renamed.docx': [READ, null],
  'bad/flate-bomb.pdf': ['failed', /^too large: a stream decodes to more than 64 MB \(limit\)$/],
  'bad/gbk-report.txt': [/^(ok|partial)$/, null],
  'bad/huge-xml-part.docx': ['failed', /^ran out of memory \(more than the 384 MB a worker may use; --max-memory raises it\)$/],
  'bad/image-only.pdf': ['failed', /^scanned PDF: no text layer$/],
  'bad/pages-2000.pdf': ['not_a_report', /^no standard annual-report table found$/],
  'broken/empty.docx': ['failed', /^empty file/],
  'broken/ole-workbook.doc': ['failed', /not a Word document/],
  'broken/pdf-renamed.docx': [READ, null],
  'broken/random-bytes.bin': ['failed', /unrecognised bytes/],
  'broken/truncated.docx': ['failed', /^not a valid DOCX \(zip\) file/],
  'broken/zip-bomb-lying.docx': ['failed', /^too large: word\/document\.xml inflates to more than 50 MB/],
  'broken/zip-bomb.docx': ['failed', /^too large: word\/document\.xml inflates to more than 50 MB/],
  'broken/zip-without-document.docx': ['failed', /not a Word document/],
  'pdf/encrypted-user-password.pdf': ['failed', /^encrypted: the file needs a password/],
  'pdf/truncated.pdf': ['failed', /^not a valid PDF \(truncated or damaged\)/],
  'pdf/no-text-layer.pdf': ['failed', /^scanned PDF: no text layer$/],
};

let out = '';
let result: BatchResult;

beforeAll(async () => {
  out = await tempDir('nianbao-bad-');
  result = await runBatch([BAD, '-'], { out, quiet: true, listed: LISTED, limits: { workerHeapMb: HEAP_MB } });
}, 120_000);

/** Records of a CSV, checking that every row has as many fields as the header. */
function records(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  expect(header!.length).toBeGreaterThan(2);
  for (const row of rows) expect(row).toHaveLength(header!.length);
  return rows.map((row) => Object.fromEntries(header!.map((name, i) => [name, row[i]!])));
}

describe('the bad-file corpus in one batch', () => {
  it('finishes, and gives every file a status and, where it failed, a plain-words error', () => {
    expect(result.exitCode).toBe(0);
    const byFile = Object.fromEntries(result.files.map((f) => [f.name.slice(FIXTURES.length + 1).replace(/^.*?(bad|broken|pdf)\//, '$1/'), f]));
    expect(Object.keys(byFile).sort()).toEqual(Object.keys(EXPECTED).sort());
    for (const [file, [status, error]] of Object.entries(EXPECTED)) {
      const outcome = byFile[file]!;
      if (typeof status === 'string') expect(outcome.status, file).toBe(status);
      else expect(outcome.status, file).toMatch(status);
      if (error !== null) expect(outcome.error, file).toMatch(error);
      else if (outcome.status !== 'not_a_report') expect(outcome.error, file).toBeNull();
      else expect(outcome.error, file).toMatch(/^[^\n]{5,200}$/);
    }
    expect(result.pool).toMatchObject({ outOfMemory: 1, timeouts: 0, crashes: 0 });
  });

  it('reads what is readable: the GBK text, the .doc named .docx and the 2,000 pages', async () => {
    const rows = records(await readFile(join(out, 'reports.csv'), 'utf8'));
    const row = (suffix: string): Record<string, string> => rows.find((r) => r.source_file!.endsWith(suffix))!;
    expect(row('gbk-report.txt')).toMatchObject({ format: 'text', year: '2019' });
    expect(row('gbk-report.txt').agency).toContain('东方红乡');
    expect(row('doc-renamed.docx').format).toBe('doc');
    expect(row('pdf-renamed.docx').format).toBe('pdf');
    expect(row('pages-2000.pdf')).toMatchObject({ format: 'pdf', pages: '2000' });
    expect(row('huge-xml-part.docx')).toMatchObject({ format: 'docx', status: 'failed' });
  });

  it('writes outputs that all parse: CSVs with a header and whole rows, one JSON object per JSONL line', async () => {
    const pkg = JSON.parse(await readFile(join(out, 'datapackage.json'), 'utf8')) as { resources: { path: string; format: string; schema?: { fields: { name: string }[] } }[] };
    for (const resource of pkg.resources) {
      const text = await readFile(join(out, resource.path), 'utf8');
      if (resource.format === 'jsonl') {
        const lines = text.trimEnd().split('\n');
        expect(lines).toHaveLength(Object.keys(EXPECTED).length);
        for (const line of lines) expect(JSON.parse(line)).toHaveProperty('status');
      } else {
        const [header] = parseCsv(text);
        expect(header, resource.path).toEqual(resource.schema?.fields.map((f) => f.name));
        records(text);
      }
    }
    const generic = await readdir(join(out, 'tables_generic'));
    expect(generic.length).toBe(pkg.resources.filter((r) => r.path.startsWith('tables_generic/')).length);
    await expect(access(join(out, 'tables', 'requests.csv'))).resolves.toBeUndefined();
  });

  it('keeps the files stopped by a limit out of the cache, and everything else in it', async () => {
    const again = await runBatch([BAD, '-'], { out, quiet: true, listed: LISTED, limits: { workerHeapMb: HEAP_MB } });
    const origins = Object.fromEntries(again.files.map((f) => [f.name.replace(/^.*\//, ''), f.origin]));
    expect(origins['huge-xml-part.docx']).toBe('limit');
    expect(Object.entries(origins).filter(([, o]) => o !== 'cached')).toEqual([['huge-xml-part.docx', 'limit']]);
  }, 60_000);
});
