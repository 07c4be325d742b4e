/**
 * `datapackage.json` written in pieces, for batches too big to hold every generic table's description at once.
 * The text is exactly what `datapackageJson` gives for the same resources: this only streams its output.
 */
import type { CsvResource } from './csv.js';
import { datapackageJson, type PackageInfo } from './datapackage.js';

type PackageJson = Record<string, unknown> & { resources: unknown[] };

/** The JSON of one resource as datapackage.json lists it (one line, for a side file). */
export function resourceJsonLine(resource: CsvResource, info: PackageInfo): string {
  const pkg = JSON.parse(datapackageJson([resource], info)) as PackageJson;
  return JSON.stringify(pkg.resources[0]);
}

/** `JSON.stringify(value, null, 2)` as it appears nested in an array of an object (two levels in). */
function nestedItem(value: unknown): string {
  return JSON.stringify(value, null, 2)
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n');
}

/**
 * The package's text in chunks: the `fixed` resources first, then one resource per line of `extraLines`
 * (from `resourceJsonLine`), then the reports.jsonl resource, as `datapackageJson([...fixed, ...extra])`.
 */
export async function* datapackageChunks(fixed: readonly CsvResource[], extraLines: AsyncIterable<string>, info: PackageInfo): AsyncGenerator<string> {
  const pkg = JSON.parse(datapackageJson(fixed, info)) as PackageJson;
  const trailing = pkg.resources.slice(fixed.length);
  const shell = JSON.stringify({ ...pkg, resources: [] }, null, 2);
  const marker = '"resources": []';
  const at = shell.lastIndexOf(marker);
  yield `${shell.slice(0, at)}"resources": [`;
  let separator = '\n';
  const item = (value: unknown): string => {
    const text = `${separator}${nestedItem(value)}`;
    separator = ',\n';
    return text;
  };
  for (const value of pkg.resources.slice(0, fixed.length)) yield item(value);
  for await (const line of extraLines) if (line !== '') yield item(JSON.parse(line));
  for (const value of trailing) yield item(value);
  yield `\n  ]${shell.slice(at + marker.length)}\n`;
}
