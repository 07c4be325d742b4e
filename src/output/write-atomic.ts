/**
 * The one place output files reach the disk. Each file is written under a temporary name in the same
 * folder and renamed over the target, so a killed run leaves either the old file or the new one, never half.
 */
import { mkdir, open, rename, rm, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

let counter = 0;

/** A hidden name beside the target (hidden, so a later run's folder walk skips it). */
function tempPathFor(path: string): string {
  counter += 1;
  return join(dirname(path), `.${basename(path)}.${process.pid}.${counter}.tmp`);
}

/**
 * Folders this process made or found: a batch writes thousands of files into a few hundred folders, and a
 * `mkdir` for each would double the calls into the file system.
 */
const knownFolders = new Set<string>();

/** Opens the temporary file, making its folder first unless it is known; a known folder removed since is made again. */
async function openTemp(path: string): Promise<{ temp: string; handle: FileHandle }> {
  const folder = dirname(path);
  const temp = tempPathFor(path);
  if (knownFolders.has(folder)) {
    const handle = await open(temp, 'w').catch((error: unknown) => {
      if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return null;
      throw error;
    });
    if (handle !== null) return { temp, handle };
  }
  await mkdir(folder, { recursive: true });
  knownFolders.add(folder);
  return { temp, handle: await open(temp, 'w') };
}

/** Writes the chunks to `path` atomically, creating its folder. Streams: no chunk is held after it is written. */
export async function writeAtomicChunks(path: string, chunks: Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>): Promise<void> {
  const { temp, handle } = await openTemp(path);
  try {
    for await (const chunk of chunks) {
      if (typeof chunk === 'string') await handle.write(chunk, null, 'utf8');
      else await handle.write(chunk);
    }
    // No fsync: the rename already protects against a killed run, and an fsync per file slows big batches.
    await handle.close();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(temp, { force: true });
    throw error;
  }
  try {
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** Writes one string or byte array to `path` atomically. */
export async function writeAtomic(path: string, content: string | Uint8Array): Promise<void> {
  await writeAtomicChunks(path, [content]);
}
