/**
 * Turns the command line's INPUT... into the list of files to read: folders walked recursively in a stable
 * order (symbolic links followed, each folder once, so link loops end), hidden entries and the output folder
 * skipped, each file named as the outputs will name it. `-` stands for a list of paths read from standard input.
 */
import { readdir, realpath, stat } from 'node:fs/promises';
import { basename, join, posix, relative, resolve, sep } from 'node:path';

export type InputFile = {
  /** Where to read it. */
  readonly path: string;
  /** `source_file` in the outputs: relative to its input folder, with `/`. */
  readonly name: string;
};

/** A folder that could not be listed: its files are not in the batch, and the run says so. */
export type WalkProblem = { readonly path: string; readonly reason: string };

export type CollectOptions = {
  /** The paths `-` stands for (read from standard input by the caller). Listed paths that do not exist become failed rows. */
  readonly listed?: readonly string[];
  readonly onProblem?: (problem: WalkProblem) => void;
};

/** The input that stands for the list on standard input. */
export const STDIN_INPUT = '-';

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

type Walk = { readonly skipDir: string; readonly visited: Set<string>; readonly onProblem: (problem: WalkProblem) => void };

function reasonOf(error: unknown): string {
  const code = error instanceof Error && 'code' in error ? String(error.code) : '';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}

/** What a directory entry is once symbolic links are followed; a broken link or a loop counts as a file (it fails when read). */
async function kindOf(path: string, entry: { isDirectory(): boolean; isFile(): boolean; isSymbolicLink(): boolean }): Promise<'dir' | 'file' | 'other'> {
  if (entry.isDirectory()) return 'dir';
  if (entry.isFile()) return 'file';
  if (!entry.isSymbolicLink()) return 'other';
  const target = await stat(path).catch(() => null);
  if (target === null) return 'file';
  return target.isDirectory() ? 'dir' : target.isFile() ? 'file' : 'other';
}

async function walk(dir: string, state: Walk): Promise<string[]> {
  const real = await realpath(dir).catch(() => resolve(dir));
  if (state.visited.has(real) || real === state.skipDir) return [];
  state.visited.add(real);
  const entries = await readdir(dir, { withFileTypes: true }).catch((error: unknown) => {
    state.onProblem({ path: dir, reason: reasonOf(error) });
    return [];
  });
  const names = entries.filter((e) => !e.name.startsWith('.')).sort((a, b) => byName(a.name, b.name));
  const files: string[] = [];
  for (const entry of names) {
    const path = join(dir, entry.name);
    const kind = await kindOf(path, entry);
    if (kind === 'dir') files.push(...(await walk(path, state)));
    else if (kind === 'file') files.push(path);
  }
  return files;
}

/** Every file under `dir`, sorted, skipping hidden names and `skipDir`; each folder is walked once. */
export async function walkFolder(dir: string, skipDir: string, onProblem: (problem: WalkProblem) => void = () => undefined): Promise<string[]> {
  const skip = await realpath(skipDir).catch(() => resolve(skipDir));
  return walk(dir, { skipDir: skip, visited: new Set(), onProblem });
}

function nameOf(input: string, path: string, isFolder: boolean, several: boolean): string {
  if (!several) return isFolder ? toPosix(relative(input, path)) : basename(path);
  return posix.normalize(isFolder ? posix.join(toPosix(input), toPosix(relative(input, path))) : toPosix(input));
}

/** The inputs with `-` replaced by the listed paths; a listed path is marked so that a missing one is not a usage error. */
type Input = { readonly path: string; readonly listed: boolean };

function expandInputs(inputs: readonly string[], listed: readonly string[]): Input[] {
  return inputs.flatMap((input): Input[] => (input === STDIN_INPUT ? listed.map((path) => ({ path, listed: true })) : [{ path: input, listed: false }]));
}

/**
 * The files of all inputs, each once. With one input, names are relative to it (a file input: its own name);
 * with several, each name starts with its input as given, so two folders holding `a.pdf` stay apart.
 */
export async function collectInputs(inputs: readonly string[], outDir: string, options: CollectOptions = {}): Promise<InputFile[]> {
  const skipDir = await realpath(outDir).catch(() => resolve(outDir));
  const expanded = expandInputs(inputs, options.listed ?? []);
  const several = expanded.length > 1;
  const seen = new Set<string>();
  const files: InputFile[] = [];
  for (const input of expanded) {
    const info = await stat(input.path).catch(() => null);
    if (info === null && !input.listed) throw new InputNotFoundError(input.path);
    const isFolder = info?.isDirectory() === true;
    const state: Walk = { skipDir, visited: new Set(), onProblem: options.onProblem ?? (() => undefined) };
    const paths = isFolder ? await walk(input.path, state) : [input.path];
    for (const path of paths) {
      const key = resolve(path);
      if (seen.has(key)) continue;
      seen.add(key);
      files.push({ path, name: nameOf(input.path, path, isFolder, several) });
    }
  }
  return files;
}

/** The paths of a list (one per line, or NUL-separated as `find -print0` writes them); blank lines are skipped. */
export function parsePathList(text: string): string[] {
  const separator = text.includes('\0') ? '\0' : /\r?\n/;
  return text
    .split(separator)
    .map((line) => line.replace(/\r$/, ''))
    .filter((line) => line.trim() !== '');
}
