/**
 * Text dumps (.txt/.md): one paragraph block per line, tabs kept (the tables stage turns tab-separated runs
 * into tables), markdown headings read as heading levels, and converter artefacts (`**bold**`,
 * `[bookmark: …]`) removed. Decoding (UTF-8, BOM, GBK/GB18030 by detection) is shared with HTML.
 */
import { page, paragraph, type Document, type Paragraph } from './document.js';
import { decodeBytes } from './encoding.js';
import { stripArtefacts } from '../normalize/text.js';

/** `## Heading ##`: the level is the number of leading `#` (1–6), closing hashes are dropped. */
const HEADING = /^#{1,6}(?=\s|$)/u;
/** A markdown pipe-table row `| a | b |`, rewritten as tab-separated fields. */
const PIPE_ROW = /^\s*\|(.*)\|\s*$/u;
/** Spaces (not tabs) at the ends of a line that has tabs: the tabs delimit cells and must survive. */
const EDGE_SPACES = /^[ \u00a0\u3000]+|[ \u00a0\u3000]+$/gu;

/** Reads a text file into the document model: one logical page, one paragraph per line (blank lines kept). */
export async function extractText(bytes: Uint8Array): Promise<Document> {
  const decoded = decodeBytes(bytes);
  const blocks = splitLines(decoded.text).map(lineToParagraph);
  return { format: 'text', pages: [page(1, blocks)], messages: decoded.messages };
}

/** Splits on any line ending (\r\n, \r, \n); a final line ending does not make an extra empty line. */
export function splitLines(text: string): string[] {
  const lines = text.split(/\r\n|\r|\n/u);
  if (lines.length > 1 && lines.at(-1) === '') lines.pop();
  return lines;
}

/** One line → one paragraph: artefacts removed, heading level read, pipe rows turned into tab rows. */
export function lineToParagraph(line: string): Paragraph {
  const cleaned = stripArtefacts(pipeRowToTabs(line));
  const heading = HEADING.exec(cleaned.trimStart());
  if (heading !== null) {
    const text = cleaned.trimStart().slice(heading[0].length).replace(/\s#+\s*$/u, '').trim();
    return paragraph(text, { heading: heading[0].length });
  }
  return paragraph(cleaned.includes('\t') ? cleaned.replace(EDGE_SPACES, '') : cleaned.trim());
}

/** `| a | b |` → `a\tb` (cells trimmed); any other line is returned unchanged. */
export function pipeRowToTabs(line: string): string {
  const m = PIPE_ROW.exec(line);
  if (m === null || m[1] === undefined) return line;
  return m[1]
    .split('|')
    .map((field) => field.trim())
    .join('\t');
}
