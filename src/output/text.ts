/** `text/<report_id>.txt` (with --text): the report's full text in reading order, tables as tab-separated rows. */
import type { Report } from '../report/report.js';

export const TEXT_DIR = 'text';

export type TextFile = { readonly path: string; readonly content: string };

/** Path relative to the output folder, and the text ending in one newline. */
export function textFile(report: Report): TextFile {
  const body = report.text.replace(/\n*$/, '');
  return { path: `${TEXT_DIR}/${report.id}.txt`, content: body === '' ? '' : `${body}\n` };
}
