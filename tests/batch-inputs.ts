/** Test helper: folders of many distinct small inputs for the batch tests (each file has its own SHA-256). */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const SEEDS = join(import.meta.dirname, 'fixtures', 'shared', 'seeds');

/**
 * `count` copies of the five seed reports (../shared/seeds), round robin, each with a different number of
 * trailing spaces so that every copy is a distinct file. Returns the names written, in walk order.
 */
export async function writeSeedCopies(dir: string, count: number, prefix = 'seed'): Promise<string[]> {
  const seeds = (await readdir(SEEDS)).filter((f) => f.endsWith('.txt')).sort();
  const texts = await Promise.all(seeds.map((f) => readFile(join(SEEDS, f), 'utf8')));
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    const name = `${prefix}-${String(i).padStart(5, '0')}.txt`;
    await writeFile(join(dir, name), `${texts[i % texts.length]}${' '.repeat(Math.floor(i / texts.length) + 1)}\n`);
    names.push(name);
  }
  return names;
}

/** `count` short text files that are readable but hold no report table (not_a_report). */
export async function writeNotes(dir: string, count: number): Promise<string[]> {
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    const name = `note-${String(i).padStart(5, '0')}.txt`;
    await writeFile(join(dir, name), `会议纪要第${i}号\n本次会议讨论了政府信息公开工作的安排，共${i % 97}项议题。\n`);
    names.push(name);
  }
  return names;
}
