/**
 * Turns the command line's INPUT... into the list of files to read: folders walked recursively in a stable
 * order, hidden entries and the output folder skipped, each file named as the outputs will name it.
 */
import { readdir, stat } from 'node:fs/promises';
import { basename, join, posix, relative, resolve, sep } from 'node:path';

export type InputFile = {
  /** Where to read it. */
  readonly path: string;
  /** `source_file` in the outputs: relative to its input folder, with `/`. */
  readonly name: string;
};

/** An input that does not exist: a usage error, reported before any work starts. */
export class InputNotFoundError extends Error {
  override readonly name = 'InputNotFoundError';
  constructor(readonly input: string) {
    super(`input not found: ${input}`);
  }
}

/** Code-unit order, not locale order: the same on every machine. */
function byName(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function toPosix(path: string): string {
  return path.split(sep).join('/');
}

/** Every regular file under `dir`, sorted, skipping hidden names, `skipDir` and symlinked folders (no loops). */
export async function walkFolder(dir: string, skipDir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries.filter((e) => !e.name.startsWith('.')).sort((a, b) => byName(a.name, b.name));
  const files: string[] = [];
  for (const entry of names) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (resolve(path) !== skipDir) files.push(...(await walkFolder(path, skipDir)));
    } else if (entry.isFile()) {
      files.push(path);
    } else if (entry.isSymbolicLink()) {
      const target = await stat(path).catch(() => null);
      if (target?.isFile()) files.push(path);
    }
  }
  return files;
}

function nameOf(input: string, path: string, isFolder: boolean, several: boolean): string {
  if (!several) return isFolder ? toPosix(relative(input, path)) : basename(path);
  return posix.normalize(isFolder ? posix.join(toPosix(input), toPosix(relative(input, path))) : toPosix(input));
}

/**
 * The files of all inputs, each once. With one input, names are relative to it (a file input: its own name);
 * with several, each name starts with its input as given, so two folders holding `a.pdf` stay apart.
 */
export async function collectInputs(inputs: readonly string[], outDir: string): Promise<InputFile[]> {
  const skipDir = resolve(outDir);
  const seen = new Set<string>();
  const files: InputFile[] = [];
  for (const input of inputs) {
    const info = await stat(input).catch(() => null);
    if (info === null) throw new InputNotFoundError(input);
    const paths = info.isDirectory() ? await walkFolder(input, skipDir) : [input];
    for (const path of paths) {
      const key = resolve(path);
      if (seen.has(key)) continue;
      seen.add(key);
      files.push({ path, name: nameOf(input, path, info.isDirectory(), inputs.length > 1) });
    }
  }
  return files;
}
