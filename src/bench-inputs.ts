/**
 * The benchmark's batch: real files of every format (samples/, tests/fixtures/, tests/fixtures/shared/corpus/ PDFs and
 * tests/fixtures/shared/seeds/ text dumps) copied round robin into one folder until it holds the number of files asked for.
 * Each copy gets bytes that change its SHA-256 but not its content (a PDF comment after %%EOF, a zip comment,
 * trailing whitespace), so no copy is served from another's result.
 */
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { findEndOfDirectory } from './extract/zip-directory.js';

export type BenchSource = { readonly path: string; readonly kind: 'pdf' | 'docx' | 'html' | 'text' | 'doc' };

const KINDS: Readonly<Record<string, BenchSource['kind']>> = { '.pdf': 'pdf', '.docx': 'docx', '.html': 'html', '.htm': 'html', '.txt': 'text', '.doc': 'doc' };
/** Fixture folders whose files are readable documents (broken/ and bad/ are left out: they measure nothing). */
const FIXTURE_DIRS = ['tests/fixtures/reports', 'tests/fixtures/docx', 'tests/fixtures/html', 'tests/fixtures/doc'];
/** Files that are not documents to measure: refused by design, or hostile (nested-forms.pdf runs until the time limit). */
const SKIP = /encrypted|truncated|no-text-layer|nested-forms/;

async function filesIn(dir: string, recursive: boolean): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive }).catch(() => []);
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** Every source document the benchmark draws from, in a fixed order; the corpus folder may be absent. */
export async function benchSources(repoRoot: string, corpusDir: string): Promise<BenchSource[]> {
  const paths = [
    ...(await filesIn(join(repoRoot, 'samples'), true)),
    ...(await Promise.all(FIXTURE_DIRS.map((d) => filesIn(join(repoRoot, d), false)))).flat(),
    ...(await filesIn(join(repoRoot, 'tests/fixtures/pdf'), false)),
    ...(await filesIn(corpusDir, false)),
    ...(await filesIn(join(corpusDir, '..', 'seeds'), false)),
  ];
  const sources: BenchSource[] = [];
  const seen = new Set<string>();
  for (const path of paths) {
    const kind = KINDS[extname(path).toLowerCase()];
    if (kind === undefined || SKIP.test(path)) continue;
    // samples/ repeats some fixtures and seeds: each document once, or the batch would hold duplicates.
    const sha = createHash('sha256').update(await readFile(path)).digest('hex');
    if (!seen.has(sha)) sources.push({ path, kind });
    seen.add(sha);
  }
  return sources;
}

/** A zip with a comment of `n` spaces: the same archive, other bytes. */
function withZipComment(bytes: Uint8Array, n: number): Uint8Array {
  const eocd = findEndOfDirectory(bytes);
  if (eocd < 0) return bytes;
  const out = Buffer.alloc(eocd + 22 + n, 0x20);
  out.set(bytes.subarray(0, eocd + 22));
  out.writeUInt16LE(n, eocd + 20);
  return out;
}

/** The bytes of copy number `n` (0 = the original). */
export function distinctCopy(bytes: Uint8Array, kind: BenchSource['kind'], n: number): Uint8Array {
  if (n === 0) return bytes;
  switch (kind) {
    case 'pdf':
      return Buffer.concat([bytes, Buffer.from(`\n%nianbao-bench ${n}\n`, 'latin1')]);
    case 'docx':
      return withZipComment(bytes, n);
    case 'html':
    case 'text':
      return Buffer.concat([bytes, Buffer.from(`\n${' '.repeat(n)}\n`, 'latin1')]);
    case 'doc':
      // An OLE file ignores bytes after its last sector.
      return Buffer.concat([bytes, Buffer.alloc(512 * n)]);
    default: {
      const never: never = kind;
      return never;
    }
  }
}

/** Writes `count` files into `dir` (sources round robin, each copy distinct) and returns their paths. */
export async function writeBenchBatch(dir: string, sources: readonly BenchSource[], count: number): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const cache = new Map<string, Uint8Array>();
  const written: string[] = [];
  for (let i = 0; i < count; i++) {
    const source = sources[i % sources.length]!;
    const copy = Math.floor(i / sources.length);
    const target = join(dir, `${String(i).padStart(5, '0')}${extname(source.path).toLowerCase()}`);
    if (copy === 0) await copyFile(source.path, target);
    else {
      const bytes = cache.get(source.path) ?? new Uint8Array(await readFile(source.path));
      cache.set(source.path, bytes);
      await writeFile(target, distinctCopy(bytes, source.kind, copy));
    }
    written.push(target);
  }
  return written;
}
