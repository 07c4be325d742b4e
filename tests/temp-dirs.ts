/**
 * Test helper: temporary folders under os.tmpdir() that are removed when the test is done, pass or fail.
 *
 * Importing this module registers its hooks on the importing test file (vitest runs each file in isolation,
 * so every file gets its own copy). A folder made inside a test is removed after that test (afterEach); one
 * made outside a test, i.e. in a beforeAll, is shared by several tests and removed after the file (afterAll).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach } from 'vitest';

export type TempDirOptions = {
  /** Leave the folder in place (to look at what a test wrote); the caller says where it is. */
  readonly keep?: boolean;
};

/** True between a test's beforeEach and afterEach: tests in a file run one after another. */
let inTest = false;
const perTest: string[] = [];
const perFile: string[] = [];

async function removeAll(dirs: string[]): Promise<void> {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
}

beforeEach(() => {
  inTest = true;
});

afterEach(async () => {
  inTest = false;
  await removeAll(perTest);
});

afterAll(async () => {
  await removeAll(perFile);
});

/** A new empty folder `<os.tmpdir()>/<prefix>XXXXXX`, removed after the current test (or after the file). */
export async function tempDir(prefix: string, options: TempDirOptions = {}): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  if (options.keep !== true) (inTest ? perTest : perFile).push(dir);
  return dir;
}
