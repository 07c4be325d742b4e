/** Whole reads and writes on an open file: one `read` or `write` call may move fewer bytes than it was asked to. */
import type { FileHandle } from 'node:fs/promises';

/** Reads up to `length` bytes from the start of the file into `buffer`; returns how many it got (fewer at the file's end). */
export async function readFully(handle: FileHandle, buffer: Uint8Array, length: number): Promise<number> {
  let filled = 0;
  while (filled < length) {
    const { bytesRead } = await handle.read(buffer, filled, length - filled, filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return filled;
}

/** Writes every byte at the file's current position. */
export async function writeAll(handle: FileHandle, bytes: Uint8Array): Promise<void> {
  let written = 0;
  while (written < bytes.byteLength) {
    const { bytesWritten } = await handle.write(bytes, written, bytes.byteLength - written);
    written += bytesWritten;
  }
}
